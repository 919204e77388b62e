//! The coordinator changes a programme without code, one small form at a time:
//!
//! - `GET /{slug}/bidrag/{id}/andra`: the page with every form, filled with what is stored
//! - `POST /{slug}/bidrag/{id}/andra`: name, description and criteria
//! - `POST /{slug}/bidrag/{id}/andra/regler`: the rules of the programme's kind
//! - `POST /{slug}/bidrag/{id}/andra/krav`: the requirements on the association
//! - `POST /{slug}/bidrag/{id}/andra/bilagor`: the attachments an application carries
//! - `POST /{slug}/bidrag/{id}/andra/fragor`: a new question of the application form
//! - `POST /{slug}/bidrag/{id}/andra/fragor/flytta` and `…/fragor/ta-bort`: a question moved
//!   one place up or down, or removed
//!
//! A form with a mistake comes back (422) with what was typed and a message per field; the
//! others show what is stored. Coordinators of the municipality only.

use super::forms::{attachments_form, eligibility_form, errors, question_form, rule_message, rules_form, text_form};
use crate::ids::ProgrammeId;
use crate::paths;
use crate::programmes::domain;
use crate::programmes::questions::{self, Direction, QuestionChange, QuestionInput, QuestionKind};
use crate::programmes::rules_form::{self, EligibilityInput, RulesInput};
use crate::programmes::store::{self, Programme, ProgrammeEdit, ProgrammeError};
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/bidrag/{id}/andra", get(show).post(text))
        .route("/{slug}/bidrag/{id}/andra/regler", post(rules))
        .route("/{slug}/bidrag/{id}/andra/krav", post(eligibility))
        .route("/{slug}/bidrag/{id}/andra/bilagor", post(attachments))
        .route("/{slug}/bidrag/{id}/andra/fragor", post(add_question))
        .route("/{slug}/bidrag/{id}/andra/fragor/flytta", post(move_question))
        .route("/{slug}/bidrag/{id}/andra/fragor/ta-bort", post(remove_question))
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct TextInput {
    name: String,
    description: String,
    criteria: String,
}

// --- The page ---

struct Section {
    id: &'static str,
    heading: String,
    intro: String,
    form: Form,
}

struct QuestionRow {
    id: String,
    label: String,
    kind: String,
    required: String,
    up: bool,
    down: bool,
}

#[derive(Template)]
#[template(path = "grants_programme_edit.html")]
struct EditPage {
    page: Page,
    notice: Option<String>,
    sections: Vec<Section>,
    questions: Vec<QuestionRow>,
    move_action: String,
    remove_action: String,
    question_form: Form,
    back: String,
}

/// The form that was posted and came back, in place of the stored values' form.
enum Posted {
    Nothing,
    Text(Form),
    Rules(Form),
    Eligibility(Form),
    Question(Form),
}

async fn programme(state: &AppState, m: &Municipality, id: ProgrammeId) -> AppResult<Programme> {
    match store::programme_by_id(&state.db, m.id, id).await? {
        Some((p, _)) => Ok(p),
        None => Err(AppError::NotFound("err-not-found")),
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: ProgrammeId,
    posted: Posted,
    notice: Option<String>,
) -> AppResult<Response> {
    let p = programme(state, m, id).await?;
    let (mut text, mut rules, mut eligibility, mut question) = (None, None, None, None);
    let status = match posted {
        Posted::Nothing => StatusCode::OK,
        Posted::Text(f) => text.insert(f).status(),
        Posted::Rules(f) => rules.insert(f).status(),
        Posted::Eligibility(f) => eligibility.insert(f).status(),
        Posted::Question(f) => question.insert(f).status(),
    };
    let text = text.unwrap_or_else(|| {
        let mut f = text_form(ctx, m, id);
        f.fill_from(&TextInput {
            name: p.name.clone(),
            description: p.description.clone(),
            criteria: p.criteria.clone(),
        });
        f
    });
    let rules = rules.unwrap_or_else(|| {
        let mut f = rules_form(ctx, m, id, p.kind);
        f.fill_from(&RulesInput::of(&p.rules));
        f
    });
    let eligibility = eligibility.unwrap_or_else(|| {
        let mut f = eligibility_form(ctx, m, id);
        f.fill_from(&EligibilityInput::of(&p.eligibility));
        f
    });
    let section = |id, heading: &str, intro: String, form| Section {
        id,
        heading: ctx.t(heading),
        intro,
        form,
    };
    let sections = vec![
        section("text", "grants-edit-text", ctx.t("grants-edit-text-intro"), text),
        section(
            "rules",
            "grants-rules",
            ctx.tr
                .ta("grants-edit-rules-intro", &[("kind", &ctx.t(p.kind.message_id()))]),
            rules,
        ),
        section(
            "requirements",
            "grants-requirements",
            ctx.t("grants-edit-requirements-intro"),
            eligibility,
        ),
        section(
            "attachments",
            "grants-attachments",
            ctx.t("grants-edit-attachments-intro"),
            attachments_form(ctx, m, id, &p.attachments),
        ),
    ];
    let last = p.questions.len().saturating_sub(1);
    let questions = p
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionRow {
            id: q.id.clone(),
            label: q.label.clone(),
            kind: match q.kind {
                QuestionKind::Choice => ctx.tr.ta(
                    "grants-question-options",
                    &[("kind", &ctx.t(q.kind.message_id())), ("list", &q.options.join(", "))],
                ),
                k => ctx.t(k.message_id()),
            },
            required: ctx.t(if q.required { "grants-yes" } else { "grants-no" }),
            up: i > 0,
            down: i < last,
        })
        .collect();
    html_status(
        status,
        &EditPage {
            page: ctx.page_in(m, ctx.tr.ta("grants-edit-title", &[("name", &p.name)])),
            notice,
            sections,
            questions,
            move_action: paths::edit_part(&m.slug, id, "fragor/flytta"),
            remove_action: paths::edit_part(&m.slug, id, "fragor/ta-bort"),
            question_form: question.unwrap_or_else(|| question_form(ctx, m, id)),
            back: paths::programme(&m.slug, id),
        },
    )
}

