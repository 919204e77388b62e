//! The meetings' pages, files and JSON.
//!
//! - `GET /{slug}/moten`: coming and past meetings (public); `GET|POST …/moten/nytt` (coordinator)
//! - `GET|POST /{slug}/moten/serier`: the series (coordinator)
//! - `GET /{slug}/moten/{id}`: a meeting (public); `GET|POST …/{id}/redigera` (coordinator)
//! - `GET|POST /{slug}/moten/{id}/anmalan`: registration (public, rate limited)
//! - `GET|POST /{slug}/moten/avanmalan/{token}`: cancellation by the e-mailed link
//! - `GET /{slug}/moten/{id}/kalender.ics`, `…/moten/kalender.ics`, `…/moten/serier/{id}/kalender.ics`
//! - `GET|POST /{slug}/moten/{id}/deltagare`, `…/deltagare.csv|.xlsx`, `…/deltagare/utskrift` (coordinator)
//! - `GET /api/v1/{slug}/meetings`

use crate::domain::{self, MeetingForm, Party, Problem, Problems, RegistrationForm, Status};
use crate::letters::Letters;
use crate::store::{self, Meeting, RegisterError};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router};
use platform::auth::require_coordinator;
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::format;
use platform::layout::{html, html_status, Field, FieldKind, Form, FormPage, Page};
use platform::ratelimit::RateLimits;
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
use serde::Serialize;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{slug}/moten", get(list_page))
        .route("/{slug}/moten/nytt", get(new_page).post(new_save))
        .route("/{slug}/moten/serier", get(series_page).post(series_save))
        .route("/{slug}/moten/kalender.ics", get(feed_all))
        .route("/{slug}/moten/serier/{id}", get(series_public))
        .route("/{slug}/moten/serier/{id}/kalender.ics", get(feed_series))
        .route("/{slug}/moten/utskrift.css", get(print_css))
        .route("/{slug}/moten/avanmalan/{token}", get(cancel_page).post(cancel_save))
        .route("/{slug}/moten/{id}", get(meeting_page))
        .route("/{slug}/moten/{id}/redigera", get(edit_page).post(edit_save))
        .route("/{slug}/moten/{id}/anmalan", get(register_page).post(register_save))
        .route("/{slug}/moten/{id}/kalender.ics", get(meeting_ics))
        .route(
            "/{slug}/moten/{id}/deltagare",
            get(participants_page).post(attendance_save),
        )
        .route("/{slug}/moten/{id}/deltagare.csv", get(participants_csv))
        .route("/{slug}/moten/{id}/deltagare.xlsx", get(participants_xlsx))
        .route("/{slug}/moten/{id}/deltagare/utskrift", get(participants_print))
        .route("/api/v1/{slug}/meetings", get(api))
        .merge(crate::minutes::router())
        .merge(crate::invitation::router())
        .merge(crate::privacy::router())
}

fn base(m: &Municipality) -> String {
    format!("/{}/moten", m.slug)
}

fn id_of(s: &str) -> AppResult<i64> {
    s.parse::<i64>().map_err(|_| AppError::NotFound("err-not-found"))
}

fn page(ctx: &Ctx, m: &Municipality, title: impl Into<String>) -> Page {
    ctx.page(title).in_municipality(&m.slug, &m.name)
}

fn mark(form: &mut Form, ctx: &Ctx, problems: &Problems) {
    for (field, p) in problems {
        match p {
            Problem::Rule(why) => form.invalid(&ctx.tr, field, *why),
            p => form.error(field, ctx.t(p.message_id())),
        }
    }
}

