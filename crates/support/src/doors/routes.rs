//! "En dörr in" for everyone, without an account and without JavaScript: the contact form with
//! the published questions and answers, the receipt page, and the asker's page of their case
//! opened by the secret link of a letter (the thread, a reply, the satisfaction question once
//! the case is closed). The form is rate limited per address as the platform's other open
//! forms are; the receipt, and the notice to whoever answers, are queued in the same
//! transaction as the case (the notice again with the asker's reply).
//!
//! - `GET POST /{slug}/en-dorr-in`: the form
//! - `GET /{slug}/en-dorr-in/tack?nr=EDI-…`: the receipt
//! - `GET POST /{slug}/en-dorr-in/svar/{token}`: the asker's page; reply
//! - `POST /{slug}/en-dorr-in/svar/{token}/betyg`: how satisfied (1–5 and a comment)
//! - `POST /{slug}/en-dorr-in/faq/{id}/ta-bort`: the coordinator takes a published question
//!   down (from the form's page)

use super::domain::{self, Asked, Status};
use super::mail;
use super::store::{self, Case, Message, StoreError};
use crate::paths;
use platform::ratelimit;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/en-dorr-in", get(form).post(ask))
        .route("/{slug}/en-dorr-in/faq/{id}/ta-bort", post(remove_faq))
        .route("/{slug}/en-dorr-in/tack", get(thanks))
        .route("/{slug}/en-dorr-in/svar/{token}", get(thread).post(reply))
        .route("/{slug}/en-dorr-in/svar/{token}/betyg", post(rate))
}

/// A store's refusal as the visitor's answer.
pub(super) fn store_error(e: StoreError) -> AppError {
    match e {
        StoreError::NotFound => AppError::NotFound("err-not-found"),
        StoreError::NotNow | StoreError::Taken => AppError::BadRequest("support-doors-not-now"),
        StoreError::Db(e) => e.into(),
    }
}

#[derive(Template)]
#[template(path = "support_doors_form.html")]
struct FormView {
    page: Page,
    form: Form,
    /// (question, answer, the coordinator's removal action).
    faq: Vec<(String, String, Option<String>)>,
    /// The staff's way to their cases.
    cases: Option<String>,
    /// Whether the municipality has topics (without them there is no form yet).
    open: bool,
}

fn ask_form(ctx: &Ctx, m: &Municipality, topics: &[store::Topic], typed: &Asked) -> Form {
    let mut options = vec![(String::new(), ctx.t("support-doors-form-choose"))];
    options.extend(topics.iter().map(|t| (t.id.to_string(), t.name.clone())));
    let mut form = Form::new(
        paths::door(&m.slug),
        ctx.t("support-doors-form-submit"),
        vec![
            Field::new("topic", ctx.t("support-doors-form-topic"), FieldKind::Select)
                .required()
                .options(options),
            Field::new("question", ctx.t("support-doors-form-question"), FieldKind::TextArea)
                .required()
                .max_len(domain::QUESTION_MAX),
            Field::new(
                "organisation",
                ctx.t("support-doors-form-organisation"),
                FieldKind::Text,
            )
            .hint(ctx.t("support-doors-form-organisation-hint"))
            .autocomplete("organization")
            .max_len(domain::LINE_MAX),
            Field::new("name", ctx.t("support-doors-form-name"), FieldKind::Text)
                .required()
                .autocomplete("name")
                .max_len(domain::LINE_MAX),
            Field::new("email", ctx.t("support-doors-form-email"), FieldKind::Email)
                .required()
                .autocomplete("email")
                .hint(ctx.t("support-doors-form-email-hint")),
            Field::new("consent", ctx.t("support-doors-form-consent"), FieldKind::Checkbox)
                .required()
                .hint(
                    ctx.tr
                        .ta("support-doors-form-consent-hint", &[("municipality", &m.name)]),
                ),
        ],
    );
    form.fill_from(typed);
    form
}

async fn form_view(state: &AppState, ctx: &Ctx, m: &Municipality, form: Form) -> AppResult<Response> {
    let coordinator = ctx.user.as_ref().is_some_and(|u| u.is_coordinator(m.id));
    let faq = store::faq(&state.db, m.id)
        .await?
        .into_iter()
        .map(|(id, q, a)| (q, a, coordinator.then(|| paths::door_faq_remove(&m.slug, id))))
        .collect();
    // The topic select's first option is "choose": more than one means there are topics.
    let open = form.fields.iter().any(|f| f.name == "topic" && f.options.len() > 1);
    let status = form.status();
    html_status(
        status,
        &FormView {
            page: ctx
                .page_in(m, ctx.t("support-doors-title"))
                .described(ctx.tr.ta("support-doors-description", &[("name", &m.name)])),
            form,
            faq,
            open,
            cases: ctx
                .user
                .as_ref()
                .is_some_and(|u| u.is_staff(m.id))
                .then(|| paths::door_cases(&m.slug)),
        },
    )
}

