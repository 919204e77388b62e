//! The invitation letter (seed 001): a public page, a printable page, and an e-mail the
//! coordinator sends through the job queue to chosen lists — the registry's contacts (who all
//! consented to be listed), the signatories' representatives and contacts, earlier
//! participants — each with its own unsubscribe link.
//!
//! - `GET /{slug}/moten/{id}/inbjudan`, `GET …/inbjudan/utskrift` (public)
//! - `GET|POST /{slug}/moten/{id}/inbjudan/skicka` (coordinator)
//! - `GET|POST /{slug}/moten/avregistrera/{token}` (the unsubscribe link)

use super::store::{self, List};
use crate::domain;
use crate::ids::MeetingId;
use crate::paths;
use crate::store::Meeting;
use crate::views::{self, coordinates, TokenPath};
use hmac::{Hmac, Mac};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db;
use platform::format;
use platform::i18n::{Lang, Tr};
use platform::mail::{self, Email};
use platform::web::prelude::*;
use sha2::Sha256;
use std::collections::{BTreeSet, HashMap};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/moten/{id}/inbjudan", get(letter_page))
        .route("/{slug}/moten/{id}/inbjudan/utskrift", get(print_page))
        .route("/{slug}/moten/{id}/inbjudan/skicka", get(send_page).post(send))
        .route(
            "/{slug}/moten/avregistrera/{token}",
            get(unsubscribe_page).post(unsubscribe),
        )
}

/// The unsubscribe token of an address: unguessable without the key ([`AppState::pepper`]: a
/// secret kept outside the database when the instance sets one), the same in every mail to that
/// address (only its hash is stored, and kept as the opt-out when the address is erased).
pub fn unsubscribe_token(secret: &[u8], municipality_id: MunicipalityId, email: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(format!("meetings-unsubscribe:{municipality_id}:{email}").as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..20])
}

/// Queue the invitation to each address in one transaction: (address, unsubscribe token, mail).
/// Returns how many were queued.
async fn queue_all(
    state: &AppState,
    m: &Municipality,
    meeting_id: MeetingId,
    mails: &[(String, String, Email)],
    actor: &CurrentUser,
) -> Result<usize, sqlx::Error> {
    let now = state.now();
    db::write(&state.db, now, async |tx| {
        for (email, token, letter) in mails {
            store::remember(tx, m.id, email, token, now).await?;
            mail::queue(tx, Some(m.id), letter, now).await?;
        }
        let summary = format!("{} mottagare", mails.len());
        let change = Change::new(
            m.id,
            Some(actor),
            "meetings.invitation.send",
            "meetings_meeting",
            meeting_id,
            summary,
        );
        Ok((mails.len(), change))
    })
    .await
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
    /// The meeting's documents: (title, full address).
    pub documents: Vec<(String, String)>,
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
        // The place's own text says what it is ("Lokalen ligger i markplan. …").
        place.push(mt.accessibility.clone());
    }
    let mut facts = vec![];
    if !mt.theme.is_empty() {
        facts.push((tr.t("meetings-theme"), vec![mt.theme.clone()]));
    }
    facts.push((tr.t("meetings-when"), time));
    facts.push((tr.t("meetings-place"), place));
    let register_url = format!("{root}{}", paths::register(&m.slug, mt.id));
    let open = mt.registration_open(state.now());
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
    let timeline = agreement::public::timeline_until(&state.db, m.id, &date).await?;
    let mut background: Vec<(String, String, bool)> = timeline
        .into_iter()
        .map(
            |agreement::public::TimelineEntry {
                 happened_on: on,
                 title,
                 body,
             }| {
                let text = if body.is_empty() {
                    title
                } else {
                    format!("{title}. {body}")
                };
                (on, text, false)
            },
        )
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
    let documents = crate::documents::meeting_links(state, m, mt.id, false, false)
        .await?
        .into_iter()
        .map(|d| (d.title, format!("{root}{}", d.href)))
        .collect();
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
        documents,
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
    if !l.documents.is_empty() {
        s.push_str(&format!("\n{}:\n", tr.t("meetings-letter-documents")));
        for (title, url) in &l.documents {
            s.push_str(&format!("- {title}: {url}\n"));
        }
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

async fn render_letter(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: MeetingId,
    printable: bool,
) -> AppResult<Response> {
    let mt = views::meeting(state, m, id).await?;
    let letter = letter(state, &ctx.tr, m, &mt).await?;
    let coordinator = coordinates(ctx, m);
    html(&LetterPage {
        page: crate::views::meeting_page(
            ctx,
            m,
            &mt,
            ctx.tr.ta("meetings-invitation-title", &[("title", &mt.title)]),
        ),
        letter,
        css: printable.then(|| paths::print_css(&m.slug)),
        print: (!printable).then(|| paths::invitation_print(&m.slug, mt.id)),
        send: (coordinator && !printable).then(|| paths::invitation_send(&m.slug, mt.id)),
        back: paths::meeting(&m.slug, mt.id),
    })
}

async fn letter_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    render_letter(&state, &ctx, &m, id, false).await
}