async fn get_meeting(state: &AppState, m: &Municipality, id: &str) -> AppResult<Meeting> {
    store::meeting(&state.db, m.id, id_of(id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

/// A meeting's heading: its title as the coordinator wrote it ("Dialogmöte 6, …").
fn heading(mt: &Meeting) -> String {
    mt.title.clone()
}

fn when(ctx: &Ctx, mt: &Meeting) -> String {
    let mut s = format!(
        "{} {} {}–{}",
        format::date(mt.starts_at),
        ctx.t("meetings-at"),
        domain::clock(mt.starts_at),
        domain::clock(mt.ends_at)
    );
    if let Some(g) = mt.gathering_at {
        s.push_str(&format!(
            " ({} {})",
            ctx.t("meetings-gathering-short"),
            domain::clock(g)
        ));
    }
    s
}

fn seats(ctx: &Ctx, mt: &Meeting) -> String {
    match mt.seats_left() {
        None => ctx.tr.ta("meetings-seats-unlimited", &[("n", &mt.confirmed)]),
        Some(0) => ctx.tr.ta("meetings-seats-full", &[("waiting", &mt.waiting)]),
        Some(n) => ctx.tr.ta(
            "meetings-seats-left",
            &[("n", &n), ("capacity", &mt.capacity.unwrap_or(0))],
        ),
    }
}

// --- The list ---

struct Item {
    href: String,
    title: String,
    series: String,
    when: String,
    place: String,
}

#[derive(Template)]
#[template(path = "meetings_list.html")]
struct ListPage {
    page: Page,
    coming: Vec<Item>,
    past: Vec<Item>,
    /// (name, page href, feed href, feed link text)
    series: Vec<(String, String, String, String)>,
    description: String,
    feed: String,
    feed_label: String,
    actions: Vec<(String, String)>,
}

async fn list_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let now = state.now();
    let all = store::meetings(&state.db, m.id, None).await?;
    let series = store::series(&state.db, m.id).await?;
    let item = |mt: &Meeting| Item {
        href: format!("{}/{}", base(&m), mt.id),
        title: heading(mt),
        series: mt.series_name.clone(),
        when: when(&ctx, mt),
        place: mt.place.clone(),
    };
    let coming = all.iter().filter(|mt| mt.ends_at >= now).map(item).collect();
    let past = all.iter().rev().filter(|mt| mt.ends_at < now).map(item).collect();
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let actions = if coordinator {
        vec![
            (format!("{}/nytt", base(&m)), ctx.t("meetings-action-new")),
            (format!("{}/serier", base(&m)), ctx.t("meetings-action-series")),
            (format!("{}/personuppgifter", base(&m)), ctx.t("meetings-privacy-title")),
        ]
    } else {
        vec![]
    };
    html(&ListPage {
        page: page(&ctx, &m, ctx.t("meetings-title")),
        coming,
        past,
        series: series
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    format!("{}/serier/{}", base(&m), s.id),
                    format!("{}/serier/{}/kalender.ics", base(&m), s.id),
                    ctx.tr.ta("meetings-series-feed", &[("name", &s.name)]),
                )
            })
            .collect(),
        description: String::new(),
        feed: format!("{}/kalender.ics", base(&m)),
        feed_label: ctx.t("meetings-feed-all"),
        actions,
    })
}

/// One series: its meetings, coming and past, and its calendar feed.
async fn series_public(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let s = store::one_series(&state.db, m.id, id_of(&id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let now = state.now();
    let all = store::meetings(&state.db, m.id, Some(s.id)).await?;
    let item = |mt: &Meeting| Item {
        href: format!("{}/{}", base(&m), mt.id),
        title: heading(mt),
        series: mt.series_name.clone(),
        when: when(&ctx, mt),
        place: mt.place.clone(),
    };
    html(&ListPage {
        page: page(&ctx, &m, s.name.clone()),
        coming: all.iter().filter(|mt| mt.ends_at >= now).map(item).collect(),
        past: all.iter().rev().filter(|mt| mt.ends_at < now).map(item).collect(),
        series: vec![],
        description: s.description.clone(),
        feed: format!("{}/serier/{}/kalender.ics", base(&m), s.id),
        feed_label: ctx.tr.ta("meetings-series-feed", &[("name", &s.name)]),
        actions: vec![(base(&m), ctx.t("meetings-back-to-list"))],
    })
}

// --- Series ---

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SeriesForm {
    name: String,
    description: String,
}

fn series_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        format!("{}/serier", base(m)),
        ctx.t("meetings-submit-series"),
        vec![
            Field::new("name", ctx.t("meetings-field-series-name"), FieldKind::Text)
                .required()
                .hint(ctx.t("meetings-field-series-name-hint")),
            Field::new(
                "description",
                ctx.t("meetings-field-series-description"),
                FieldKind::TextArea,
            ),
        ],
    )
}

async fn render_series(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let series = store::series(&state.db, m.id).await?;
    let mut p = FormPage::new(page(ctx, m, ctx.t("meetings-series-title")));
    p.intro = if series.is_empty() {
        vec![ctx.t("meetings-series-none")]
    } else {
        series.iter().map(|s| s.name.clone()).collect()
    };
    p.notice = notice;
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    p.form = Some(form);
    p.links = vec![(base(m), ctx.t("meetings-back-to-list"))];
    html_status(status, &p)
}

async fn series_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    render_series(&state, &ctx, &m, series_form(&ctx, &m), None).await
}

async fn series_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<SeriesForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = series_form(&ctx, &m);
    form.fill(|k| match k {
        "name" => Some(f.name.clone()),
        "description" => Some(f.description.clone()),
        _ => None,
    });
    let name = platform::rules::line(&f.name, 200);
    let description = platform::rules::text(&f.description, 2000).or_else(|e| {
        if f.description.trim().is_empty() {
            Ok(String::new())
        } else {
            Err(e)
        }
    });
    match (name, description) {
        (Ok(name), Ok(description)) => {
            match store::create_series(&state.db, m.id, &name, &description, Some(user), state.now()).await {
                Ok(_) => {
                    render_series(
                        &state,
                        &ctx,
                        &m,
                        series_form(&ctx, &m),
                        Some(ctx.t("meetings-done-series")),
                    )
                    .await
                }
                Err(e) if platform::db::is_unique_violation(&e) => {
                    form.error("name", ctx.t("meetings-err-series-exists"));
                    render_series(&state, &ctx, &m, form, None).await
                }
                Err(e) => Err(e.into()),
            }
        }
        (name, description) => {
            if let Err(e) = name {
                form.invalid(&ctx.tr, "name", e);
            }
            if let Err(e) = description {
                form.invalid(&ctx.tr, "description", e);
            }
            render_series(&state, &ctx, &m, form, None).await
        }
    }
}

