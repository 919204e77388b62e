//! The names a municipality gives the principles of its agreement in force, by number, as the
//! tags of decisions and news name them ("Princip 5: Öppenhet och insyn"; "Princip 5" alone when
//! no agreement is adopted). Asked of the agreement once per page.

use platform::i18n::Tr;
use platform::web::prelude::*;
use std::collections::HashMap;

pub(crate) struct PrincipleNames(HashMap<i64, String>);

impl PrincipleNames {
    pub(crate) async fn of(state: &AppState, m: &Municipality) -> AppResult<PrincipleNames> {
        let names = agreement::public::principles_in_force(&state.db, m.id)
            .await?
            .into_iter()
            .map(|p| (p.position, p.name))
            .collect();
        Ok(PrincipleNames(names))
    }

    /// Principle `n` as a tag.
    pub(crate) fn tag(&self, tr: &Tr, n: i64) -> String {
        match self.0.get(&n) {
            Some(name) => tr.ta("openness-tag-principle-named", &[("n", &n), ("name", name)]),
            None => tr.ta("openness-tag-principle", &[("n", &n)]),
        }
    }
}
