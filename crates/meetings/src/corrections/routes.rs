//! Correcting the minutes (the coordinator):
//!
//! - `GET|POST /{slug}/moten/{id}/anteckningar/rad?del=…&nr=…`: one entry's form (an item, a
//!   group's answer, an assignment or a general comment); saving it returns to the minutes' edit
//!   page
//! - `POST /{slug}/moten/{id}/anteckningar/ordning` (`del`, `nr`, `gor` = upp | ned | ta-bort):
//!   move an entry up or down its list, or remove it
//!
//! Also the rows of the edit page: each entry with its "Ändra" link and its buttons.

use super::store::{self, Edit, Step};
use super::Part;
use crate::domain;
use crate::groups::store as groups;
use crate::ids::MeetingId;
use crate::minutes::store::{self as minutes, NewAssignment, NewItem};
use crate::paths;
use crate::store::Meeting;
use crate::views;
use platform::format;
use platform::rules::{self, Invalid};
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/moten/{id}/anteckningar/rad", get(entry_page).post(save_entry))
        .route("/{slug}/moten/{id}/anteckningar/ordning", post(step_entry))
}

/// An entry of the edit page's lists.
pub struct Row {
    pub part: &'static str,
    pub nr: i64,
    pub text: String,
    pub edit: String,
    /// "Ändrad 2026-…" when corrected after publication.
    pub changed: Option<String>,
}

/// The edit page's lists: (heading, rows), the items, each question's answers, the general
/// comments and the assignments, in their order.
pub async fn rows(state: &AppState, ctx: &Ctx, m: &Municipality, mt: &Meeting) -> AppResult<Vec<(String, Vec<Row>)>> {
    let changed = |at: Option<i64>| at.map(|t| ctx.tr.ta("meetings-changed-on", &[("date", &format::date(t))]));
    let row = |part: Part, nr: i64, text: String, at: Option<i64>| Row {
        part: part.slug(),
        nr,
        text,
        edit: paths::minutes_entry(&m.slug, mt.id, part.slug(), nr),
        changed: changed(at),
    };
    let mut out = vec![];
    let items: Vec<Row> = minutes::items(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|i| row(Part::Item, i.id.get(), i.heading, i.changed_at))
        .collect();
    out.push((ctx.t("meetings-items-so-far"), items));
    for q in minutes::questions(&state.db, m.id, mt.id).await? {
        let answers = q
            .answers
            .into_iter()
            .map(|a| {
                row(
                    Part::Answer,
                    a.id.get(),
                    format!("{}: {}", a.group_name, a.text),
                    a.changed_at,
                )
            })
            .collect();
        out.push((
            ctx.tr
                .ta("meetings-answers-to", &[("n", &q.position), ("text", &q.text)]),
            answers,
        ));
    }
    let comments = groups::comments(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|c| {
            let text = if c.topic.is_empty() {
                c.text
            } else {
                format!("{}: {}", c.topic, c.text)
            };
            row(Part::Comment, c.id.get(), text, c.changed_at)
        })
        .collect();
    out.push((ctx.t("meetings-comments-heading"), comments));
    let assignments = minutes::assignments(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|a| {
            row(
                Part::Assignment,
                a.id.get(),
                format!("{}: {}", a.who, a.what),
                a.changed_at,
            )
        })
        .collect();
    out.push((ctx.t("meetings-assignments"), assignments));
    Ok(out)
}

/// Which entry (`?del=punkt&nr=12`, or the same in a form).
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct Which {
    del: String,
    nr: String,
}

impl Which {
    fn get(&self) -> AppResult<(Part, i64)> {
        let part = Part::parse(&self.del).ok_or(AppError::NotFound("err-not-found"))?;
        let nr = self.nr.parse().map_err(|_| AppError::NotFound("err-not-found"))?;
        Ok((part, nr))
    }
}

/// Every field an entry may have; the form shows those of its part.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct EntryForm {
    del: String,
    nr: String,
    heading: String,
    body: String,
    decision: String,
    group_name: String,
    answer_text: String,
    who: String,
    what: String,
    due_on: String,
    activity: String,
    topic: String,
    comment_text: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StepForm {
    del: String,
    nr: String,
    gor: String,
}

