//! The coordinator's pages for the public timeline of the process.

use super::{done, field, field_error, form_status, manage_base, page, path_id, store_error, Done};
use crate::domain::{self, TimelineEntry, TimelineKind, NAME_MAX, TEXT_MAX};
use crate::store::{self, TimelineInput};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use platform::auth::require_coordinator;
use platform::ctx::{Ctx, Input};
use platform::error::{AppError, AppResult};
use platform::layout::{html_status, Field, FieldKind, Form, FormPage, Page};
use platform::tenants::{Municipality, Tenant};
use platform::AppState;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "agreement_timeline_manage.html")]
struct ListPage {
    page: Page,
    base: String,
    manage: String,
    entries: Vec<TimelineEntry>,
    form: Form,
    notice: Option<String>,
}

impl ListPage {
    fn kind(&self, e: &TimelineEntry) -> String {
        self.page.t(e.kind.message_id())
    }
}

fn fields(ctx: &Ctx) -> Vec<Field> {
    vec![
        Field::new("happened_on", ctx.t("agreement-field-happened-on"), FieldKind::Date)
            .required()
            .hint(ctx.t("agreement-hint-date")),
        Field::new("kind", ctx.t("agreement-field-kind"), FieldKind::Select)
            .required()
            .options(
                TimelineKind::ALL
                    .iter()
                    .map(|k| (k.as_str().to_string(), ctx.t(k.message_id())))
                    .collect(),
            )
            .value(TimelineKind::Meeting.as_str()),
        Field::new("title", ctx.t("agreement-field-title"), FieldKind::Text)
            .required()
            .max_len(NAME_MAX),
        Field::new("body", ctx.t("agreement-field-timeline-body"), FieldKind::TextArea)
            .hint(ctx.tr.ta("agreement-hint-text", &[("n", &TEXT_MAX)]))
            .max_len(TEXT_MAX),
    ]
}

fn add_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        format!("{}/tidslinje", manage_base(m)),
        ctx.t("agreement-add-timeline"),
        fields(ctx),
    )
}

fn edit_form(ctx: &Ctx, m: &Municipality, e: &TimelineEntry) -> Form {
    let mut fields = fields(ctx);
    for f in &mut fields {
        f.value = match f.name.as_str() {
            "happened_on" => e.happened_on.clone(),
            "kind" => e.kind.as_str().to_string(),
            "title" => e.title.clone(),
            _ => e.body.clone(),
        };
    }
    Form::new(
        format!("{}/tidslinje/{}", manage_base(m), e.id),
        ctx.t("agreement-save-timeline"),
        fields,
    )
}

struct Typed {
    happened_on: String,
    kind: TimelineKind,
    title: String,
    body: String,
}

fn read(ctx: &Ctx, mut form: Form, input: &HashMap<String, String>) -> Result<Typed, Form> {
    form.fill(|k| input.get(k).cloned());
    let on = domain::date(field(input, "happened_on"));
    let kind = TimelineKind::parse(field(input, "kind")).ok_or(domain::FieldError::Choice);
    let title = domain::name(field(input, "title"));
    let body = domain::optional_text(field(input, "body"));
    match (on, kind, title, body) {
        (Ok(happened_on), Ok(kind), Ok(title), Ok(body)) => Ok(Typed {
            happened_on,
            kind,
            title,
            body,
        }),
        (on, kind, title, body) => {
            for (name, e) in [
                ("happened_on", on.err()),
                ("kind", kind.err()),
                ("title", title.err()),
                ("body", body.err()),
            ] {
                if let Some(e) = e {
                    field_error(&mut form, ctx, name, e);
                }
            }
            Err(form)
        }
    }
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Form,
    notice: Option<String>,
) -> AppResult<Response> {
    let entries = store::timeline(&state.db, m.id).await?;
    html_status(
        form_status(&form),
        &ListPage {
            page: page(ctx, m, ctx.t("agreement-timeline-manage-title")),
            base: super::base(m),
            manage: manage_base(m),
            entries,
            form,
            notice,
        },
    )
}

pub(super) async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    render_list(&state, &ctx, &m, add_form(&ctx, &m), d.message(&ctx)).await
}

pub(super) async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    match read(&ctx, add_form(&ctx, &m), &input) {
        Ok(t) => {
            let input = TimelineInput {
                happened_on: &t.happened_on,
                kind: t.kind,
                title: &t.title,
                body: &t.body,
            };
            let back = format!("{}/tidslinje", manage_base(&m));
            match store::add_timeline_entry(&state.db, m.id, &input, Some(user), state.now()).await {
                Ok(_) => Ok(done(&back, "handelse")),
                Err(e) => store_error(&ctx, &m, e, &back),
            }
        }
        Err(form) => render_list(&state, &ctx, &m, form, None).await,
    }
}

fn edit_page(ctx: &Ctx, m: &Municipality, form: Form) -> AppResult<Response> {
    let mut fp = FormPage::new(page(ctx, m, ctx.t("agreement-timeline-edit-title")));
    let status = form_status(&form);
    fp.form = Some(form);
    fp.links = vec![(
        format!("{}/tidslinje", manage_base(m)),
        ctx.t("agreement-back-to-timeline"),
    )];
    html_status(status, &fp)
}

pub(super) async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let id = path_id(&params, "id")?;
    let e = store::timeline_entry(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    edit_page(&ctx, &m, edit_form(&ctx, &m, &e))
}

pub(super) async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
    Input(input): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let id = path_id(&params, "id")?;
    let e = store::timeline_entry(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    match read(&ctx, edit_form(&ctx, &m, &e), &input) {
        Ok(t) => {
            let input = TimelineInput {
                happened_on: &t.happened_on,
                kind: t.kind,
                title: &t.title,
                body: &t.body,
            };
            let back = format!("{}/tidslinje", manage_base(&m));
            match store::update_timeline_entry(&state.db, m.id, id, &input, Some(user), state.now()).await {
                Ok(()) => Ok(done(&back, "handelse")),
                Err(e) => store_error(&ctx, &m, e, &back),
            }
        }
        Err(form) => edit_page(&ctx, &m, form),
    }
}

pub(super) async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Path(params): Path<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let id = path_id(&params, "id")?;
    let back = format!("{}/tidslinje", manage_base(&m));
    match store::remove_timeline_entry(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "handelse-borttagen")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}
