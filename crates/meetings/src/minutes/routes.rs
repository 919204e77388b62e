//! Minutes (minnesanteckningar) and group discussions: the public page once published, and the
//! coordinator's page where they are written.
//!
//! - `GET /{slug}/moten/{id}/anteckningar`: the minutes (public once published)
//! - `GET|POST /{slug}/moten/{id}/anteckningar/redigera`: present, guests, next meeting, author
//! - `POST …/anteckningar/punkt|uppdrag|publicera`, `POST …/samtal/fraga|svar|sammanstallning`

use super::store::{self, Minutes, NewAssignment, NewItem};
use crate::domain;
use crate::ids::{MeetingId, QuestionId};
use crate::paths;
use crate::store::Meeting;
use crate::views::{self, coordinates};
use platform::format;
use platform::rules::{self, Invalid};
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/moten/{id}/anteckningar", get(minutes_page))
        .route(
            "/{slug}/moten/{id}/anteckningar/redigera",
            get(edit_page).post(save_minutes),
        )
        .route("/{slug}/moten/{id}/anteckningar/punkt", post(add_item))
        .route("/{slug}/moten/{id}/anteckningar/uppdrag", post(add_assignment))
        .route("/{slug}/moten/{id}/anteckningar/publicera", post(publish))
        .route("/{slug}/moten/{id}/samtal/fraga", post(add_question))
        .route("/{slug}/moten/{id}/samtal/svar", post(add_answer))
        .route("/{slug}/moten/{id}/samtal/sammanstallning", post(set_summary))
}

/// The minutes' own fields.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct MinutesForm {
    present: String,
    guests: String,
    next_meeting: String,
    written_by: String,
}

/// A point of the minutes.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct ItemForm {
    heading: String,
    body: String,
    decision: String,
}

/// An assignment, perhaps linked to an activity of the action plan.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct AssignmentForm {
    who: String,
    what: String,
    due_on: String,
    activity: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PublishForm {
    publish: String,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct QuestionForm {
    question_text: String,
}

/// A group's answer to a question.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct AnswerForm {
    question: String,
    group_name: String,
    answer_text: String,
}

/// A question's summary: each question's textarea is named `summary-{id}`, since the page shows
/// them all at once.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SummaryForm {
    question: String,
    #[serde(flatten)]
    summaries: HashMap<String, String>,
}

/// `?klart=…` after a redirect.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Done {
    klart: String,
}

/// Optional text: empty is fine, otherwise the rule applies.
fn opt_text(s: &str, max: usize) -> Result<String, Invalid> {
    if s.trim().is_empty() {
        Ok(String::new())
    } else {
        rules::text(s, max)
    }
}

// --- The public page ---

struct QuestionView {
    number: i64,
    text: String,
    summary: String,
    /// (group, answer, "Ändrad …")
    answers: Vec<(String, String, Option<String>)>,
}

struct AssignmentView {
    who: String,
    what: String,
    due: String,
    activity: Option<(String, String)>,
    changed: Option<String>,
}

struct ItemView {
    heading: String,
    body: String,
    decision: String,
    changed: Option<String>,
}

/// A general comment: (topic, text, "Ändrad …").
type CommentView = (String, String, Option<String>);

#[derive(Template)]
#[template(path = "meetings_minutes.html")]
struct MinutesPage {
    page: Page,
    draft: bool,
    facts: Vec<(String, String)>,
    minutes: Minutes,
    /// "Ändrad 2026-…" when corrected after publication.
    corrected: Option<String>,
    items: Vec<ItemView>,
    assignments: Vec<AssignmentView>,
    questions: Vec<QuestionView>,
    comments: Vec<CommentView>,
    documents: Vec<crate::documents::DocLink>,
    edit: Option<String>,
    back: String,
}

