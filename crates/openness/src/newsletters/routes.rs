//! The public pages of newsletters: the archive of sent ones with the subscribe form, a page
//! per sent newsletter, the subscription (double opt-in: a held address gets a mail with a
//! secret link, and only the link's use confirms it), and the unsubscribe link of every mail.
//!
//! - `GET /{slug}/nyhetsbrev`: the archive and the form
//! - `GET /{slug}/nyhetsbrev/{id}`: one sent newsletter (any other is a 404)
//! - `POST /{slug}/nyhetsbrev/prenumerera`: subscribe (rate-limited as other public forms)
//! - `GET|POST /{slug}/nyhetsbrev/bekrafta/{token}`: the confirmation link, and its button
//! - `GET|POST /{slug}/nyhetsbrev/avregistrera/{token}`: the unsubscribe link, and its button;
//!   a mail program's one-click POST (RFC 8058) needs no CSRF token (see
//!   `platform::ctx::is_one_click`)

use super::store::{self, Newsletter, Subscribed};
use super::{paths, NewsletterId};
use crate::news::markdown;
use platform::mail::Email;
use platform::ratelimit;
use platform::rules;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new()
        .route("/{slug}/nyhetsbrev", get(archive))
        .route("/{slug}/nyhetsbrev/{id}", get(show))
        .route("/{slug}/nyhetsbrev/prenumerera", post(subscribe))
        .route("/{slug}/nyhetsbrev/bekrafta/{token}", get(confirm_page).post(confirm))
        .route(
            "/{slug}/nyhetsbrev/avregistrera/{token}",
            get(unsubscribe_page).post(unsubscribe),
        )
}

#[derive(Deserialize)]
struct TokenPath {
    token: String,
}

/// A sent newsletter in the archive: (title, href, day sent).
type Row = (String, String, String);

#[derive(Template)]
#[template(path = "openness_newsletters.html")]
struct ArchiveView {
    page: Page,
    rows: Vec<Row>,
    form: Form,
    manage: Option<String>,
}

fn subscribe_form(ctx: &Ctx, m: &Municipality) -> Form {
    Form::new(
        paths::subscribe(&m.slug),
        ctx.t("openness-newsletter-subscribe-submit"),
        vec![
            Field::new("email", ctx.t("openness-newsletter-email"), FieldKind::Email)
                .required()
                .autocomplete("email")
                .max_len(rules::Email::MAX),
            Field::new("consent", ctx.t("openness-newsletter-consent"), FieldKind::Checkbox)
                .required()
                .hint(
                    ctx.tr
                        .ta("openness-newsletter-consent-text", &[("municipality", &m.name)]),
                ),
            Field::new("digest", ctx.t("openness-digest-choice"), FieldKind::Checkbox)
                .hint(ctx.t("openness-digest-choice-hint")),
        ],
    )
}

fn row(m: &Municipality, n: &Newsletter) -> Row {
    (
        n.subject.clone(),
        paths::one(&m.slug, n.id),
        n.sent_at.map(platform::format::date).unwrap_or_default(),
    )
}

async fn render_archive(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    form: Form,
    status: StatusCode,
) -> AppResult<Response> {
    let rows = store::archive(&state.db, m.id)
        .await?
        .iter()
        .map(|n| row(m, n))
        .collect();
    let coordinator = require_coordinator(ctx.user.as_ref(), m.id).is_ok();
    html_status(
        status,
        &ArchiveView {
            page: ctx.page_in(m, ctx.t("openness-newsletter-title")),
            rows,
            form,
            manage: coordinator.then(|| paths::manage(&m.slug)),
        },
    )
}

async fn archive(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    let form = subscribe_form(&ctx, &m);
    render_archive(&state, &ctx, &m, form, StatusCode::OK).await
}

#[derive(Template)]
#[template(path = "openness_newsletter.html")]
struct OneView {
    page: Page,
    sent: String,
    body: String,
    back: String,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<NewsletterId>,
) -> AppResult<Response> {
    let n = store::one(&state.db, m.id, id)
        .await?
        .filter(|n| n.sent_at.is_some())
        .ok_or(AppError::NotFound("err-not-found"))?;
    html(&OneView {
        page: ctx
            .page_in(&m, n.subject.clone())
            .via(paths::archive(&m.slug), ctx.t("openness-newsletter-title")),
        sent: n.sent_at.map(platform::format::date).unwrap_or_default(),
        body: markdown::to_html(&n.body),
        back: paths::archive(&m.slug),
    })
}

#[derive(Deserialize)]
struct SubscribeForm {
    email: Option<String>,
    consent: Option<String>,
    /// The weekly digest too.
    digest: Option<String>,
}

