//! Participants' personal data: export and erasure per person (by e-mail address, by the
//! coordinator), and retention: a chosen number of days after a meeting, its participants'
//! contact details are removed while party, status and attendance stay for the counts.
//!
//! - `GET /{slug}/moten/personuppgifter` (coordinator): retention setting, export and erasure
//! - `POST …/personuppgifter/lagring`, `POST …/personuppgifter/export`, `POST …/radera`

use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use platform::audit::{self, Change};
use platform::auth::{require_coordinator, CurrentUser};
use platform::ctx::{Ctx, Input};
use platform::db::Db;
use platform::error::AppResult;
use platform::layout::{html_status, Field, FieldKind, Form, FormPage};
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
#[allow(unused_imports)]
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use serde::Serialize;
use std::collections::HashMap;

pub const DEFAULT_RETENTION_DAYS: i64 = 365;
const DAY: i64 = 24 * 3600;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/{slug}/moten/personuppgifter", get(page))
        .route("/{slug}/moten/personuppgifter/lagring", post(save_retention))
        .route("/{slug}/moten/personuppgifter/export", post(export))
        .route("/{slug}/moten/personuppgifter/radera", post(erase))
        .route(
            "/{slug}/moten/avanmalan/{token}/uppgifter",
            get(own_page).post(erase_own),
        )
}

pub async fn retention_days(db: &Db, municipality_id: MunicipalityId) -> Result<i64, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT retention_days FROM meetings_settings WHERE municipality_id = $1")
        .bind(municipality_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| r.0).unwrap_or(DEFAULT_RETENTION_DAYS))
}

pub async fn set_retention_days(
    db: &Db,
    municipality_id: MunicipalityId,
    days: i64,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write().await?;
    sqlx::query(
        "INSERT INTO meetings_settings (municipality_id, retention_days) VALUES ($1, $2) \
         ON CONFLICT (municipality_id) DO UPDATE SET retention_days = excluded.retention_days",
    )
    .bind(municipality_id)
    .bind(days)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "meetings.retention.set",
            entity: "meetings_settings",
            entity_id: None,
            summary: format!("{days} dagar"),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const ERASE: &str = "UPDATE meetings_registrations SET name = '', email = '', organisation = '', dietary = '', \
     accessibility = '', erased_at = $2";

/// Remove the contact details of every participant of every meeting that ended more than its
/// municipality's retention time ago. Returns how many registrations were cleared.
pub async fn sweep(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.write().await?;
    let done = sqlx::query(&format!(
        "{ERASE} WHERE erased_at IS NULL AND meeting_id IN (SELECT m.id FROM meetings_meetings m \
         LEFT JOIN meetings_settings s ON s.municipality_id = m.municipality_id \
         WHERE m.ends_at + COALESCE(s.retention_days, $1) * {DAY} < $2)"
    ))
    .bind(DEFAULT_RETENTION_DAYS)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() > 0 {
        audit::record(
            &mut tx,
            Change {
                municipality_id: None,
                actor: None,
                action: "meetings.retention.sweep",
                entity: "meetings_registration",
                entity_id: None,
                summary: format!("{} anmälningar", done.rows_affected()),
            },
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(done.rows_affected())
}

#[derive(Serialize, sqlx::FromRow)]
pub struct Exported {
    pub meeting: String,
    pub meeting_date: i64,
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub party: String,
    pub dietary: String,
    pub accessibility: String,
    pub status: String,
    pub consent_text: String,
    pub attended: Option<i64>,
    pub registered_at: i64,
}

/// Everything the meetings hold about one e-mail address in one municipality.
pub async fn export_person(
    db: &Db,
    municipality_id: MunicipalityId,
    email: &str,
) -> Result<Vec<Exported>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.title AS meeting, m.starts_at AS meeting_date, r.name, r.email, r.organisation, r.party, r.dietary, \
         r.accessibility, r.status, r.consent_text, r.attended, r.created_at AS registered_at \
         FROM meetings_registrations r JOIN meetings_meetings m ON m.id = r.meeting_id \
         WHERE r.municipality_id = $1 AND r.email = $2 ORDER BY r.id",
    )
    .bind(municipality_id)
    .bind(email.trim().to_lowercase())
    .fetch_all(&db.pool)
    .await
}

/// Erase one person's details from every registration in the municipality (counts stay), and
/// their invitation address. Returns how many registrations were cleared.
pub async fn erase_person(
    db: &Db,
    municipality_id: MunicipalityId,
    email: &str,
    actor: Option<&CurrentUser>,
    now: i64,
) -> Result<u64, sqlx::Error> {
    let email = email.trim().to_lowercase();
    let mut tx = db.write().await?;
    let done = sqlx::query(&format!("{ERASE} WHERE municipality_id = $1 AND email = $3"))
        .bind(municipality_id)
        .bind(now)
        .bind(&email)
        .execute(&mut *tx)
        .await?;
    let subs = sqlx::query("DELETE FROM meetings_unsubscribes WHERE municipality_id = $1 AND email = $2")
        .bind(municipality_id)
        .bind(&email)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(municipality_id),
            actor,
            action: "meetings.person.erase",
            entity: "meetings_registration",
            entity_id: None,
            summary: format!(
                "{} anmälningar, {} adresser",
                done.rows_affected(),
                subs.rows_affected()
            ),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected())
}