async fn minutes_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    let mt = views::meeting(&state, &m, id).await?;
    let coordinator = coordinates(&ctx, &m);
    let minutes = store::minutes(&state.db, m.id, mt.id).await?.unwrap_or_default();
    if minutes.published_at.is_none() && !coordinator {
        return Err(AppError::NotFound("meetings-err-no-minutes"));
    }
    let changed = |at: Option<i64>| at.map(|t| ctx.tr.ta("meetings-changed-on", &[("date", &format::date(t))]));
    let items = store::items(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|i| ItemView {
            heading: i.heading,
            body: i.body,
            decision: i.decision,
            changed: changed(i.changed_at),
        })
        .collect();
    let comments = crate::groups::store::comments(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|c| (c.topic, c.text, changed(c.changed_at)))
        .collect();
    let corrected = crate::corrections::store::corrected_at(&state.db, m.id, mt.id)
        .await?
        .filter(|_| minutes.published_at.is_some())
        .map(|t| ctx.tr.ta("meetings-changed-on", &[("date", &format::date(t))]));
    let activities = actionplan::public::activities(&state.db, m.id).await?;
    let assignments = store::assignments(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|a| AssignmentView {
            who: a.who,
            what: a.what,
            due: a.due_on.unwrap_or_default(),
            activity: a
                .activity_id
                .and_then(|id| activities.iter().find(|t| t.id == id))
                .map(|t| (paths::activity(&m.slug, t.id), t.text.clone())),
            changed: changed(a.changed_at),
        })
        .collect();
    let questions = store::questions(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|q| QuestionView {
            number: q.position,
            text: q.text,
            summary: q.summary,
            answers: q
                .answers
                .into_iter()
                .map(|a| (a.group_name, a.text, changed(a.changed_at)))
                .collect(),
        })
        .collect();
    let when = format!(
        "{} {} {}–{}",
        format::date(mt.starts_at),
        ctx.t("meetings-at"),
        domain::clock(mt.starts_at),
        domain::clock(mt.ends_at)
    );
    let documents = crate::documents::meeting_links(&state, &m, mt.id, true, false).await?;
    let t = MinutesPage {
        page: crate::views::meeting_page(
            &ctx,
            &m,
            &mt,
            ctx.tr.ta("meetings-minutes-title", &[("title", &mt.title)]),
        ),
        draft: minutes.published_at.is_none(),
        facts: vec![
            (ctx.t("meetings-when"), when),
            (ctx.t("meetings-place"), mt.place.clone()),
        ],
        minutes,
        corrected,
        items,
        assignments,
        questions,
        comments,
        documents,
        edit: coordinator.then(|| paths::minutes_edit(&m.slug, mt.id, None)),
        back: paths::meeting(&m.slug, mt.id),
    };
    html_status(StatusCode::OK, &t)
}

// --- The coordinator's page ---

#[derive(Template)]
#[template(path = "meetings_minutes_edit.html")]
struct EditPage {
    page: Page,
    notice: Option<String>,
    published: bool,
    publish_action: String,
    view: String,
    /// (heading, form)
    forms: Vec<(String, Form)>,
    /// What has been written so far, each entry with its "Ändra" link and buttons:
    /// (heading, rows).
    lists: Vec<(String, Vec<crate::corrections::Row>)>,
    step_action: String,
    groups: String,
}

struct Forms {
    minutes: Form,
    item: Form,
    assignment: Form,
    question: Form,
    answer: Option<Form>,
    summaries: Vec<(String, Form)>,
}