// --- New and edit ---

fn meeting_form(
    ctx: &Ctx,
    action: String,
    series: &[store::Series],
    premises: &[domain::Premises],
    f: &MeetingForm,
) -> Form {
    let t = |id: &str| ctx.t(id);
    let mut premises_options = vec![(String::new(), t("meetings-premises-none"))];
    premises_options.extend(
        premises
            .iter()
            .map(|p| (p.id.to_string(), format!("{} ({})", p.place(), p.organisation))),
    );
    let mut form = Form::new(
        action,
        t("meetings-submit-meeting"),
        vec![
            Field::new("series", t("meetings-field-series"), FieldKind::Select)
                .required()
                .options(series.iter().map(|s| (s.id.to_string(), s.name.clone())).collect()),
            Field::new("number", t("meetings-field-number"), FieldKind::Number).hint(t("meetings-field-number-hint")),
            Field::new("title", t("meetings-field-title"), FieldKind::Text).required(),
            Field::new("theme", t("meetings-field-theme"), FieldKind::TextArea),
            Field::new("date", t("meetings-field-date"), FieldKind::Date).required(),
            Field::new("gathering", t("meetings-field-gathering"), FieldKind::Text).hint(t("meetings-field-time-hint")),
            Field::new("gathering_text", t("meetings-field-gathering-text"), FieldKind::Text)
                .hint(t("meetings-field-gathering-text-hint")),
            Field::new("start", t("meetings-field-start"), FieldKind::Text)
                .required()
                .hint(t("meetings-field-time-hint")),
            Field::new("end", t("meetings-field-end"), FieldKind::Text)
                .required()
                .hint(t("meetings-field-time-hint")),
            Field::new("premises", t("meetings-field-premises"), FieldKind::Select)
                .options(premises_options)
                .hint(t("meetings-field-premises-hint")),
            Field::new("place", t("meetings-field-place"), FieldKind::Text)
                .required()
                .hint(t("meetings-field-place-hint")),
            Field::new("accessibility", t("meetings-field-accessibility"), FieldKind::TextArea)
                .hint(t("meetings-field-accessibility-hint")),
            Field::new("agenda", t("meetings-field-agenda"), FieldKind::TextArea),
            Field::new("contacts", t("meetings-field-contacts"), FieldKind::TextArea)
                .hint(t("meetings-field-contacts-hint")),
            Field::new("capacity", t("meetings-field-capacity"), FieldKind::Number)
                .hint(t("meetings-field-capacity-hint")),
            Field::new("deadline", t("meetings-field-deadline"), FieldKind::Date),
            Field::new("consent_text", t("meetings-field-consent-text"), FieldKind::TextArea).required(),
            Field::new(
                "invitation_text",
                t("meetings-field-invitation-text"),
                FieldKind::TextArea,
            )
            .hint(t("meetings-field-invitation-text-hint")),
        ],
    );
    form.fill(|k| {
        Some(
            match k {
                "series" => &f.series,
                "number" => &f.number,
                "title" => &f.title,
                "theme" => &f.theme,
                "date" => &f.date,
                "gathering" => &f.gathering,
                "gathering_text" => &f.gathering_text,
                "start" => &f.start,
                "end" => &f.end,
                "place" => &f.place,
                "accessibility" => &f.accessibility,
                "agenda" => &f.agenda,
                "contacts" => &f.contacts,
                "capacity" => &f.capacity,
                "deadline" => &f.deadline,
                "consent_text" => &f.consent_text,
                "invitation_text" => &f.invitation_text,
                "premises" => &f.premises,
                _ => return None,
            }
            .clone(),
        )
    });
    form
}

fn form_of(mt: &Meeting) -> MeetingForm {
    MeetingForm {
        series: mt.series_id.to_string(),
        number: mt.number.map(|n| n.to_string()).unwrap_or_default(),
        title: mt.title.clone(),
        theme: mt.theme.clone(),
        date: format::date(mt.starts_at),
        gathering: mt.gathering_at.map(domain::clock).unwrap_or_default(),
        gathering_text: mt.gathering_text.clone(),
        start: domain::clock(mt.starts_at),
        end: domain::clock(mt.ends_at),
        place: mt.place.clone(),
        accessibility: mt.accessibility.clone(),
        agenda: mt.agenda.clone(),
        contacts: mt.contacts.clone(),
        capacity: mt.capacity.map(|n| n.to_string()).unwrap_or_default(),
        deadline: mt.registration_deadline.map(format::date).unwrap_or_default(),
        consent_text: mt.consent_text.clone(),
        invitation_text: mt.invitation_text.clone(),
        premises: mt.premises_id.map(|p| p.to_string()).unwrap_or_default(),
    }
}

