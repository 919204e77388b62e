//! The invitation letter (seed 001): a public page, a printable page, and an e-mail the
//! coordinator sends through the job queue to chosen lists — the registry's contacts (who all
//! consented to be listed), the signatories' representatives and contacts, earlier
//! participants — each with its own unsubscribe link.
//!
//! - `GET /{slug}/moten/{id}/inbjudan`, `GET …/inbjudan/utskrift` (public)
//! - `GET|POST /{slug}/moten/{id}/inbjudan/skicka` (coordinator)
//! - `GET|POST /{slug}/moten/avregistrera/{token}` (the unsubscribe link)

use crate::domain;
use crate::mail::{self, MeetingMail};
use crate::store::{self, Meeting};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use hmac::{Hmac, Mac};
use platform::audit::{self, Change};
use platform::auth::{require_coordinator, token_hash, CurrentUser};
use platform::ctx::{Ctx, Input};
use platform::db::Db;
use platform::error::{AppError, AppResult};
use platform::format;
use platform::i18n::{Lang, Tr};
use platform::layout::{html, Field, FieldKind, Form, FormPage, Page};
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
#[allow(unused_imports)]
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use sha2::Sha256;
use std::collections::{BTreeSet, HashMap};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{slug}/moten/{id}/inbjudan", get(letter_page))
        .route("/{slug}/moten/{id}/inbjudan/utskrift", get(print_page))
        .route("/{slug}/moten/{id}/inbjudan/skicka", get(send_page).post(send))
        .route(
            "/{slug}/moten/avregistrera/{token}",
            get(unsubscribe_page).post(unsubscribe),
        )
}

/// The lists an invitation can go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Contacts,
    Signatories,
    Participants,
}

impl List {
    pub const ALL: [List; 3] = [List::Contacts, List::Signatories, List::Participants];
    pub fn key(self) -> &'static str {
        match self {
            List::Contacts => "contacts",
            List::Signatories => "signatories",
            List::Participants => "participants",
        }
    }
    fn message_id(self) -> &'static str {
        match self {
            List::Contacts => "meetings-list-contacts",
            List::Signatories => "meetings-list-signatories",
            List::Participants => "meetings-list-participants",
        }
    }
}

/// The addresses on a list (lower case, each once).
pub async fn addresses(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    list: List,
) -> Result<BTreeSet<String>, sqlx::Error> {
    let sql = match list {
        List::Contacts => {
            "SELECT c.email FROM registry_contacts c JOIN organisations o ON o.id = c.organisation_id \
             WHERE o.municipality_id = $1 AND c.email <> '' AND $2 = $2"
        }
        List::Signatories => {
            "SELECT u.email FROM signatures s JOIN roles r ON r.organisation_id = s.organisation_id AND r.role = 'representative' \
             JOIN users u ON u.id = r.user_id WHERE s.municipality_id = $1 AND s.withdrawn_at IS NULL AND $2 = $2 \
             UNION SELECT c.email FROM signatures s JOIN registry_contacts c ON c.organisation_id = s.organisation_id \
             WHERE s.municipality_id = $1 AND s.withdrawn_at IS NULL AND c.email <> ''"
        }
        List::Participants => {
            "SELECT email FROM meetings_registrations WHERE municipality_id = $1 AND meeting_id <> $2 \
             AND status <> 'cancelled' AND email <> ''"
        }
    };
    let rows: Vec<(String,)> = sqlx::query_as(sql)
        .bind(municipality_id)
        .bind(meeting_id)
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.into_iter().map(|r| r.0.trim().to_lowercase()).collect())
}

async fn unsubscribed(db: &Db, municipality_id: MunicipalityId) -> Result<BTreeSet<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT email FROM meetings_unsubscribes WHERE municipality_id = $1 AND unsubscribed_at IS NOT NULL",
    )
    .bind(municipality_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// The unsubscribe token of an address: unguessable without the instance's secret, the same in
/// every mail to that address (only its hash is stored).
pub fn unsubscribe_token(secret: &[u8], municipality_id: MunicipalityId, email: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(format!("meetings-unsubscribe:{municipality_id}:{email}").as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..20])
}