async fn forms(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
) -> AppResult<(Forms, Vec<store::Question>)> {
    let t = |id: &str| ctx.t(id);
    let (slug, id) = (m.slug.as_str(), mt.id);
    let minutes = store::minutes(&state.db, m.id, mt.id).await?.unwrap_or_default();
    let questions = store::questions(&state.db, m.id, mt.id).await?;
    let activities = actionplan::public::activities(&state.db, m.id).await?;
    let mut activity_options = vec![(String::new(), t("meetings-no-activity"))];
    activity_options.extend(activities.into_iter().map(|a| (a.id.to_string(), a.text)));
    let minutes_form = Form::new(
        paths::minutes_edit(slug, id, None),
        t("meetings-submit-minutes"),
        vec![
            Field::new("present", t("meetings-field-present"), FieldKind::TextArea)
                .value(minutes.present)
                .hint(t("meetings-field-present-hint")),
            Field::new("guests", t("meetings-field-guests"), FieldKind::TextArea).value(minutes.guests),
            Field::new("next_meeting", t("meetings-field-next-meeting"), FieldKind::Text).value(minutes.next_meeting),
            Field::new("written_by", t("meetings-field-written-by"), FieldKind::Text).value(minutes.written_by),
        ],
    );
    let item = Form::new(
        paths::minutes_item(slug, id),
        t("meetings-submit-item"),
        vec![
            Field::new("heading", t("meetings-field-item-heading"), FieldKind::Text).required(),
            Field::new("body", t("meetings-field-item-body"), FieldKind::TextArea),
            Field::new("decision", t("meetings-field-item-decision"), FieldKind::TextArea),
        ],
    );
    let assignment = Form::new(
        paths::minutes_assignment(slug, id),
        t("meetings-submit-assignment"),
        vec![
            Field::new("who", t("meetings-field-who"), FieldKind::Text).required(),
            Field::new("what", t("meetings-field-what"), FieldKind::TextArea).required(),
            Field::new("due_on", t("meetings-field-due"), FieldKind::Date),
            Field::new("activity", t("meetings-field-activity"), FieldKind::Select).options(activity_options),
        ],
    );
    let question = Form::new(
        paths::question(slug, id),
        t("meetings-submit-question"),
        vec![Field::new("question_text", t("meetings-field-question"), FieldKind::Text).required()],
    );
    let answer = (!questions.is_empty()).then(|| {
        Form::new(
            paths::answer(slug, id),
            t("meetings-submit-answer"),
            vec![
                Field::new("question", t("meetings-field-answer-question"), FieldKind::Select)
                    .required()
                    .options(
                        questions
                            .iter()
                            .map(|q| (q.id.to_string(), format!("{} {}", q.position, q.text)))
                            .collect(),
                    ),
                Field::new("group_name", t("meetings-field-group"), FieldKind::Text)
                    .required()
                    .hint(t("meetings-field-group-hint")),
                Field::new("answer_text", t("meetings-field-answer"), FieldKind::TextArea).required(),
            ],
        )
    });
    let summaries = questions
        .iter()
        .map(|q| {
            let f = Form::new(
                paths::summary(slug, id),
                t("meetings-submit-summary"),
                vec![
                    Field::new("question", String::new(), FieldKind::Hidden).value(q.id.to_string()),
                    Field::new(
                        &format!("summary-{}", q.id),
                        t("meetings-field-summary"),
                        FieldKind::TextArea,
                    )
                    .value(q.summary.clone()),
                ],
            );
            (
                ctx.tr
                    .ta("meetings-summary-heading", &[("n", &q.position), ("text", &q.text)]),
                f,
            )
        })
        .collect();
    Ok((
        Forms {
            minutes: minutes_form,
            item,
            assignment,
            question,
            answer,
            summaries,
        },
        questions,
    ))
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    notice: Option<String>,
    fix: impl FnOnce(&mut Forms),
) -> AppResult<Response> {
    let (mut f, _) = forms(state, ctx, m, mt).await?;
    fix(&mut f);
    let failed = [&f.minutes, &f.item, &f.assignment, &f.question]
        .into_iter()
        .chain(f.answer.iter())
        .chain(f.summaries.iter().map(|s| &s.1))
        .any(|f| f.has_errors());
    let published = store::minutes(&state.db, m.id, mt.id)
        .await?
        .is_some_and(|n| n.published_at.is_some());
    let lists = crate::corrections::rows(state, ctx, m, mt)
        .await?
        .into_iter()
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    let mut forms = vec![
        (ctx.t("meetings-minutes-heading"), f.minutes),
        (ctx.t("meetings-item-heading"), f.item),
        (ctx.t("meetings-assignment-heading"), f.assignment),
        (ctx.t("meetings-question-heading"), f.question),
    ];
    if let Some(a) = f.answer {
        forms.push((ctx.t("meetings-answer-heading"), a));
    }
    forms.extend(f.summaries);
    forms.push((
        ctx.t("meetings-comment-heading"),
        crate::groups::comment_form(ctx, m, mt),
    ));
    let t = EditPage {
        page: crate::views::meeting_page(
            ctx,
            m,
            mt,
            ctx.tr.ta("meetings-minutes-edit-title", &[("title", &mt.title)]),
        ),
        notice,
        published,
        publish_action: paths::minutes_publish(&m.slug, mt.id),
        view: paths::minutes(&m.slug, mt.id),
        forms,
        lists,
        step_action: paths::minutes_step(&m.slug, mt.id),
        groups: paths::groups(&m.slug, mt.id),
    };
    let status = if failed {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(status, &t)
}

fn done(m: &Municipality, mt: &Meeting, what: &str) -> Response {
    Redirect::to(&paths::minutes_edit(&m.slug, mt.id, Some(what))).into_response()
}

async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let notice = match q.klart.as_str() {
        what @ ("minutes" | "item" | "assignment" | "question" | "answer" | "summary" | "published" | "unpublished"
        | "comment" | "corrected" | "moved" | "removed") => Some(ctx.t(&format!("meetings-done-{what}"))),
        _ => None,
    };
    render_edit(&state, &ctx, &m, &mt, notice, |_| {}).await
}

async fn save_minutes(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<MinutesForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let checked: Vec<(&str, Result<String, Invalid>)> = vec![
        ("present", opt_text(&p.present, 5000)),
        ("guests", opt_text(&p.guests, 2000)),
        ("next_meeting", opt_text(&p.next_meeting, 500)),
        ("written_by", opt_text(&p.written_by, 200)),
    ];
    if checked.iter().any(|c| c.1.is_err()) {
        return render_edit(&state, &ctx, &m, &mt, None, |f| {
            f.minutes.fill_from(&p);
            for (k, r) in &checked {
                if let Err(e) = r {
                    f.minutes.invalid(&ctx.tr, k, *e);
                }
            }
        })
        .await;
    }
    let v = |i: usize| checked[i].1.clone().unwrap_or_default();
    let minutes = Minutes {
        present: v(0),
        guests: v(1),
        next_meeting: v(2),
        written_by: v(3),
        published_at: None,
    };
    store::save_minutes(&state.db, m.id, mt.id, &minutes, Some(user), state.now()).await?;
    Ok(done(&m, &mt, "minutes"))
}

