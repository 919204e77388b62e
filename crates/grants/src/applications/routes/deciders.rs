//! The coordinator's page for who may decide grants (delegation: the nämnd's members or a
//! manager, among the municipality's staff) and the case numbers' prefix (the nämnd's
//! abbreviation, "KFN 2027/0042").

use crate::applications::store;
use crate::applications::write;
use crate::paths;
use platform::db;
use platform::web::prelude::*;
use serde::Deserialize;

struct DeciderRow {
    id: UserId,
    name: String,
    email: String,
}

#[derive(Template)]
#[template(path = "grants_deciders.html")]
struct DecidersPage {
    page: Page,
    notice: Option<String>,
    action: String,
    deciders: Vec<DeciderRow>,
    /// Staff who may be given the role: (id, "name (e-mail)").
    candidates: Vec<(UserId, String)>,
    prefix: String,
    prefix_error: Option<String>,
    back: String,
}

#[derive(Deserialize, Default)]
pub(super) struct Done {
    #[serde(default)]
    klart: String,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    notice: Option<String>,
    prefix_error: Option<(String, String)>,
) -> AppResult<Response> {
    let deciders = store::deciders(&state.db, m.id).await?;
    let staff = store::staff(&state.db, m.id).await?;
    let candidates = staff
        .into_iter()
        .filter(|(id, _, _)| !deciders.iter().any(|d| d.0 == *id))
        .map(|(id, name, email)| (id, format!("{name} ({email})")))
        .collect();
    let (prefix, prefix_error) = match prefix_error {
        Some((typed, e)) => (typed, Some(e)),
        None => (store::case_prefix(&state.db, m.id).await?, None),
    };
    let status = if prefix_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(
        status,
        &DecidersPage {
            page: ctx.page_in(m, ctx.t("grants-deciders-title")),
            notice,
            action: paths::deciders(&m.slug),
            deciders: deciders
                .into_iter()
                .map(|(id, name, email)| DeciderRow { id, name, email })
                .collect(),
            candidates,
            prefix,
            prefix_error,
            back: paths::queues(&m.slug),
        },
    )
}

pub(super) async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let notice = (done.klart == "1").then(|| ctx.t("grants-deciders-saved"));
    render(&state, &ctx, &m, notice, None).await
}

#[derive(Deserialize)]
pub(super) struct DecidersForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    prefix: String,
}

/// The prefix: letters, digits, spaces, dashes and dots, at most 20 characters.
fn valid_prefix(p: &str) -> bool {
    p.chars().count() <= 20 && p.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.'))
}

pub(super) async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(form): Input<DecidersForm>,
) -> AppResult<Response> {
    let actor = require_coordinator(ctx.user.as_ref(), m.id)?;
    let now = state.now();
    match form.action.as_str() {
        "add" | "remove" => {
            let user: UserId = form
                .user
                .trim()
                .parse()
                .map_err(|_| AppError::BadRequest("err-bad-form"))?;
            // Only the municipality's own staff can hold its decision role.
            if form.action == "add" && !store::staff(&state.db, m.id).await?.iter().any(|s| s.0 == user) {
                return Err(AppError::BadRequest("err-bad-form"));
            }
            let add = form.action == "add";
            db::write(&state.db, now, async |tx| {
                if add {
                    write::add_decider(tx, m.id, user, actor, now).await
                } else {
                    write::remove_decider(tx, m.id, user, actor).await
                }
            })
            .await?;
        }
        "prefix" => {
            let prefix = form.prefix.trim().to_string();
            if !valid_prefix(&prefix) {
                let e = ctx.t("grants-err-prefix");
                return render(&state, &ctx, &m, None, Some((form.prefix, e))).await;
            }
            db::write(&state.db, now, async |tx| {
                write::set_case_prefix(tx, m.id, &prefix, actor, now).await
            })
            .await?;
        }
        _ => return Err(AppError::BadRequest("err-bad-form")),
    }
    Ok(Redirect::to(&format!("{}?klart=1", paths::deciders(&m.slug))).into_response())
}
