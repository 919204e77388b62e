//! One application as the pages see it: loaded with its programme and period, who is looking
//! (applicant, handler, decider) and whether the applicant may still change it.

use crate::applications::domain::Status;
use crate::applications::store::{self, Application};
use crate::eligibility::domain::{self as eligibility, Check, Facts};
use crate::ids::ApplicationId;
use crate::programmes::store::{self as programmes, Period, Programme};
use chrono::NaiveDate;
use platform::web::prelude::*;

pub struct Case {
    pub app: Application,
    pub programme: Programme,
    pub period: Period,
    /// A representative of the applying association.
    pub applicant: bool,
    /// Staff of the municipality (handlers).
    pub staff: bool,
    /// Holds the decision role.
    pub decider: bool,
}

impl Case {
    /// Whether the applicant's deadline is ahead: the period's (from its opening), or the
    /// completion request's.
    pub fn open(&self, today: NaiveDate) -> bool {
        match self.app.status {
            Status::CompletionRequested => self.app.completion_deadline.is_some_and(|d| today <= d),
            _ => self.period.dates.opens_on <= today && today <= self.period.dates.deadline,
        }
    }

    /// Whether the applicant may still change it: a draft, a sent application before the
    /// deadline, or one the handler asked to complete before the completion's deadline.
    pub fn editable(&self, today: NaiveDate) -> bool {
        self.open(today)
            && matches!(
                self.app.status,
                Status::Draft | Status::Submitted | Status::CompletionRequested
            )
    }

    /// Whether the viewer may co-sign: another representative of the association than the
    /// one who began it, while it waits for a co-signature.
    pub fn may_co_sign(&self, user: &CurrentUser) -> bool {
        self.applicant && self.app.status == Status::AwaitingCoSignature && self.app.created_by != Some(user.id)
    }
}

/// The application of the municipality, for one of its applicants or its staff; for anyone
/// else it does not exist (404), so that nobody learns of another association's case.
pub async fn load<'u>(
    state: &AppState,
    ctx: &'u Ctx,
    m: &Municipality,
    id: ApplicationId,
) -> AppResult<(Case, &'u CurrentUser)> {
    let user = require_user(ctx.user.as_ref())?;
    let Some(app) = store::application_by_id(&state.db, m.id, id).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let applicant = user.represents(app.organisation_id);
    let staff = user.is_staff(m.id);
    if !applicant && !staff {
        return Err(AppError::NotFound("err-not-found"));
    }
    let decider = staff && store::is_decider(&state.db, m.id, user.id).await?;
    let Some((programme, periods)) = programmes::programme_by_id(&state.db, m.id, app.programme_id).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let Some(period) = periods.into_iter().find(|p| p.id == app.period_id) else {
        return Err(AppError::NotFound("err-not-found"));
    };
    Ok((
        Case {
            app,
            programme,
            period,
            applicant,
            staff,
            decider,
        },
        user,
    ))
}

/// The eligibility checks of the application, read from the registry (one query).
pub async fn checks(state: &AppState, m: &Municipality, case: &Case) -> AppResult<Vec<Check>> {
    let facts = registry::public::grant_facts(&state.db, m.id, &[case.app.organisation_id])
        .await?
        .into_iter()
        .next();
    let facts = match facts {
        Some(f) => Facts {
            org_number: f.org_number,
            board_members: f.board_members.unwrap_or(0),
            statutes_on_file: f.statutes_on_file,
            giro: f.giro,
            signed_agreement: f.signed,
            annual_meeting_on: f.annual_meeting_on,
            confirmed_on: f.confirmed_on,
            democracy_attested: case.app.democracy_attested,
        },
        None => Facts::default(),
    };
    Ok(eligibility::checks(&case.programme.eligibility, &facts))
}

/// A status's words.
pub fn status_message(s: Status) -> String {
    format!("grants-status-{}", <&str>::from(s))
}

/// What the applicant is asked to do next, as a message id.
pub fn next_for_applicant(s: Status, open: bool) -> &'static str {
    match s {
        Status::Draft if open => "grants-next-submit",
        Status::Draft => "grants-next-closed",
        Status::AwaitingCoSignature => "grants-next-co-sign",
        Status::CompletionRequested => "grants-next-complete",
        Status::Submitted | Status::InReview | Status::Proposed => "grants-next-wait",
        Status::Granted | Status::Reduced => "grants-next-payout",
        Status::Rejected => "grants-next-appeal",
        Status::Paid => "grants-next-report",
    }
}
