//! The meetings' pages, files and JSON: the list, the series, planning a meeting, a meeting's
//! page, the calendar files and feeds. Registration, minutes, invitations and personal data
//! have their own areas (`registration`, `minutes`, `invitation`, `privacy`).
//!
//! - `GET /{slug}/moten`: coming and past meetings (public); `GET|POST …/moten/nytt` (coordinator)
//! - `GET|POST /{slug}/moten/serier`: the series (coordinator)
//! - `GET /{slug}/moten/{id}`: a meeting (public); `GET|POST …/{id}/redigera` (coordinator)
//! - `GET /{slug}/moten/{id}/kalender.ics`, `…/moten/kalender.ics`, `…/moten/serier/{id}/kalender.ics`
//! - `GET /api/v1/{slug}/meetings`

use crate::domain::{self, MeetingForm, Problems};
use crate::ids::{MeetingId, SeriesId};
use crate::letters::Letters;
use crate::paths;
use crate::store::{self, Meeting, SeriesError};
use crate::views::{self, coordinates, listed, mark, seats, when};
use platform::audit::Change;
use platform::db;
use platform::format;
use platform::web::prelude::*;
use premises::public::Room;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/moten", get(list_page))
        .route("/{slug}/moten/nytt", get(new_page).post(new_save))
        .route("/{slug}/moten/serier", get(series_page).post(series_save))
        .route("/{slug}/moten/kalender.ics", get(feed_all))
        .route("/{slug}/moten/serier/{id}", get(series_public))
        .route("/{slug}/moten/serier/{id}/kalender.ics", get(feed_series))
        .route("/{slug}/moten/{id}", get(meeting_page))
        .route("/{slug}/moten/{id}/redigera", get(edit_page).post(edit_save))
        .route("/{slug}/moten/{id}/kalender.ics", get(meeting_ics))
        .merge(crate::api::router())
        .merge(crate::registration::router())
        .merge(crate::minutes::router())
        .merge(crate::invitation::router())
        .merge(crate::privacy::router())
        .merge(crate::changes::router())
        .merge(crate::lead_time::router())
        .merge(crate::corrections::router())
        .merge(crate::groups::router())
        .merge(crate::documents::router())
        .merge(crate::turnout::router())
        .merge(crate::topics::router())
        .merge(crate::group_meetings::router())
}

/// A meeting's heading: its title as the coordinator wrote it ("Dialogmöte 6, …").
fn heading(mt: &Meeting) -> String {
    mt.title.clone()
}

// --- The list ---

struct Item {
    href: String,
    title: String,
    series: String,
    when: String,
    place: String,
    /// The day it starts, shown as a date badge.
    date: Option<chrono::NaiveDate>,
    badge: Option<platform::home::Badge>,
    cancelled: bool,
}

/// A meeting as the lists show it: a card with its date badge.
fn item(ctx: &Ctx, slug: &str, this_year: i32, mt: &Meeting) -> Item {
    let date = platform::format::local_date(mt.starts_at);
    Item {
        href: paths::meeting(slug, mt.id),
        title: listed(ctx, mt),
        series: mt.series_name.clone(),
        when: when(&ctx.tr, mt),
        place: mt.place.clone(),
        date,
        badge: date.map(|d| platform::home::badge(d, ctx.lang(), this_year)),
        cancelled: mt.cancelled_at.is_some(),
    }
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
    /// The associations' turnout page.
    turnout: String,
    /// The topics page, for the coordinator and the associations' representatives.
    topics: Option<String>,
}

/// Whether the topics page is the visitor's: the coordinator's or a representative's here.
fn proposes(ctx: &Ctx, m: &Municipality) -> bool {
    ctx.user
        .as_ref()
        .is_some_and(|u| u.is_coordinator(m.id) || !u.represented_in(m.id).is_empty())
}

