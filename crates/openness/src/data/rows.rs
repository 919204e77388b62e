//! Each capability's public structs as a dataset's table: the columns (stable names, the JSON's
//! keys) and a row per item. Plain functions, no I/O; `gather` asks the capabilities.
//! Times are RFC 3339 in Swedish time (`2027-03-12T18:00:00+01:00`), days ISO dates, links
//! absolute (`base` is the site's address).

use super::domain::Table;
use crate::decisions::domain::Decision;
use crate::events::domain::Event;
use chrono::{NaiveDate, TimeZone};
use chrono_tz::Europe::Stockholm;
use serde_json::{json, Value};

/// A moment (unix seconds) in Swedish time, RFC 3339.
pub fn moment(unix: i64) -> Value {
    Stockholm
        .timestamp_opt(unix, 0)
        .single()
        .map_or(Value::Null, |t| json!(t.to_rfc3339()))
}

fn day(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| json!(d.format("%Y-%m-%d").to_string()))
}

/// The day (Swedish time) of a moment, for a table's change dates.
fn changed(unix: i64) -> Option<NaiveDate> {
    platform::format::local_date(unix)
}

pub const ASSOCIATIONS: &[&str] = &[
    "id",
    "name",
    "org_number",
    "legal_form",
    "categories",
    "mission",
    "website",
    "signed_agreement",
    "has_premises",
    "url",
];

/// The registry's public fields (no contact person, e-mail address or telephone number).
pub fn associations(base: &str, slug: &str, all: Vec<registry::public::DirectoryEntry>) -> Table {
    let days: Vec<_> = all.iter().filter_map(|a| changed(a.updated_at)).collect();
    let rows = all
        .into_iter()
        .map(|a| {
            vec![
                json!(a.id.get()),
                json!(a.name),
                json!(a.org_number),
                json!(a.legal_form),
                json!(a.categories),
                json!(a.mission),
                json!(a.website),
                json!(a.signed),
                json!(a.has_premises),
                json!(format!("{base}{}", registry::paths::organisation_at(slug, a.id))),
            ]
        })
        .collect();
    Table::new(ASSOCIATIONS, rows, days)
}

pub const SIGNATORIES: &[&str] = &[
    "signer",
    "kind",
    "organisation_id",
    "signed_by",
    "role",
    "signed_on",
    "channel",
];

/// The signatures in force, as the public signing book lists them.
pub fn signatories(all: Vec<signing::public::Signatory>) -> Table {
    let days: Vec<_> = all.iter().filter_map(|s| changed(s.created_at)).collect();
    let rows = all
        .into_iter()
        .map(|s| {
            vec![
                json!(s.signer),
                json!(s.kind),
                json!(s.organisation_id.map(|o| o.get())),
                json!(s.signed_by),
                json!(s.role),
                day(Some(s.signed_on)),
                json!(s.channel),
            ]
        })
        .collect();
    Table::new(SIGNATORIES, rows, days)
}

pub const ACTION_PLAN: &[&str] = &[
    "plan",
    "principle_number",
    "principle",
    "goal",
    "goal_owner",
    "activity_id",
    "activity",
    "time",
    "time_start",
    "time_end",
    "responsible",
    "responsible_unit",
    "status",
    "follow_up",
];

/// The current action plan, a row per activity with its principle and goal.
pub fn action_plan(all: Vec<actionplan::public::PlanRow>) -> Table {
    let days: Vec<_> = all.iter().filter_map(|a| changed(a.updated_at)).collect();
    let rows = all
        .into_iter()
        .map(|a| {
            vec![
                json!(a.plan),
                json!(a.principle_number),
                json!(a.principle),
                json!(a.goal),
                json!(a.goal_owner),
                json!(a.activity_id),
                json!(a.activity),
                json!(a.time),
                day(a.time_start),
                day(a.time_end),
                json!(a.responsible),
                json!(a.responsible_unit),
                json!(a.status),
                json!(a.follow_up),
            ]
        })
        .collect();
    Table::new(ACTION_PLAN, rows, days)
}

pub const MEETINGS: &[&str] = &[
    "id",
    "series",
    "number",
    "title",
    "theme",
    "starts_at",
    "ends_at",
    "place",
    "accessibility",
    "capacity",
    "cancelled",
    "url",
];

/// The dialog meetings, called off ones marked.
pub fn meetings(base: &str, all: Vec<meetings::public::PublicMeeting>) -> Table {
    let days: Vec<_> = all.iter().filter_map(|m| changed(m.updated_at)).collect();
    let rows = all
        .into_iter()
        .map(|m| {
            vec![
                json!(m.id.get()),
                json!(m.series),
                json!(m.number),
                json!(m.title),
                json!(m.theme),
                moment(m.starts_at),
                moment(m.ends_at),
                json!(m.place),
                json!(m.accessibility),
                json!(m.capacity),
                json!(m.cancelled),
                json!(format!("{base}{}", m.path)),
            ]
        })
        .collect();
    Table::new(MEETINGS, rows, days)
}

