//! Participants' personal data, by the coordinator: the retention setting, export and erasure
//! per e-mail address; and a participant's own data through the link in their mail.
//!
//! - `GET /{slug}/moten/personuppgifter` (coordinator): retention setting, export and erasure
//! - `POST …/personuppgifter/lagring`, `POST …/personuppgifter/export`, `POST …/radera`
//! - `GET|POST /{slug}/moten/avanmalan/{token}/uppgifter`: one's own registration

use super::store;
use crate::paths;
use crate::views::{self, TokenPath};
use axum::http::{header, HeaderValue};
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/moten/personuppgifter", get(page))
        .route("/{slug}/moten/personuppgifter/lagring", post(save_retention))
        .route("/{slug}/moten/personuppgifter/export", post(export))
        .route("/{slug}/moten/personuppgifter/radera", post(erase))
        .route(
            "/{slug}/moten/avanmalan/{token}/uppgifter",
            get(own_page).post(erase_own),
        )
}

fn forms(ctx: &Ctx, m: &Municipality, days: i64) -> (Form, Form, Form) {
    let retention = Form::new(
        paths::privacy_retention(&m.slug),
        ctx.t("meetings-submit-retention"),
        vec![Field::new("days", ctx.t("meetings-field-retention"), FieldKind::Number)
            .required()
            .value(days.to_string())
            .hint(ctx.t("meetings-field-retention-hint"))],
    );
    let export = Form::new(
        paths::privacy_export(&m.slug),
        ctx.t("meetings-submit-export"),
        vec![Field::new("epost", ctx.t("meetings-field-person-email"), FieldKind::Email).required()],
    );
    let erase = Form::new(
        paths::privacy_erase(&m.slug),
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
    let days = store::retention_days(&state.db, m.id).await?;
    let (mut retention, _, _) = forms(ctx, m, days);
    let mut status = StatusCode::OK;
    if let Some((field, msg)) = error {
        status = StatusCode::UNPROCESSABLE_ENTITY;
        retention.error(field, msg);
    }
    let mut p = FormPage::new(ctx.page_in(m, ctx.t("meetings-privacy-title")));
    p.notice = notice;
    p.intro = vec![ctx.t("meetings-privacy-intro")];
    // One form per page: the retention setting here, the export and the erasure on their own.
    p.form = Some(retention);
    p.links = vec![
        (paths::privacy_show(&m.slug, "export"), ctx.t("meetings-submit-export")),
        (paths::privacy_show(&m.slug, "radera"), ctx.t("meetings-submit-erase")),
        (paths::list(&m.slug), ctx.t("meetings-back-to-list")),
    ];
    html_status(status, &p)
}

/// Which form the page shows (`?visa=export|radera`), or how many were erased (`?raderade=n`).
#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    visa: String,
    raderade: String,
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let days = store::retention_days(&state.db, m.id).await?;
    let (_, export, erase) = forms(&ctx, &m, days);
    match q.visa.as_str() {
        "export" => {
            let mut p = FormPage::new(ctx.page_in(&m, ctx.t("meetings-submit-export")));
            p.intro = vec![ctx.t("meetings-export-intro")];
            p.form = Some(export);
            p.links = vec![(paths::privacy(&m.slug), ctx.t("meetings-privacy-title"))];
            html_status(StatusCode::OK, &p)
        }
        "radera" => {
            let mut p = FormPage::new(ctx.page_in(&m, ctx.t("meetings-submit-erase")));
            p.intro = vec![ctx.t("meetings-erase-intro")];
            p.form = Some(erase);
            p.links = vec![(paths::privacy(&m.slug), ctx.t("meetings-privacy-title"))];
            html_status(StatusCode::OK, &p)
        }
        _ => {
            let notice = q
                .raderade
                .parse::<i64>()
                .ok()
                .map(|n| ctx.tr.ta("meetings-done-erased", &[("n", &n)]));
            render(&state, &ctx, &m, notice, None).await
        }
    }
}

/// How long registrations are kept after a meeting, in days.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RetentionForm {
    days: String,
}

/// Whose registrations to export.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ExportForm {
    epost: String,
}

/// Whose registrations to erase, confirmed.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct EraseForm {
    email: String,
    confirm: Option<String>,
}

async fn save_retention(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<RetentionForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    match f.days.trim().parse::<i64>().ok() {
        Some(days) if (1..=3650).contains(&days) => {
            store::set_retention_days(&state.db, m.id, days, Some(user), state.now()).await?;
            render(&state, &ctx, &m, Some(ctx.t("meetings-done-retention")), None).await
        }
        _ => render(&state, &ctx, &m, None, Some(("days", ctx.t("meetings-err-retention")))).await,
    }
}

async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(ExportForm { epost: email }): Input<ExportForm>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let rows = store::export_person(&state.db, m.id, &email).await?;
    let body = serde_json::to_string_pretty(&serde_json::json!({
        "municipality": m.slug,
        "email": email.trim().to_lowercase(),
        "registrations": rows,
    }))
    .map_err(|e| AppError::Internal(e.into()))?;
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
    Input(f): Input<EraseForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let email = f.email.clone();
    if platform::rules::Email::parse(&email).is_err() || f.confirm.is_none() {
        let days = store::retention_days(&state.db, m.id).await?;
        let (_, _, mut form) = forms(&ctx, &m, days);
        form.fill_from(&f);
        if platform::rules::Email::parse(&email).is_err() {
            form.error("email", ctx.t("err-email"));
        }
        if f.confirm.is_none() {
            form.error("confirm", ctx.t("meetings-err-erase-confirm"));
        }
        let mut p = FormPage::new(ctx.page_in(&m, ctx.t("meetings-submit-erase")));
        p.intro = vec![ctx.t("meetings-erase-intro")];
        p.form = Some(form);
        return html_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
    }
    let n = store::erase_person(&state.db, m.id, &email, Some(user), state.now()).await?;
    Ok(Redirect::to(&paths::privacy_erased(&m.slug, n)).into_response())
}

// --- A participant's own data, through the link in their mail ---

async fn own_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    let r = store::own(&state.db, m.id, &token)
        .await?
        .ok_or(AppError::NotFound("meetings-err-no-registration"))?;
    if views::link_meeting(&state, &m, r.meeting_id).await?.is_none() {
        return views::link_expired(&ctx, &m);
    }
    let mut p = FormPage::new(ctx.page_in(&m, ctx.t("meetings-own-title")));
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
            paths::own_data(&m.slug, &token),
            ctx.t("meetings-submit-erase-own"),
            vec![],
        ));
    }
    p.links = vec![(paths::meeting(&m.slug, r.meeting_id), ctx.t("meetings-back-to-meeting"))];
    html_status(StatusCode::OK, &p)
}

/// Cancel (the seat goes to the waiting list) and erase this registration's details.
async fn erase_own(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    let Some(r) = store::own(&state.db, m.id, &token).await? else {
        return Err(AppError::NotFound("meetings-err-no-registration"));
    };
    if views::link_meeting(&state, &m, r.meeting_id).await?.is_none() {
        return views::link_expired(&ctx, &m);
    }
    crate::registration::cancel(&state, &m, &token).await?;
    store::erase_own(&state.db, m.id, &token, state.now()).await?;
    Ok(Redirect::to(&paths::own_data(&m.slug, &token)).into_response())
}