async fn list_page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let now = state.now();
    let all = store::meetings(&state.db, m.id, None).await?;
    let series = store::series(&state.db, m.id).await?;
    let this_year = chrono::Datelike::year(&state.today());
    let item = |mt: &Meeting| item(&ctx, &m.slug, this_year, mt);
    let coming = all.iter().filter(|mt| mt.ends_at >= now).map(item).collect();
    let past = all.iter().rev().filter(|mt| mt.ends_at < now).map(item).collect();
    let coordinator = coordinates(&ctx, &m);
    let actions = if coordinator {
        vec![
            (paths::new(&m.slug), ctx.t("meetings-action-new")),
            (paths::series(&m.slug), ctx.t("meetings-action-series")),
            (paths::privacy(&m.slug), ctx.t("meetings-privacy-title")),
        ]
    } else {
        vec![]
    };
    html(&ListPage {
        page: ctx
            .page_in(&m, ctx.t("meetings-title"))
            .described(ctx.tr.ta("meetings-description", &[("name", &m.name)])),
        coming,
        past,
        series: series
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    paths::one_series(&m.slug, s.id),
                    paths::series_feed(&m.slug, s.id),
                    ctx.tr.ta("meetings-series-feed", &[("name", &s.name)]),
                )
            })
            .collect(),
        description: String::new(),
        feed: paths::feed(&m.slug),
        feed_label: ctx.t("meetings-feed-all"),
        actions,
        turnout: paths::turnout(&m.slug),
        topics: proposes(&ctx, &m).then(|| paths::topics(&m.slug)),
    })
}

/// One series: its meetings, coming and past, and its calendar feed.
async fn series_public(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<SeriesId>,
) -> AppResult<Response> {
    let s = store::one_series(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let now = state.now();
    let all = store::meetings(&state.db, m.id, Some(s.id)).await?;
    let this_year = chrono::Datelike::year(&state.today());
    let item = |mt: &Meeting| item(&ctx, &m.slug, this_year, mt);
    html(&ListPage {
        page: ctx.page_in(&m, s.name.clone()),
        coming: all.iter().filter(|mt| mt.ends_at >= now).map(item).collect(),
        past: all.iter().rev().filter(|mt| mt.ends_at < now).map(item).collect(),
        series: vec![],
        description: s.description.clone(),
        feed: paths::series_feed(&m.slug, s.id),
        feed_label: ctx.tr.ta("meetings-series-feed", &[("name", &s.name)]),
        actions: vec![(paths::list(&m.slug), ctx.t("meetings-back-to-list"))],
        turnout: paths::turnout(&m.slug),
        topics: proposes(&ctx, &m).then(|| paths::topics(&m.slug)),
    })
}

// --- Series ---

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SeriesForm {
    name: String,
    description: String,
    remind_days: String,
}

fn series_form(ctx: &Ctx, m: &Municipality) -> Form {
    let mut form = Form::new(
        paths::series(&m.slug),
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
            crate::lead_time::field(ctx),
        ],
    );
    form.fill(|k| (k == "remind_days").then(|| domain::REMIND_DAYS.to_string()));
    form
}

