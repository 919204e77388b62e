//! The turnout page and the meeting page's turnout line:
//!
//! - `GET /{slug}/moten/deltagande`: the share of the registry's associations that took part,
//!   per year and per meeting (public: counts only, no names)

use super::domain::{self, MeetingTurnout};
use super::store;
use crate::paths;
use crate::store::Meeting;
use crate::views::listed;
use platform::format;
use platform::web::prelude::*;

pub fn router() -> Routes {
    Routes::new().route("/{slug}/moten/deltagande", get(page))
}

/// What a meeting's turnout says: "4 av 40 föreningar i registret (10 %) är anmälda." or,
/// once attendance is recorded, "… deltog".
fn sentence(ctx: &Ctx, t: &MeetingTurnout, whole: i64) -> String {
    let id = if t.attended.is_some() {
        "meetings-turnout-attended"
    } else {
        "meetings-turnout-registered"
    };
    let n = t.took_part();
    ctx.tr.ta(
        id,
        &[
            ("n", &n.to_string()),
            ("whole", &whole.to_string()),
            ("percent", &domain::percent(n, whole).unwrap_or(0).to_string()),
        ],
    )
}

/// The meeting page's line about the associations that took part; `None` when nobody has
/// registered through the platform.
pub async fn meeting_line(state: &AppState, ctx: &Ctx, m: &Municipality, mt: &Meeting) -> AppResult<Option<String>> {
    let regs = store::registrations(&state.db, m.id, Some(mt.id)).await?;
    let Some(t) = domain::per_meeting(&regs).remove(&mt.id) else {
        return Ok(None);
    };
    let whole = registry::public::association_count(&state.db, m.id).await?;
    Ok(Some(sentence(ctx, &t, whole)))
}

struct Year {
    year: i32,
    meetings: usize,
    associations: usize,
    percent: String,
}

struct Row {
    href: String,
    title: String,
    date: String,
    text: String,
}

#[derive(Template)]
#[template(path = "meetings_turnout.html")]
struct TurnoutPage {
    page: Page,
    whole: String,
    years: Vec<Year>,
    meetings: Vec<Row>,
    back: String,
}

async fn page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let regs = store::registrations(&state.db, m.id, None).await?;
    let all = crate::store::meetings(&state.db, m.id, None).await?;
    let whole = registry::public::association_count(&state.db, m.id).await?;
    let year_of = |id| {
        all.iter()
            .find(|mt| mt.id == id)
            .and_then(|mt| format::local_date(mt.starts_at))
            .map(|d| chrono::Datelike::year(&d))
    };
    let years = domain::per_year(&regs, year_of)
        .into_iter()
        .map(|y| Year {
            year: y.year,
            meetings: y.meetings,
            associations: y.associations,
            percent: domain::percent(y.associations, whole).map_or_else(String::new, |p| format!("{p} %")),
        })
        .collect();
    let per = domain::per_meeting(&regs);
    let meetings = all
        .iter()
        .rev()
        .filter_map(|mt| {
            per.get(&mt.id).map(|t| Row {
                href: paths::meeting(&m.slug, mt.id),
                title: listed(&ctx, mt),
                date: format::date(mt.starts_at),
                text: sentence(&ctx, t, whole),
            })
        })
        .collect();
    html(&TurnoutPage {
        page: ctx.page_in(&m, ctx.t("meetings-turnout-title")),
        whole: ctx.tr.tn("meetings-turnout-whole", "whole", whole),
        years,
        meetings,
        back: paths::list(&m.slug),
    })
}
