//! A programme's rules and questions in words, for its public page.

use crate::activity::domain::ActivityRules;
use crate::programmes::domain::{format_kronor, Rules};
use crate::programmes::questions::{Question, QuestionKind};
use platform::web::prelude::*;

fn activity_rules(ctx: &Ctx, r: &ActivityRules) -> Vec<String> {
    let mut v: Vec<String> = r
        .bands
        .iter()
        .map(|b| {
            let (ages, amount) = (b.label(), format_kronor(b.per_participant_ore));
            match b.weekly_cap {
                Some(cap) => ctx.tr.ta(
                    "grants-rule-band",
                    &[("ages", &ages), ("amount", &amount), ("cap", &cap)],
                ),
                None => ctx
                    .tr
                    .ta("grants-rule-band-no-cap", &[("ages", &ages), ("amount", &amount)]),
            }
        })
        .collect();
    v.push(ctx.tr.ta(
        "grants-rule-per-meeting",
        &[("amount", &format_kronor(r.per_meeting_ore))],
    ));
    v.push(ctx.tr.ta(
        "grants-rule-minimums",
        &[
            ("participants", &r.min_participants),
            ("minutes", &r.min_minutes),
            ("leader", &r.min_leader_age),
        ],
    ));
    if let Some(n) = r.max_per_leader {
        v.push(ctx.tr.ta("grants-rule-per-leader", &[("n", &n)]));
    }
    if r.one_per_day {
        v.push(ctx.t("grants-rule-one-per-day"));
    }
    if !r.excluded_activities.is_empty() {
        v.push(
            ctx.tr
                .ta("grants-rule-excluded", &[("list", &r.excluded_activities.join(", "))]),
        );
    }
    v
}

pub(super) fn rules_in_words(ctx: &Ctx, rules: &Rules) -> Vec<String> {
    match rules {
        Rules::Activity(r) => activity_rules(ctx, r),
        Rules::Premises(r) => vec![ctx.tr.ta(
            "grants-rule-premises",
            &[("share", &r.share_percent), ("cap", &format_kronor(r.yearly_cap_ore))],
        )],
        Rules::Start(r) => vec![ctx.tr.ta(
            "grants-rule-start",
            &[
                ("amount", &format_kronor(r.amount_ore)),
                ("members", &r.min_members),
                ("years", &r.no_restart_years),
            ],
        )],
        Rules::Project(r) => vec![ctx.tr.ta(
            "grants-rule-project",
            &[("before", &r.apply_weeks_before), ("after", &r.report_weeks_after)],
        )],
        Rules::Operating(r) => vec![ctx
            .tr
            .ta("grants-rule-operating", &[("amount", &format_kronor(r.amount_ore))])],
        Rules::MultiYear(r) => vec![ctx.tr.ta("grants-rule-multi-year", &[("years", &r.max_years)])],
    }
}

/// A question as the public page lists it: its label, and its kind, whether it must be
/// answered, its options and its hint.
pub(super) struct QuestionRow {
    pub label: String,
    pub about: String,
    pub hint: String,
}

pub(super) fn question_rows(ctx: &Ctx, questions: &[Question]) -> Vec<QuestionRow> {
    questions
        .iter()
        .map(|q| {
            let mut about = ctx.t(q.kind.message_id());
            if q.kind == QuestionKind::Choice {
                about = ctx.tr.ta(
                    "grants-question-options",
                    &[("kind", &about), ("list", &q.options.join(", "))],
                );
            }
            if q.required {
                about = ctx.tr.ta("grants-question-required", &[("about", &about)]);
            }
            QuestionRow {
                label: q.label.clone(),
                about,
                hint: q.hint.clone(),
            }
        })
        .collect()
}
