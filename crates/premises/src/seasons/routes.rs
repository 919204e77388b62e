//! The seasons' pages.
//!
//! - `GET|POST /{slug}/lokaler/sasong`: the seasons (open ones for everyone signed in; all and a
//!   new season for staff)
//! - `GET|POST /{slug}/lokaler/sasong/{id}/ansok`: an association's representative applies for a
//!   weekly time in one of the municipality's rooms, and sees their applications
//! - `GET|POST /{slug}/lokaler/sasong/{id}`: staff: applications by room and weekday, conflicting
//!   ones side by side, the proposal under a priority rule, decisions with reasons
//! - `POST /{slug}/lokaler/sasong/{id}/publicera`: staff: publish

use super::domain::{
    self as sd, AppProblem, ApplicationForm, Decision, Proposal, RoomFacts, Rule, SeasonProblem, TargetGroup,
};
use super::store::{self, Application, Season, Unbooked};
use crate::booking::mail::Letters;
use crate::domain;
use crate::routes::id_of;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use platform::auth::{require_staff, require_user, CurrentUser, RoleKind};
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::i18n::{Lang, Tr};
use platform::layout::{html_status, Field, FieldKind, Form, Page};
use platform::tenants::{Municipality, Tenant};
use platform::web::Routes;
use platform::AppState;
use platform::{MunicipalityId, OrganisationId};
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/lokaler/sasong", get(list_page).post(create_season))
        .route("/{slug}/lokaler/sasong/{id}", get(season_page).post(save_decisions))
        .route("/{slug}/lokaler/sasong/{id}/publicera", post(publish))
}

pub(super) fn base(m: &Municipality) -> String {
    format!("/{}/lokaler/sasong", m.slug)
}

fn swedish(state: &AppState) -> Tr {
    Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    }
}

/// "tisdagar 18:00–20:00".
fn when(tr: &Tr, a: &Application) -> String {
    format!("{} {}", tr.t(&format!("seasons-weekdays-{}", a.weekday)), a.time())
}

pub(super) async fn get_season(state: &AppState, m: &Municipality, id: &str) -> AppResult<Season> {
    store::season(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

// --- The list and a new season ---

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SeasonForm {
    name: String,
    first_date: String,
    last_date: String,
    apply_until: String,
}

fn season_form(ctx: &Ctx, m: &Municipality, f: &SeasonForm) -> Form {
    let mut form = Form::new(
        base(m),
        ctx.t("seasons-submit-create"),
        vec![
            Field::new("name", ctx.t("seasons-field-name"), FieldKind::Text)
                .required()
                .hint(ctx.t("seasons-field-name-hint")),
            Field::new("first_date", ctx.t("seasons-field-first-date"), FieldKind::Date).required(),
            Field::new("last_date", ctx.t("seasons-field-last-date"), FieldKind::Date).required(),
            Field::new("apply_until", ctx.t("seasons-field-apply-until"), FieldKind::Date)
                .required()
                .hint(ctx.t("seasons-field-apply-until-hint")),
        ],
    );
    form.fill(|k| {
        Some(
            match k {
                "name" => &f.name,
                "first_date" => &f.first_date,
                "last_date" => &f.last_date,
                "apply_until" => &f.apply_until,
                _ => return None,
            }
            .clone(),
        )
    });
    form
}

struct SeasonRow {
    name: String,
    href: String,
    period: String,
    apply_until: String,
    status: String,
    applications: i64,
    apply_href: Option<String>,
}

#[derive(Template)]
#[template(path = "premises_seasons.html")]
struct ListPage {
    page: Page,
    staff: bool,
    seasons: Vec<SeasonRow>,
    form: Form,
    notice: Option<String>,
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let staff = ctx.user.as_ref().is_some_and(|u| u.is_staff(m.id));
    let today = domain::local_date(state.now());
    let seasons = store::seasons(&state.db, m.id)
        .await?
        .into_iter()
        .filter(|s| staff || s.open_on(today))
        .map(|s| SeasonRow {
            href: format!("{}/{}", base(m), s.id),
            apply_href: s.open_on(today).then(|| format!("{}/{}/ansok", base(m), s.id)),
            period: format!("{} – {}", s.first_date, s.last_date),
            apply_until: s.apply_until.clone(),
            status: ctx.t(s.status_on(today).message_id()),
            applications: s.applications,
            name: s.name,
        })
        .collect();
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        status,
        &ListPage {
            page: ctx.page_in(m, ctx.t("seasons-title")),
            staff,
            seasons,
            form,
            notice,
        },
    )
}

async fn list_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_user(ctx.user.as_ref())?;
    let form = season_form(&ctx, &m, &SeasonForm::default());
    render_list(&state, &ctx, &m, form, None).await
}