async fn render_meeting_form(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    title: String,
    action: String,
    f: &MeetingForm,
    problems: &Problems,
) -> AppResult<Response> {
    let series = store::series(&state.db, m.id).await?;
    let premises = store::premises(&state.db, m.id).await?;
    let mut p = FormPage::new(page(ctx, m, title));
    if series.is_empty() {
        p.intro = vec![ctx.t("meetings-series-first")];
        p.links = vec![(format!("{}/serier", base(m)), ctx.t("meetings-action-series"))];
        return html(&p);
    }
    let mut form = meeting_form(ctx, action, &series, &premises, f);
    mark(&mut form, ctx, problems);
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    p.form = Some(form);
    p.links = vec![(base(m), ctx.t("meetings-back-to-list"))];
    html_status(status, &p)
}

async fn new_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let f = MeetingForm {
        consent_text: ctx.t("meetings-default-consent"),
        gathering_text: ctx.t("meetings-default-gathering"),
        ..Default::default()
    };
    render_meeting_form(
        &state,
        &ctx,
        &m,
        ctx.t("meetings-new-title"),
        format!("{}/nytt", base(&m)),
        &f,
        &vec![],
    )
    .await
}

async fn new_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<MeetingForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let ids: Vec<i64> = store::series(&state.db, m.id).await?.iter().map(|s| s.id).collect();
    let f = f.with_premises(&store::premises(&state.db, m.id).await?, |id| ctx.t(id));
    match f.check(&ids) {
        Ok(input) => {
            let id = store::save_meeting(&state.db, m.id, None, &input, Some(user), state.now()).await?;
            Ok(Redirect::to(&format!("{}/{}", base(&m), id.unwrap_or_default())).into_response())
        }
        Err(p) => {
            render_meeting_form(
                &state,
                &ctx,
                &m,
                ctx.t("meetings-new-title"),
                format!("{}/nytt", base(&m)),
                &f,
                &p,
            )
            .await
        }
    }
}

async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = get_meeting(&state, &m, &id).await?;
    let action = format!("{}/{}/redigera", base(&m), mt.id);
    let title = ctx.tr.ta("meetings-edit-title", &[("title", &mt.title)]);
    render_meeting_form(&state, &ctx, &m, title, action, &form_of(&mt), &vec![]).await
}

async fn edit_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<MeetingForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = get_meeting(&state, &m, &id).await?;
    let ids: Vec<i64> = store::series(&state.db, m.id).await?.iter().map(|s| s.id).collect();
    let f = f.with_premises(&store::premises(&state.db, m.id).await?, |id| ctx.t(id));
    match f.check(&ids) {
        Ok(input) => {
            store::save_meeting(&state.db, m.id, Some(mt.id), &input, Some(user), state.now())
                .await?
                .ok_or(AppError::NotFound("err-not-found"))?;
            // More seats: the waiting list moves up.
            let letters = Letters::new(&state, &m.slug);
            let random = state.random.clone();
            let new_token = move || random.token(32);
            store::fill_free_seats(&state.db, m.id, mt.id, &new_token, &letters, state.now()).await?;
            state.jobs_wakeup.notify_one();
            Ok(Redirect::to(&format!("{}/{}", base(&m), mt.id)).into_response())
        }
        Err(p) => {
            let action = format!("{}/{}/redigera", base(&m), mt.id);
            let title = ctx.tr.ta("meetings-edit-title", &[("title", &mt.title)]);
            render_meeting_form(&state, &ctx, &m, title, action, &f, &p).await
        }
    }
}

// --- One meeting ---

#[derive(Template)]
#[template(path = "meetings_meeting.html")]
struct MeetingPage {
    page: Page,
    series: String,
    facts: Vec<(String, String)>,
    theme: String,
    agenda: String,
    contacts: String,
    seats: String,
    register: Option<String>,
    closed: bool,
    ics: String,
    minutes: Option<String>,
    invitation: String,
    /// Present per party, once attendance is marked (counts only).
    attendance: Vec<(String, i64)>,
    actions: Vec<(String, String)>,
}

