//! The forms of the application page, one per step, with field names that differ between the
//! forms (a page can carry several), and the sections each viewer gets.

use crate::applications::case::Case;
use crate::applications::domain::Status;
use crate::applications::form::{self as applicant_form, FormInput, Stored};
use crate::applications::view::Section;
use crate::paths;
use crate::programmes::domain::{format_kronor, Kind};
use crate::programmes::questions::{QuestionKind, ANSWER_MAX};
use chrono::NaiveDate;
use platform::web::prelude::*;
use std::collections::BTreeMap;

/// The criteria to score against: the programme's criteria, one per line.
pub fn criteria(case: &Case) -> Vec<String> {
    case.programme
        .criteria
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The applicant's form: the purpose, the kind's fields, the attestation and the co-signer.
pub fn answers(
    ctx: &Ctx,
    m: &Municipality,
    case: &Case,
    input: &FormInput,
    questions: &BTreeMap<String, String>,
) -> Form {
    let kind = case.programme.kind;
    let mut fields = vec![
        Field::new("purpose", ctx.t("grants-field-purpose"), FieldKind::TextArea)
            .required()
            .max_len(applicant_form::PURPOSE_MAX)
            .hint(ctx.t(match kind {
                Kind::Project => "grants-field-purpose-hint-project",
                _ => "grants-field-purpose-hint",
            })),
    ];
    for name in applicant_form::fields(kind) {
        fields.push(match *name {
            "amount" => Field::new(
                "amount",
                ctx.t(if kind == Kind::MultiYear {
                    "grants-field-amount-yearly"
                } else {
                    "grants-field-amount"
                }),
                FieldKind::Text,
            )
            .required()
            .hint(ctx.t("grants-field-budget-hint")),
            "years" => {
                let max = match &case.programme.rules {
                    crate::programmes::domain::Rules::MultiYear(r) => r.max_years,
                    _ => 1,
                };
                Field::new("years", ctx.t("grants-field-years"), FieldKind::Select)
                    .required()
                    .options((1..=max.max(1)).map(|y| (y.to_string(), y.to_string())).collect())
            }
            "costs" => Field::new("costs", ctx.t("grants-field-costs"), FieldKind::Text)
                .required()
                .hint(ctx.t("grants-field-costs-hint")),
            "income" => Field::new("income", ctx.t("grants-field-income"), FieldKind::Text)
                .hint(ctx.t("grants-field-budget-hint")),
            "members" => Field::new("members", ctx.t("grants-field-members"), FieldKind::Number).required(),
            "starts_on" => Field::new("starts_on", ctx.t("grants-field-project-starts"), FieldKind::Date)
                .required()
                .hint(ctx.t("grants-date-hint")),
            _ => Field::new("ends_on", ctx.t("grants-field-project-ends"), FieldKind::Date)
                .required()
                .hint(ctx.t("grants-date-hint")),
        });
    }
    // The programme's own questions, named `q-{id}` (files are attached below the form).
    for q in &case.programme.questions {
        let name = format!("q-{}", q.id);
        let field = match q.kind {
            QuestionKind::File => continue,
            QuestionKind::Text => Field::new(&name, q.label.clone(), FieldKind::TextArea).max_len(ANSWER_MAX),
            QuestionKind::Number => Field::new(&name, q.label.clone(), FieldKind::Number),
            QuestionKind::Amount => Field::new(&name, q.label.clone(), FieldKind::Text),
            QuestionKind::Date => Field::new(&name, q.label.clone(), FieldKind::Date),
            QuestionKind::Choice => Field::new(&name, q.label.clone(), FieldKind::Select).options(
                std::iter::once((String::new(), ctx.t("grants-choose")))
                    .chain(q.options.iter().map(|o| (o.clone(), o.clone())))
                    .collect(),
            ),
        };
        let hint = match (q.hint.is_empty(), q.kind) {
            (false, _) => Some(q.hint.clone()),
            (true, QuestionKind::Amount) => Some(ctx.t("grants-field-budget-hint")),
            (true, QuestionKind::Date) => Some(ctx.t("grants-date-hint")),
            _ => None,
        };
        let field = match hint {
            Some(h) => field.hint(h),
            None => field,
        };
        let value = questions.get(&q.id).cloned().unwrap_or_default();
        fields.push(if q.required { field.required() } else { field }.value(value));
    }
    if case.programme.eligibility.democracy_attestation {
        fields.push(
            Field::new("democracy", ctx.t("grants-field-democracy"), FieldKind::Checkbox)
                .hint(ctx.t("grants-field-democracy-hint")),
        );
    }
    fields.push(
        Field::new("co_signer", ctx.t("grants-field-co-signer"), FieldKind::Email)
            .autocomplete("off")
            .hint(ctx.t("grants-field-co-signer-hint")),
    );
    let mut form = Form::new(
        paths::application_step(&m.slug, case.app.id, "spara"),
        ctx.t("grants-save"),
        fields,
    );
    form.fill_from(input);
    form
}

/// The form as stored, to fill the applicant's form.
pub fn stored_input(case: &Case) -> FormInput {
    let app = &case.app;
    let stored = Stored::parse(&app.answers);
    applicant_form::input_of(
        &stored.details,
        &app.purpose,
        app.applied_ore,
        app.years,
        app.democracy_attested,
        &app.co_signer_email,
    )
}

fn button(ctx: &Ctx, m: &Municipality, case: &Case, step: &str, label: &str) -> Form {
    Form::new(
        paths::application_step(&m.slug, case.app.id, step),
        ctx.t(label),
        vec![],
    )
}

pub fn note(ctx: &Ctx, m: &Municipality, case: &Case) -> Form {
    Form::new(
        paths::application_step(&m.slug, case.app.id, "anteckning"),
        ctx.t("grants-note-save"),
        vec![Field::new("note", ctx.t("grants-field-note"), FieldKind::TextArea)
            .required()
            .max_len(4000)
            .hint(ctx.t("grants-field-note-hint"))],
    )
}

pub fn completion(ctx: &Ctx, m: &Municipality, case: &Case, today: NaiveDate) -> Form {
    let in_two_weeks = today + chrono::Duration::days(14);
    Form::new(
        paths::application_step(&m.slug, case.app.id, "komplettering"),
        ctx.t("grants-completion-send"),
        vec![
            Field::new("message", ctx.t("grants-field-completion-message"), FieldKind::TextArea)
                .required()
                .max_len(4000),
            Field::new("deadline", ctx.t("grants-field-completion-deadline"), FieldKind::Date)
                .required()
                .value(in_two_weeks.to_string())
                .hint(ctx.t("grants-date-hint")),
        ],
    )
}

pub fn propose(ctx: &Ctx, m: &Municipality, case: &Case) -> Form {
    Form::new(
        paths::application_step(&m.slug, case.app.id, "forslag"),
        ctx.t("grants-propose"),
        vec![
            Field::new("proposed", ctx.t("grants-field-proposed"), FieldKind::Text)
                .required()
                .value((case.app.applied_ore / 100).to_string())
                .hint(ctx.t("grants-field-proposed-hint")),
            Field::new(
                "proposal_note",
                ctx.t("grants-field-proposal-note"),
                FieldKind::TextArea,
            )
            .max_len(4000)
            .hint(ctx.t("grants-field-proposal-note-hint")),
        ],
    )
}

pub fn score(ctx: &Ctx, m: &Municipality, case: &Case) -> Form {
    let options: Vec<(String, String)> = std::iter::once((String::new(), ctx.t("grants-score-none")))
        .chain((0..=5).map(|n| (n.to_string(), n.to_string())))
        .collect();
    let fields = criteria(case)
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let value = case
                .app
                .scores
                .get(i)
                .copied()
                .flatten()
                .map(|s| s.to_string())
                .unwrap_or_default();
            Field::new(&format!("score-{}", i + 1), c, FieldKind::Select)
                .options(options.clone())
                .value(value)
        })
        .collect();
    Form::new(
        paths::application_step(&m.slug, case.app.id, "poang"),
        ctx.t("grants-score-save"),
        fields,
    )
}