/// Queue the invitation to each address in one transaction. Returns how many were queued.
async fn queue_all(
    db: &Db,
    municipality_id: MunicipalityId,
    meeting_id: i64,
    mails: &[(String, String, MeetingMail)],
    actor: &CurrentUser,
    now: i64,
) -> Result<usize, sqlx::Error> {
    let mut tx = db.write().await?;
    for (email, token, m) in mails {
        sqlx::query(
            "INSERT INTO meetings_unsubscribes (municipality_id, email, token_hash, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (municipality_id, email) DO NOTHING",
        )
        .bind(municipality_id)
        .bind(email)
        .bind(token_hash(token))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        mail::queue(&mut tx, municipality_id, m, now).await?;
    }
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor: Some(actor),
            action: "meetings.invitation.send",
            entity: "meetings_meeting",
            entity_id: Some(meeting_id),
            summary: format!("{} mottagare", mails.len()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(mails.len())
}

// --- The letter ---

pub struct Letter {
    pub to: String,
    pub series: String,
    pub title: String,
    pub welcome: String,
    /// (label, lines)
    pub facts: Vec<(String, Vec<String>)>,
    pub register: Option<String>,
    pub consent: String,
    pub contacts: String,
    /// (date, text, is this meeting)
    pub background: Vec<(String, String, bool)>,
}

fn weekday(tr: &Tr, unix: i64) -> String {
    use chrono::{Datelike, TimeZone};
    let n = chrono_tz::Europe::Stockholm
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.weekday().number_from_monday())
        .unwrap_or(1);
    tr.t(&format!("meetings-weekday-{n}"))
}

pub async fn letter(state: &AppState, tr: &Tr, m: &Municipality, mt: &Meeting) -> AppResult<Letter> {
    let root = state.config.base_url.trim_end_matches('/');
    let mut time = vec![format!("{} {}", weekday(tr, mt.starts_at), format::date(mt.starts_at))];
    if let Some(g) = mt.gathering_at {
        time.push(tr.ta(
            "meetings-letter-gathering",
            &[
                ("from", &domain::clock(g)),
                ("to", &domain::clock(mt.starts_at)),
                ("what", &mt.gathering_text),
            ],
        ));
    }
    time.push(tr.ta(
        "meetings-letter-dialog",
        &[
            ("from", &domain::clock(mt.starts_at)),
            ("to", &domain::clock(mt.ends_at)),
        ],
    ));
    let mut place = vec![mt.place.clone()];
    if !mt.accessibility.is_empty() {
        place.push(format!("{}: {}", tr.t("meetings-accessibility"), mt.accessibility));
    }
    let mut facts = vec![];
    if !mt.theme.is_empty() {
        facts.push((tr.t("meetings-theme"), vec![mt.theme.clone()]));
    }
    facts.push((tr.t("meetings-when"), time));
    facts.push((tr.t("meetings-place"), place));
    let register_url = format!("{root}/{}/moten/{}/anmalan", m.slug, mt.id);
    let open = domain::registration_open(mt.registration_deadline, mt.starts_at, state.now());
    let registration = match mt.registration_deadline {
        Some(d) => tr.ta(
            "meetings-letter-register-by",
            &[("date", &format::date(d)), ("link", &register_url)],
        ),
        None => tr.ta("meetings-letter-register", &[("link", &register_url)]),
    };
    facts.push((tr.t("meetings-letter-registration"), vec![registration]));
    // The process so far: the agreement's timeline up to this meeting, and the series' meetings.
    let date = format::date(mt.starts_at);
    let timeline: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT happened_on, title, body FROM agreement_timeline WHERE municipality_id = $1 AND happened_on <= $2 \
         ORDER BY happened_on, id",
    )
    .bind(m.id)
    .bind(&date)
    .fetch_all(&state.db.pool)
    .await?;
    let mut background: Vec<(String, String, bool)> = timeline
        .into_iter()
        .map(|(on, title, body)| {
            let text = if body.is_empty() {
                title
            } else {
                format!("{title}. {body}")
            };
            (on, text, false)
        })
        .collect();
    if !background.iter().any(|b| b.0 == date) {
        let text = if mt.theme.is_empty() {
            mt.title.clone()
        } else {
            format!("{}. {}", mt.title, mt.theme)
        };
        background.push((date, text, true));
    } else {
        for b in background.iter_mut().filter(|b| b.0 == date) {
            b.2 = true;
        }
    }
    Ok(Letter {
        to: tr.ta("meetings-letter-to", &[("name", &m.name)]),
        series: mt.series_name.clone(),
        title: mt.title.clone(),
        welcome: mt.invitation_text.clone(),
        facts,
        register: open.then_some(register_url),
        consent: mt.consent_text.clone(),
        contacts: mt.contacts.clone(),
        background,
    })
}

