//! A season's lifecycle (issue 15).
//!
//! - `POST /{slug}/lokaler/sasong/{id}/stang`: staff close the season early; applications stop
//!   being taken from that moment, and the season's pages say when it was closed
//! - `GET|POST /{slug}/lokaler/sasong/{id}/helgdagar`: staff list the season's holidays, which
//!   no weekly time allocated from the season takes (applicants see them listed)
//! - `GET|POST /{slug}/lokaler/sasong/{id}/ansok?andra={application}`: an applicant changes their
//!   own application (the application page's form, filled in)
//! - `POST /{slug}/lokaler/sasong/{id}/aterta`: an applicant withdraws their own application
//!
//! An applicant may change or withdraw an application until the last day to apply (or until
//! the coordinator closes the season) and only while staff have not decided on it.

use super::domain::{ApplicationForm, SeasonStatus};
use super::lifecycle::{self, HolidayProblem};
use super::lifecycle_store as ls;
use super::routes::{self as sr, base, check, get_season, render_apply, represented, ApplyExtra};
use super::store::{self, Application, Season};
use crate::domain;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use platform::auth::{require_staff, require_user, CurrentUser};
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::layout::{html_status, Field, FieldKind, Form, FormPage};
use platform::tenants::{Municipality, Tenant};
use platform::web::Routes;
use platform::AppState;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/lokaler/sasong/{id}/ansok", get(apply_page).post(apply_save))
        .route("/{slug}/lokaler/sasong/{id}/stang", post(close))
        .route(
            "/{slug}/lokaler/sasong/{id}/helgdagar",
            get(holidays_page).post(holidays_save),
        )
        .route("/{slug}/lokaler/sasong/{id}/aterta", post(withdraw))
}

/// `?andra=`: the application being changed.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct EditQuery {
    andra: String,
}

impl EditQuery {
    fn id(&self) -> Option<i64> {
        self.andra.trim().parse().ok()
    }
}

async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let s = get_season(&state, &m, &id).await?;
    // A season already closed or published stays as it is; its page says which.
    ls::close(&state.db, m.id, s.id, user, state.now()).await?;
    Ok(Redirect::to(&format!("{}/{}", base(&m), s.id)).into_response())
}

/// The application page, or with `?andra=` the form to change one's own application.
async fn apply_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<EditQuery>,
) -> AppResult<Response> {
    let Some(edit) = q.id() else {
        return sr::apply_page(State(state), ctx, Tenant(m), Path((slug, id))).await;
    };
    let user = require_user(ctx.user.as_ref())?;
    let s = get_season(&state, &m, &id).await?;
    edit_page(&state, &ctx, &m, &s, user, edit).await
}

/// A new application, or with `?andra=` a change to one's own.
async fn apply_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<EditQuery>,
    Input(f): Input<ApplicationForm>,
) -> AppResult<Response> {
    let Some(edit) = q.id() else {
        return sr::apply_save(State(state), ctx, Tenant(m), Path((slug, id)), Input(f)).await;
    };
    let user = require_user(ctx.user.as_ref())?;
    let s = get_season(&state, &m, &id).await?;
    if represented(user, m.id).is_empty() {
        return Err(AppError::Forbidden);
    }
    edit_save(&state, &ctx, &m, &s, user, edit, &f).await
}

// --- Holidays ---

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct HolidaysForm {
    holidays: String,
}

fn holidays_form(ctx: &Ctx, m: &Municipality, s: &Season, text: &str) -> Form {
    let mut form = Form::new(
        format!("{}/{}/helgdagar", base(m), s.id),
        ctx.t("seasons-submit-holidays"),
        vec![
            Field::new("holidays", ctx.t("seasons-field-holidays"), FieldKind::TextArea)
                .hint(ctx.t("seasons-field-holidays-hint")),
        ],
    );
    form.fill(|k| (k == "holidays").then(|| text.to_string()));
    form
}

