//! What the meetings' pages share: a meeting looked up for a page, its time and seats as the
//! pages say them, and a form's problems marked on its fields.

use crate::domain::{self, Problem, Problems};
use crate::ids::MeetingId;
use crate::store::{self, Meeting};
use platform::format;
use platform::web::prelude::*;

/// The meeting of the path, or the Swedish 404.
pub async fn meeting(state: &AppState, m: &Municipality, id: MeetingId) -> AppResult<Meeting> {
    store::meeting(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

/// The meeting of a participant's e-mailed link, or `None` when the link has expired
/// ([`domain::personal_link_valid`]).
pub async fn link_meeting(state: &AppState, m: &Municipality, id: MeetingId) -> AppResult<Option<Meeting>> {
    let mt = meeting(state, m, id).await?;
    Ok(domain::personal_link_valid(mt.ends_at, state.now()).then_some(mt))
}

/// A page of one meeting (its registration, minutes, invitation…): the meeting stands between
/// the meetings and this page in the breadcrumbs.
pub fn meeting_page(ctx: &Ctx, m: &Municipality, mt: &Meeting, title: String) -> Page {
    ctx.page_in(m, title)
        .via(crate::paths::meeting(&m.slug, mt.id), mt.title.clone())
}

/// The page of an expired link (410 Gone): what happened and whom to ask instead.
pub fn link_expired(ctx: &Ctx, m: &Municipality) -> AppResult<Response> {
    let mut p = FormPage::new(ctx.page_in(m, ctx.t("meetings-link-expired-title")));
    p.notice = Some(ctx.tr.ta(
        "meetings-link-expired",
        &[("days", &domain::LINK_DAYS), ("name", &m.name)],
    ));
    html_status(StatusCode::GONE, &p)
}

/// "2018-09-20 kl. 19:00–21:00 (samling 18:30)".
pub fn when(tr: &platform::i18n::Tr, mt: &Meeting) -> String {
    let mut s = format!(
        "{} {} {}–{}",
        format::date(mt.starts_at),
        tr.t("meetings-at"),
        domain::clock(mt.starts_at),
        domain::clock(mt.ends_at)
    );
    if let Some(g) = mt.gathering_at {
        s.push_str(&format!(" ({} {})", tr.t("meetings-gathering-short"), domain::clock(g)));
    }
    s
}

pub fn seats(ctx: &Ctx, mt: &Meeting) -> String {
    match mt.seats_left() {
        None => ctx.tr.ta("meetings-seats-unlimited", &[("n", &mt.confirmed)]),
        Some(0) => ctx.tr.ta("meetings-seats-full", &[("waiting", &mt.waiting)]),
        Some(n) => ctx.tr.ta(
            "meetings-seats-left",
            &[("n", &n), ("capacity", &mt.capacity.unwrap_or(0))],
        ),
    }
}

pub fn mark(form: &mut Form, ctx: &Ctx, problems: &Problems) {
    for (field, p) in problems {
        match p {
            Problem::Rule(why) => form.invalid(&ctx.tr, field, *why),
            p => form.error(field, ctx.t(p.message_id())),
        }
    }
}

/// A path with the token of an e-mailed link (`…/avanmalan/{token}`, `…/avregistrera/{token}`).
#[derive(serde::Deserialize)]
pub struct TokenPath {
    pub token: String,
}

/// Whether the signed-in person coordinates this municipality.
pub fn coordinates(ctx: &Ctx, m: &Municipality) -> bool {
    ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id))
}

/// A meeting's title in the lists, saying when it is called off.
pub fn listed(ctx: &Ctx, mt: &Meeting) -> String {
    match mt.cancelled_at {
        Some(_) => ctx.tr.ta("meetings-listed-called-off", &[("title", &mt.title)]),
        None => mt.title.clone(),
    }
}
