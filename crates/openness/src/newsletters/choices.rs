//! The newsletter form's choices beside the groups: one dialog meeting of the municipality (its
//! registered participants) and one category of the registry (its associations' contacts),
//! asked of `meetings::public` and `registry::public`. A chosen meeting must be one of the
//! municipality's, else the form is refused.

use super::targets::Target;
use crate::problem::Problem;
use platform::web::prelude::*;

/// The select's options, (value, label), each list led by "none".
pub(super) struct Choices {
    meetings: Vec<(String, String)>,
    categories: Vec<(String, String)>,
}

/// The municipality's meetings (called-off ones left out) and the registry's categories: one
/// query.
pub(super) async fn load(state: &AppState, ctx: &Ctx, m: &Municipality) -> AppResult<Choices> {
    let mut meetings = vec![(String::new(), ctx.t("openness-newsletter-meeting-none"))];
    meetings.extend(
        meetings::public::meetings(&state.db, m.id, &m.slug)
            .await?
            .into_iter()
            .filter(|mt| !mt.cancelled)
            .map(|mt| {
                let when = platform::format::datetime(mt.starts_at);
                (mt.id.get().to_string(), format!("{} ({when})", mt.title))
            }),
    );
    let mut categories = vec![(String::new(), ctx.t("openness-newsletter-category-none"))];
    categories.extend(
        registry::public::categories()
            .into_iter()
            .map(|(code, message)| (code.to_string(), ctx.t(message))),
    );
    Ok(Choices { meetings, categories })
}

/// The two selects of the form.
pub(super) fn fields(ctx: &Ctx, c: &Choices) -> [Field; 2] {
    [
        Field::new("meeting", ctx.t("openness-newsletter-meeting"), FieldKind::Select)
            .options(c.meetings.clone())
            .hint(ctx.t("openness-newsletter-meeting-hint")),
        Field::new("category", ctx.t("openness-newsletter-category"), FieldKind::Select).options(c.categories.clone()),
    ]
}

/// The stored tokens of what was chosen (`meeting:12`, `category:idrott`), or the fields whose
/// choice is not among the options (another municipality's meeting, an unknown category).
pub(super) fn tokens(
    c: &Choices,
    meeting: Option<&str>,
    category: Option<&str>,
) -> Result<Vec<String>, Vec<(&'static str, Problem)>> {
    let mut tokens = vec![];
    let mut errors = vec![];
    let mut pick =
        |field: &'static str, value: Option<&str>, options: &[(String, String)], token: fn(&str) -> String| {
            let value = value.unwrap_or("").trim();
            if value.is_empty() {
                return;
            }
            match options.iter().find(|(v, _)| v == value).map(|(v, _)| token(v)) {
                Some(t) if Target::parse(&t).is_some() => tokens.push(t),
                _ => errors.push((field, Problem::Id("openness-newsletter-err-choice"))),
            }
        };
    pick("meeting", meeting, &c.meetings, |v| format!("meeting:{v}"));
    pick("category", category, &c.categories, |v| format!("category:{v}"));
    if errors.is_empty() {
        Ok(tokens)
    } else {
        Err(errors)
    }
}