fn letter_text(tr: &Tr, l: &Letter, unsubscribe: &str) -> String {
    let mut s = format!("{}\n\n{} – {}\n\n", l.to, l.series, l.title);
    if !l.welcome.is_empty() {
        s.push_str(&format!("{}\n\n", l.welcome));
    }
    for (label, lines) in &l.facts {
        s.push_str(&format!("{label}: {}\n", lines.join("\n  ")));
    }
    if !l.consent.is_empty() {
        s.push_str(&format!("\n{}\n", l.consent));
    }
    if !l.contacts.is_empty() {
        s.push_str(&format!("\n{}:\n{}\n", tr.t("meetings-contacts"), l.contacts));
    }
    if !l.background.is_empty() {
        s.push_str(&format!("\n{}\n", tr.t("meetings-letter-background")));
        for (on, text, _) in &l.background {
            s.push_str(&format!("- {on}: {text}\n"));
        }
    }
    s.push_str(&format!("\n{}\n{unsubscribe}\n", tr.t("meetings-letter-unsubscribe")));
    s
}

#[derive(Template)]
#[template(path = "meetings_invitation.html")]
struct LetterPage {
    page: Page,
    letter: Letter,
    css: Option<String>,
    print: Option<String>,
    send: Option<String>,
    back: String,
}

async fn meeting(state: &AppState, m: &Municipality, id: &str) -> AppResult<Meeting> {
    let id = id.parse::<i64>().map_err(|_| AppError::NotFound("err-not-found"))?;
    store::meeting(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

async fn render_letter(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: &str,
    printable: bool,
) -> AppResult<Response> {
    let mt = meeting(state, m, id).await?;
    let letter = letter(state, &ctx.tr, m, &mt).await?;
    let here = format!("/{}/moten/{}", m.slug, mt.id);
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    html(&LetterPage {
        page: ctx
            .page(ctx.tr.ta("meetings-invitation-title", &[("title", &mt.title)]))
            .in_municipality(&m.slug, &m.name),
        letter,
        css: printable.then(|| format!("/{}/moten/utskrift.css", m.slug)),
        print: (!printable).then(|| format!("{here}/inbjudan/utskrift")),
        send: (coordinator && !printable).then(|| format!("{here}/inbjudan/skicka")),
        back: here,
    })
}

async fn letter_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    render_letter(&state, &ctx, &m, &id, false).await
}

async fn print_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    render_letter(&state, &ctx, &m, &id, true).await
}

// --- Sending ---

async fn send_form(state: &AppState, ctx: &Ctx, m: &Municipality, mt: &Meeting) -> AppResult<Form> {
    let mut fields = vec![];
    for list in List::ALL {
        let n = addresses(&state.db, m.id, mt.id, list).await?.len();
        fields.push(Field::new(
            list.key(),
            ctx.tr.ta(list.message_id(), &[("n", &n)]),
            FieldKind::Checkbox,
        ));
    }
    Ok(Form::new(
        format!("/{}/moten/{}/inbjudan/skicka", m.slug, mt.id),
        ctx.t("meetings-submit-send"),
        fields,
    ))
}