fn holidays_view(ctx: &Ctx, m: &Municipality, s: &Season, form: Option<Form>) -> FormPage {
    let mut p = FormPage::new(ctx.page_in(m, ctx.tr.ta("seasons-holidays-title", &[("season", &s.name)])));
    p.intro = vec![ctx.tr.ta(
        "seasons-holidays-intro",
        &[("first", &s.first_date), ("last", &s.last_date)],
    )];
    if form.is_none() {
        p.intro.push(ctx.t("seasons-holidays-published"));
    }
    p.form = form;
    p.links = vec![(format!("{}/{}", base(m), s.id), ctx.t("seasons-back-to-season"))];
    p
}

async fn holidays_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let s = get_season(&state, &m, &id).await?;
    let text = lifecycle::holidays_text(&ls::holidays(&state.db, m.id, s.id).await?);
    let form = (s.status != SeasonStatus::Published).then(|| holidays_form(&ctx, &m, &s, &text));
    html_status(StatusCode::OK, &holidays_view(&ctx, &m, &s, form))
}

async fn holidays_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<HolidaysForm>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let s = get_season(&state, &m, &id).await?;
    // The published season's weekly times are booked: its holidays no longer change anything.
    if s.status == SeasonStatus::Published {
        return html_status(StatusCode::CONFLICT, &holidays_view(&ctx, &m, &s, None));
    }
    let (Some(first), Some(last)) = (domain::parse_date(&s.first_date), domain::parse_date(&s.last_date)) else {
        return Err(AppError::NotFound("err-not-found"));
    };
    match lifecycle::parse_holidays(&f.holidays, first, last) {
        Ok(list) => {
            ls::set_holidays(&state.db, m.id, s.id, &list, user, state.now()).await?;
            Ok(Redirect::to(&format!("{}/{}", base(&m), s.id)).into_response())
        }
        Err(problems) => {
            let mut form = holidays_form(&ctx, &m, &s, &f.holidays);
            let msgs: Vec<String> = problems
                .iter()
                .map(|p| match p {
                    HolidayProblem::NotADate(line) => ctx.tr.ta("seasons-err-holiday-date", &[("line", line)]),
                    HolidayProblem::Outside(d) => ctx.tr.ta(
                        "seasons-err-holiday-outside",
                        &[
                            ("date", &d.to_string()),
                            ("first", &s.first_date),
                            ("last", &s.last_date),
                        ],
                    ),
                    HolidayProblem::NameTooLong(d) => {
                        ctx.tr.ta("seasons-err-holiday-name", &[("date", &d.to_string())])
                    }
                })
                .collect();
            form.error("holidays", msgs.join(" "));
            html_status(form.status(), &holidays_view(&ctx, &m, &s, Some(form)))
        }
    }
}

// --- An applicant's changes ---

/// The person's own application in the season, or a 404.
async fn own(state: &AppState, m: &Municipality, s: &Season, user: &CurrentUser, id: i64) -> AppResult<Application> {
    store::applications_of_user(&state.db, m.id, s.id, user.id)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound("err-not-found"))
}

/// Whether the applicant may still change it; the refusal in words when not.
fn refusal(ctx: &Ctx, state: &AppState, s: &Season, a: &Application) -> Option<String> {
    let open = s.open_on(domain::local_date(state.now()));
    lifecycle::may_change(open, a.status, a.decided_at.is_some())
        .err()
        .map(|why| ctx.tr.ta(why.message_id(), &[("date", &s.apply_until)]))
}

fn form_of(a: &Application) -> ApplicationForm {
    ApplicationForm {
        organisation: a.organisation_id.map(|o| o.to_string()).unwrap_or_default(),
        room: a.room_id.to_string(),
        weekday: a.weekday.to_string(),
        start: domain::hhmm(a.start_min),
        end: domain::hhmm(a.end_min),
        target_group: a.target_group.as_str().to_string(),
        attendees: a.attendees.to_string(),
        email: a.email.clone(),
        note: a.note.clone(),
    }
}