fn forms(ctx: &Ctx, m: &Municipality, days: i64) -> (Form, Form, Form) {
    let base = format!("/{}/moten/personuppgifter", m.slug);
    let retention = Form::new(
        format!("{base}/lagring"),
        ctx.t("meetings-submit-retention"),
        vec![Field::new("days", ctx.t("meetings-field-retention"), FieldKind::Number)
            .required()
            .value(days.to_string())
            .hint(ctx.t("meetings-field-retention-hint"))],
    );
    let export = Form::new(
        format!("{base}/export"),
        ctx.t("meetings-submit-export"),
        vec![Field::new("epost", ctx.t("meetings-field-person-email"), FieldKind::Email).required()],
    );
    let erase = Form::new(
        format!("{base}/radera"),
        ctx.t("meetings-submit-erase"),
        vec![
            Field::new("email", ctx.t("meetings-field-person-email"), FieldKind::Email).required(),
            Field::new("confirm", ctx.t("meetings-field-erase-confirm"), FieldKind::Checkbox).required(),
        ],
    );
    (retention, export, erase)
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    notice: Option<String>,
    error: Option<(&str, String)>,
) -> AppResult<Response> {
    let days = retention_days(&state.db, m.id).await?;
    let (mut retention, _, _) = forms(ctx, m, days);
    let mut status = axum::http::StatusCode::OK;
    if let Some((field, msg)) = error {
        status = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        retention.error(field, msg);
    }
    let mut p = FormPage::new(
        ctx.page(ctx.t("meetings-privacy-title"))
            .in_municipality(&m.slug, &m.name),
    );
    p.notice = notice;
    p.intro = vec![ctx.t("meetings-privacy-intro")];
    // One form per page: the retention setting here, the export and the erasure on their own.
    p.form = Some(retention);
    p.links = vec![
        (
            format!("/{}/moten/personuppgifter?visa=export", m.slug),
            ctx.t("meetings-submit-export"),
        ),
        (
            format!("/{}/moten/personuppgifter?visa=radera", m.slug),
            ctx.t("meetings-submit-erase"),
        ),
        (format!("/{}/moten", m.slug), ctx.t("meetings-back-to-list")),
    ];
    html_status(status, &p)
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let days = retention_days(&state.db, m.id).await?;
    let (_, export, erase) = forms(&ctx, &m, days);
    match q.get("visa").map(String::as_str) {
        Some("export") => {
            let mut p = FormPage::new(
                ctx.page(ctx.t("meetings-submit-export"))
                    .in_municipality(&m.slug, &m.name),
            );
            p.intro = vec![ctx.t("meetings-export-intro")];
            p.form = Some(export);
            p.links = vec![(
                format!("/{}/moten/personuppgifter", m.slug),
                ctx.t("meetings-privacy-title"),
            )];
            html_status(axum::http::StatusCode::OK, &p)
        }
        Some("radera") => {
            let mut p = FormPage::new(
                ctx.page(ctx.t("meetings-submit-erase"))
                    .in_municipality(&m.slug, &m.name),
            );
            p.intro = vec![ctx.t("meetings-erase-intro")];
            p.form = Some(erase);
            p.links = vec![(
                format!("/{}/moten/personuppgifter", m.slug),
                ctx.t("meetings-privacy-title"),
            )];
            html_status(axum::http::StatusCode::OK, &p)
        }
        _ => {
            let notice = q
                .get("raderade")
                .and_then(|n| n.parse::<i64>().ok())
                .map(|n| ctx.tr.ta("meetings-done-erased", &[("n", &n)]));
            render(&state, &ctx, &m, notice, None).await
        }
    }
}

async fn save_retention(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    match f.get("days").and_then(|d| d.trim().parse::<i64>().ok()) {
        Some(days) if (1..=3650).contains(&days) => {
            set_retention_days(&state.db, m.id, days, Some(user), state.now()).await?;
            render(&state, &ctx, &m, Some(ctx.t("meetings-done-retention")), None).await
        }
        _ => render(&state, &ctx, &m, None, Some(("days", ctx.t("meetings-err-retention")))).await,
    }
}

async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(q): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let email = q.get("epost").cloned().unwrap_or_default();
    let rows = export_person(&state.db, m.id, &email).await?;
    let body = serde_json::to_string_pretty(&serde_json::json!({
        "municipality": m.slug,
        "email": email.trim().to_lowercase(),
        "registrations": rows,
    }))
    .map_err(|e| platform::AppError::Internal(e.into()))?;
    let mut res = body.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    res.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"personuppgifter-moten.json\""),
    );
    Ok(res)
}

