//! The coordinator opens a consultation: a single issue with its question(s), documents (links)
//! and the last day to answer. Opening it invites every member of the group by e-mail, one
//! letter each, queued in the same transaction.
//!
//! - `GET POST /{slug}/remissgrupp/ny`: the form; open the consultation

use super::consultations_store as store;
use super::domain::{self, DOCUMENTS_MAX, QUESTION_MAX, TITLE_MAX};
use super::mail;
use crate::paths;
use platform::web::prelude::*;
use serde::Deserialize;

pub(super) fn router() -> Routes {
    Routes::new().route("/{slug}/remissgrupp/ny", get(page).post(open))
}

#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
struct Typed {
    #[serde(default)]
    title: String,
    #[serde(default)]
    question: String,
    #[serde(default)]
    documents: String,
    #[serde(default)]
    deadline: String,
}

fn open_form(ctx: &Ctx, m: &Municipality, typed: &Typed) -> Form {
    let mut form = Form::new(
        paths::consultation_new(&m.slug),
        ctx.t("support-consultations-open"),
        vec![
            Field::new("title", ctx.t("support-consultations-f-title"), FieldKind::Text)
                .required()
                .max_len(TITLE_MAX),
            Field::new(
                "question",
                ctx.t("support-consultations-f-question"),
                FieldKind::TextArea,
            )
            .required()
            .max_len(QUESTION_MAX),
            Field::new(
                "documents",
                ctx.t("support-consultations-f-documents"),
                FieldKind::TextArea,
            )
            .hint(ctx.t("support-consultations-f-documents-hint"))
            .max_len(DOCUMENTS_MAX),
            Field::new("deadline", ctx.t("support-consultations-f-deadline"), FieldKind::Date).required(),
        ],
    );
    form.fill_from(typed);
    form
}

fn view(ctx: &Ctx, m: &Municipality, form: Form) -> AppResult<Response> {
    let status = form.status();
    let mut page = FormPage::new(
        ctx.page_in(m, ctx.t("support-consultations-open"))
            .via(paths::consultations(&m.slug), ctx.t("support-consultations-title")),
    );
    page.intro = vec![ctx.t("support-consultations-open-intro")];
    page.form = Some(form);
    html_status(status, &page)
}

async fn page(ctx: Ctx, Tenant(m): Tenant) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    view(&ctx, &m, open_form(&ctx, &m, &Typed::default()))
}

async fn open(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(typed): Input<Typed>,
) -> AppResult<Response> {
    let u = require_coordinator(ctx.user.as_ref(), m.id)?;
    let checked = domain::check(
        &typed.title,
        &typed.question,
        &typed.documents,
        &typed.deadline,
        state.today(),
    );
    let c = match checked {
        Ok(c) => c,
        Err(errors) => {
            let mut form = open_form(&ctx, &m, &typed);
            for (field, why) in errors {
                form.error(field, ctx.t(why));
            }
            return view(&ctx, &m, form);
        }
    };
    let deadline = c.deadline.format("%Y-%m-%d").to_string();
    let now = state.now();
    platform::db::write(&state.db, now, async |tx| {
        let (id, change) = store::open(tx, m.id, &c, u, now).await?;
        for to in store::member_emails(tx, m.id).await? {
            let email = mail::invitation(&state, &m, &to, &c.title, &deadline);
            platform::mail::queue(tx, Some(m.id), &email, now).await?;
        }
        Ok::<_, sqlx::Error>((id, change))
    })
    .await?;
    state.jobs_wakeup.notify_one();
    Ok(Redirect::to(&format!("{}?klart=remiss", paths::consultations(&m.slug))).into_response())
}
