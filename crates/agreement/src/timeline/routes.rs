//! The timeline's pages: the public story of the process, and the coordinator's list to add,
//! change and remove its entries.
//!
//! - `GET /{slug}/overenskommelse/tidslinje`: the public timeline
//! - `GET|POST /{slug}/overenskommelse/hantera/tidslinje`: the entries; add one
//! - `GET|POST …/hantera/tidslinje/{id}`, `POST …/ta-bort`: change or remove one

use super::domain::{TimelineEntry, TimelineKind};
use super::store::{self, TimelineInput};
use crate::domain::{self, NAME_MAX, TEXT_MAX};
use crate::ids::TimelineEntryId;
use crate::paths;
use crate::web::{done, field_error, fill, store_error, text, Done};
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/overenskommelse/tidslinje", get(public))
        .route("/{slug}/overenskommelse/hantera/tidslinje", get(list).post(add))
        .route("/{slug}/overenskommelse/hantera/tidslinje/{id}", get(edit).post(save))
        .route("/{slug}/overenskommelse/hantera/tidslinje/{id}/ta-bort", post(remove))
}

#[derive(Template)]
#[template(path = "agreement_timeline.html")]
struct TimelineView {
    page: Page,
    base: String,
    entries: Vec<TimelineEntry>,
    coordinator: bool,
}

async fn public(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let entries = store::timeline(&state.db, m.id).await?;
    html(&TimelineView {
        page: ctx.page_in(&m, ctx.t("agreement-timeline-title")),
        base: paths::base(&m),
        entries,
        coordinator: ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id)),
    })
}

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
    Form::new(paths::timeline_manage(m), ctx.t("agreement-add-timeline"), fields(ctx))
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
    Form::new(paths::timeline_entry(m, e.id), ctx.t("agreement-save-timeline"), fields)
}

/// An entry, as posted.
#[derive(Deserialize, Serialize)]
struct EntryForm {
    happened_on: Option<String>,
    kind: Option<String>,
    title: Option<String>,
    body: Option<String>,
}

struct Typed {
    happened_on: String,
    kind: TimelineKind,
    title: String,
    body: String,
}

fn read(ctx: &Ctx, mut form: Form, input: &EntryForm) -> Result<Typed, Form> {
    fill(&mut form, input);
    let on = domain::date(text(&input.happened_on));
    let kind = text(&input.kind)
        .parse::<TimelineKind>()
        .map_err(|_| domain::FieldError::Choice);
    let title = domain::name(text(&input.title));
    let body = domain::optional_text(text(&input.body));
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
        form.status(),
        &ListPage {
            page: ctx.page_in(m, ctx.t("agreement-timeline-manage-title")),
            base: paths::base(m),
            manage: paths::manage(m),
            entries,
            form,
            notice,
        },
    )
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(d): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    render_list(&state, &ctx, &m, add_form(&ctx, &m), d.message(&ctx)).await
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(input): Input<EntryForm>,
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
            let back = paths::timeline_manage(&m);
            match store::add_timeline_entry(&state.db, m.id, &input, Some(user), state.now()).await {
                Ok(_) => Ok(done(&back, "handelse")),
                Err(e) => store_error(&ctx, &m, e, &back),
            }
        }
        Err(form) => render_list(&state, &ctx, &m, form, None).await,
    }
}

fn edit_page(ctx: &Ctx, m: &Municipality, form: Form) -> AppResult<Response> {
    let mut fp = FormPage::new(ctx.page_in(m, ctx.t("agreement-timeline-edit-title")));
    let status = form.status();
    fp.form = Some(form);
    fp.links = vec![(paths::timeline_manage(m), ctx.t("agreement-back-to-timeline"))];
    html_status(status, &fp)
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<TimelineEntryId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let e = store::timeline_entry(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    edit_page(&ctx, &m, edit_form(&ctx, &m, &e))
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<TimelineEntryId>,
    Input(input): Input<EntryForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
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
            let back = paths::timeline_manage(&m);
            match store::update_timeline_entry(&state.db, m.id, id, &input, Some(user), state.now()).await {
                Ok(()) => Ok(done(&back, "handelse")),
                Err(e) => store_error(&ctx, &m, e, &back),
            }
        }
        Err(form) => edit_page(&ctx, &m, form),
    }
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<TimelineEntryId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let back = paths::timeline_manage(&m);
    match store::remove_timeline_entry(&state.db, m.id, id, Some(user), state.now()).await {
        Ok(()) => Ok(done(&back, "handelse-borttagen")),
        Err(e) => store_error(&ctx, &m, e, &back),
    }
}