async fn print_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    render_letter(&state, &ctx, &m, id, true).await
}

// --- Sending ---

async fn send_form(state: &AppState, ctx: &Ctx, m: &Municipality, mt: &Meeting) -> AppResult<Form> {
    let mut fields = vec![];
    let group = crate::group_meetings::store::group_of_meeting(&state.db, m.id, mt.id).await?;
    for list in List::ALL {
        if list == List::Group && group.is_none() {
            continue;
        }
        let n = store::addresses(&state.db, m.id, mt.id, list).await?.len();
        fields.push(Field::new(
            list.key(),
            ctx.tr.ta(list.message_id(), &[("n", &n)]),
            FieldKind::Checkbox,
        ));
    }
    Ok(Form::new(
        paths::invitation_send(&m.slug, mt.id),
        ctx.t("meetings-submit-send"),
        fields,
    ))
}

async fn send_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let mut p = FormPage::new(crate::views::meeting_page(
        &ctx,
        &m,
        &mt,
        ctx.tr.ta("meetings-send-title", &[("title", &mt.title)]),
    ));
    p.intro = vec![ctx.t("meetings-send-intro")];
    p.form = Some(send_form(&state, &ctx, &m, &mt).await?);
    p.links = vec![(paths::invitation(&m.slug, mt.id), ctx.t("meetings-back-to-invitation"))];
    html(&p)
}

async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(f): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let mut to = BTreeSet::new();
    for list in List::ALL.into_iter().filter(|l| f.contains_key(l.key())) {
        to.extend(store::addresses(&state.db, m.id, mt.id, list).await?);
    }
    let gone = store::unsubscribed(&state.db, m.id).await?;
    let suppressed = store::suppressed(&state.db, m.id).await?;
    let tr = Tr {
        lang: Lang::Sv,
        catalog: state.catalog.clone(),
    };
    let letter = letter(&state, &tr, &m, &mt).await?;
    let root = state.config.base_url.trim_end_matches('/');
    let mails: Vec<(String, String, Email)> = to
        .into_iter()
        .filter(|e| !gone.contains(e))
        .map(|email| (unsubscribe_token(state.pepper(), m.id, &email), email))
        // An erased address's opt-out is kept as the hash of its token (issue 14). Those kept
        // before the `pepper` setting was given were keyed with the database's secret.
        .filter(|(token, email)| {
            !suppressed.contains(&platform::auth::token_hash(token))
                && !suppressed.contains(&platform::auth::token_hash(&unsubscribe_token(
                    &state.secret,
                    m.id,
                    email,
                )))
        })
        .map(|(token, email)| {
            let link = format!("{root}{}", paths::unsubscribe(&m.slug, &token));
            let mail = Email::new(
                email.clone(),
                tr.ta("meetings-invitation-subject", &[("title", &mt.title)]),
                letter_text(&tr, &letter, &link),
            );
            (email, token, mail)
        })
        .collect();
    let n = queue_all(&state, &m, mt.id, &mails, user).await?;
    state.jobs_wakeup.notify_one();
    let mut p = FormPage::new(crate::views::meeting_page(
        &ctx,
        &m,
        &mt,
        ctx.tr.ta("meetings-send-title", &[("title", &mt.title)]),
    ));
    p.notice = Some(ctx.tr.ta("meetings-sent", &[("n", &n)]));
    p.links = vec![(paths::invitation(&m.slug, mt.id), ctx.t("meetings-back-to-invitation"))];
    html(&p)
}

// --- Unsubscribe ---

async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    let (email, gone) = store::subscription(&state.db, m.id, &token)
        .await?
        .ok_or(AppError::NotFound("meetings-err-no-subscription"))?;
    let mut p = FormPage::new(ctx.page_in(&m, ctx.t("meetings-unsubscribe-title")));
    if gone.is_some() {
        p.notice = Some(ctx.tr.ta("meetings-unsubscribed", &[("email", &email)]));
    } else {
        p.intro = vec![ctx
            .tr
            .ta("meetings-unsubscribe-intro", &[("email", &email), ("name", &m.name)])];
        p.form = Some(Form::new(
            paths::unsubscribe(&m.slug, &token),
            ctx.t("meetings-submit-unsubscribe"),
            vec![],
        ));
    }
    html(&p)
}

async fn unsubscribe(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    let now = state.now();
    let done = crate::store::found(
        db::write(&state.db, now, async |tx| {
            let id = store::unsubscribe(tx, m.id, &token, now)
                .await?
                .ok_or(crate::store::WriteError::NotFound)?;
            let change = Change::new(
                m.id,
                None,
                "meetings.invitation.unsubscribe",
                "meetings_unsubscribe",
                id,
                "",
            );
            Ok(((), change))
        })
        .await,
    )?;
    if done.is_none() {
        return Err(AppError::NotFound("meetings-err-no-subscription"));
    }
    Ok(Redirect::to(&paths::unsubscribe(&m.slug, &token)).into_response())
}
