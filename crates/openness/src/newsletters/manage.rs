//! The coordinator's pages: the newsletters with their state, a new one, and one newsletter's
//! page (change it, see it as it will look, send a test to one's own address, schedule it).
//! Only the municipality's coordinator; another municipality's newsletter is a 404.
//!
//! - `GET|POST /{slug}/nyhetsbrev/hantera`: the list and the form for a new one
//! - `GET|POST /{slug}/nyhetsbrev/hantera/{id}`: the newsletter's page, and its change
//! - `POST /{slug}/nyhetsbrev/hantera/{id}/prov`: a test to the coordinator's own address
//! - `POST /{slug}/nyhetsbrev/hantera/{id}/skicka`: schedule (a time in Swedish time, or now)

use super::choices::{self, Choices};
use super::domain::{self, Group, Status, GROUPS};
use super::routes::store_error;
use super::send;
use super::store::{self, Newsletter};
use super::targets::Target;
use super::{paths, NewsletterId};
use crate::news::markdown;
use crate::problem::{mark, Problem};
use platform::db;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/nyhetsbrev/hantera", get(list).post(create))
        .route("/{slug}/nyhetsbrev/hantera/{id}", get(one).post(update))
        .route("/{slug}/nyhetsbrev/hantera/{id}/prov", post(test))
        .route("/{slug}/nyhetsbrev/hantera/{id}/skicka", post(schedule))
}

/// What the newsletter form posts (the groups are checkboxes `group_<name>`).
#[derive(Deserialize, Default, serde::Serialize)]
struct Typed {
    subject: Option<String>,
    body: Option<String>,
    group_subscribers: Option<String>,
    group_contacts: Option<String>,
    group_signatories: Option<String>,
    group_working_groups: Option<String>,
    /// A meeting's id, whose participants get it (see `choices`).
    meeting: Option<String>,
    /// A registry category's code, whose associations' contacts get it.
    category: Option<String>,
}

impl Typed {
    fn groups(&self) -> Vec<String> {
        [
            (&self.group_subscribers, Group::Subscribers),
            (&self.group_contacts, Group::Contacts),
            (&self.group_signatories, Group::Signatories),
            (&self.group_working_groups, Group::WorkingGroups),
        ]
        .into_iter()
        .filter(|(on, _)| on.is_some())
        .map(|(_, g)| g.as_str().to_string())
        .collect()
    }

    fn of(n: &Newsletter) -> Typed {
        let a = n.audience();
        let on = |g| a.has(g).then(|| "on".to_string());
        Typed {
            subject: Some(n.subject.clone()),
            body: Some(n.body.clone()),
            group_subscribers: on(Group::Subscribers),
            group_contacts: on(Group::Contacts),
            group_signatories: on(Group::Signatories),
            group_working_groups: on(Group::WorkingGroups),
            meeting: a.1.iter().find_map(|t| match t {
                Target::Meeting(id) => Some(id.to_string()),
                _ => None,
            }),
            category: a.1.iter().find_map(|t| match t {
                Target::Category(code) => Some(code.clone()),
                _ => None,
            }),
        }
    }
}

fn newsletter_form(ctx: &Ctx, action: String, submit: &str, typed: &Typed, c: &Choices) -> Form {
    let mut fields = vec![
        Field::new("subject", ctx.t("openness-newsletter-subject"), FieldKind::Text)
            .required()
            .max_len(domain::SUBJECT_MAX),
        Field::new("body", ctx.t("openness-newsletter-body"), FieldKind::TextArea)
            .required()
            .hint(ctx.t("openness-newsletter-body-hint")),
    ];
    for g in GROUPS {
        fields.push(Field::new(
            &format!("group_{}", g.as_str()),
            format!("{}: {}", ctx.t("openness-newsletter-audience"), ctx.t(g.message_id())),
            FieldKind::Checkbox,
        ));
    }
    fields.extend(choices::fields(ctx, c));
    let mut form = Form::new(action, ctx.t(submit), fields);
    form.fill_from(typed);
    form
}

/// A newsletter on the coordinator's list: (subject, href, state).
type Row = (String, String, String);