async fn erase(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let email = f.get("email").cloned().unwrap_or_default();
    if platform::rules::Email::parse(&email).is_err() || !f.contains_key("confirm") {
        let days = retention_days(&state.db, m.id).await?;
        let (_, _, mut form) = forms(&ctx, &m, days);
        form.fill(|k| f.get(k).cloned());
        if platform::rules::Email::parse(&email).is_err() {
            form.error("email", ctx.t("err-email"));
        }
        if !f.contains_key("confirm") {
            form.error("confirm", ctx.t("meetings-err-erase-confirm"));
        }
        let mut p = FormPage::new(
            ctx.page(ctx.t("meetings-submit-erase"))
                .in_municipality(&m.slug, &m.name),
        );
        p.intro = vec![ctx.t("meetings-erase-intro")];
        p.form = Some(form);
        return html_status(axum::http::StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let n = erase_person(&state.db, m.id, &email, Some(user), state.now()).await?;
    Ok(Redirect::to(&format!("/{}/moten/personuppgifter?raderade={n}", m.slug)).into_response())
}

// --- A participant's own data, through the link in their mail ---

#[derive(sqlx::FromRow)]
struct Own {
    meeting_id: i64,
    name: String,
    email: String,
    organisation: String,
    party: String,
    dietary: String,
    accessibility: String,
    erased_at: Option<i64>,
}

async fn own(db: &Db, municipality_id: MunicipalityId, token: &str) -> Result<Option<Own>, sqlx::Error> {
    sqlx::query_as(
        "SELECT meeting_id, name, email, organisation, party, dietary, accessibility, erased_at \
         FROM meetings_registrations WHERE municipality_id = $1 AND cancel_token_hash = $2",
    )
    .bind(municipality_id)
    .bind(platform::auth::token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

async fn own_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    axum::extract::Path((_, token)): axum::extract::Path<(String, String)>,
) -> AppResult<Response> {
    let r = own(&state.db, m.id, &token)
        .await?
        .ok_or(platform::AppError::NotFound("meetings-err-no-registration"))?;
    let mut p = FormPage::new(ctx.page(ctx.t("meetings-own-title")).in_municipality(&m.slug, &m.name));
    if r.erased_at.is_some() {
        p.notice = Some(ctx.t("meetings-own-erased"));
    } else {
        let party = crate::domain::Party::parse(&r.party)
            .map(|p| ctx.t(p.message_id()))
            .unwrap_or_default();
        p.intro = vec![
            ctx.t("meetings-own-intro"),
            format!("{}: {}", ctx.t("meetings-field-name"), r.name),
            format!("{}: {}", ctx.t("meetings-field-email"), r.email),
            format!("{}: {}", ctx.t("meetings-field-organisation"), r.organisation),
            format!("{}: {}", ctx.t("meetings-field-party"), party),
            format!("{}: {}", ctx.t("meetings-field-dietary"), r.dietary),
            format!("{}: {}", ctx.t("meetings-field-needs"), r.accessibility),
            ctx.t("meetings-own-erase-intro"),
        ];
        p.form = Some(Form::new(
            format!("/{}/moten/avanmalan/{token}/uppgifter", m.slug),
            ctx.t("meetings-submit-erase-own"),
            vec![],
        ));
    }
    p.links = vec![(
        format!("/{}/moten/{}", m.slug, r.meeting_id),
        ctx.t("meetings-back-to-meeting"),
    )];
    html_status(axum::http::StatusCode::OK, &p)
}

/// Cancel (the seat goes to the waiting list) and erase this registration's details.
async fn erase_own(
    State(state): State<AppState>,
    Tenant(m): Tenant,
    axum::extract::Path((_, token)): axum::extract::Path<(String, String)>,
) -> AppResult<Response> {
    if own(&state.db, m.id, &token).await?.is_none() {
        return Err(platform::AppError::NotFound("meetings-err-no-registration"));
    }
    let letters = crate::letters::Letters::new(&state, &m.slug);
    let random = state.random.clone();
    let new_token = move || random.token(32);
    let now = state.now();
    crate::store::cancel(&state.db, m.id, &token, &new_token, &letters, now).await?;
    let mut tx = state.db.write().await?;
    let done = sqlx::query(&format!(
        "{ERASE} WHERE municipality_id = $1 AND cancel_token_hash = $3"
    ))
    .bind(m.id)
    .bind(now)
    .bind(platform::auth::token_hash(&token))
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            municipality_id: Some(m.id),
            actor: None,
            action: "meetings.person.erase_own",
            entity: "meetings_registration",
            entity_id: None,
            summary: format!("{} anmälan", done.rows_affected()),
        },
        now,
    )
    .await?;
    tx.commit().await?;
    state.jobs_wakeup.notify_one();
    Ok(Redirect::to(&format!("/{}/moten/avanmalan/{token}/uppgifter", m.slug)).into_response())
}