/// Back to the page after a change, which then says it is saved.
fn saved(m: &Municipality, id: ProgrammeId) -> Response {
    Redirect::to(&format!("{}?sparat=1", paths::edit_programme(&m.slug, id))).into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SavedQuery {
    sparat: String,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Query(q): Query<SavedQuery>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let notice = (!q.sparat.is_empty()).then(|| ctx.t("grants-edit-saved"));
    render(&state, &ctx, &m, id, Posted::Nothing, notice).await
}

// --- The posts ---

async fn text(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(input): Input<TextInput>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let p = programme(&state, &m, id).await?;
    let mut form = text_form(&ctx, &m, id);
    form.fill_from(&input);
    match domain::validate_programme(p.kind.code(), &input.name, &input.description, &input.criteria) {
        Ok(new) => {
            let edit = ProgrammeEdit::Text(new);
            match store::edit_programme(&state.db, m.id, id, &edit, Some(user), state.now()).await {
                Ok(()) => return Ok(saved(&m, id)),
                Err(ProgrammeError::Taken) => form.error("name", ctx.t("grants-err-name-taken")),
                Err(e) => return Err(e.into()),
            }
        }
        Err(problems) => {
            for (field, why) in problems {
                form.invalid(&ctx.tr, field, why);
            }
        }
    }
    render(&state, &ctx, &m, id, Posted::Text(form), None).await
}

async fn rules(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(input): Input<RulesInput>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let p = programme(&state, &m, id).await?;
    match rules_form::parse_rules(p.kind, &input) {
        Ok(rules) => {
            let edit = ProgrammeEdit::Rules(rules);
            store::edit_programme(&state.db, m.id, id, &edit, Some(user), state.now()).await?;
            Ok(saved(&m, id))
        }
        Err(problems) => {
            let mut form = rules_form(&ctx, &m, id, p.kind);
            form.fill_from(&input);
            errors(
                &mut form,
                problems.into_iter().map(|(f, p)| (f, rule_message(&ctx, p))).collect(),
            );
            render(&state, &ctx, &m, id, Posted::Rules(form), None).await
        }
    }
}

async fn eligibility(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(input): Input<EligibilityInput>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    match rules_form::parse_eligibility(&input) {
        Ok(e) => {
            let edit = ProgrammeEdit::Eligibility(e);
            store::edit_programme(&state.db, m.id, id, &edit, Some(user), state.now()).await?;
            Ok(saved(&m, id))
        }
        Err(problems) => {
            let mut form = eligibility_form(&ctx, &m, id);
            form.fill_from(&input);
            errors(
                &mut form,
                problems.into_iter().map(|(f, p)| (f, rule_message(&ctx, p))).collect(),
            );
            render(&state, &ctx, &m, id, Posted::Eligibility(form), None).await
        }
    }
}

async fn attachments(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(posted): Input<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let edit = ProgrammeEdit::Attachments(rules_form::parse_attachments(&posted));
    store::edit_programme(&state.db, m.id, id, &edit, Some(user), state.now()).await?;
    Ok(saved(&m, id))
}

async fn add_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(input): Input<QuestionInput>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mut form = question_form(&ctx, &m, id);
    form.fill_from(&input);
    match questions::validate_question(&input) {
        Ok(new) => {
            let change = QuestionChange::Add(new);
            match store::change_questions(&state.db, m.id, id, &change, Some(user), state.now()).await {
                Ok(()) => return Ok(saved(&m, id)),
                Err(ProgrammeError::TooManyQuestions) => form.error(
                    "label",
                    ctx.tr.ta("grants-q-err-too-many", &[("n", &questions::QUESTIONS_MAX)]),
                ),
                Err(e) => return Err(e.into()),
            }
        }
        Err(problems) => {
            for (field, why) in problems {
                let message = match why.limit() {
                    Some(n) => ctx.tr.ta(why.message_id(), &[("n", &n)]),
                    None => ctx.t(why.message_id()),
                };
                form.error(field, message);
            }
        }
    }
    render(&state, &ctx, &m, id, Posted::Question(form), None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct QuestionAction {
    question: String,
    direction: String,
}

async fn move_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(input): Input<QuestionAction>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let direction = Direction::parse(&input.direction).ok_or(AppError::BadRequest("err-bad-form"))?;
    let change = QuestionChange::Move(input.question, direction);
    store::change_questions(&state.db, m.id, id, &change, Some(user), state.now()).await?;
    Ok(saved(&m, id))
}

async fn remove_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ProgrammeId>,
    Input(input): Input<QuestionAction>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let change = QuestionChange::Remove(input.question);
    store::change_questions(&state.db, m.id, id, &change, Some(user), state.now()).await?;
    Ok(saved(&m, id))
}