async fn meeting_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let mt = get_meeting(&state, &m, &id).await?;
    let now = state.now();
    let mut facts = vec![(ctx.t("meetings-when"), when(&ctx, &mt))];
    if mt.gathering_at.is_some() && !mt.gathering_text.is_empty() {
        facts.push((ctx.t("meetings-gathering"), mt.gathering_text.clone()));
    }
    facts.push((ctx.t("meetings-place"), mt.place.clone()));
    if !mt.accessibility.is_empty() {
        facts.push((ctx.t("meetings-accessibility"), mt.accessibility.clone()));
    }
    if let Some(d) = mt.registration_deadline {
        facts.push((ctx.t("meetings-deadline"), format::date(d)));
    }
    let open = domain::registration_open(mt.registration_deadline, mt.starts_at, now);
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let here = format!("{}/{}", base(&m), mt.id);
    let parties = store::by_party(&state.db, m.id, mt.id).await?;
    let attendance = if parties.iter().any(|p| p.2 > 0) {
        parties
            .into_iter()
            .map(|(p, _, a)| (ctx.t(p.message_id()), a))
            .collect()
    } else {
        vec![]
    };
    let actions = if coordinator {
        vec![
            (format!("{here}/redigera"), ctx.t("meetings-action-edit")),
            (format!("{here}/deltagare"), ctx.t("meetings-action-participants")),
            (
                format!("{here}/anteckningar/redigera"),
                ctx.t("meetings-action-minutes"),
            ),
        ]
    } else {
        vec![]
    };
    html(&MeetingPage {
        page: page(&ctx, &m, heading(&mt)),
        series: mt.series_name.clone(),
        facts,
        theme: mt.theme.clone(),
        agenda: mt.agenda.clone(),
        contacts: mt.contacts.clone(),
        seats: seats(&ctx, &mt),
        register: open.then(|| format!("{here}/anmalan")),
        closed: !open && mt.ends_at >= now,
        ics: format!("{here}/kalender.ics"),
        minutes: (mt.minutes_published > 0).then(|| format!("{here}/anteckningar")),
        invitation: format!("{here}/inbjudan"),
        attendance,
        actions,
    })
}

// --- Registration ---

fn register_form(ctx: &Ctx, m: &Municipality, mt: &Meeting, f: &RegistrationForm) -> Form {
    let t = |id: &str| ctx.t(id);
    let mut parties = vec![(String::new(), t("meetings-choose"))];
    parties.extend(Party::ALL.iter().map(|p| (p.as_str().to_string(), t(p.message_id()))));
    let mut form = Form::new(
        format!("{}/{}/anmalan", base(m), mt.id),
        t("meetings-submit-register"),
        vec![
            Field::new("name", t("meetings-field-name"), FieldKind::Text)
                .required()
                .autocomplete("name"),
            Field::new("email", t("meetings-field-email"), FieldKind::Email)
                .required()
                .autocomplete("email")
                .hint(t("meetings-field-email-hint")),
            Field::new("organisation", t("meetings-field-organisation"), FieldKind::Text)
                .autocomplete("organization")
                .hint(t("meetings-field-organisation-hint")),
            Field::new("party", t("meetings-field-party"), FieldKind::Select)
                .required()
                .options(parties),
            Field::new("dietary", t("meetings-field-dietary"), FieldKind::TextArea),
            Field::new("accessibility", t("meetings-field-needs"), FieldKind::TextArea)
                .hint(t("meetings-field-needs-hint")),
            Field::new("consent", t("meetings-field-consent"), FieldKind::Checkbox)
                .required()
                .hint(mt.consent_text.clone()),
        ],
    );
    form.fill(|k| {
        Some(match k {
            "name" => f.name.clone(),
            "email" => f.email.clone(),
            "organisation" => f.organisation.clone(),
            "party" => f.party.clone(),
            "dietary" => f.dietary.clone(),
            "accessibility" => f.accessibility.clone(),
            "consent" => f.consent.clone().unwrap_or_default(),
            _ => return None,
        })
    });
    form
}

fn register_intro(ctx: &Ctx, mt: &Meeting) -> Vec<String> {
    let mut v = vec![
        format!("{}: {}", ctx.t("meetings-when"), when(ctx, mt)),
        format!("{}: {}", ctx.t("meetings-place"), mt.place),
        seats(ctx, mt),
    ];
    if let Some(d) = mt.registration_deadline {
        v.push(ctx.tr.ta("meetings-register-by", &[("date", &format::date(d))]));
    }
    v
}

fn render_register(
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    form: Option<Form>,
    status: StatusCode,
) -> AppResult<Response> {
    let mut p = FormPage::new(page(
        ctx,
        m,
        ctx.tr.ta("meetings-register-title", &[("title", &mt.title)]),
    ));
    p.intro = register_intro(ctx, mt);
    if form.is_none() {
        p.intro.push(ctx.t("meetings-err-closed"));
    }
    p.form = form;
    p.links = vec![(format!("{}/{}", base(m), mt.id), ctx.t("meetings-back-to-meeting"))];
    html_status(status, &p)
}