async fn create_season(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<SeasonForm>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let now = state.now();
    match sd::check_season(
        &f.name,
        &f.first_date,
        &f.last_date,
        &f.apply_until,
        domain::local_date(now),
    ) {
        Ok(s) => {
            let id = store::create_season(&state.db, m.id, &s, Some(user), now).await?;
            Ok(Redirect::to(&format!("{}/{id}", base(&m))).into_response())
        }
        Err(problems) => {
            let mut form = season_form(&ctx, &m, &f);
            for (p, msg) in problems {
                let field = match p {
                    SeasonProblem::Name => "name",
                    SeasonProblem::FirstDate => "first_date",
                    SeasonProblem::LastDate => "last_date",
                    SeasonProblem::ApplyUntil => "apply_until",
                };
                form.error(field, ctx.t(msg));
            }
            render_list(&state, &ctx, &m, form, None).await
        }
    }
}

// --- Applying ---

/// The organisations of this municipality the person represents: (id, name).
pub(super) fn represented(user: &CurrentUser, municipality_id: MunicipalityId) -> Vec<(OrganisationId, String)> {
    let mut v: Vec<(OrganisationId, String)> = user
        .roles
        .iter()
        .filter(|r| r.kind == RoleKind::Representative && r.municipality_id == Some(municipality_id))
        .filter_map(|r| Some((r.organisation_id?, r.organisation_name.clone().unwrap_or_default())))
        .collect();
    v.sort();
    v.dedup();
    v
}

fn apply_form(
    ctx: &Ctx,
    action: String,
    organisations: &[(OrganisationId, String)],
    rooms: &[store::MunicipalRoom],
    f: &ApplicationForm,
) -> Form {
    let t = |id: &str| ctx.t(id);
    let mut room_options = vec![(String::new(), t("seasons-choose"))];
    room_options.extend(rooms.iter().map(|r| {
        (
            r.id.to_string(),
            ctx.tr
                .ta("seasons-room-option", &[("room", &r.name), ("n", &r.capacity)]),
        )
    }));
    let mut days = vec![(String::new(), t("seasons-choose"))];
    days.extend((1..=7).map(|d| (d.to_string(), t(&format!("seasons-weekday-{d}")))));
    let mut groups = vec![(String::new(), t("seasons-choose"))];
    groups.extend(TargetGroup::ALL.map(|g| (g.as_str().to_string(), t(g.message_id()))));
    let mut form = Form::new(
        action,
        t("seasons-submit-apply"),
        vec![
            Field::new("organisation", t("seasons-field-organisation"), FieldKind::Select)
                .required()
                .options(
                    organisations
                        .iter()
                        .map(|(id, n)| (id.to_string(), n.clone()))
                        .collect(),
                ),
            Field::new("room", t("seasons-field-room"), FieldKind::Select)
                .required()
                .options(room_options),
            Field::new("weekday", t("seasons-field-weekday"), FieldKind::Select)
                .required()
                .options(days),
            Field::new("start", t("seasons-field-start"), FieldKind::Text)
                .required()
                .hint(t("seasons-field-time-hint")),
            Field::new("end", t("seasons-field-end"), FieldKind::Text)
                .required()
                .hint(t("seasons-field-time-hint")),
            Field::new("target_group", t("seasons-field-target-group"), FieldKind::Select)
                .required()
                .options(groups)
                .hint(t("seasons-field-target-group-hint")),
            Field::new("attendees", t("seasons-field-attendees"), FieldKind::Number).required(),
            Field::new("email", t("seasons-field-email"), FieldKind::Email)
                .required()
                .autocomplete("email")
                .hint(t("seasons-field-email-hint")),
            Field::new("note", t("seasons-field-note"), FieldKind::TextArea).hint(t("seasons-field-note-hint")),
        ],
    );
    form.fill(|k| {
        Some(
            match k {
                "organisation" => &f.organisation,
                "room" => &f.room,
                "weekday" => &f.weekday,
                "start" => &f.start,
                "end" => &f.end,
                "target_group" => &f.target_group,
                "attendees" => &f.attendees,
                "email" => &f.email,
                "note" => &f.note,
                _ => return None,
            }
            .clone(),
        )
    });
    form
}

