//! `POST /{slug}/bidrag/narvaro/{org}/kort`: the web attendance card, one meeting typed in by
//! hand (its form is on the attendance page). Wrong fields come back with each wrong line of
//! the lists of people named; a good card is stored and the page says what it did.

use super::{allowed, done_query, render, OrgPath};
use crate::activity::card::{read_card, CardInput, CardProblem, NAME_MAX};
use crate::activity::store;
use crate::paths;
use platform::web::prelude::*;

pub(super) fn form(ctx: &Ctx, m: &Municipality, org: OrganisationId) -> Form {
    Form::new(
        paths::attendance_card(&m.slug, org),
        ctx.t("grants-att-card-submit"),
        vec![
            Field::new("group", ctx.t("grants-att-field-group"), FieldKind::Text)
                .required()
                .max_len(NAME_MAX)
                .hint(ctx.t("grants-att-field-group-hint")),
            Field::new("date", ctx.t("grants-att-field-date"), FieldKind::Date)
                .required()
                .hint(ctx.t("grants-date-hint")),
            Field::new("start", ctx.t("grants-att-field-start"), FieldKind::Text)
                .required()
                .hint(ctx.t("grants-att-field-start-hint")),
            Field::new("minutes", ctx.t("grants-att-field-minutes"), FieldKind::Number).required(),
            Field::new("activity", ctx.t("grants-att-field-activity"), FieldKind::Text)
                .max_len(NAME_MAX)
                .hint(ctx.t("grants-att-field-activity-hint")),
            Field::new("leaders", ctx.t("grants-att-field-leaders"), FieldKind::TextArea)
                .required()
                .hint(ctx.t("grants-att-field-people-hint")),
            Field::new(
                "participants",
                ctx.t("grants-att-field-participants"),
                FieldKind::TextArea,
            )
            .hint(ctx.t("grants-att-field-people-hint")),
        ],
    )
}

/// Each field's problems as one message ("Rad 2: …").
fn card_errors(ctx: &Ctx, form: &mut Form, problems: &[CardProblem]) {
    let mut by_field: Vec<(&str, Vec<String>)> = Vec::new();
    for p in problems {
        let text = match p.line {
            Some(line) => ctx.tr.ta(
                "grants-att-card-line",
                &[("line", &line), ("problem", &ctx.t(p.message_id))],
            ),
            None => ctx.t(p.message_id),
        };
        match by_field.iter_mut().find(|(f, _)| *f == p.field) {
            Some((_, v)) => v.push(text),
            None => by_field.push((p.field, vec![text])),
        }
    }
    for (field, texts) in by_field {
        form.error(field, texts.join(" "));
    }
}

pub(super) async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<OrgPath>,
    Input(input): Input<CardInput>,
) -> AppResult<Response> {
    let (user, name) = allowed(&state, &ctx, &m, p.org).await?;
    match read_card(&input) {
        Ok(meeting) => {
            let summary = store::save_card(&state.db, m.id, p.org, &meeting, Some(user), state.now()).await?;
            let to = format!("{}{}#kort", paths::attendance(&m.slug, p.org), done_query(&summary));
            Ok(Redirect::to(&to).into_response())
        }
        Err(problems) => {
            render(&state, &ctx, &m, p.org, &name, |page| {
                page.form.fill_from(&input);
                card_errors(&ctx, &mut page.form, &problems);
            })
            .await
        }
    }
}