async fn register_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let mt = get_meeting(&state, &m, &id).await?;
    let open = domain::registration_open(mt.registration_deadline, mt.starts_at, state.now());
    // A signed-in person finds their name and address filled in.
    let known = RegistrationForm {
        name: ctx.user.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
        email: ctx.user.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        ..Default::default()
    };
    let form = open.then(|| register_form(&ctx, &m, &mt, &known));
    render_register(&ctx, &m, &mt, form, StatusCode::OK)
}

async fn register_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<RegistrationForm>,
) -> AppResult<Response> {
    RateLimits::check(&state.limits.register, &[format!("meetings:{}", ctx.ip_key())])
        .map_err(AppError::RateLimited)?;
    let mt = get_meeting(&state, &m, &id).await?;
    let input = match f.check() {
        Ok(i) => i,
        Err(p) => {
            let mut form = register_form(&ctx, &m, &mt, &f);
            mark(&mut form, &ctx, &p);
            return render_register(&ctx, &m, &mt, Some(form), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let token = state.random.token(32);
    let letters = Letters::new(&state, &m.slug);
    match store::register(&state.db, m.id, mt.id, &input, &token, &letters, state.now()).await {
        Ok((_, status)) => {
            state.jobs_wakeup.notify_one();
            let mut p = FormPage::new(page(
                &ctx,
                &m,
                ctx.t(match status {
                    Status::Waiting => "meetings-registered-waiting-title",
                    _ => "meetings-registered-title",
                }),
            ));
            p.notice = Some(ctx.tr.ta(
                match status {
                    Status::Waiting => "meetings-registered-waiting",
                    _ => "meetings-registered",
                },
                &[("title", &mt.title), ("email", &input.email)],
            ));
            p.intro = register_intro(&ctx, &mt);
            p.links = vec![
                (
                    format!("{}/{}/kalender.ics", base(&m), mt.id),
                    ctx.t("meetings-add-to-calendar"),
                ),
                (format!("{}/avanmalan/{token}", base(&m)), ctx.t("meetings-cancel-link")),
                (format!("{}/{}", base(&m), mt.id), ctx.t("meetings-back-to-meeting")),
            ];
            html(&p)
        }
        Err(RegisterError::Already) => {
            let mut form = register_form(&ctx, &m, &mt, &f);
            mark(&mut form, &ctx, &vec![("email", Problem::Already)]);
            render_register(&ctx, &m, &mt, Some(form), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(RegisterError::Closed) => render_register(&ctx, &m, &mt, None, StatusCode::UNPROCESSABLE_ENTITY),
        Err(RegisterError::NotFound) => Err(AppError::NotFound("err-not-found")),
        Err(RegisterError::Db(e)) => Err(e.into()),
    }
}

// --- Cancellation ---

async fn cancel_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let reg = store::by_token(&state.db, m.id, &token)
        .await?
        .ok_or(AppError::NotFound("meetings-err-no-registration"))?;
    let mt = store::meeting(&state.db, m.id, reg.meeting_id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let mut p = FormPage::new(page(
        &ctx,
        &m,
        ctx.tr.ta("meetings-cancel-title", &[("title", &mt.title)]),
    ));
    p.intro = register_intro(&ctx, &mt);
    if Status::parse(&reg.status) == Status::Cancelled {
        p.notice = Some(ctx.t("meetings-cancelled"));
    } else {
        p.intro
            .insert(0, ctx.tr.ta("meetings-cancel-intro", &[("name", &reg.name)]));
        p.form = Some(Form::new(
            format!("{}/avanmalan/{token}", base(&m)),
            ctx.t("meetings-submit-cancel"),
            vec![],
        ));
    }
    p.links = vec![
        (
            format!("{}/avanmalan/{token}/uppgifter", base(&m)),
            ctx.t("meetings-own-link"),
        ),
        (format!("{}/{}", base(&m), mt.id), ctx.t("meetings-back-to-meeting")),
    ];
    html(&p)
}

async fn cancel_save(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Path((_, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let letters = Letters::new(&state, &m.slug);
    let random = state.random.clone();
    let new_token = move || random.token(32);
    let cancelled = store::cancel(&state.db, m.id, &token, &new_token, &letters, state.now()).await?;
    state.jobs_wakeup.notify_one();
    // Cancelled now or before (a second press): the link's page says so.
    let known = cancelled.is_some() || store::by_token(&state.db, m.id, &token).await?.is_some();
    if !known {
        return Err(AppError::NotFound("meetings-err-no-registration"));
    }
    Ok(Redirect::to(&format!("{}/avanmalan/{token}", base(&m))).into_response())
}

// --- Calendar ---

fn calendar(body: String, filename: &str) -> Response {
    platform::ics::response(body, filename)
}

async fn meeting_ics(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let mt = get_meeting(&state, &m, &id).await?;
    let letters = Letters::new(&state, &m.slug);
    Ok(calendar(letters.ics(&mt), &format!("mote-{}.ics", mt.id)))
}

async fn feed_all(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let all = store::meetings(&state.db, m.id, None).await?;
    let letters = Letters::new(&state, &m.slug);
    let events: Vec<_> = all.iter().map(|mt| letters.event(mt)).collect();
    let name = ctx.tr.ta("meetings-feed-name", &[("name", &m.name)]);
    Ok(calendar(
        crate::ics::calendar(&name, &events, state.now()),
        &format!("moten-{}.ics", m.slug),
    ))
}

async fn feed_series(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let s = store::one_series(&state.db, m.id, id_of(&id)?)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let all = store::meetings(&state.db, m.id, Some(s.id)).await?;
    let letters = Letters::new(&state, &m.slug);
    let events: Vec<_> = all.iter().map(|mt| letters.event(mt)).collect();
    Ok(calendar(
        crate::ics::calendar(&s.name, &events, state.now()),
        &format!("serie-{}.ics", s.id),
    ))
}

// --- Participants and attendance ---

struct Person {
    id: i64,
    name: String,
    email: String,
    organisation: String,
    party: String,
    dietary: String,
    accessibility: String,
    status: String,
    waiting: bool,
    attended: bool,
}

#[derive(Template)]
#[template(path = "meetings_participants.html")]
struct ParticipantsPage {
    page: Page,
    notice: Option<String>,
    people: Vec<Person>,
    /// (party, seats, present)
    parties: Vec<(String, i64, i64)>,
    total: (i64, i64),
    action: String,
    csv: String,
    xlsx: String,
    print: String,
    back: String,
}

async fn people(state: &AppState, ctx: &Ctx, m: &Municipality, mt: &Meeting) -> AppResult<Vec<Person>> {
    Ok(store::registrations(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|r| Person {
            id: r.id,
            party: ctx.t(r.party().message_id()),
            status: ctx.t(r.status().message_id()),
            waiting: r.status() == Status::Waiting,
            attended: r.attended == Some(1),
            name: if r.name.is_empty() {
                ctx.t("meetings-erased-person")
            } else {
                r.name
            },
            email: r.email,
            organisation: r.organisation,
            dietary: r.dietary,
            accessibility: r.accessibility,
        })
        .collect())
}

async fn render_participants(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    notice: Option<String>,
) -> AppResult<Response> {
    let people = people(state, ctx, m, mt).await?;
    let parties = store::by_party(&state.db, m.id, mt.id).await?;
    let total = parties.iter().fold((0, 0), |(a, b), p| (a + p.1, b + p.2));
    let here = format!("{}/{}", base(m), mt.id);
    html(&ParticipantsPage {
        page: page(
            ctx,
            m,
            ctx.tr.ta("meetings-participants-title", &[("title", &mt.title)]),
        ),
        notice,
        people,
        parties: parties
            .into_iter()
            .map(|(p, n, a)| (ctx.t(p.message_id()), n, a))
            .collect(),
        total,
        action: format!("{here}/deltagare"),
        csv: format!("{here}/deltagare.csv"),
        xlsx: format!("{here}/deltagare.xlsx"),
        print: format!("{here}/deltagare/utskrift"),
        back: here,
    })
}

async fn participants_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = get_meeting(&state, &m, &id).await?;
    render_participants(&state, &ctx, &m, &mt, None).await
}

async fn attendance_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = get_meeting(&state, &m, &id).await?;
    let present: Vec<i64> = f
        .keys()
        .filter_map(|k| k.strip_prefix("present-").and_then(|n| n.parse().ok()))
        .collect();
    store::mark_attendance(&state.db, m.id, mt.id, &present, user, state.now()).await?;
    render_participants(&state, &ctx, &m, &mt, Some(ctx.t("meetings-done-attendance"))).await
}

fn table(ctx: &Ctx, people: &[Person]) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "meetings-col-name",
        "meetings-col-email",
        "meetings-col-organisation",
        "meetings-col-party",
        "meetings-col-dietary",
        "meetings-col-needs",
        "meetings-col-status",
        "meetings-col-present",
    ]
    .iter()
    .map(|id| ctx.t(id))
    .collect::<Vec<_>>()];
    for p in people {
        rows.push(vec![
            p.name.clone(),
            p.email.clone(),
            p.organisation.clone(),
            p.party.clone(),
            p.dietary.clone(),
            p.accessibility.clone(),
            p.status.clone(),
            if p.attended {
                ctx.t("meetings-yes")
            } else {
                String::new()
            },
        ]);
    }
    rows
}

fn attachment(mut res: Response, content_type: &'static str, filename: &str) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

async fn participants_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = get_meeting(&state, &m, &id).await?;
    let people = people(&state, &ctx, &m, &mt).await?;
    let body = platform::csv::document(&table(&ctx, &people));
    Ok(attachment(
        body.into_response(),
        "text/csv; charset=utf-8",
        &format!("deltagare-{}.csv", mt.id),
    ))
}

async fn participants_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = get_meeting(&state, &m, &id).await?;
    let people = people(&state, &ctx, &m, &mt).await?;
    let rows = table(&ctx, &people);
    let bytes = xlsx(&mt.title, &rows).map_err(|e| AppError::Internal(e.into()))?;
    Ok(attachment(
        bytes.into_response(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("deltagare-{}.xlsx", mt.id),
    ))
}

fn xlsx(title: &str, rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("Deltagare")?;
    ws.write_string_with_format(0, 0, title, &bold)?;
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = ((r + 2) as u32, c as u16);
            if r == 2 {
                ws.write_string_with_format(r, c, cell, &bold)?;
            } else {
                ws.write_string(r, c, cell)?;
            }
        }
    }
    ws.autofit();
    wb.save_to_buffer()
}

