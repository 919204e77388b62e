//! The forms of a programme's edit page ([`super::edit`]) and the messages of their problems.

use crate::ids::ProgrammeId;
use crate::paths;
use crate::programmes::domain::{self, Attachment, Kind};
use crate::programmes::questions::{self, QuestionKind};
use crate::programmes::rules_form::{self, BandProblem, RuleProblem, BANDS_MAX, EXCLUDED_LEN_MAX, EXCLUDED_MAX};
use platform::web::prelude::*;

pub(super) fn text_form(ctx: &Ctx, m: &Municipality, id: ProgrammeId) -> Form {
    Form::new(
        paths::edit_programme(&m.slug, id),
        ctx.t("grants-edit-save-text"),
        vec![
            Field::new("name", ctx.t("grants-field-name"), FieldKind::Text)
                .required()
                .max_len(domain::NAME_MAX),
            Field::new("description", ctx.t("grants-field-description"), FieldKind::TextArea).max_len(domain::TEXT_MAX),
            Field::new("criteria", ctx.t("grants-field-criteria"), FieldKind::TextArea).max_len(domain::TEXT_MAX),
        ],
    )
}

/// A field of the rules: its name, the label's message id, a hint's and whether it is needed.
pub(super) fn field(ctx: &Ctx, name: &str, label: &str, kind: FieldKind, hint: Option<&str>, required: bool) -> Field {
    let mut f = Field::new(name, ctx.t(label), kind);
    if let Some(h) = hint {
        f = f.hint(ctx.t(h));
    }
    if required {
        f = f.required();
    }
    f
}

pub(super) fn rules_form(ctx: &Ctx, m: &Municipality, id: ProgrammeId, kind: Kind) -> Form {
    use FieldKind::{Checkbox, Text, TextArea};
    let kr = Some("grants-rules-kronor-hint");
    let spec: Vec<(&str, &str, FieldKind, Option<&str>, bool)> = match kind {
        Kind::Activity => vec![
            (
                "bands",
                "grants-rules-bands",
                TextArea,
                Some("grants-rules-bands-hint"),
                true,
            ),
            ("per_meeting", "grants-rules-per-meeting", Text, kr, true),
            ("min_participants", "grants-rules-min-participants", Text, None, true),
            ("min_minutes", "grants-rules-min-minutes", Text, None, true),
            (
                "max_per_leader",
                "grants-rules-max-per-leader",
                Text,
                Some("grants-rules-empty-no-limit"),
                false,
            ),
            ("min_leader_age", "grants-rules-min-leader-age", Text, None, true),
            ("one_per_day", "grants-rules-one-per-day", Checkbox, None, false),
            (
                "excluded",
                "grants-rules-excluded",
                TextArea,
                Some("grants-rules-excluded-hint"),
                false,
            ),
        ],
        Kind::Premises => vec![
            ("share_percent", "grants-rules-share-percent", Text, None, true),
            ("yearly_cap", "grants-rules-yearly-cap", Text, kr, true),
        ],
        Kind::Start => vec![
            ("amount", "grants-rules-amount", Text, kr, true),
            ("min_members", "grants-rules-min-members", Text, None, true),
            ("no_restart_years", "grants-rules-no-restart-years", Text, None, true),
        ],
        Kind::Project => vec![
            ("apply_weeks_before", "grants-rules-weeks-before", Text, None, true),
            ("report_weeks_after", "grants-rules-weeks-after", Text, None, true),
        ],
        Kind::Operating => vec![("amount", "grants-rules-amount-year", Text, kr, true)],
        Kind::MultiYear => vec![("max_years", "grants-rules-max-years", Text, None, true)],
    };
    Form::new(
        paths::edit_part(&m.slug, id, "regler"),
        ctx.t("grants-edit-save-rules"),
        spec.into_iter()
            .map(|(name, label, kind, hint, required)| field(ctx, name, label, kind, hint, required))
            .collect(),
    )
}