/// The form of one entry filled with what is stored, or a 404 when it is not this meeting's.
async fn entry_form(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    part: Part,
    nr: i64,
) -> AppResult<Form> {
    let t = |id: &str| ctx.t(id);
    let nf = || AppError::NotFound("err-not-found");
    let mut fields = vec![
        Field::new("del", String::new(), FieldKind::Hidden).value(part.slug()),
        Field::new("nr", String::new(), FieldKind::Hidden).value(nr.to_string()),
    ];
    match part {
        Part::Item => {
            let i = minutes::items(&state.db, m.id, mt.id)
                .await?
                .into_iter()
                .find(|i| i.id.get() == nr)
                .ok_or_else(nf)?;
            fields.extend([
                Field::new("heading", t("meetings-field-item-heading"), FieldKind::Text)
                    .required()
                    .value(i.heading),
                Field::new("body", t("meetings-field-item-body"), FieldKind::TextArea).value(i.body),
                Field::new("decision", t("meetings-field-item-decision"), FieldKind::TextArea).value(i.decision),
            ]);
        }
        Part::Answer => {
            let a = minutes::questions(&state.db, m.id, mt.id)
                .await?
                .into_iter()
                .flat_map(|q| q.answers)
                .find(|a| a.id.get() == nr)
                .ok_or_else(nf)?;
            fields.extend([
                Field::new("group_name", t("meetings-field-group"), FieldKind::Text)
                    .required()
                    .value(a.group_name),
                Field::new("answer_text", t("meetings-field-answer"), FieldKind::TextArea)
                    .required()
                    .value(a.text),
            ]);
        }
        Part::Assignment => {
            let a = minutes::assignments(&state.db, m.id, mt.id)
                .await?
                .into_iter()
                .find(|a| a.id.get() == nr)
                .ok_or_else(nf)?;
            let mut options = vec![(String::new(), t("meetings-no-activity"))];
            options.extend(
                actionplan::public::activities(&state.db, m.id)
                    .await?
                    .into_iter()
                    .map(|a| (a.id.to_string(), a.text)),
            );
            fields.extend([
                Field::new("who", t("meetings-field-who"), FieldKind::Text)
                    .required()
                    .value(a.who),
                Field::new("what", t("meetings-field-what"), FieldKind::TextArea)
                    .required()
                    .value(a.what),
                Field::new("due_on", t("meetings-field-due"), FieldKind::Date).value(a.due_on.unwrap_or_default()),
                Field::new("activity", t("meetings-field-activity"), FieldKind::Select)
                    .options(options)
                    .value(a.activity_id.map(|i| i.to_string()).unwrap_or_default()),
            ]);
        }
        Part::Comment => {
            let c = groups::comments(&state.db, m.id, mt.id)
                .await?
                .into_iter()
                .find(|c| c.id.get() == nr)
                .ok_or_else(nf)?;
            fields.extend([
                Field::new("topic", t("meetings-field-comment-topic"), FieldKind::Text).value(c.topic),
                Field::new("comment_text", t("meetings-field-comment"), FieldKind::TextArea)
                    .required()
                    .value(c.text),
            ]);
        }
    }
    Ok(Form::new(
        paths::minutes_entry_save(&m.slug, mt.id),
        t("meetings-submit-correction"),
        fields,
    ))
}

async fn render(state: &AppState, ctx: &Ctx, m: &Municipality, mt: &Meeting, form: Form) -> AppResult<Response> {
    let published = minutes::minutes(&state.db, m.id, mt.id)
        .await?
        .is_some_and(|n| n.published_at.is_some());
    let mut p = FormPage::new(crate::views::meeting_page(
        ctx,
        m,
        mt,
        ctx.tr.ta("meetings-correct-title", &[("title", &mt.title)]),
    ));
    p.intro = vec![ctx.t(if published {
        "meetings-correct-published"
    } else {
        "meetings-correct-draft"
    })];
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    p.form = Some(form);
    p.links = vec![(
        paths::minutes_edit(&m.slug, mt.id, None),
        ctx.t("meetings-back-to-minutes-edit"),
    )];
    html_status(status, &p)
}