#[derive(Template)]
#[template(path = "meetings_print.html")]
struct PrintPage {
    page: Page,
    css: String,
    facts: Vec<(String, String)>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    back: String,
}

async fn participants_print(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = get_meeting(&state, &m, &id).await?;
    let people = people(&state, &ctx, &m, &mt).await?;
    let mut rows = table(&ctx, &people);
    let header = if rows.is_empty() { vec![] } else { rows.remove(0) };
    html(&PrintPage {
        page: page(
            &ctx,
            &m,
            ctx.tr.ta("meetings-participants-title", &[("title", &mt.title)]),
        ),
        css: format!("{}/utskrift.css", base(&m)),
        facts: vec![
            (ctx.t("meetings-when"), when(&ctx, &mt)),
            (ctx.t("meetings-place"), mt.place.clone()),
        ],
        header,
        rows,
        back: format!("{}/{}/deltagare", base(&m), mt.id),
    })
}

const PRINT_CSS: &str = "@media print {\n\
  .site-header, .site-footer, .ds-skip-link, .no-print { display: none !important; }\n\
  body { font-size: 10pt; color: #000; background: #fff; }\n\
  main { max-width: none; padding: 0; }\n\
  table { width: 100%; border-collapse: collapse; }\n\
  tr { page-break-inside: avoid; }\n\
  th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }\n\
  a { color: #000; text-decoration: none; }\n\
}\n";

