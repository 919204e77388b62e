//! How the grant facts read on the profile page: board size and last annual meeting for
//! everyone; the payout account and the statutes only for the organisation's representatives
//! and the municipality's staff.

use crate::facts::store::StoredFacts;
use crate::paths;
use platform::web::prelude::*;

/// What the profile page shows of the grant facts.
pub(crate) struct Shown {
    /// (label, value), for the page's list of facts.
    pub facts: Vec<(String, String)>,
    /// The statutes' download link and file name.
    pub statutes: Option<(String, String)>,
}

pub(crate) fn shown(ctx: &Ctx, m: &Municipality, f: &StoredFacts, private: bool) -> Shown {
    let mut facts = vec![];
    if let Some(n) = f.board_members {
        facts.push((ctx.t("registry-field-board"), n.to_string()));
    }
    if let Some(d) = f.annual_meeting_on {
        facts.push((ctx.t("registry-field-annual-meeting"), d.to_string()));
    }
    if !private {
        return Shown { facts, statutes: None };
    }
    facts.push((
        ctx.t("registry-field-giro-kind"),
        match &f.giro {
            Some((kind, number)) => format!("{} {number}", ctx.t(kind.message_id())),
            None => ctx.t("registry-giro-missing"),
        },
    ));
    let statutes = match &f.statutes {
        Some((name, _)) => Some((paths::statutes(m, f.organisation_id), name.clone())),
        None => {
            facts.push((ctx.t("registry-statutes-heading"), ctx.t("registry-statutes-none")));
            None
        }
    };
    Shown { facts, statutes }
}
