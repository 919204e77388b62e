//! How long before its meetings a series' reminder goes out (coordinator):
//!
//! - `GET|POST /{slug}/moten/serier/{id}/paminnelse`: the number of days (0: no reminder); the
//!   reminder job (`reminders`) reads it for each meeting of the series.

use crate::domain::{self, REMIND_DAYS};
use crate::ids::SeriesId;
use crate::paths;
use crate::store::{self, Series};
use platform::web::prelude::*;

pub fn router() -> Routes {
    Routes::new().route("/{slug}/moten/serier/{id}/paminnelse", get(page).post(save))
}

/// The form's field, shared with the form of a new series (empty means the default).
pub fn field(ctx: &Ctx) -> Field {
    Field::new("remind_days", ctx.t("meetings-field-remind-days"), FieldKind::Number).hint(ctx.tr.ta(
        "meetings-field-remind-days-hint",
        &[("max", &domain::REMIND_DAYS_MAX), ("default", &REMIND_DAYS)],
    ))
}

/// One link per series to its lead time, saying what it is now.
pub fn links(ctx: &Ctx, m: &Municipality, series: &[Series]) -> Vec<(String, String)> {
    series
        .iter()
        .map(|s| {
            (
                paths::series_reminder(&m.slug, s.id),
                ctx.tr.ta(
                    "meetings-remind-days-link",
                    &[("name", &s.name), ("days", &s.remind_days)],
                ),
            )
        })
        .collect()
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct DaysForm {
    remind_days: String,
}

fn render(
    ctx: &Ctx,
    m: &Municipality,
    s: &Series,
    value: &str,
    error: bool,
    notice: Option<String>,
) -> AppResult<Response> {
    let mut form = Form::new(
        paths::series_reminder(&m.slug, s.id),
        ctx.t("meetings-submit-remind-days"),
        vec![field(ctx)],
    );
    form.fill(|k| (k == "remind_days").then(|| value.to_string()));
    if error {
        form.error("remind_days", ctx.t("meetings-err-remind-days"));
    }
    let mut p = FormPage::new(ctx.page_in(m, ctx.tr.ta("meetings-remind-days-title", &[("name", &s.name)])));
    p.intro = vec![ctx.t("meetings-remind-days-intro")];
    p.notice = notice;
    let status = form.status();
    p.form = Some(form);
    p.links = vec![(paths::series(&m.slug), ctx.t("meetings-action-series"))];
    html_status(status, &p)
}

async fn series(state: &AppState, m: &Municipality, id: SeriesId) -> AppResult<Series> {
    store::one_series(&state.db, m.id, id)
        .await?
        .ok_or(AppError::NotFound("err-not-found"))
}

async fn page(State(state): State<AppState>, ctx: Ctx, Tenant(m): Tenant, Id(id): Id<SeriesId>) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let s = series(&state, &m, id).await?;
    render(&ctx, &m, &s, &s.remind_days.to_string(), false, None)
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<SeriesId>,
    Input(f): Input<DaysForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let s = series(&state, &m, id).await?;
    let Some(days) = domain::parse_remind_days(&f.remind_days) else {
        return render(&ctx, &m, &s, &f.remind_days, true, None);
    };
    if !store::set_remind_days(&state.db, m.id, s.id, days, Some(user), state.now()).await? {
        return Err(AppError::NotFound("err-not-found"));
    }
    let s = series(&state, &m, id).await?;
    let notice = ctx.tr.ta("meetings-done-remind-days", &[("days", &days)]);
    render(&ctx, &m, &s, &days.to_string(), false, Some(notice))
}