async fn print_css(Tenant(_m): Tenant) -> Response {
    let mut res = PRINT_CSS.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    res
}

// --- JSON ---

#[derive(Serialize)]
struct ApiMeeting {
    id: i64,
    series: String,
    series_id: i64,
    number: Option<i64>,
    title: String,
    theme: String,
    gathering_at: Option<String>,
    starts_at: String,
    ends_at: String,
    place: String,
    accessibility: String,
    capacity: Option<i64>,
    seats_left: Option<i64>,
    registered: i64,
    waiting: i64,
    registration_deadline: Option<String>,
    registration_open: bool,
    url: String,
    ics: String,
    invitation: String,
    minutes: Option<String>,
}

#[derive(Serialize)]
struct ApiDoc {
    municipality: String,
    meetings: Vec<ApiMeeting>,
}

fn rfc3339(unix: i64) -> String {
    use chrono::TimeZone;
    chrono_tz::Europe::Stockholm
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
}

async fn api(State(state): State<AppState>, Tenant(m): Tenant) -> AppResult<Json<ApiDoc>> {
    let now = state.now();
    let all = store::meetings(&state.db, m.id, None).await?;
    let root = state.config.base_url.trim_end_matches('/').to_string();
    Ok(Json(ApiDoc {
        municipality: m.slug.clone(),
        meetings: all
            .into_iter()
            .map(|mt| ApiMeeting {
                id: mt.id,
                url: format!("{root}{}/{}", base(&m), mt.id),
                ics: format!("{root}{}/{}/kalender.ics", base(&m), mt.id),
                invitation: format!("{root}{}/{}/inbjudan", base(&m), mt.id),
                minutes: (mt.minutes_published > 0).then(|| format!("{root}{}/{}/anteckningar", base(&m), mt.id)),
                series: mt.series_name.clone(),
                series_id: mt.series_id,
                number: mt.number,
                theme: mt.theme.clone(),
                gathering_at: mt.gathering_at.map(rfc3339),
                starts_at: rfc3339(mt.starts_at),
                ends_at: rfc3339(mt.ends_at),
                place: mt.place.clone(),
                accessibility: mt.accessibility.clone(),
                capacity: mt.capacity,
                seats_left: mt.seats_left(),
                registered: mt.confirmed,
                waiting: mt.waiting,
                registration_deadline: mt.registration_deadline.map(format::date),
                registration_open: domain::registration_open(mt.registration_deadline, mt.starts_at, now),
                title: mt.title,
            })
            .collect(),
    }))
}