async fn form(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let topics = store::topics(&state.db, m.id).await?;
    let typed = Asked {
        name: ctx.user.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
        email: ctx.user.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        ..Asked::default()
    };
    let form = ask_form(&ctx, &m, &topics, &typed);
    form_view(&state, &ctx, &m, form).await
}

async fn ask(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(typed): Input<Asked>,
) -> AppResult<Response> {
    ratelimit::check(&state, state.limits.register, &[format!("door:{}", ctx.ip_key())]).await?;
    let topics = store::topics(&state.db, m.id).await?;
    let ids: Vec<i64> = topics.iter().map(|t| t.id.get()).collect();
    let q = match domain::check_question(&typed, &ids) {
        Ok(q) => q,
        Err(errors) => {
            let mut form = ask_form(&ctx, &m, &topics, &typed);
            for (field, why) in errors {
                form.invalid(&ctx.tr, field, why);
            }
            return form_view(&state, &ctx, &m, form).await;
        }
    };
    let days = store::answer_days(&state.db, m.id).await?;
    let token = state.random.token(32);
    let link = mail::link(&state, &m, &token);
    let now = state.now();
    let case = platform::db::write(&state.db, now, async |tx| {
        let (case, change) = store::receive(tx, m.id, &q, days, now).await?;
        store::add_link(tx, m.id, case.id, &token, now).await?;
        let email = mail::receipt(&state, &m, &q.email, &case.number, &case.due_on, &link);
        platform::mail::queue(tx, Some(m.id), &email, now).await?;
        for to in store::responsible_emails(tx, m.id, case.department_id, case.assigned_user_id).await? {
            let email = mail::waiting(&state, &m, &to, &case.number, &case.topic, &case.due_on, case.id);
            platform::mail::queue(tx, Some(m.id), &email, now).await?;
        }
        super::escalation::ensure(tx, now).await?;
        Ok::<_, StoreError>((case, change))
    })
    .await
    .map_err(store_error)?;
    state.jobs_wakeup.notify_one();
    Ok(Redirect::to(&format!("{}?nr={}", paths::door_thanks(&m.slug), case.number)).into_response())
}

#[derive(Deserialize, Default)]
struct Thanks {
    nr: Option<String>,
}

async fn thanks(ctx: Ctx, Tenant(m): Tenant, Query(q): Query<Thanks>) -> AppResult<Response> {
    // Only a number of the right shape is repeated on the page.
    let number = q
        .nr
        .filter(|n| n.len() <= 20 && n.starts_with("EDI-") && n[4..].chars().all(|c| c.is_ascii_digit() || c == '-'));
    let mut page = FormPage::new(
        ctx.page_in(&m, ctx.t("support-doors-thanks-title"))
            .via(paths::door(&m.slug), ctx.t("support-doors-title")),
    );
    if let Some(n) = number {
        page.notice = Some(ctx.tr.ta("support-doors-thanks-number", &[("number", &n)]));
    }
    page.intro = vec![ctx.t("support-doors-thanks-intro")];
    page.links = vec![(paths::door(&m.slug), ctx.t("support-doors-thanks-back"))];
    html(&page)
}

#[derive(Deserialize)]
struct TokenPath {
    token: String,
}

#[derive(Template)]
#[template(path = "support_doors_thread.html")]
struct ThreadView {
    page: Page,
    c: Case,
    status: String,
    notice: Option<String>,
    received: String,
    thread: Vec<(Message, String)>,
    reply_action: String,
    rate_action: String,
    /// The reply refused, and what was typed.
    refused: Option<String>,
    typed: String,
    /// The rating refused.
    rate_refused: bool,
}

impl ThreadView {
    fn open(&self) -> bool {
        self.c.status != Status::Closed
    }
    fn to_rate(&self) -> bool {
        self.c.status == Status::Closed && self.c.rating.is_none()
    }
}

#[derive(Deserialize, Default)]
struct Done {
    klart: Option<String>,
}