struct MyApplication {
    id: i64,
    /// The applicant may still change or withdraw it: the link to change it.
    edit_href: Option<String>,
    organisation: String,
    room: String,
    when: String,
    status: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "premises_season_apply.html")]
struct ApplyPage {
    page: Page,
    period: String,
    apply_until: String,
    /// Why the form is not offered (closed, not a representative, no rooms).
    closed: Option<String>,
    form: Form,
    mine: Vec<MyApplication>,
    notice: Option<String>,
    /// Why a change was refused (role="alert").
    refused: Option<String>,
    /// The season's holidays ("2027-04-02 Långfredag"), which no allocated time takes.
    holidays: Vec<String>,
    /// Changing an application: the link back to a new one.
    editing: Option<String>,
    withdraw_action: String,
    back: String,
}

/// What the application page says besides its form: a notice, a refusal, and the application
/// being changed (`?andra=`), if any.
#[derive(Default)]
pub(super) struct ApplyExtra {
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub editing: Option<i64>,
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn render_apply(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    s: &Season,
    user: &CurrentUser,
    f: &ApplicationForm,
    problems: &[AppProblem],
    extra: ApplyExtra,
) -> AppResult<Response> {
    let organisations = represented(user, m.id);
    let rooms = store::municipal_rooms(&state.db, m.id).await?;
    let today = domain::local_date(state.now());
    let closed = if let (false, Some(at)) = (s.open_on(today), s.closed_at) {
        Some(ctx.tr.ta(
            "seasons-apply-closed-early",
            &[("when", &platform::format::datetime(at))],
        ))
    } else if !s.open_on(today) {
        Some(ctx.tr.ta("seasons-apply-closed", &[("date", &s.apply_until)]))
    } else if organisations.is_empty() {
        Some(ctx.t("seasons-apply-not-representative"))
    } else if rooms.is_empty() {
        Some(ctx.t("seasons-apply-no-rooms"))
    } else {
        None
    };
    let action = match extra.editing {
        Some(a) => format!("{}/{}/ansok?andra={a}", base(m), s.id),
        None => format!("{}/{}/ansok", base(m), s.id),
    };
    let mut form = apply_form(ctx, action, &organisations, &rooms, f);
    if extra.editing.is_some() {
        form.submit = ctx.t("seasons-submit-edit");
    }
    for p in problems {
        let msg = match p {
            AppProblem::Closed => ctx.t("seasons-err-closed-day"),
            AppProblem::OutsideHours(o, c) => ctx.tr.ta(
                "seasons-err-outside-hours",
                &[("hours", &domain::Hours::format_day(Some((*o, *c))))],
            ),
            AppProblem::TooMany(n) => ctx.tr.ta("seasons-err-too-many", &[("n", n)]),
            AppProblem::Organisation => ctx.t("seasons-err-organisation"),
            AppProblem::Room => ctx.t("seasons-err-room"),
            AppProblem::Weekday => ctx.t("seasons-err-weekday"),
            AppProblem::Start | AppProblem::End => ctx.t("seasons-err-time"),
            AppProblem::EndBeforeStart => ctx.t("seasons-err-end-before-start"),
            AppProblem::TargetGroup => ctx.t("seasons-err-target-group"),
            AppProblem::Attendees => ctx.t("seasons-err-attendees"),
            AppProblem::Email => ctx.t("seasons-err-email"),
            AppProblem::Note => ctx.t("seasons-err-note"),
        };
        form.error(p.field(), msg);
    }
    let mine = store::applications_of_user(&state.db, m.id, s.id, user.id)
        .await?
        .iter()
        .map(|a| MyApplication {
            id: a.id,
            edit_href: super::lifecycle::may_change(s.open_on(today), a.status, a.decided_at.is_some())
                .is_ok()
                .then(|| format!("{}/{}/ansok?andra={}", base(m), s.id, a.id)),
            organisation: a.booker_name.clone(),
            room: a.room_name.clone(),
            when: when(&ctx.tr, a),
            // Staff's decision is the applicant's to see only once it is published.
            status: ctx.t(if a.decided_at.is_some() {
                a.status.message_id()
            } else {
                Decision::Pending.message_id()
            }),
            reason: if a.decided_at.is_some() {
                a.reason.clone()
            } else {
                String::new()
            },
        })
        .collect();
    let holidays = super::lifecycle_store::holidays(&state.db, m.id, s.id)
        .await?
        .iter()
        .map(|h| format!("{} {}", h.date, h.name).trim_end().to_string())
        .collect();
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        status,
        &ApplyPage {
            page: ctx.page_in(m, ctx.tr.ta("seasons-apply-title", &[("season", &s.name)])),
            period: format!("{} – {}", s.first_date, s.last_date),
            apply_until: s.apply_until.clone(),
            closed,
            form,
            mine,
            notice: extra.notice,
            refused: extra.refused,
            holidays,
            editing: extra.editing.map(|_| format!("{}/{}/ansok", base(m), s.id)),
            withdraw_action: format!("{}/{}/aterta", base(m), s.id),
            back: base(m),
        },
    )
}

