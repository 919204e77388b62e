//! Asking to become an organisation's representative, and deciding on the requests.
//!
//! - `GET|POST /{slug}/foreningar/{id}/ansluta`: ask to become a representative
//! - `GET /{slug}/foreningar/ansokningar`, `POST …/ansokningar/{id}`: approve or reject

use crate::domain::TEXT_MAX;
use crate::ids::JoinRequestId;
use crate::joining::store;
use crate::paths;
use crate::store::{Profile, RegistryError};
use crate::web::{link, may_edit, profile_or_404, swedish, to_app, Done, FormPage};
use platform::format;
use platform::web::prelude::*;
use serde::Deserialize;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/foreningar/ansokningar", get(requests_page))
        .route("/{slug}/foreningar/ansokningar/{id}", post(decide))
        .route("/{slug}/foreningar/{id}/ansluta", get(join_page).post(join))
}

#[derive(Deserialize)]
struct JoinInput {
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct DecisionInput {
    #[serde(default)]
    decision: String,
}

fn join_form(ctx: &Ctx, action: String) -> Form {
    Form::new(
        action,
        ctx.t("registry-submit-join"),
        vec![
            Field::new("message", ctx.t("registry-join-message"), FieldKind::TextArea)
                .max_len(TEXT_MAX)
                .hint(ctx.t("registry-join-message-hint")),
        ],
    )
}

async fn join_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
) -> AppResult<Response> {
    require_user(ctx.user.as_ref())?;
    let profile = profile_or_404(&state, &m, id).await?;
    let mut page = FormPage::new(ctx.page_in(&m, ctx.ta_name("registry-join-title", &profile.name)).via(
        crate::paths::organisation(&m, profile.organisation_id),
        profile.name.clone(),
    ));
    page.intro = vec![ctx.t("registry-join-intro")];
    page.form = Some(join_form(&ctx, paths::join(&m, id)));
    page.links = vec![(paths::organisation(&m, id), ctx.t("registry-back-to-profile"))];
    html(&page)
}

async fn join(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
    Input(input): Input<JoinInput>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let profile = profile_or_404(&state, &m, id).await?;
    let mut form = join_form(&ctx, paths::join(&m, id));
    form.fill(|n| (n == "message").then(|| input.message.clone()));
    let message = input.message.as_str();
    let message = if message.trim().is_empty() {
        Ok(String::new())
    } else {
        platform::rules::text(message, TEXT_MAX)
    };
    match message {
        Ok(msg) => match store::request_join(
            &state.db,
            m.id,
            id,
            user,
            &msg,
            &join_emails(&state, &m, &profile, user).await?,
            state.now(),
        )
        .await
        {
            Ok(_) => return Ok(Redirect::to(&paths::organisation_done(&m, id, "ansokan")).into_response()),
            Err(RegistryError::AlreadyRequested) => form.error("message", ctx.t("registry-err-already-requested")),
            Err(e) => return Err(to_app(e)),
        },
        Err(e) => form.invalid(&ctx.tr, "message", e),
    }
    let status = form.status();
    let mut page = FormPage::new(ctx.page_in(&m, ctx.ta_name("registry-join-title", &profile.name)).via(
        crate::paths::organisation(&m, profile.organisation_id),
        profile.name.clone(),
    ));
    page.form = Some(form);
    page.links = vec![(paths::organisation(&m, id), ctx.t("registry-back-to-profile"))];
    html_status(status, &page)
}

async fn join_emails(
    state: &AppState,
    m: &Municipality,
    p: &Profile,
    user: &CurrentUser,
) -> AppResult<Vec<platform::mail::Email>> {
    let tr = swedish(state);
    let to = store::approvers(&state.db, m.id, p.organisation_id).await?;
    let requests = link(state, &paths::requests(m));
    Ok(to
        .into_iter()
        .filter(|a| *a != user.email)
        .map(|to| platform::mail::Email {
            attachment: None,
            headers: vec![],
            html: None,
            to,
            subject: tr.ta("registry-join-mail-subject", &[("name", &p.name)]),
            body: tr.ta(
                "registry-join-mail-body",
                &[("person", &user.name), ("name", &p.name), ("link", &requests)],
            ),
        })
        .collect())
}

struct RequestView {
    organisation: String,
    organisation_href: String,
    person: String,
    email: String,
    message: String,
    date: String,
    action: String,
}

#[derive(Template)]
#[template(path = "registry_requests.html")]
struct RequestsPage {
    page: Page,
    notice: Option<String>,
    requests: Vec<RequestView>,
    back: String,
}

async fn requests_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let coordinator = user.is_coordinator(m.id);
    if !coordinator
        && !user
            .roles
            .iter()
            .any(|r| r.organisation_id.is_some() && r.municipality_id == Some(m.id))
    {
        return Err(AppError::Forbidden);
    }
    let all = store::pending_requests(&state.db, m.id, None).await?;
    let requests = all
        .into_iter()
        .filter(|r| coordinator || user.represents(r.organisation_id))
        .map(|r| RequestView {
            organisation_href: paths::organisation(&m, r.organisation_id),
            organisation: r.organisation_name,
            person: r.user_name,
            email: r.user_email,
            message: r.message,
            date: format::date(r.created_at),
            action: paths::request(&m, r.id),
        })
        .collect();
    let notice = match q.klart.as_deref() {
        Some("godkand") => Some(ctx.t("registry-done-approved")),
        Some("avslagen") => Some(ctx.t("registry-done-rejected")),
        _ => None,
    };
    html(&RequestsPage {
        page: ctx.page_in(&m, ctx.t("registry-requests-title")),
        notice,
        requests,
        back: paths::directory(&m),
    })
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(rid): Id<JoinRequestId>,
    Input(input): Input<DecisionInput>,
) -> AppResult<Response> {
    let user = require_user(ctx.user.as_ref())?;
    let req = store::request(&state.db, m.id, rid)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    if !may_edit(user, &m, req.organisation_id) {
        return Err(AppError::Forbidden);
    }
    let approve = match input.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::BadRequest("err-bad-form")),
    };
    let tr = swedish(&state);
    let mail = platform::mail::Email {
        attachment: None,
        headers: vec![],
        html: None,
        to: req.user_email.clone(),
        subject: tr.ta("registry-decided-mail-subject", &[("name", &req.organisation_name)]),
        body: tr.ta(
            if approve {
                "registry-approved-mail-body"
            } else {
                "registry-rejected-mail-body"
            },
            &[
                ("name", &req.organisation_name),
                ("link", &link(&state, &paths::organisation(&m, req.organisation_id))),
            ],
        ),
    };
    store::decide(&state.db, m.id, rid, approve, user, Some(&mail), state.now())
        .await
        .map_err(to_app)?;
    let done = if approve { "godkand" } else { "avslagen" };
    Ok(Redirect::to(&paths::requests_done(&m, done)).into_response())
}