fn blank(user: &CurrentUser, m: &Municipality) -> ApplicationForm {
    ApplicationForm {
        organisation: represented(user, m.id)
            .first()
            .map(|o| o.0.to_string())
            .unwrap_or_default(),
        email: user.email.clone(),
        ..Default::default()
    }
}

/// The application page with its form filled in from the application being changed, or with
/// the reason it can no longer change.
async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    s: &Season,
    user: &CurrentUser,
    id: i64,
) -> AppResult<Response> {
    let a = own(state, m, s, user, id).await?;
    let extra = match refusal(ctx, state, s, &a) {
        Some(r) => ApplyExtra {
            refused: Some(r),
            ..Default::default()
        },
        None => ApplyExtra {
            editing: Some(a.id),
            ..Default::default()
        },
    };
    let f = if extra.editing.is_some() {
        form_of(&a)
    } else {
        blank(user, m)
    };
    render_apply(state, ctx, m, s, user, &f, &[], extra).await
}

/// Save a change to one's own application.
async fn edit_save(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    s: &Season,
    user: &CurrentUser,
    id: i64,
    f: &ApplicationForm,
) -> AppResult<Response> {
    let a = own(state, m, s, user, id).await?;
    if let Some(r) = refusal(ctx, state, s, &a) {
        return refused(state, ctx, m, s, user, r).await;
    }
    let orgs = represented(user, m.id);
    match check(state, m, &orgs, f).await? {
        Ok(new) => {
            let name = orgs
                .iter()
                .find(|o| o.0 == new.organisation_id)
                .map(|o| o.1.clone())
                .unwrap_or_default();
            if !ls::edit_application(&state.db, m.id, s.id, a.id, &new, &name, user, state.now()).await? {
                // Decided on a moment ago.
                let r = ctx.tr.ta("seasons-err-change-decided", &[("date", &s.apply_until)]);
                return refused(state, ctx, m, s, user, r).await;
            }
            let extra = ApplyExtra {
                notice: Some(ctx.t("seasons-done-edit")),
                ..Default::default()
            };
            render_apply(state, ctx, m, s, user, &blank(user, m), &[], extra).await
        }
        Err(problems) => {
            let extra = ApplyExtra {
                editing: Some(a.id),
                ..Default::default()
            };
            render_apply(state, ctx, m, s, user, f, &problems, extra).await
        }
    }
}

/// The application page with a refusal, as a 409.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    s: &Season,
    user: &CurrentUser,
    why: String,
) -> AppResult<Response> {
    let extra = ApplyExtra {
        refused: Some(why),
        ..Default::default()
    };
    let page = render_apply(state, ctx, m, s, user, &blank(user, m), &[], extra).await?;
    Ok((StatusCode::CONFLICT, page).into_response())
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct WithdrawForm {
    application: String,
}

async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<WithdrawForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let s = get_season(&state, &m, &id).await?;
    if represented(user, m.id).is_empty() {
        return Err(AppError::Forbidden);
    }
    let app_id = f
        .application
        .trim()
        .parse()
        .map_err(|_| AppError::NotFound("err-not-found"))?;
    let a = own(&state, &m, &s, user, app_id).await?;
    if let Some(r) = refusal(&ctx, &state, &s, &a) {
        return refused(&state, &ctx, &m, &s, user, r).await;
    }
    let what = format!("{}, {}", a.booker_name, a.room_name);
    if !ls::withdraw_application(&state.db, m.id, s.id, a.id, user, state.now()).await? {
        let r = ctx.tr.ta("seasons-err-change-decided", &[("date", &s.apply_until)]);
        return refused(&state, &ctx, &m, &s, user, r).await;
    }
    let extra = ApplyExtra {
        notice: Some(ctx.tr.ta("seasons-done-withdrawn", &[("what", &what)])),
        ..Default::default()
    };
    render_apply(&state, &ctx, &m, &s, user, &blank(user, &m), &[], extra).await
}
