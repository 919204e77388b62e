//! The coordinator's pages for consultations: open one on the draft, see every comment grouped
//! by principle and commitment (with the authors' names), close it, publish the compilation.

use super::{base, done, field, field_error, form_status, manage_base, page, path_id, store_error, Done};
use crate::domain::{self, CompiledPrinciple, Consultation, NAME_MAX, TEXT_MAX};
use crate::store;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use platform::auth::require_coordinator;
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::format;
use platform::layout::{html, html_status, Field, FieldKind, Form, Page};
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "agreement_consultations_manage.html")]
struct OverviewPage {
    page: Page,
    manage: String,
    /// (consultation, number of comments)
    consultations: Vec<(Consultation, i64)>,
    /// The form to open a consultation, when there is a draft and none is open.
    form: Option<Form>,
    notice: Option<String>,
}

impl OverviewPage {
    fn status(&self, c: &Consultation) -> String {
        self.page.t(c.status.message_id())
    }

    fn opened_on(&self, c: &Consultation) -> String {
        format::date(c.opened_at)
    }
}

fn open_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        format!("{}/remiss", manage_base(m)),
        ctx.t("agreement-consultation-open-submit"),
        vec![
            Field::new("title", ctx.t("agreement-field-title"), FieldKind::Text)
                .required()
                .max_len(NAME_MAX),
            Field::new(
                "intro",
                ctx.t("agreement-field-consultation-intro"),
                FieldKind::TextArea,
            )
            .hint(ctx.tr.ta("agreement-hint-text", &[("n", &TEXT_MAX)]))
            .max_len(TEXT_MAX),
        ],
    )
}

async fn render_overview(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Option<Form>,
    notice: Option<String>,
) -> AppResult<Response> {
    let (all, counts, draft) = tokio::try_join!(
        store::consultations(&state.db, m.id),
        store::comment_counts(&state.db, m.id),
        store::draft(&state.db, m.id),
    )?;
    let form = match form {
        Some(f) => Some(f),
        None if draft.is_some() && !all.iter().any(Consultation::is_open) => Some(open_form(ctx, m)),
        None => None,
    };
    let status = form.as_ref().map(form_status).unwrap_or(axum::http::StatusCode::OK);
    let consultations = all
        .into_iter()
        .map(|c| {
            let n = counts.get(&c.id).copied().unwrap_or(0);
            (c, n)
        })
        .collect();
    html_status(
        status,
        &OverviewPage {
            page: page(ctx, m, ctx.t("agreement-consultation-manage-title")),
            manage: manage_base(m),
            consultations,
            form,
            notice,
        },
    )
}

pub(super) async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    render_overview(&state, &ctx, &m, None, d.message(&ctx)).await
}

pub(super) async fn open(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = open_form(&ctx, &m);
    form.fill(|k| input.get(k).cloned());
    let title = domain::name(field(&input, "title"));
    let intro = domain::optional_text(field(&input, "intro"));
    match (title, intro) {
        (Ok(title), Ok(intro)) => {
            let back = format!("{}/remiss", manage_base(&m));
            match store::open_consultation(&state.db, m.id, &title, &intro, Some(user), state.now()).await {
                Ok(id) => Ok(done(&format!("{back}/{id}"), "remiss-oppnad")),
                Err(e) => store_error(&ctx, &m, e, &back),
            }
        }
        (title, intro) => {
            if let Err(e) = title {
                field_error(&mut form, &ctx, "title", e);
            }
            if let Err(e) = intro {
                field_error(&mut form, &ctx, "intro", e);
            }
            render_overview(&state, &ctx, &m, Some(form), None).await
        }
    }
}

#[derive(Template)]
#[template(path = "agreement_consultation_manage.html")]
struct DetailPage {
    page: Page,
    manage: String,
    public_href: String,
    consultation: Consultation,
    compiled: Vec<CompiledPrinciple>,
    total: usize,
    notice: Option<String>,
}

impl DetailPage {
    fn status(&self) -> String {
        self.page.t(self.consultation.status.message_id())
    }

    fn when(&self, unix: &i64) -> String {
        format::datetime(*unix)
    }

    fn comments_heading(&self, n: usize) -> String {
        self.page
            .tr
            .tn("agreement-comments-count", "n", i64::try_from(n).unwrap_or(0))
    }
}

pub(super) async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let id = path_id(&params, "id")?;
    let c = store::consultation(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let (items, comments) = tokio::try_join!(store::items(&state.db, m.id, id), store::comments(&state.db, m.id, id))?;
    let total = comments.len();
    let compiled = domain::compile(items, comments);
    html(&DetailPage {
        page: page(&ctx, &m, c.title.clone()),
        manage: manage_base(&m),
        public_href: format!("{}/remiss/{}", base(&m), c.id),
        consultation: c,
        compiled,
        total,
        notice: d.message(&ctx),
    })
}

pub(super) async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let id = path_id(&params, "id")?;
    let back = format!("{}/remiss/{id}", manage_base(&m));
    match store::close_consultation(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "remiss-stangd")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}

pub(super) async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let id = path_id(&params, "id")?;
    let back = format!("{}/remiss/{id}", manage_base(&m));
    match store::publish_consultation(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "remiss-publicerad")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}
