//! The public form's registrations, confirmed by e-mail: the form answers the same whatever the
//! address (the mail says whether it was already registered), and the registration counts when
//! the mailed link is used.
//!
//! - `GET|POST /{slug}/moten/bekrafta/{token}`: confirm a registration

use super::pages::{register_intro, registered_page, render_register};
use super::pending::{self, Held};
use super::store::RegisterError;
use crate::domain::{RegistrationForm, RegistrationInput};
use crate::letters::Letters;
use crate::paths;
use crate::store::Meeting;
use crate::views::{self, TokenPath};
use platform::audit::Change;
use platform::db;
use platform::mail;
use platform::web::prelude::*;

/// Keep the registration until it is confirmed and mail the link (or, when the address is
/// already registered, tell its owner); the page is the same in both cases.
pub(super) async fn hold(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    _form: &RegistrationForm,
    input: &RegistrationInput,
) -> AppResult<Response> {
    let token = state.random.token(32);
    let letters = Letters::new(state, &m.slug);
    let now = state.now();
    let held = db::write(&state.db, now, async |tx| {
        let (email, action) = match pending::hold(tx, m.id, mt.id, input, &token, now).await? {
            Held::New(meeting) => (
                letters.confirm(&meeting, &input.name, &input.email, &token),
                "meetings.registration.hold",
            ),
            Held::Already(meeting) => (letters.already(&meeting, &input.email), "meetings.registration.again"),
        };
        mail::queue(tx, Some(m.id), &email, now).await?;
        let change = Change::new(m.id, None, action, "meetings_meeting", mt.id, &mt.title);
        Ok::<_, RegisterError>(((), change))
    })
    .await;
    match held {
        Ok(()) => {
            state.jobs_wakeup.notify_one();
            let mut p = FormPage::new(ctx.page_in(m, ctx.t("meetings-check-mail-title")));
            p.notice = Some(
                ctx.tr
                    .ta("meetings-check-mail", &[("title", &mt.title), ("email", &input.email)]),
            );
            p.intro = register_intro(ctx, mt);
            p.links = vec![(paths::meeting(&m.slug, mt.id), ctx.t("meetings-back-to-meeting"))];
            html(&p)
        }
        Err(RegisterError::Closed) => render_register(ctx, m, mt, None, StatusCode::UNPROCESSABLE_ENTITY),
        Err(RegisterError::NotFound) | Err(RegisterError::Already) => Err(AppError::NotFound("err-not-found")),
        Err(RegisterError::Db(e)) => Err(e.into()),
    }
}

pub(super) async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    let (meeting_id, input) = pending::find(&state.db, m.id, &token, state.now())
        .await?
        .ok_or(AppError::NotFound("meetings-err-no-pending"))?;
    let mt = views::meeting(&state, &m, meeting_id).await?;
    let mut p = FormPage::new(crate::views::meeting_page(
        &ctx,
        &m,
        &mt,
        ctx.tr.ta("meetings-confirm-title", &[("title", &mt.title)]),
    ));
    p.intro = register_intro(&ctx, &mt);
    p.intro.insert(
        0,
        ctx.tr.ta(
            "meetings-confirm-intro",
            &[("name", &input.name), ("email", &input.email)],
        ),
    );
    p.form = Some(Form::new(
        paths::confirm(&m.slug, &token),
        ctx.t("meetings-submit-confirm"),
        vec![],
    ));
    p.links = vec![(paths::meeting(&m.slug, mt.id), ctx.t("meetings-back-to-meeting"))];
    html(&p)
}

pub(super) async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    let now = state.now();
    // Take the waiting registration (once) and register it in the same transaction, so that a
    // crash between the two cannot lose it: the seat is counted under the meeting's lock as for
    // every registration, and the mail is queued with it.
    let letters = Letters::new(&state, &m.slug);
    let cancel = state.random.token(32);
    let seated = db::write(&state.db, now, async |tx| {
        let Some((meeting_id, input)) = pending::take(tx, m.id, &token, now).await? else {
            return Err(RegisterError::NotFound);
        };
        let (status, change) = super::seat_in(tx, &letters, &m, meeting_id, &input, &cancel, now).await?;
        Ok(((meeting_id, input, status), change))
    })
    .await;
    let (meeting_id, input) = match &seated {
        Ok((id, input, _)) => (*id, input.clone()),
        Err(RegisterError::NotFound) => return Err(AppError::NotFound("meetings-err-no-pending")),
        Err(_) => match pending::find(&state.db, m.id, &token, now).await? {
            Some(found) => found,
            None => return Err(AppError::NotFound("meetings-err-no-pending")),
        },
    };
    let mt = views::meeting(&state, &m, meeting_id).await?;
    match seated.map(|(_, _, status)| status) {
        Ok(status) => {
            state.jobs_wakeup.notify_one();
            registered_page(&ctx, &m, &mt, status, &input.email, &cancel)
        }
        Err(RegisterError::Already) => {
            let mut p = FormPage::new(crate::views::meeting_page(
                &ctx,
                &m,
                &mt,
                ctx.tr.ta("meetings-confirm-title", &[("title", &mt.title)]),
            ));
            p.notice = Some(ctx.t("meetings-err-already"));
            p.links = vec![(paths::meeting(&m.slug, mt.id), ctx.t("meetings-back-to-meeting"))];
            html_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
        }
        Err(RegisterError::Closed) => render_register(&ctx, &m, &mt, None, StatusCode::UNPROCESSABLE_ENTITY),
        Err(RegisterError::NotFound) => Err(AppError::NotFound("err-not-found")),
        Err(RegisterError::Db(e)) => Err(e.into()),
    }
}