#[derive(Template)]
#[template(path = "openness_newsletters_manage.html")]
struct ListView {
    page: Page,
    rows: Vec<Row>,
    form: Form,
}

async fn render_list(state: &AppState, ctx: &Ctx, m: &Municipality, form: Form) -> AppResult<Response> {
    let rows = store::all(&state.db, m.id)
        .await?
        .into_iter()
        .map(|n| {
            (
                n.subject.clone(),
                paths::manage_one(&m.slug, n.id),
                ctx.t(n.status().message_id()),
            )
        })
        .collect();
    let status = form.status();
    html_status(
        status,
        &ListView {
            page: ctx
                .page_in(m, ctx.t("openness-newsletter-manage-title"))
                .via(paths::archive(&m.slug), ctx.t("openness-newsletter-title")),
            rows,
            form,
        },
    )
}

async fn list(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let c = choices::load(&state, &ctx, &m).await?;
    let form = newsletter_form(
        &ctx,
        paths::manage(&m.slug),
        "openness-newsletter-save",
        &Typed::default(),
        &c,
    );
    render_list(&state, &ctx, &m, form).await
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(t): Input<Typed>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let c = choices::load(&state, &ctx, &m).await?;
    match checked(&t, &c) {
        Ok(c) => {
            let id = store::create(&state.db, m.id, &c, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(Redirect::to(&paths::manage_one(&m.slug, id)).into_response())
        }
        Err(errors) => {
            let mut form = newsletter_form(&ctx, paths::manage(&m.slug), "openness-newsletter-save", &t, &c);
            mark(&mut form, &ctx.tr, errors);
            render_list(&state, &ctx, &m, form).await
        }
    }
}

fn checked(t: &Typed, c: &Choices) -> Result<domain::Checked, Vec<(&'static str, Problem)>> {
    let mut groups = t.groups();
    let chosen = choices::tokens(c, t.meeting.as_deref(), t.category.as_deref());
    groups.extend(chosen.clone().unwrap_or_default());
    let checked = domain::check(
        t.subject.as_deref().unwrap_or(""),
        t.body.as_deref().unwrap_or(""),
        &groups,
    );
    let checked = match (checked, chosen) {
        (Ok(c), Ok(_)) => Ok(c),
        (Ok(_), Err(e)) => Err(e),
        (Err(mut e), chosen) => {
            e.extend(chosen.err().unwrap_or_default());
            Err(e)
        }
    };
    checked.map_err(|errors| {
        // The groups' error belongs beside the first checkbox.
        errors
            .into_iter()
            .map(|(f, p)| {
                if f == "audience" {
                    ("group_subscribers", p)
                } else {
                    (f, p)
                }
            })
            .collect()
    })
}

#[derive(Template)]
#[template(path = "openness_newsletter_edit.html")]
struct OneView {
    page: Page,
    notice: Option<String>,
    status: String,
    /// The form, while it may still change.
    form: Option<Form>,
    preview: String,
    test_action: String,
    schedule_action: String,
    schedule_error: Option<String>,
    /// (recipients, sent) once it is being sent.
    progress: Option<(i64, i64)>,
    when: Option<String>,
    public: Option<String>,
}

#[derive(Deserialize, Default)]
struct Done {
    klart: Option<String>,
}

async fn newsletter(state: &AppState, m: &Municipality, id: NewsletterId) -> AppResult<Newsletter> {
    store::one(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

#[allow(clippy::too_many_arguments)]
async fn render_one(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    n: &Newsletter,
    form: Option<Form>,
    notice: Option<String>,
    schedule_error: Option<String>,
    code: StatusCode,
) -> AppResult<Response> {
    let status = n.status();
    let c = choices::load(state, ctx, m).await?;
    let form = form.or_else(|| {
        status.editable().then(|| {
            newsletter_form(
                ctx,
                paths::manage_one(&m.slug, n.id),
                "openness-newsletter-save",
                &Typed::of(n),
                &c,
            )
        })
    });
    let progress = if matches!(status, Status::Sending | Status::Sent) {
        Some((n.recipients, store::sent_count(&state.db, m.id, n.id).await?))
    } else {
        None
    };
    html_status(
        code,
        &OneView {
            page: ctx
                .page_in(m, n.subject.clone())
                .via(paths::manage(&m.slug), ctx.t("openness-newsletter-manage-title")),
            notice,
            status: ctx.t(status.message_id()),
            form,
            preview: markdown::to_html(&n.body),
            test_action: format!("{}/prov", paths::manage_one(&m.slug, n.id)),
            schedule_action: format!("{}/skicka", paths::manage_one(&m.slug, n.id)),
            schedule_error,
            progress,
            when: n.send_at.map(platform::format::datetime),
            public: (status == Status::Sent).then(|| paths::one(&m.slug, n.id)),
        },
    )
}

async fn one(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsletterId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let n = newsletter(&state, &m, id).await?;
    let notice = match done.klart.as_deref() {
        Some("sparat") => Some(ctx.t("openness-newsletter-saved")),
        Some("prov") => Some(ctx.t("openness-newsletter-test-sent")),
        Some("schemalagt") => Some(ctx.t("openness-newsletter-scheduled")),
        _ => None,
    };
    render_one(&state, &ctx, &m, &n, None, notice, None, StatusCode::OK).await
}

fn back(m: &Municipality, id: NewsletterId, what: &str) -> Response {
    Redirect::to(&format!("{}?klart={what}", paths::manage_one(&m.slug, id))).into_response()
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsletterId>,
    Input(t): Input<Typed>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let n = newsletter(&state, &m, id).await?;
    let c = choices::load(&state, &ctx, &m).await?;
    match checked(&t, &c) {
        Ok(c) => {
            store::update(&state.db, m.id, id, &c, Some(user), state.now())
                .await
                .map_err(store_error)?;
            Ok(back(&m, id, "sparat"))
        }
        Err(errors) => {
            let mut form = newsletter_form(&ctx, paths::manage_one(&m.slug, id), "openness-newsletter-save", &t, &c);
            mark(&mut form, &ctx.tr, errors);
            render_one(
                &state,
                &ctx,
                &m,
                &n,
                Some(form),
                None,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// A test of the newsletter as it will be sent, to the coordinator's own address (its
/// unsubscribe link leads nowhere: no delivery has its secret).
async fn test(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsletterId>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let n = newsletter(&state, &m, id).await?;
    let frame = send::frame(&state, m.id).await?;
    let mut email = send::message(&ctx.tr, &frame, &n, &user.email, "prov");
    email.subject = format!("{} {}", ctx.t("openness-newsletter-test-prefix"), email.subject);
    email.headers.retain(|(h, _)| h != "Message-ID");
    let now = state.now();
    db::write(&state.db, now, async |tx| {
        platform::mail::queue(tx, Some(m.id), &email, now).await?;
        let change = platform::audit::Change::new(
            m.id,
            Some(user),
            "openness.newsletter.test",
            "openness_newsletter",
            id,
            "",
        );
        Ok::<_, sqlx::Error>(((), change))
    })
    .await?;
    state.jobs_wakeup.notify_one();
    Ok(back(&m, id, "prov"))
}

#[derive(Deserialize)]
struct When {
    tid: Option<String>,
    nu: Option<String>,
}

async fn schedule(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsletterId>,
    Input(w): Input<When>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let n = newsletter(&state, &m, id).await?;
    let now = state.now();
    let at = if w.nu.is_some() {
        Ok(now)
    } else {
        domain::send_time(w.tid.as_deref().unwrap_or(""), now)
    };
    let at = match at {
        Ok(at) => at,
        Err(p) => {
            let why = match p {
                Problem::Id(i) => ctx.t(i),
                Problem::Rule(i) => ctx.t(i.message_id()),
            };
            return render_one(
                &state,
                &ctx,
                &m,
                &n,
                None,
                None,
                Some(why),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    store::schedule(&state.db, m.id, id, at, Some(user), now)
        .await
        .map_err(store_error)?;
    state.jobs_wakeup.notify_one();
    Ok(back(&m, id, "schemalagt"))
}