/// What the asker's page says besides the case: a done action, a refused reply (with what was
/// typed) or a refused rating.
#[derive(Default)]
struct Said {
    notice: Option<String>,
    refused: Option<String>,
    typed: String,
    rate_refused: bool,
}

/// The asker's page; an unknown link is a 404 for everyone.
async fn render(state: &AppState, ctx: &Ctx, m: &Municipality, token: &str, said: Said) -> AppResult<Response> {
    let Said {
        notice,
        refused,
        typed,
        rate_refused,
    } = said;
    let c = store::by_token(&state.db, m.id, token)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let thread = store::messages(&state.db, m.id, c.id)
        .await?
        .into_iter()
        .map(|x| {
            let when = platform::format::datetime(x.created_at);
            (x, when)
        })
        .collect();
    let code = if refused.is_some() || rate_refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = ThreadView {
        page: ctx
            .page_in(m, ctx.tr.ta("support-doors-thread-title", &[("number", &c.number)]))
            .via(paths::door(&m.slug), ctx.t("support-doors-title")),
        status: ctx.t(c.status.message_id()),
        received: platform::format::datetime(c.created_at),
        notice,
        thread,
        reply_action: paths::door_thread(&m.slug, token),
        rate_action: paths::door_rate(&m.slug, token),
        refused,
        typed,
        rate_refused,
        c,
    };
    html_status(code, &view)
}

async fn thread(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<TokenPath>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let notice = match done.klart.as_deref() {
        Some("svar") => Some(ctx.t("support-doors-done-replied")),
        Some("betyg") => Some(ctx.t("support-doors-done-rated")),
        _ => None,
    };
    render(
        &state,
        &ctx,
        &m,
        &p.token,
        Said {
            notice,
            ..Said::default()
        },
    )
    .await
}

#[derive(Deserialize)]
struct Replied {
    body: Option<String>,
}

async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<TokenPath>,
    Input(r): Input<Replied>,
) -> AppResult<Response> {
    ratelimit::check(&state, state.limits.register, &[format!("door-reply:{}", ctx.ip_key())]).await?;
    let c = store::by_token(&state.db, m.id, &p.token)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let typed = r.body.unwrap_or_default();
    let body = match domain::check_message(&typed) {
        Ok(b) => b,
        Err(why) => {
            let message = ctx.t(why.message_id());
            let said = Said {
                refused: Some(message),
                typed,
                ..Said::default()
            };
            return render(&state, &ctx, &m, &p.token, said).await;
        }
    };
    let days = store::answer_days(&state.db, m.id).await?;
    let now = state.now();
    platform::db::write(&state.db, now, async |tx| {
        let (change, due_on) = store::reply(tx, m.id, &c, &body, days, now).await?;
        for to in store::responsible_emails(tx, m.id, c.department_id, c.assigned_user_id).await? {
            let email = mail::waiting(&state, &m, &to, &c.number, &c.topic, &due_on, c.id);
            platform::mail::queue(tx, Some(m.id), &email, now).await?;
        }
        super::escalation::ensure(tx, now).await?;
        Ok::<_, StoreError>(((), change))
    })
    .await
    .map_err(store_error)?;
    state.jobs_wakeup.notify_one();
    Ok(Redirect::to(&format!("{}?klart=svar#trad", paths::door_thread(&m.slug, &p.token))).into_response())
}

#[derive(Deserialize)]
struct Rated {
    grade: Option<String>,
    comment: Option<String>,
}

async fn rate(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<TokenPath>,
    Input(r): Input<Rated>,
) -> AppResult<Response> {
    let c = store::by_token(&state.db, m.id, &p.token)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))?;
    let Some((grade, comment)) =
        domain::check_rating(r.grade.as_deref().unwrap_or(""), r.comment.as_deref().unwrap_or(""))
    else {
        let said = Said {
            rate_refused: true,
            ..Said::default()
        };
        return render(&state, &ctx, &m, &p.token, said).await;
    };
    store::rate(&state.db, m.id, c.id, grade, &comment, state.now())
        .await
        .map_err(store_error)?;
    Ok(Redirect::to(&format!("{}?klart=betyg", paths::door_thread(&m.slug, &p.token))).into_response())
}

async fn remove_faq(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<crate::ids::FaqId>,
) -> AppResult<Response> {
    let u = require_coordinator(ctx.user.as_ref(), m.id)?;
    store::remove_faq(&state.db, m.id, id, u, state.now())
        .await
        .map_err(store_error)?;
    Ok(Redirect::to(&format!("{}#vanliga-fragor", paths::door(&m.slug))).into_response())
}