async fn send_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = meeting(&state, &m, &id).await?;
    let mut p = FormPage::new(
        ctx.page(ctx.tr.ta("meetings-send-title", &[("title", &mt.title)]))
            .in_municipality(&m.slug, &m.name),
    );
    p.intro = vec![ctx.t("meetings-send-intro")];
    p.form = Some(send_form(&state, &ctx, &m, &mt).await?);
    p.links = vec![(
        format!("/{}/moten/{}/inbjudan", m.slug, mt.id),
        ctx.t("meetings-back-to-invitation"),
    )];
    html(&p)
}

async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, id)): Path<(String, String)>,
    Input(f): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = meeting(&state, &m, &id).await?;
    let mut to = BTreeSet::new();
    for list in List::ALL.into_iter().filter(|l| f.contains_key(l.key())) {
        to.extend(addresses(&state.db, m.id, mt.id, list).await?);
    }
    let gone = unsubscribed(&state.db, m.id).await?;
    let tr = Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    };
    let letter = letter(&state, &tr, &m, &mt).await?;
    let root = state.config.base_url.trim_end_matches('/');
    let mails: Vec<(String, String, MeetingMail)> = to
        .into_iter()
        .filter(|e| !gone.contains(e))
        .map(|email| {
            let token = unsubscribe_token(&state.secret, m.id, &email);
            let link = format!("{root}/{}/moten/avregistrera/{token}", m.slug);
            let mail = MeetingMail {
                to: email.clone(),
                subject: tr.ta("meetings-invitation-subject", &[("title", &mt.title)]),
                body: letter_text(&tr, &letter, &link),
                ics: None,
            };
            (email, token, mail)
        })
        .collect();
    let n = queue_all(&state.db, m.id, mt.id, &mails, user, state.now()).await?;
    state.jobs_wakeup.notify_one();
    let mut p = FormPage::new(
        ctx.page(ctx.tr.ta("meetings-send-title", &[("title", &mt.title)]))
            .in_municipality(&m.slug, &m.name),
    );
    p.notice = Some(ctx.tr.ta("meetings-sent", &[("n", &n)]));
    p.links = vec![(
        format!("/{}/moten/{}/inbjudan", m.slug, mt.id),
        ctx.t("meetings-back-to-invitation"),
    )];
    html(&p)
}

// --- Unsubscribe ---

async fn subscription(
    db: &Db,
    municipality_id: MunicipalityId,
    token: &str,
) -> Result<Option<(String, Option<i64>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT email, unsubscribed_at FROM meetings_unsubscribes WHERE municipality_id = $1 AND token_hash = $2",
    )
    .bind(municipality_id)
    .bind(token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path((_, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let (email, gone) = subscription(&state.db, m.id, &token)
        .await?
        .ok_or(AppError::NotFound("meetings-err-no-subscription"))?;
    let mut p = FormPage::new(
        ctx.page(ctx.t("meetings-unsubscribe-title"))
            .in_municipality(&m.slug, &m.name),
    );
    if gone.is_some() {
        p.notice = Some(ctx.tr.ta("meetings-unsubscribed", &[("email", &email)]));
    } else {
        p.intro = vec![ctx
            .tr
            .ta("meetings-unsubscribe-intro", &[("email", &email), ("name", &m.name)])];
        p.form = Some(Form::new(
            format!("/{}/moten/avregistrera/{token}", m.slug),
            ctx.t("meetings-submit-unsubscribe"),
            vec![],
        ));
    }
    html(&p)
}

async fn unsubscribe(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    Path((_, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let mut tx = state.db.write().await?;
    let row: Option<(i64,)> = sqlx::query_as(
        "UPDATE meetings_unsubscribes SET unsubscribed_at = COALESCE(unsubscribed_at, $3) \
         WHERE municipality_id = $1 AND token_hash = $2 RETURNING id",
    )
    .bind(m.id)
    .bind(token_hash(&token))
    .bind(state.now())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id,)) = row else {
        return Err(AppError::NotFound("meetings-err-no-subscription"));
    };
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(m.id),
            actor: None,
            action: "meetings.invitation.unsubscribe",
            entity: "meetings_unsubscribe",
            entity_id: Some(id),
            summary: String::new(),
        },
        state.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/{}/moten/avregistrera/{token}", m.slug)).into_response())
}