async fn subscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<SubscribeForm>,
) -> AppResult<Response> {
    ratelimit::check(&state, state.limits.register, &[format!("newsletter:{}", ctx.ip_key())]).await?;
    let mut form = subscribe_form(&ctx, &m);
    let typed = f.email.as_deref().unwrap_or("");
    form.fill(|name| match name {
        "email" => Some(typed.to_string()),
        "digest" => f.digest.clone(),
        _ => None,
    });
    let email = rules::Email::parse(typed);
    if let Err(i) = &email {
        form.invalid(&ctx.tr, "email", *i);
    }
    if f.consent.is_none() {
        form.error("consent", ctx.t("openness-newsletter-err-consent"));
    }
    let Ok(email) = email.map(|e| e.as_str().to_lowercase()) else {
        return render_archive(&state, &ctx, &m, form, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if form.has_errors() {
        return render_archive(&state, &ctx, &m, form, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    ratelimit::check(&state, state.limits.register, &[format!("newsletter-to:{email}")]).await?;
    let token = state.random.token(24);
    let root = ctx.base_url.clone();
    let mail = |token: &str| {
        let link = format!("{root}{}", paths::confirm(&m.slug, token));
        Email::new(
            email.clone(),
            ctx.tr
                .ta("openness-newsletter-confirm-subject", &[("municipality", &m.name)]),
            ctx.tr.ta(
                "openness-newsletter-confirm-body",
                &[("municipality", &m.name), ("link", &link)],
            ),
        )
    };
    let digest = f.digest.is_some();
    let done = store::subscribe(&state.db, m.id, &email, digest, &token, mail, state.now())
        .await
        .map_err(store_error)?;
    if digest {
        super::weekly::schedule(&state.db, state.now()).await?;
    }
    if done == Subscribed::Held {
        state.jobs_wakeup.notify_one();
    }
    // The same answer whether or not the address was already confirmed: the page tells no one
    // who subscribes.
    let mut p = page(&ctx, &m, "openness-newsletter-check-mail-title");
    p.notice = Some(ctx.tr.ta("openness-newsletter-check-mail", &[("email", &email)]));
    html(&p)
}

pub(super) fn store_error(e: store::StoreError) -> AppError {
    match e {
        store::StoreError::NotFound => AppError::NotFound("err-not-found"),
        store::StoreError::NotEditable => AppError::NotFound("err-not-found"),
        store::StoreError::Db(e) => e.into(),
    }
}

/// One of the two secret links of a mail: its page's words and its path.
#[derive(Clone, Copy)]
enum Link {
    Confirm,
    Unsubscribe,
}

impl Link {
    /// (title, intro, button) of the page the link opens.
    fn words(self) -> [&'static str; 3] {
        match self {
            Link::Confirm => [
                "openness-newsletter-confirm-title",
                "openness-newsletter-confirm-intro",
                "openness-newsletter-confirm-submit",
            ],
            Link::Unsubscribe => [
                "openness-newsletter-unsubscribe-title",
                "openness-newsletter-unsubscribe-intro",
                "openness-newsletter-unsubscribe-submit",
            ],
        }
    }

    fn path(self, slug: &str, token: &str) -> String {
        match self {
            Link::Confirm => paths::confirm(slug, token),
            Link::Unsubscribe => paths::unsubscribe(slug, token),
        }
    }
}

/// A page of the municipality's newsletters with a title and a notice (or an intro).
fn page(ctx: &Ctx, m: &Municipality, title: &str) -> FormPage {
    FormPage::new(
        ctx.page_in(m, ctx.t(title))
            .via(paths::archive(&m.slug), ctx.t("openness-newsletter-title")),
    )
}

/// The page a secret link opens: one button that posts to it (a link checker's GET changes
/// nothing). An unknown secret is a 404.
async fn link_page(state: &AppState, ctx: &Ctx, m: &Municipality, token: &str, link: Link) -> AppResult<Response> {
    let email = match link {
        // Only a subscriber's own secret confirms; a delivery's only unsubscribes.
        Link::Confirm => store::subscriber_of(&state.db, m.id, token).await?,
        Link::Unsubscribe => store::address_of(&state.db, m.id, token).await?,
    }
    .ok_or(AppError::NotFound("err-not-found"))?;
    let [title, intro, submit] = link.words();
    let mut p = page(ctx, m, title);
    p.intro = vec![ctx.tr.ta(intro, &[("email", &email), ("municipality", &m.name)])];
    p.form = Some(Form::new(link.path(&m.slug, token), ctx.t(submit), vec![]));
    html(&p)
}

async fn confirm_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    link_page(&state, &ctx, &m, &token, Link::Confirm).await
}

async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    link_page(&state, &ctx, &m, &token, Link::Unsubscribe).await
}

async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    if !store::confirm(&state.db, m.id, &token, state.now())
        .await
        .map_err(store_error)?
    {
        return Err(AppError::NotFound("err-not-found"));
    }
    let mut p = page(&ctx, &m, "openness-newsletter-confirmed-title");
    p.notice = Some(ctx.tr.ta("openness-newsletter-confirmed", &[("municipality", &m.name)]));
    p.links = vec![(
        paths::unsubscribe(&m.slug, &token),
        ctx.t("openness-newsletter-unsubscribe-link"),
    )];
    html(&p)
}

/// The button's POST and a mail program's one-click POST (`List-Unsubscribe=One-Click`, no
/// session, no token): both unsubscribe the link's address.
async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    if !store::unsubscribe(&state.db, m.id, &token, state.now())
        .await
        .map_err(store_error)?
    {
        return Err(AppError::NotFound("err-not-found"));
    }
    let mut p = page(&ctx, &m, "openness-newsletter-unsubscribed-title");
    p.notice = Some(
        ctx.tr
            .ta("openness-newsletter-unsubscribed", &[("municipality", &m.name)]),
    );
    html(&p)
}