/// `GET …/ansok` (registered with the lifecycle's routes, which take `?andra=` first).
pub(super) async fn apply_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let s = get_season(&state, &m, &id).await?;
    let orgs = represented(user, m.id);
    let f = ApplicationForm {
        organisation: orgs.first().map(|o| o.0.to_string()).unwrap_or_default(),
        email: user.email.clone(),
        ..Default::default()
    };
    render_apply(&state, &ctx, &m, &s, user, &f, &[], ApplyExtra::default()).await
}

/// `POST …/ansok` (registered with the lifecycle's routes, which take `?andra=` first).
pub(super) async fn apply_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<ApplicationForm>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let s = get_season(&state, &m, &id).await?;
    let now = state.now();
    let orgs = represented(user, m.id);
    if orgs.is_empty() {
        return Err(AppError::Forbidden);
    }
    if !s.open_on(domain::local_date(now)) {
        // The page says why; nothing is stored.
        let page = render_apply(&state, &ctx, &m, &s, user, &f, &[], ApplyExtra::default()).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    match check(&state, &m, &orgs, &f).await? {
        Ok(a) => {
            let name = orgs
                .iter()
                .find(|o| o.0 == a.organisation_id)
                .map(|o| o.1.clone())
                .unwrap_or_default();
            store::apply(&state.db, m.id, s.id, &a, &name, user, now).await?;
            let fresh = ApplicationForm {
                organisation: f.organisation.clone(),
                email: f.email.clone(),
                ..Default::default()
            };
            render_apply(
                &state,
                &ctx,
                &m,
                &s,
                user,
                &fresh,
                &[],
                ApplyExtra {
                    notice: Some(ctx.t("seasons-done-apply")),
                    ..Default::default()
                },
            )
            .await
        }
        Err(problems) => render_apply(&state, &ctx, &m, &s, user, &f, &problems, ApplyExtra::default()).await,
    }
}