async fn add_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<ItemForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let heading = rules::line(&p.heading, 300);
    let body = opt_text(&p.body, 20_000);
    let decision = opt_text(&p.decision, 5000);
    match (heading, body, decision) {
        (Ok(h), Ok(b), Ok(d)) => {
            let item = NewItem {
                heading: &h,
                body: &b,
                decision: &d,
            };
            store::add_item(&state.db, m.id, mt.id, &item, Some(user), state.now()).await?;
            Ok(done(&m, &mt, "item"))
        }
        (h, b, d) => {
            render_edit(&state, &ctx, &m, &mt, None, |f| {
                f.item.fill_from(&p);
                for (k, r) in [("heading", h), ("body", b), ("decision", d)] {
                    if let Err(e) = r {
                        f.item.invalid(&ctx.tr, k, e);
                    }
                }
            })
            .await
        }
    }
}

async fn add_assignment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<AssignmentForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let who = rules::line(&p.who, 300);
    let what = rules::text(&p.what, 2000);
    let due = p.due_on.trim();
    let due_ok = due.is_empty() || domain::parse_date(due).is_some();
    let activity = p.activity.trim().parse::<i64>().ok();
    if let (Ok(who), Ok(what), true) = (&who, &what, due_ok) {
        let due = (!due.is_empty()).then_some(due);
        let a = NewAssignment {
            who,
            what,
            due_on: due,
            activity_id: activity,
        };
        if store::add_assignment(&state.db, m.id, mt.id, &a, Some(user), state.now()).await? {
            return Ok(done(&m, &mt, "assignment"));
        }
    }
    render_edit(&state, &ctx, &m, &mt, None, |f| {
        f.assignment.fill_from(&p);
        if let Err(e) = who {
            f.assignment.invalid(&ctx.tr, "who", e);
        }
        if let Err(e) = what {
            f.assignment.invalid(&ctx.tr, "what", e);
        }
        if !due_ok {
            f.assignment.error("due_on", ctx.t("meetings-err-date"));
        }
        if !f.assignment.has_errors() {
            f.assignment.error("activity", ctx.t("meetings-err-activity"));
        }
    })
    .await
}

async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<PublishForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let yes = p.publish == "1";
    store::publish(&state.db, m.id, mt.id, yes, Some(user), state.now()).await?;
    Ok(done(&m, &mt, if yes { "published" } else { "unpublished" }))
}

async fn add_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<QuestionForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    match rules::line(&p.question_text, 500) {
        Ok(text) => {
            store::add_question(&state.db, m.id, mt.id, &text, Some(user), state.now()).await?;
            Ok(done(&m, &mt, "question"))
        }
        Err(e) => {
            render_edit(&state, &ctx, &m, &mt, None, |f| {
                f.question.fill_from(&p);
                f.question.invalid(&ctx.tr, "question_text", e);
            })
            .await
        }
    }
}

async fn add_answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<AnswerForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let question = p.question.parse().unwrap_or(QuestionId::new(0));
    let group = rules::line(&p.group_name, 200);
    let text = rules::text(&p.answer_text, 10_000);
    if let (Ok(g), Ok(t)) = (&group, &text) {
        if store::add_answer(&state.db, m.id, mt.id, question, g, t, Some(user), state.now()).await? {
            return Ok(done(&m, &mt, "answer"));
        }
    }
    render_edit(&state, &ctx, &m, &mt, None, |f| {
        if let Some(a) = f.answer.as_mut() {
            a.fill_from(&p);
            if let Err(e) = group {
                a.invalid(&ctx.tr, "group_name", e);
            }
            if let Err(e) = text {
                a.invalid(&ctx.tr, "answer_text", e);
            }
            if !a.has_errors() {
                a.error("question", ctx.t("meetings-err-question"));
            }
        }
    })
    .await
}

async fn set_summary(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<SummaryForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let question: QuestionId = p.question.parse().unwrap_or(QuestionId::new(0));
    let typed = p.summaries.get(&format!("summary-{question}")).map(String::as_str);
    let summary = opt_text(typed.unwrap_or(""), 20_000).map_err(|_| AppError::BadRequest("err-bad-form"))?;
    if !store::set_summary(&state.db, m.id, mt.id, question, &summary, Some(user), state.now()).await? {
        return Err(AppError::NotFound("err-not-found"));
    }
    Ok(done(&m, &mt, "summary"))
}