pub(super) fn eligibility_form(ctx: &Ctx, m: &Municipality, id: ProgrammeId) -> Form {
    use FieldKind::{Checkbox, Text};
    let empty = Some("grants-edit-empty-not-asked");
    let spec = [
        ("confirmed_within_months", "grants-edit-req-confirmed", Text, empty),
        ("min_board", "grants-edit-req-board", Text, empty),
        ("valid_org_number", "grants-req-org-number", Checkbox, None),
        ("statutes_on_file", "grants-req-statutes", Checkbox, None),
        ("giro", "grants-req-giro", Checkbox, None),
        ("signed_agreement", "grants-req-signed", Checkbox, None),
        ("democracy_attestation", "grants-req-democracy", Checkbox, None),
    ];
    Form::new(
        paths::edit_part(&m.slug, id, "krav"),
        ctx.t("grants-edit-save-requirements"),
        spec.into_iter()
            .map(|(name, label, kind, hint)| field(ctx, name, label, kind, hint, false))
            .collect(),
    )
}

pub(super) fn attachments_form(ctx: &Ctx, m: &Municipality, id: ProgrammeId, ticked: &[Attachment]) -> Form {
    Form::new(
        paths::edit_part(&m.slug, id, "bilagor"),
        ctx.t("grants-edit-save-attachments"),
        Attachment::ALL
            .into_iter()
            .map(|a| {
                Field::new(
                    &rules_form::attachment_field(a),
                    ctx.t(a.message_id()),
                    FieldKind::Checkbox,
                )
                .value(if ticked.contains(&a) { "on" } else { "" })
            })
            .collect(),
    )
}

pub(super) fn question_form(ctx: &Ctx, m: &Municipality, id: ProgrammeId) -> Form {
    let mut kinds = vec![(String::new(), ctx.t("grants-choose-kind"))];
    kinds.extend(
        QuestionKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), ctx.t(k.message_id()))),
    );
    Form::new(
        paths::edit_part(&m.slug, id, "fragor"),
        ctx.t("grants-edit-add-question"),
        vec![
            Field::new("label", ctx.t("grants-q-label"), FieldKind::Text)
                .required()
                .max_len(questions::LABEL_MAX),
            Field::new("kind", ctx.t("grants-q-kind"), FieldKind::Select)
                .options(kinds)
                .required(),
            Field::new("options", ctx.t("grants-q-options"), FieldKind::TextArea).hint(ctx.t("grants-q-options-hint")),
            Field::new("required", ctx.t("grants-q-required"), FieldKind::Checkbox),
            Field::new("hint", ctx.t("grants-q-hint"), FieldKind::Text)
                .max_len(questions::HINT_MAX)
                .hint(ctx.t("grants-q-hint-hint")),
        ],
    )
}

/// Puts each field's messages on the form (several for one field, such as two wrong band
/// lines, side by side).
pub(super) fn errors(form: &mut Form, problems: Vec<(&'static str, String)>) {
    let mut fields: Vec<(&str, Vec<String>)> = Vec::new();
    for (field, message) in problems {
        match fields.iter_mut().find(|(f, _)| *f == field) {
            Some((_, list)) => list.push(message),
            None => fields.push((field, vec![message])),
        }
    }
    for (field, list) in fields {
        form.error(field, list.join(" "));
    }
}

pub(super) fn rule_message(ctx: &Ctx, p: RuleProblem) -> String {
    match p {
        RuleProblem::Required => ctx.t("err-required"),
        RuleProblem::Number { min, max } => ctx.tr.ta("grants-rules-err-number", &[("min", &min), ("max", &max)]),
        RuleProblem::Amount => ctx.t("grants-rules-err-amount"),
        RuleProblem::Band { line, why } => {
            let problem = match why {
                BandProblem::Overlap { line } => ctx.tr.ta(why.message_id(), &[("line", &line)]),
                why => ctx.t(why.message_id()),
            };
            ctx.tr
                .ta("grants-rules-err-line", &[("line", &line), ("problem", &problem)])
        }
        RuleProblem::NoBands => ctx.t("grants-rules-err-no-bands"),
        RuleProblem::TooManyBands => ctx.tr.ta("grants-rules-err-many-bands", &[("n", &BANDS_MAX)]),
        RuleProblem::ExcludedTooLong { line } => ctx.tr.ta(
            "grants-rules-err-excluded-long",
            &[("line", &line), ("n", &EXCLUDED_LEN_MAX)],
        ),
        RuleProblem::TooManyExcluded => ctx.tr.ta("grants-rules-err-many-excluded", &[("n", &EXCLUDED_MAX)]),
    }
}