pub fn decide(ctx: &Ctx, m: &Municipality, case: &Case) -> Form {
    let amount = case.app.proposed_ore.unwrap_or(case.app.applied_ore);
    Form::new(
        paths::application_step(&m.slug, case.app.id, "beslut"),
        ctx.t("grants-decide"),
        vec![
            Field::new("decided", ctx.t("grants-field-decided"), FieldKind::Text)
                .required()
                .value((amount / 100).to_string())
                .hint(ctx.tr.ta(
                    "grants-field-decided-hint",
                    &[("applied", &format_kronor(case.app.applied_ore))],
                )),
            // A proposal below what was applied for comes with the handler's reasons.
            Field::new("reason", ctx.t("grants-field-reason"), FieldKind::TextArea)
                .max_len(4000)
                .value(if amount < case.app.applied_ore {
                    case.app.proposal_note.clone()
                } else {
                    String::new()
                })
                .hint(ctx.t("grants-field-reason-hint")),
        ],
    )
}

/// The sections the viewer gets by default, with `given` (a form that came back with errors)
/// in place of the default of its id.
pub fn sections(
    ctx: &Ctx,
    m: &Municipality,
    case: &Case,
    user: &CurrentUser,
    today: NaiveDate,
    given: Vec<Section>,
) -> Vec<Section> {
    let mut v: Vec<Section> = Vec::new();
    let section = |id: &'static str, heading: &str, intro: Option<String>, form: Form| Section {
        id,
        heading: ctx.t(heading),
        intro,
        form,
    };
    let status = case.app.status;
    if case.applicant && case.editable(today) {
        v.push(section(
            "answers-form",
            "grants-answers-form-heading",
            None,
            answers(
                ctx,
                m,
                case,
                &stored_input(case),
                &Stored::parse(&case.app.answers).questions,
            ),
        ));
        if matches!(status, Status::Draft | Status::CompletionRequested) {
            v.push(section(
                "submit",
                "grants-submit-heading",
                Some(ctx.t("grants-submit-intro")),
                button(ctx, m, case, "skicka", "grants-submit"),
            ));
        }
    }
    if case.may_co_sign(user) {
        v.push(section(
            "co-sign",
            "grants-co-sign-heading",
            Some(ctx.t("grants-co-sign-intro")),
            button(ctx, m, case, "medsignera", "grants-co-sign"),
        ));
    }
    if case.staff {
        if status == Status::Submitted {
            v.push(section(
                "take",
                "grants-take-heading",
                None,
                button(ctx, m, case, "ta", "grants-take"),
            ));
        }
        if status == Status::InReview {
            v.push(section(
                "propose",
                "grants-propose-heading",
                None,
                propose(ctx, m, case),
            ));
            v.push(section(
                "completion-form",
                "grants-completion-form-heading",
                Some(ctx.t("grants-completion-form-intro")),
                completion(ctx, m, case, today),
            ));
        }
        if matches!(status, Status::InReview | Status::Proposed) && !criteria(case).is_empty() {
            v.push(section("score", "grants-score-heading", None, score(ctx, m, case)));
        }
        if case.decider && status == Status::Proposed {
            v.push(section(
                "decide",
                "grants-decide-heading",
                Some(ctx.t("grants-decide-intro")),
                decide(ctx, m, case),
            ));
        }
        v.push(section(
            "note-form",
            "grants-note-heading",
            Some(ctx.t("grants-note-intro")),
            note(ctx, m, case),
        ));
    }
    for g in given {
        match v.iter_mut().find(|s| s.id == g.id) {
            Some(s) => *s = g,
            None => v.push(g),
        }
    }
    v
}