async fn entry_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Query(q): Query<Which>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    if q.del.is_empty() && q.nr.is_empty() {
        // No entry named: the minutes' edit page lists them.
        return Ok(Redirect::to(&paths::minutes_edit(&m.slug, mt.id, None)).into_response());
    }
    let (part, nr) = q.get()?;
    let form = entry_form(&state, &ctx, &m, &mt, part, nr).await?;
    render(&state, &ctx, &m, &mt, form).await
}

/// Optional text: empty is fine, otherwise the rule applies.
fn opt_text(s: &str, max: usize) -> Result<String, Invalid> {
    if s.trim().is_empty() {
        Ok(String::new())
    } else {
        rules::text(s, max)
    }
}

async fn save_entry(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<EntryForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let (part, nr) = Which {
        del: p.del.clone(),
        nr: p.nr.clone(),
    }
    .get()?;
    // Each field's check: (name, result).
    let checked: Vec<(&str, Result<String, Invalid>)> = match part {
        Part::Item => vec![
            ("heading", rules::line(&p.heading, 300)),
            ("body", opt_text(&p.body, 20_000)),
            ("decision", opt_text(&p.decision, 5000)),
        ],
        Part::Answer => vec![
            ("group_name", rules::line(&p.group_name, 200)),
            ("answer_text", rules::required_text(&p.answer_text, 10_000)),
        ],
        Part::Assignment => vec![
            ("who", rules::line(&p.who, 300)),
            ("what", rules::required_text(&p.what, 2000)),
        ],
        Part::Comment => vec![
            ("topic", opt_text(&p.topic, 300)),
            ("comment_text", rules::required_text(&p.comment_text, 10_000)),
        ],
    };
    let due = p.due_on.trim();
    let due_ok = part != Part::Assignment || due.is_empty() || domain::parse_date(due).is_some();
    let v = |i: usize| checked[i].1.clone().unwrap_or_default();
    let mut saved = false;
    if due_ok && checked.iter().all(|c| c.1.is_ok()) {
        let (a, b, c) = (v(0), v(1), if checked.len() > 2 { v(2) } else { String::new() });
        let e = match part {
            Part::Item => Edit::Item(NewItem {
                heading: &a,
                body: &b,
                decision: &c,
            }),
            Part::Answer => Edit::Answer {
                group_name: &a,
                text: &b,
            },
            Part::Assignment => Edit::Assignment(NewAssignment {
                who: &a,
                what: &b,
                due_on: (!due.is_empty()).then_some(due),
                activity_id: p.activity.trim().parse::<i64>().ok(),
            }),
            Part::Comment => Edit::Comment { topic: &a, text: &b },
        };
        saved = store::edit(&state.db, m.id, mt.id, nr, &e, Some(user), state.now()).await?;
    }
    if saved {
        return Ok(Redirect::to(&paths::minutes_edit(&m.slug, mt.id, Some("corrected"))).into_response());
    }
    let mut form = entry_form(&state, &ctx, &m, &mt, part, nr).await?;
    form.fill_from(&p);
    for (k, r) in &checked {
        if let Err(e) = r {
            form.invalid(&ctx.tr, k, *e);
        }
    }
    if !due_ok {
        form.error("due_on", ctx.t("meetings-err-date"));
    }
    if !form.has_errors() {
        form.error("activity", ctx.t("meetings-err-activity"));
    }
    render(&state, &ctx, &m, &mt, form).await
}

async fn step_entry(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<StepForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let (part, nr) = Which { del: p.del, nr: p.nr }.get()?;
    let step = match p.gor.as_str() {
        "upp" => Step::Up,
        "ned" => Step::Down,
        "ta-bort" => Step::Remove,
        _ => return Err(AppError::BadRequest("err-bad-form")),
    };
    if !store::step(&state.db, m.id, mt.id, (part, nr), step, Some(user), state.now()).await? {
        return Err(AppError::NotFound("err-not-found"));
    }
    let done = if step == Step::Remove { "removed" } else { "moved" };
    Ok(Redirect::to(&paths::minutes_edit(&m.slug, mt.id, Some(done))).into_response())
}
