//! The view pieces the action plan's pages share: an activity as a table row (with its time,
//! responsible and follow-up as people read them), the progress chart, problems marked on a
//! form, the plan's facts and a form page with the way back.

use crate::activities::store::Activity;
use crate::domain::{self, Problem, Problems, Progress, Status};
use crate::paths;
use crate::store::Plan;
use chrono::NaiveDate;
use platform::web::prelude::*;
use serde::Deserialize;

pub fn mark(form: &mut Form, ctx: &Ctx, problems: &Problems) {
    for (field, p) in problems {
        match p {
            Problem::Rule(why) => form.invalid(&ctx.tr, field, *why),
            p => form.error(field, ctx.t(p.message_id())),
        }
    }
}

/// "Kultur och fritid (Magnus Gunnarsson)": the text as written, and the links' names.
pub fn responsible(a: &Activity) -> String {
    let links: Vec<&str> = [a.department.as_deref(), a.user.as_deref(), a.organisation.as_deref()]
        .into_iter()
        .flatten()
        .filter(|n| !a.responsible_text.contains(*n))
        .collect();
    match (a.responsible_text.is_empty(), links.is_empty()) {
        (_, true) => a.responsible_text.clone(),
        (true, false) => links.join(", "),
        (false, false) => format!("{} ({})", a.responsible_text, links.join(", ")),
    }
}

pub fn follow_up(a: &Activity) -> String {
    match (a.follow_up_text.is_empty(), a.follow_up_on) {
        (_, None) => a.follow_up_text.clone(),
        (true, Some(d)) => d.to_string(),
        (false, Some(d)) => format!("{} ({d})", a.follow_up_text),
    }
}

pub fn time(a: &Activity) -> String {
    let dates = match (a.time_start, a.time_end) {
        (Some(s), Some(e)) => format!("{s} – {e}"),
        (Some(s), None) => s.to_string(),
        (None, Some(e)) => format!("– {e}"),
        (None, None) => String::new(),
    };
    match (a.time_text.is_empty(), dates.is_empty()) {
        (_, true) => a.time_text.clone(),
        (true, false) => dates,
        (false, false) => format!("{} ({dates})", a.time_text),
    }
}

pub use crate::domain::activity_name;

/// An activity as a row of a table.
pub struct Row {
    pub href: String,
    pub text: String,
    pub time: String,
    pub responsible: String,
    pub follow_up: String,
    pub status: String,
    /// The colour of the status's tag (Designsystemet's `data-color`).
    pub tag: &'static str,
    pub overdue: bool,
    pub area: String,
    pub goal: String,
}

/// A status's colour as a tag: done green, ongoing blue, not started grey, paused or late
/// orange.
pub fn tag(status: domain::Status) -> &'static str {
    match status {
        domain::Status::Done => "success",
        domain::Status::Ongoing => "info",
        domain::Status::NotStarted => "neutral",
        domain::Status::Paused => "warning",
    }
}

pub fn row(ctx: &Ctx, m: &Municipality, a: &Activity, today: NaiveDate) -> Row {
    Row {
        href: paths::activity(&m.slug, a.id),
        text: activity_name(&ctx.tr, &a.text),
        time: time(a),
        responsible: responsible(a),
        follow_up: follow_up(a),
        status: ctx.t(a.status.message_id()),
        tag: tag(a.status),
        overdue: domain::is_overdue(a.follow_up_on, a.status, today),
        area: format!("{} {}", a.area_number, a.area_name),
        goal: a.goal_text.clone(),
    }
}

/// One segment of a progress bar.
pub struct Segment {
    pub x: String,
    pub width: String,
    pub colour: &'static str,
}

pub struct Chart {
    pub segments: Vec<Segment>,
    /// The chart's text alternative: (status label, count).
    pub counts: Vec<(String, usize)>,
    pub summary: String,
}

pub fn chart(ctx: &Ctx, p: &Progress) -> Chart {
    Chart {
        segments: p
            .segments()
            .into_iter()
            .map(|(s, x, w)| Segment {
                x: format!("{x:.2}"),
                width: format!("{w:.2}"),
                colour: s.colour(),
            })
            .collect(),
        counts: [Status::Done, Status::Ongoing, Status::Paused, Status::NotStarted]
            .into_iter()
            .map(|s| (ctx.t(s.message_id()), p.count(s)))
            .collect(),
        summary: ctx.tr.ta(
            "actionplan-progress-summary",
            &[("done", &p.done), ("total", &p.total), ("percent", &p.percent_done())],
        ),
    }
}

pub fn plan_facts(ctx: &Ctx, plan: &Plan) -> Vec<(String, String)> {
    let mut facts = vec![];
    if plan.period_start.is_some() || plan.period_end.is_some() {
        facts.push((
            ctx.t("actionplan-period"),
            format!(
                "{}–{}",
                plan.period_start.map(|y| y.to_string()).unwrap_or_default(),
                plan.period_end.map(|y| y.to_string()).unwrap_or_default()
            ),
        ));
    }
    if !plan.adopted_by.is_empty() || plan.adopted_on.is_some() {
        facts.push((
            ctx.t("actionplan-adopted"),
            [
                plan.adopted_by.clone(),
                plan.adopted_on.map(|d| d.to_string()).unwrap_or_default(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        ));
    }
    facts
}

pub fn form_page(ctx: &Ctx, m: &Municipality, title: &str, form: Form, back: String) -> FormPage {
    let mut page = FormPage::new(ctx.page_in(m, ctx.t(title)));
    page.form = Some(form);
    page.links = vec![(back, ctx.t("actionplan-back-to-plan"))];
    page
}

/// A page's "done" notice, from `?klart=…` after a redirect.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    pub klart: String,
}