/// Check an application's form against the room chosen and the organisations the person
/// represents.
pub(super) async fn check(
    state: &AppState,
    m: &Municipality,
    orgs: &[(OrganisationId, String)],
    f: &ApplicationForm,
) -> AppResult<Result<sd::NewApplication, Vec<AppProblem>>> {
    let room = match f.room.trim().parse::<crate::ids::RoomId>() {
        Ok(r) => store::municipal_room(&state.db, m.id, r).await?,
        Err(_) => None,
    };
    let facts = room.as_ref().map(|r| RoomFacts {
        capacity: r.capacity,
        hours: r.hours,
    });
    let ids: Vec<OrganisationId> = orgs.iter().map(|o| o.0).collect();
    Ok(sd::check_application(f, &ids, facts.as_ref()))
}

// --- Staff: allocation ---

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SeasonQuery {
    regel: String,
}

/// One application as a column of its group's table.
struct Column {
    id: i64,
    organisation: String,
    time: String,
    group: String,
    attendees: i64,
    applied: String,
    note: String,
    proposal: String,
    /// The decision shown in the form.
    decision: &'static str,
    reason: String,
    /// Published: the decision can no longer change.
    locked: bool,
    status: String,
}

struct Group {
    caption: String,
    conflict: bool,
    columns: Vec<Column>,
}

struct RoomSection {
    room: String,
    groups: Vec<Group>,
}

