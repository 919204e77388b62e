//! Every URL of the action plan, built in one place (the routes are declared in the routes
//! files with the same segments). Each takes the municipality's slug.

use crate::ids::{ActivityId, AreaId, DraftId, GoalId, GroupId, PlanId};
use std::fmt::Display;

/// The public plan: `/{slug}/handlingsplan`.
pub fn plan(slug: &str) -> String {
    format!("/{slug}/handlingsplan")
}

fn under(slug: &str, rest: impl Display) -> String {
    format!("/{slug}/handlingsplan/{rest}")
}

/// The coordinator's form of the principles an area works on.
pub fn area_principles(slug: &str, id: AreaId) -> String {
    under(slug, format_args!("omrade/{id}/principer"))
}

/// A principle of the agreement in force with the areas that work on it.
pub fn principle(slug: &str, n: i64) -> String {
    under(slug, format_args!("princip/{n}"))
}

pub fn settings(slug: &str) -> String {
    under(slug, "installningar")
}

pub fn goal(slug: &str, id: GoalId) -> String {
    under(slug, format_args!("mal/{id}"))
}

/// Start a new period from the current plan.
pub fn new_period(slug: &str) -> String {
    under(slug, "ny-period")
}

/// A period's plan (an earlier one read-only).
pub fn period(slug: &str, id: PlanId) -> String {
    under(slug, format_args!("period/{id}"))
}

pub fn new_goal(slug: &str) -> String {
    under(slug, "nytt-mal")
}

pub fn goal_edit(slug: &str, id: GoalId) -> String {
    under(slug, format_args!("mal/{id}/redigera"))
}

pub fn goal_move(slug: &str, id: GoalId) -> String {
    under(slug, format_args!("mal/{id}/flytta"))
}

pub fn goal_remove(slug: &str, id: GoalId) -> String {
    under(slug, format_args!("mal/{id}/ta-bort"))
}

pub fn goal_new_activity(slug: &str, id: GoalId) -> String {
    under(slug, format_args!("mal/{id}/ny-aktivitet"))
}

pub fn activity_move(slug: &str, id: ActivityId) -> String {
    under(slug, format_args!("aktivitet/{id}/flytta"))
}

pub fn activity_remove(slug: &str, id: ActivityId) -> String {
    under(slug, format_args!("aktivitet/{id}/ta-bort"))
}

pub fn activity(slug: &str, id: ActivityId) -> String {
    under(slug, format_args!("aktivitet/{id}"))
}

pub fn activity_edit(slug: &str, id: ActivityId) -> String {
    under(slug, format_args!("aktivitet/{id}/redigera"))
}

pub fn mine(slug: &str) -> String {
    under(slug, "mina")
}

pub fn overdue(slug: &str) -> String {
    under(slug, "forsenade")
}

pub fn groups(slug: &str) -> String {
    under(slug, "grupper")
}

pub fn group(slug: &str, id: GroupId) -> String {
    under(slug, format_args!("grupper/{id}"))
}
/// A working group's documents: a page of the meetings, which keep them.
pub fn group_documents(slug: &str, id: GroupId) -> String {
    format!("/{slug}/moten/arbetsgrupper/{id}/dokument")
}

/// A working group's own meetings: a page of the meetings.
pub fn group_meetings(slug: &str, id: GroupId) -> String {
    format!("/{slug}/moten/arbetsgrupper/{id}/moten")
}

pub fn group_join(slug: &str, id: GroupId) -> String {
    under(slug, format_args!("grupper/{id}/ga-med"))
}

pub fn group_leave(slug: &str, id: GroupId) -> String {
    under(slug, format_args!("grupper/{id}/lamna"))
}

pub fn import(slug: &str) -> String {
    under(slug, "import")
}

pub fn import_file(slug: &str) -> String {
    under(slug, "import/fil")
}

pub fn import_confirm(slug: &str, draft: DraftId) -> String {
    under(slug, format_args!("import/{draft}"))
}

pub fn export_csv(slug: &str) -> String {
    under(slug, "export.csv")
}

pub fn export_xlsx(slug: &str) -> String {
    under(slug, "export.xlsx")
}

pub fn print(slug: &str) -> String {
    under(slug, "utskrift")
}

pub fn print_css(slug: &str) -> String {
    under(slug, "utskrift.css")
}

/// The plan as JSON: `/api/v1/{slug}/action-plan`.
pub fn api(slug: &str) -> String {
    format!("/api/v1/{slug}/action-plan")
}

/// The sign-in page, coming back to `next` afterwards.
pub fn login_then(next: &str) -> String {
    format!("/konto/logga-in?next={}", urlencoding::encode(next))
}