pub const DECISIONS: &[&str] = &[
    "id",
    "body",
    "committee",
    "meeting_on",
    "paragraph",
    "title",
    "summary",
    "category",
    "principles",
    "associations",
    "protocol_url",
    "withdrawn",
    "withdrawn_reason",
    "url",
];

/// The decisions feed's decisions, withdrawn ones marked.
pub fn decisions(base: &str, slug: &str, all: Vec<Decision>) -> Table {
    let days: Vec<_> = all.iter().filter_map(|d| changed(d.updated_at)).collect();
    let rows = all
        .into_iter()
        .map(|d| {
            vec![
                json!(d.id.get()),
                json!(d.body.as_str()),
                json!(d.committee),
                json!(d.meeting_on),
                json!(d.paragraph),
                json!(d.title),
                json!(d.summary),
                json!(d.category.as_str()),
                json!(d.principles),
                json!(d.organisations.iter().map(|o| o.1.as_str()).collect::<Vec<_>>()),
                json!(d.protocol_url),
                json!(d.withdrawn_at.is_some()),
                json!(d.withdrawn_reason),
                json!(format!("{base}{}", crate::paths::decision(slug, d.id))),
            ]
        })
        .collect();
    Table::new(DECISIONS, rows, days)
}

pub const EVENTS: &[&str] = &[
    "id",
    "title",
    "association",
    "starts_on",
    "start_time",
    "ends_on",
    "end_time",
    "repeats_weekly_until",
    "dates_left_out",
    "place",
    "accessibility",
    "audience",
    "category",
    "price",
    "link",
    "registration_link",
    "url",
];

/// A minute of the day as `HH:MM`.
fn clock(minute: i64) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// The approved events of the calendar (times in Swedish time, a weekly event once with its
/// last day and the dates left out).
pub fn events(base: &str, slug: &str, all: Vec<Event>) -> Table {
    let days: Vec<_> = all.iter().filter_map(|e| changed(e.updated_at)).collect();
    let rows = all
        .into_iter()
        .map(|e| {
            let s = &e.schedule;
            vec![
                json!(e.id.get()),
                json!(e.title),
                json!(e.organisation),
                day(Some(s.starts_on)),
                json!(clock(s.start_minute)),
                day(Some(s.ends_on)),
                json!(clock(s.end_minute)),
                day(s.repeat_until),
                json!(s
                    .skipped
                    .iter()
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .collect::<Vec<_>>()),
                json!(e.place),
                json!(e.accessibility),
                json!(e.audience.as_str()),
                json!(e.category.as_str()),
                json!(e.price),
                json!(e.link),
                json!(e.registration_link),
                json!(format!("{base}{}", crate::paths::event(slug, e.id))),
            ]
        })
        .collect();
    Table::new(EVENTS, rows, days)
}

pub const GRANT_DECISIONS: &[&str] = &[
    "decided_on",
    "association",
    "organisation_id",
    "programme",
    "outcome",
    "amount_sek",
    "years",
    "paid",
];

/// The published grant decisions (amounts in kronor, a year's for a multi-year grant).
pub fn grant_decisions(all: Vec<grants::public::GrantDecision>) -> Table {
    let days: Vec<_> = all.iter().map(|g| g.decided_on).collect();
    let rows = all
        .into_iter()
        .map(|g| {
            let kronor = if g.amount_ore % 100 == 0 {
                json!(g.amount_ore / 100)
            } else {
                json!(g.amount_ore as f64 / 100.0)
            };
            vec![
                day(Some(g.decided_on)),
                json!(g.association),
                json!(g.organisation_id.get()),
                json!(g.programme),
                json!(g.outcome),
                kronor,
                json!(g.years),
                json!(g.paid),
            ]
        })
        .collect();
    Table::new(GRANT_DECISIONS, rows, days)
}

pub const PREMISES: &[&str] = &[
    "room_id",
    "room",
    "premises",
    "owner",
    "address",
    "area",
    "capacity",
    "equipment",
    "accessibility",
    "booking_mode",
    "url",
];

/// The rooms in use with their premises (no contact address).
pub fn premises(base: &str, all: Vec<premises::public::RoomFacts>) -> Table {
    let days: Vec<_> = all.iter().filter_map(|r| changed(r.updated_at)).collect();
    let rows = all
        .into_iter()
        .map(|r| {
            vec![
                json!(r.id.get()),
                json!(r.name),
                json!(r.premises),
                json!(r.owner),
                json!(r.address),
                json!(r.area),
                json!(r.capacity),
                json!(r.equipment),
                json!(r.features.iter().map(|f| f.column()).collect::<Vec<_>>()),
                json!(r.booking_mode),
                json!(format!("{base}{}", r.path)),
            ]
        })
        .collect();
    Table::new(PREMISES, rows, days)
}