#[derive(Template)]
#[template(path = "premises_season.html")]
struct SeasonPage {
    page: Page,
    season: Season,
    status: String,
    rules: Vec<(String, String)>,
    rule: String,
    rule_explained: String,
    rooms: Vec<RoomSection>,
    decisions: Vec<(&'static str, String)>,
    action: String,
    publish_action: String,
    apply_href: String,
    back: String,
    counts: (usize, usize, usize),
    /// Its lifecycle: closed early, holidays, the close button.
    life: SeasonLife,
    /// What the last action did (role="status").
    notice: Option<String>,
    /// Applications the publication could not book (role="alert").
    problems: Vec<String>,
    errors: Vec<String>,
}

/// What the staff's season page shows of the lifecycle.
struct SeasonLife {
    /// "Ansökan stängdes i förtid 7 december 2026 08:00."
    pub closed: Option<String>,
    /// The close button's action, while the season takes applications.
    pub close_action: Option<String>,
    pub holidays: Vec<String>,
    pub holidays_href: String,
}

async fn season_life(state: &AppState, ctx: &Ctx, m: &Municipality, s: &Season) -> AppResult<SeasonLife> {
    let today = domain::local_date(state.now());
    Ok(SeasonLife {
        closed: s.closed_at.map(|at| {
            ctx.tr
                .ta("seasons-closed-early", &[("when", &platform::format::datetime(at))])
        }),
        close_action: s.open_on(today).then(|| format!("{}/{}/stang", base(m), s.id)),
        holidays: super::lifecycle_store::holidays(&state.db, m.id, s.id)
            .await?
            .iter()
            .map(|h| format!("{} {}", h.date, h.name).trim_end().to_string())
            .collect(),
        holidays_href: format!("{}/{}/helgdagar", base(m), s.id),
    })
}

/// The reason a proposal gives a rejected application, in Swedish (the applicant reads it).
fn proposal_reason(sv: &Tr, winner: &str, rule: Rule) -> String {
    sv.ta(
        "seasons-reason-lost",
        &[("winner", &winner), ("rule", &sv.t(rule.message_id()))],
    )
}

#[allow(clippy::too_many_arguments)]
async fn render_season(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    s: &Season,
    rule: Rule,
    use_proposal: bool,
    posted: Option<&HashMap<String, String>>,
    notice: Option<String>,
    problems: Vec<String>,
    errors: Vec<String>,
) -> AppResult<Response> {
    let apps = store::applications(&state.db, m.id, s.id).await?;
    let sv = swedish(state);
    let facts: Vec<sd::Application> = apps.iter().map(Application::facts).collect();
    let proposals: HashMap<i64, Proposal> = sd::propose(&facts, rule).into_iter().collect();
    let by_id: HashMap<i64, &Application> = apps.iter().map(|a| (a.id, a)).collect();
    // Staff have not decided yet when every undecided application is still pending without a reason.
    let untouched = apps
        .iter()
        .filter(|a| a.decided_at.is_none())
        .all(|a| a.status == Decision::Pending && a.reason.is_empty());
    let use_proposal = use_proposal || untouched;
    let mut rooms: Vec<RoomSection> = vec![];
    for group in sd::conflict_groups(&facts) {
        let members: Vec<&Application> = group.iter().filter_map(|id| by_id.get(id).copied()).collect();
        let Some(first) = members.first() else { continue };
        let conflict = members.len() > 1;
        let day = ctx.t(&format!("seasons-weekdays-{}", first.weekday));
        let from = members.iter().map(|a| a.start_min).min().unwrap_or(0);
        let to = members.iter().map(|a| a.end_min).max().unwrap_or(0);
        let span = format!("{day} {}–{}", domain::hhmm(from), domain::hhmm(to));
        let caption = if conflict {
            ctx.tr.ta(
                "seasons-caption-conflict",
                &[("room", &first.room_name), ("when", &span), ("n", &members.len())],
            )
        } else {
            ctx.tr
                .ta("seasons-caption-single", &[("room", &first.room_name), ("when", &span)])
        };
        let columns = members
            .iter()
            .map(|a| {
                let (proposal, proposed_reason) = match proposals.get(&a.id) {
                    Some(Proposal::Reject { winner }) => {
                        let w = by_id.get(winner).map(|w| w.booker_name.as_str()).unwrap_or("");
                        (
                            ctx.tr.ta("seasons-proposal-reject", &[("winner", &w)]),
                            proposal_reason(&sv, w, rule),
                        )
                    }
                    _ => (ctx.t("seasons-proposal-allocate"), String::new()),
                };
                let locked = a.decided_at.is_some();
                let (decision, reason) = if let Some(p) = posted.filter(|_| !locked) {
                    (
                        p.get(&format!("decision-{}", a.id))
                            .and_then(|d| Decision::parse(d))
                            .unwrap_or(Decision::Pending)
                            .as_str(),
                        p.get(&format!("reason-{}", a.id)).cloned().unwrap_or_default(),
                    )
                } else if use_proposal && !locked {
                    match proposals.get(&a.id) {
                        Some(Proposal::Reject { .. }) => (Decision::Rejected.as_str(), proposed_reason),
                        _ => (Decision::Allocated.as_str(), String::new()),
                    }
                } else {
                    (a.status.as_str(), a.reason.clone())
                };
                Column {
                    id: a.id,
                    organisation: a.booker_name.clone(),
                    time: a.time(),
                    group: ctx.t(a.target_group.message_id()),
                    attendees: a.attendees,
                    applied: platform::format::datetime(a.created_at),
                    note: a.note.clone(),
                    proposal,
                    decision,
                    reason,
                    locked,
                    status: if locked {
                        ctx.t(match a.status {
                            Decision::Allocated => "seasons-published-allocated",
                            _ => "seasons-published-rejected",
                        })
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        let g = Group {
            caption,
            conflict,
            columns,
        };
        match rooms.last_mut() {
            Some(r) if r.room == first.room_name => r.groups.push(g),
            _ => rooms.push(RoomSection {
                room: first.room_name.clone(),
                groups: vec![g],
            }),
        }
    }
    let count = |d: Decision| apps.iter().filter(|a| a.status == d).count();
    let life = season_life(state, ctx, m, s).await?;
    let today = domain::local_date(state.now());
    html_status(
        if errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        },
        &SeasonPage {
            page: ctx.page_in(m, s.name.clone()),
            status: ctx.t(s.status_on(today).message_id()),
            rules: Rule::ALL
                .iter()
                .map(|r| (r.as_str().to_string(), ctx.t(&format!("{}-label", r.message_id()))))
                .collect(),
            rule: rule.as_str().to_string(),
            rule_explained: ctx.t(&format!("{}-label", rule.message_id())),
            rooms,
            decisions: Decision::ALL
                .iter()
                .map(|d| (d.as_str(), ctx.t(d.message_id())))
                .collect(),
            action: format!("{}/{}", base(m), s.id),
            publish_action: format!("{}/{}/publicera", base(m), s.id),
            apply_href: if s.open_on(today) {
                format!("{}/{}/ansok", base(m), s.id)
            } else {
                String::new()
            },
            back: base(m),
            counts: (
                count(Decision::Pending),
                count(Decision::Allocated),
                count(Decision::Rejected),
            ),
            life,
            season: s.clone(),
            notice,
            problems,
            errors,
        },
    )
}

async fn season_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<SeasonQuery>,
) -> AppResult<Response> {
    require_staff(ctx.user.as_ref(), m.id)?;
    let s = get_season(&state, &m, &id).await?;
    let chosen = Rule::parse(&q.regel);
    let rule = chosen.unwrap_or(s.rule);
    render_season(&state, &ctx, &m, &s, rule, chosen.is_some(), None, None, vec![], vec![]).await
}

async fn save_decisions(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let s = get_season(&state, &m, &id).await?;
    let rule = f.get("rule").and_then(|r| Rule::parse(r)).unwrap_or(s.rule);
    let apps = store::applications(&state.db, m.id, s.id).await?;
    let mut decisions = vec![];
    let mut errors = vec![];
    for a in apps.iter().filter(|a| a.decided_at.is_none()) {
        let Some(d) = f.get(&format!("decision-{}", a.id)).and_then(|d| Decision::parse(d)) else {
            continue;
        };
        let reason = f
            .get(&format!("reason-{}", a.id))
            .map(|r| r.trim().to_string())
            .unwrap_or_default();
        if reason.chars().count() > 1000 {
            errors.push(ctx.tr.ta("seasons-err-reason-long", &[("name", &a.booker_name)]));
        }
        if d == Decision::Rejected && reason.is_empty() {
            errors.push(ctx.tr.ta("seasons-err-reason", &[("name", &a.booker_name)]));
        }
        decisions.push((a.id, d, reason));
    }
    if !errors.is_empty() {
        return render_season(&state, &ctx, &m, &s, rule, false, Some(&f), None, vec![], errors).await;
    }
    store::save_decisions(&state.db, m.id, s.id, rule, &decisions, user, state.now()).await?;
    let s = get_season(&state, &m, &id).await?;
    render_season(
        &state,
        &ctx,
        &m,
        &s,
        rule,
        false,
        None,
        Some(ctx.t("seasons-done-saved")),
        vec![],
        vec![],
    )
    .await
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let user = require_staff(ctx.user.as_ref(), m.id)?;
    let s = get_season(&state, &m, &id).await?;
    let letters = Letters::new(&state, &m.slug);
    let sv = swedish(&state);
    let reason_of = |u: &Unbooked| match u {
        Unbooked::Taken(d) => sv.ta("seasons-reason-taken", &[("dates", &store::dates_text(d))]),
        Unbooked::Closed(d) => sv.ta("seasons-reason-closed", &[("dates", &store::dates_text(d))]),
        Unbooked::NoDates => sv.t("seasons-reason-no-dates"),
    };
    let report = store::publish(&state.db, &letters, m.id, &s, user, &reason_of, state.now()).await?;
    let problems = report
        .unbooked
        .iter()
        .map(|(a, u)| {
            let what = match u {
                Unbooked::Taken(d) => ctx.tr.ta("seasons-unbooked-taken", &[("dates", &store::dates_text(d))]),
                Unbooked::Closed(d) => ctx
                    .tr
                    .ta("seasons-unbooked-closed", &[("dates", &store::dates_text(d))]),
                Unbooked::NoDates => ctx.t("seasons-unbooked-no-dates"),
            };
            format!("{} ({}, {}): {what}", a.booker_name, a.room_name, when(&ctx.tr, a))
        })
        .collect();
    let bookings: usize = report.booked.iter().map(|(_, n)| n).sum();
    let notice = ctx.tr.ta(
        "seasons-done-published",
        &[
            ("allocated", &report.booked.len()),
            ("bookings", &bookings),
            ("rejected", &report.rejected.len()),
        ],
    );
    let s = get_season(&state, &m, &id).await?;
    let rule = s.rule;
    render_season(&state, &ctx, &m, &s, rule, false, None, Some(notice), problems, vec![]).await
}