async fn render_series(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let series = store::series(&state.db, m.id).await?;
    let mut p = FormPage::new(ctx.page_in(m, ctx.t("meetings-series-title")));
    p.intro = if series.is_empty() {
        vec![ctx.t("meetings-series-none")]
    } else {
        series.iter().map(|s| s.name.clone()).collect()
    };
    p.notice = notice;
    let status = form.status();
    p.form = Some(form);
    p.links = crate::lead_time::links(ctx, m, &series);
    p.links.push((paths::list(&m.slug), ctx.t("meetings-back-to-list")));
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
        "remind_days" => Some(f.remind_days.clone()),
        _ => None,
    });
    let remind_days = if f.remind_days.trim().is_empty() {
        Some(domain::REMIND_DAYS)
    } else {
        domain::parse_remind_days(&f.remind_days)
    };
    let name = platform::rules::line(&f.name, 200);
    let description = platform::rules::text(&f.description, 2000).or_else(|e| {
        if f.description.trim().is_empty() {
            Ok(String::new())
        } else {
            Err(e)
        }
    });
    match (name, description, remind_days) {
        (Ok(name), Ok(description), Some(days)) => {
            match store::create_series_with(&state.db, m.id, &name, &description, days, Some(user), state.now()).await {
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
                Err(SeriesError::Taken) => {
                    form.error("name", ctx.t("meetings-err-series-exists"));
                    render_series(&state, &ctx, &m, form, None).await
                }
                Err(SeriesError::Db(e)) => Err(e.into()),
            }
        }
        (name, description, days) => {
            if days.is_none() {
                form.error("remind_days", ctx.t("meetings-err-remind-days"));
            }
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

fn meeting_form(ctx: &Ctx, action: String, series: &[store::Series], rooms: &[Room], f: &MeetingForm) -> Form {
    let t = |id: &str| ctx.t(id);
    let mut room_options = vec![(String::new(), t("meetings-premises-none"))];
    room_options.extend(rooms.iter().map(|r| (r.id.to_string(), r.place())));
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
            Field::new("room", t("meetings-field-premises"), FieldKind::Select)
                .options(room_options)
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
                "room" => &f.room,
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
        room: mt.room_id.map(|r| r.to_string()).unwrap_or_default(),
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
    let rooms = premises::public::rooms(&state.db, m.id).await?;
    let mut p = FormPage::new(ctx.page_in(m, title));
    if series.is_empty() {
        p.intro = vec![ctx.t("meetings-series-first")];
        p.links = vec![(paths::series(&m.slug), ctx.t("meetings-action-series"))];
        return html(&p);
    }
    let mut form = meeting_form(ctx, action, &series, &rooms, f);
    mark(&mut form, ctx, problems);
    let status = form.status();
    p.form = Some(form);
    p.links = vec![(paths::list(&m.slug), ctx.t("meetings-back-to-list"))];
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
        paths::new(&m.slug),
        &f,
        &vec![],
    )
    .await
}

/// The municipality's series (a meeting must be in one of them) and the form with its chosen
/// room's place and accessibility filled in.
async fn checkable(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    f: MeetingForm,
) -> AppResult<(Vec<SeriesId>, MeetingForm)> {
    let ids = store::series(&state.db, m.id).await?.iter().map(|s| s.id).collect();
    let rooms = premises::public::rooms(&state.db, m.id).await?;
    Ok((ids, f.with_room(&rooms, |id| ctx.t(id))))
}

async fn new_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<MeetingForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let (ids, f) = checkable(&state, &ctx, &m, f).await?;
    match f.check(&ids) {
        Ok(input) => {
            let id = store::save_meeting(&state.db, m.id, None, &input, Some(user), state.now())
                .await?
                .ok_or(AppError::NotFound("err-not-found"))?;
            Ok(Redirect::to(&paths::meeting(&m.slug, id)).into_response())
        }
        Err(p) => {
            render_meeting_form(
                &state,
                &ctx,
                &m,
                ctx.t("meetings-new-title"),
                paths::new(&m.slug),
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
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let action = paths::edit(&m.slug, mt.id);
    let title = ctx.tr.ta("meetings-edit-title", &[("title", &mt.title)]);
    render_meeting_form(&state, &ctx, &m, title, action, &form_of(&mt), &vec![]).await
}

async fn edit_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(f): Input<MeetingForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let (ids, f) = checkable(&state, &ctx, &m, f).await?;
    match f.check(&ids) {
        Ok(input) => {
            let letters = Letters::new(&state, &m.slug);
            let random = state.random.clone();
            let new_token = move || random.token(32);
            let now = state.now();
            // The meeting and, when it has more seats now, the waiting list moving up with its
            // letters, in one transaction.
            let saved = store::found(
                db::write(&state.db, now, async |tx| {
                    let id = store::write_meeting(tx, m.id, Some(mt.id), &input, now)
                        .await?
                        .ok_or(store::WriteError::NotFound)?;
                    // A new time or place is told to everyone registered.
                    crate::changes::queue_moved(tx, &letters, &mt, &input, now).await?;
                    if let Some((after, promoted)) =
                        crate::registration::store::fill_free_seats(tx, m.id, id, &new_token, now).await?
                    {
                        crate::registration::queue_promoted(tx, &letters, &after, &promoted, now).await?;
                    }
                    let change = Change::new(
                        m.id,
                        Some(user),
                        "meetings.meeting.save",
                        "meetings_meeting",
                        id,
                        &input.title,
                    );
                    Ok((id, change))
                })
                .await,
            )?;
            saved.ok_or(AppError::NotFound("err-not-found"))?;
            state.jobs_wakeup.notify_one();
            Ok(Redirect::to(&paths::meeting(&m.slug, mt.id)).into_response())
        }
        Err(p) => {
            let action = paths::edit(&m.slug, mt.id);
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
    /// Why the meeting is not held, when it is called off.
    called_off: Option<String>,
    /// Present per party, once attendance is marked (counts only).
    attendance: Vec<(String, i64)>,
    actions: Vec<(String, String)>,
    documents: Vec<crate::documents::DocLink>,
    /// The share of the registry's associations that registered or came, and the turnout page.
    turnout: Option<(String, String)>,
    /// The associations' topics taken up at the meeting: (title, association).
    topics: Vec<(String, String)>,
    /// What points to the meeting from capabilities that may not be asked (an idea of the idea
    /// bank on its agenda), from `platform::links`.
    backlinks: Vec<platform::links::Backlink>,
}

async fn meeting_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    let mt = views::meeting(&state, &m, id).await?;
    let now = state.now();
    let mut facts = vec![(ctx.t("meetings-when"), when(&ctx.tr, &mt))];
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
    let open = mt.registration_open(now);
    let coordinator = coordinates(&ctx, &m);
    let parties = crate::registration::store::by_party(&state.db, m.id, mt.id).await?;
    let attendance = if parties.iter().any(|p| p.2 > 0) {
        parties
            .into_iter()
            .map(|(p, _, a)| (ctx.t(p.message_id()), a))
            .collect()
    } else {
        vec![]
    };
    let mut actions = if coordinator {
        vec![
            (paths::edit(&m.slug, mt.id), ctx.t("meetings-action-edit")),
            (
                paths::participants(&m.slug, mt.id),
                ctx.t("meetings-action-participants"),
            ),
            (
                paths::minutes_edit(&m.slug, mt.id, None),
                ctx.t("meetings-action-minutes"),
            ),
            (paths::documents(&m.slug, mt.id), ctx.t("meetings-action-documents")),
            (paths::groups(&m.slug, mt.id), ctx.t("meetings-action-groups")),
        ]
    } else {
        vec![]
    };
    if coordinator && mt.cancelled_at.is_none() && mt.ends_at >= now {
        actions.push((paths::call_off(&m.slug, mt.id), ctx.t("meetings-action-call-off")));
    }
    let called_off = mt.cancelled_at.map(|at| {
        let mut s = ctx.tr.ta("meetings-called-off-on", &[("date", &format::date(at))]);
        if !mt.cancel_message.is_empty() {
            s = format!("{s} {}", mt.cancel_message);
        }
        s
    });
    let documents = crate::documents::meeting_links(&state, &m, mt.id, false, false).await?;
    let turnout = crate::turnout::routes::meeting_line(&state, &ctx, &m, &mt)
        .await?
        .map(|line| (line, paths::turnout(&m.slug)));
    let topics = crate::topics::routes::meeting_topics(&state, &m, mt.id).await?;
    let backlinks = platform::links::to(&state.db, &ctx.tr, m.id, "meetings-meeting", mt.id.get()).await?;
    html(&MeetingPage {
        page: ctx.page_in(&m, heading(&mt)).described(platform::layout::excerpt(
            &format!("{}, {}. {}", crate::views::when(&ctx.tr, &mt), mt.place, mt.theme),
            200,
        )),
        series: mt.series_name.clone(),
        facts,
        theme: mt.theme.clone(),
        agenda: mt.agenda.clone(),
        contacts: mt.contacts.clone(),
        seats: seats(&ctx, &mt),
        register: open.then(|| paths::register(&m.slug, mt.id)),
        closed: !open && mt.ends_at >= now && mt.cancelled_at.is_none(),
        ics: paths::ics(&m.slug, mt.id),
        minutes: (mt.minutes_published > 0).then(|| paths::minutes(&m.slug, mt.id)),
        invitation: paths::invitation(&m.slug, mt.id),
        called_off,
        attendance,
        actions,
        documents,
        turnout,
        topics,
        backlinks,
    })
}

// --- Calendar ---

fn calendar(body: String, filename: &str) -> Response {
    platform::ics::response(body, filename)
}

async fn meeting_ics(State(state): State<AppState>, Tenant(m): Tenant, Id(id): Id<MeetingId>) -> AppResult<Response> {
    let mt = views::meeting(&state, &m, id).await?;
    let letters = Letters::new(&state, &m.slug);
    Ok(calendar(letters.ics(&mt), &format!("mote-{}.ics", mt.id)))
}

async fn feed_all(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let all = store::meetings(&state.db, m.id, None).await?;
    let letters = Letters::new(&state, &m.slug);
    let events: Vec<_> = all
        .iter()
        .map(|mt| (letters.event(mt), crate::letters::sequence(mt)))
        .collect();
    let name = ctx.tr.ta("meetings-feed-name", &[("name", &m.name)]);
    Ok(calendar(
        crate::ics::calendar_sequenced(&name, &events, state.now()),
        &format!("moten-{}.ics", m.slug),
    ))
}

async fn feed_series(State(state): State<AppState>, Tenant(m): Tenant, Id(id): Id<SeriesId>) -> AppResult<Response> {
    let s = store::one_series(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let all = store::meetings(&state.db, m.id, Some(s.id)).await?;
    let letters = Letters::new(&state, &m.slug);
    let events: Vec<_> = all
        .iter()
        .map(|mt| (letters.event(mt), crate::letters::sequence(mt)))
        .collect();
    Ok(calendar(
        crate::ics::calendar_sequenced(&s.name, &events, state.now()),
        &format!("serie-{}.ics", s.id),
    ))
}
