//! The rules of meetings, without I/O: parties, registration states, who gets a seat, local
//! Swedish time to stored instants, and the checks on what a coordinator or a participant types.

use crate::ids::SeriesId;
use chrono::{NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Europe::Stockholm;
use platform::features::Feature;
use platform::rules::{self, Invalid};
use premises::public::Room;
use serde::Serialize;

/// Which side of the collaboration a participant comes from (seed 002 counts them so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, PartialOrd, Ord, strum::EnumString, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Party {
    Municipality,
    CivilSociety,
    Politician,
    Guest,
}

impl Party {
    pub const ALL: [Party; 4] = [
        Party::Municipality,
        Party::CivilSociety,
        Party::Politician,
        Party::Guest,
    ];

    /// The stored text (`civil_society`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<Party> {
        s.parse().ok()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Party::Municipality => "meetings-party-municipality",
            Party::CivilSociety => "meetings-party-civil-society",
            Party::Politician => "meetings-party-politician",
            Party::Guest => "meetings-party-guest",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, strum::EnumString, strum::IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    Confirmed,
    Waiting,
    Cancelled,
}

impl Status {
    /// The stored text (`waiting`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Anything but a seat or the waiting list counts as cancelled.
    pub fn parse(s: &str) -> Status {
        s.parse().unwrap_or(Status::Cancelled)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::Confirmed => "meetings-status-confirmed",
            Status::Waiting => "meetings-status-waiting",
            Status::Cancelled => "meetings-status-cancelled",
        }
    }
}

/// A new registration gets a seat while seats are left, otherwise a place on the waiting list.
pub fn seat_for(capacity: Option<i64>, confirmed: i64) -> Status {
    match capacity {
        Some(c) if confirmed >= c => Status::Waiting,
        _ => Status::Confirmed,
    }
}

/// Whether registration is open at `now`: before the deadline (the whole deadline day counts,
/// it is stored as its last second) and before the meeting starts.
pub fn registration_open(deadline: Option<i64>, starts_at: i64, now: i64) -> bool {
    now < starts_at && deadline.is_none_or(|d| now <= d)
}

/// Days before a meeting that its reminder goes out, unless its series says otherwise.
pub const REMIND_DAYS: i64 = 2;
/// The longest lead time a series may set for its reminders.
pub const REMIND_DAYS_MAX: i64 = 60;

/// A series' reminder lead time as typed: a whole number of days, 0 (no reminder) to
/// [`REMIND_DAYS_MAX`].
pub fn parse_remind_days(s: &str) -> Option<i64> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (0..=REMIND_DAYS_MAX).contains(d))
}

/// Days after a meeting's end that a participant's own links (cancellation, "see and erase my
/// data") work; after that the municipality answers for the data.
pub const LINK_DAYS: i64 = 30;

/// Whether a participant's e-mailed link of a meeting that ends at `ends_at` works at `now`.
pub fn personal_link_valid(ends_at: i64, now: i64) -> bool {
    now <= ends_at + LINK_DAYS * 24 * 3600
}

/// A date and a time of day in Swedish local time, as unix seconds.
pub fn local(date: NaiveDate, time: NaiveTime) -> Option<i64> {
    Stockholm
        .from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.timestamp())
}

/// The last second of a day in Swedish local time.
pub fn end_of_day(date: NaiveDate) -> Option<i64> {
    local(date, NaiveTime::from_hms_opt(23, 59, 59)?)
}

/// `18:30` in Swedish local time.
pub fn clock(unix: i64) -> String {
    Stockholm
        .timestamp_opt(unix, 0)
        .single()
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default()
}

/// Parse `18:30` (or `18.30`, `1830`).
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim().replace('.', ":");
    NaiveTime::parse_from_str(&s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(&s, "%H%M"))
        .ok()
}

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Why a form value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Rule(Invalid),
    Date,
    Time,
    EndBeforeStart,
    Number,
    Party,
    Consent,
    Series,
    Closed,
    Already,
}

impl Problem {
    pub fn message_id(self) -> &'static str {
        match self {
            Problem::Rule(i) => i.message_id(),
            Problem::Date => "meetings-err-date",
            Problem::Time => "meetings-err-time",
            Problem::EndBeforeStart => "meetings-err-end-before-start",
            Problem::Number => "meetings-err-number",
            Problem::Party => "meetings-err-party",
            Problem::Consent => "meetings-err-consent",
            Problem::Series => "meetings-err-series",
            Problem::Closed => "meetings-err-closed",
            Problem::Already => "meetings-err-already",
        }
    }
}

pub type Problems = Vec<(&'static str, Problem)>;

/// What a coordinator types for a meeting, as text.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    pub series: String,
    pub number: String,
    pub title: String,
    pub theme: String,
    pub date: String,
    pub gathering: String,
    pub gathering_text: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub accessibility: String,
    pub agenda: String,
    pub contacts: String,
    pub capacity: String,
    pub deadline: String,
    pub consent_text: String,
    pub invitation_text: String,
    /// A room of the premises capability (its id), or empty for a place in free text only.
    pub room: String,
}

/// A checked meeting.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingInput {
    pub series_id: SeriesId,
    pub number: Option<i64>,
    pub title: String,
    pub theme: String,
    pub gathering_at: Option<i64>,
    pub gathering_text: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub accessibility: String,
    pub agenda: String,
    pub contacts: String,
    pub capacity: Option<i64>,
    pub registration_deadline: Option<i64>,
    pub consent_text: String,
    pub invitation_text: String,
    /// A room of the premises capability where the meeting is held.
    pub room_id: Option<premises::public::RoomId>,
}

fn opt_num(s: &str, field: &'static str, problems: &mut Problems) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    match s.parse::<i64>() {
        Ok(n) if n >= 0 => Some(n),
        _ => {
            problems.push((field, Problem::Number));
            None
        }
    }
}

fn text(s: &str, max: usize, field: &'static str, required: bool, problems: &mut Problems) -> String {
    let r = if required || !s.trim().is_empty() {
        rules::text(s, max)
    } else {
        Ok(String::new())
    };
    r.unwrap_or_else(|e| {
        problems.push((field, Problem::Rule(e)));
        String::new()
    })
}

fn line(s: &str, max: usize, field: &'static str, required: bool, problems: &mut Problems) -> String {
    let r = if required || !s.trim().is_empty() {
        rules::line(s, max)
    } else {
        Ok(String::new())
    };
    r.unwrap_or_else(|e| {
        problems.push((field, Problem::Rule(e)));
        String::new()
    })
}

impl MeetingForm {
    pub fn check(&self, series_ids: &[SeriesId]) -> Result<MeetingInput, Problems> {
        let mut p: Problems = vec![];
        let series_id = match self.series.trim().parse::<SeriesId>() {
            Ok(id) if series_ids.contains(&id) => id,
            _ => {
                p.push(("series", Problem::Series));
                SeriesId::new(0)
            }
        };
        let number = opt_num(&self.number, "number", &mut p);
        let title = line(&self.title, 200, "title", true, &mut p);
        let theme = text(&self.theme, 2000, "theme", false, &mut p);
        let date = parse_date(&self.date);
        if date.is_none() {
            p.push(("date", Problem::Date));
        }
        let mut time = |s: &str, field: &'static str, required: bool| -> Option<NaiveTime> {
            if s.trim().is_empty() && !required {
                return None;
            }
            let t = parse_time(s);
            if t.is_none() {
                p.push((field, Problem::Time));
            }
            t
        };
        let gathering = time(&self.gathering, "gathering", false);
        let start = time(&self.start, "start", true);
        let end = time(&self.end, "end", true);
        let at = |t: Option<NaiveTime>| date.zip(t).and_then(|(d, t)| local(d, t));
        let (starts_at, ends_at, gathering_at) = (at(start), at(end), at(gathering));
        if let (Some(s), Some(e)) = (starts_at, ends_at) {
            if e <= s {
                p.push(("end", Problem::EndBeforeStart));
            }
        }
        let gathering_text = line(&self.gathering_text, 200, "gathering_text", false, &mut p);
        let place = text(&self.place, 500, "place", true, &mut p);
        let accessibility = text(&self.accessibility, 2000, "accessibility", false, &mut p);
        let agenda = text(&self.agenda, 10_000, "agenda", false, &mut p);
        let contacts = text(&self.contacts, 2000, "contacts", false, &mut p);
        let capacity = opt_num(&self.capacity, "capacity", &mut p);
        let deadline = if self.deadline.trim().is_empty() {
            None
        } else {
            let d = parse_date(&self.deadline).and_then(end_of_day);
            if d.is_none() {
                p.push(("deadline", Problem::Date));
            }
            d
        };
        let consent_text = text(&self.consent_text, 2000, "consent_text", true, &mut p);
        let invitation_text = text(&self.invitation_text, 20_000, "invitation_text", false, &mut p);
        if !p.is_empty() {
            return Err(p);
        }
        Ok(MeetingInput {
            series_id,
            number,
            title,
            theme,
            gathering_at,
            gathering_text,
            starts_at: starts_at.unwrap_or_default(),
            ends_at: ends_at.unwrap_or_default(),
            place,
            accessibility,
            agenda,
            contacts,
            capacity,
            registration_deadline: deadline,
            consent_text,
            invitation_text,
            room_id: self.room.trim().parse().ok(),
        })
    }
}

/// The accessibility of a room as the invitation says it (message ids of the features it has).
pub fn accessibility_ids(features: &[Feature]) -> Vec<&'static str> {
    [
        (Feature::GroundFloor, "meetings-premises-ground-floor"),
        (Feature::StepFree, "meetings-premises-step-free"),
        (Feature::Lift, "meetings-premises-lift"),
        (Feature::AccessibleToilet, "meetings-premises-toilet"),
        (Feature::HearingLoop, "meetings-premises-hearing-loop"),
    ]
    .into_iter()
    .filter(|(f, _)| features.contains(f))
    .map(|(_, id)| id)
    .collect()
}

impl MeetingForm {
    /// A chosen room fills in the place and the accessibility when they are left empty; a room
    /// that is not one of the municipality's is dropped.
    pub fn with_room(mut self, all: &[Room], say: impl Fn(&str) -> String) -> MeetingForm {
        let chosen = self.room.trim().parse::<premises::public::RoomId>().ok();
        match chosen.and_then(|id| all.iter().find(|r| r.id == id)) {
            Some(r) => {
                if self.place.trim().is_empty() {
                    self.place = r.place();
                }
                if self.accessibility.trim().is_empty() {
                    self.accessibility = accessibility_ids(&r.features)
                        .into_iter()
                        .map(say)
                        .collect::<Vec<_>>()
                        .join(" ");
                }
            }
            None => self.room.clear(),
        }
        self
    }
}

/// What a participant types to register.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub party: String,
    pub dietary: String,
    pub accessibility: String,
    pub consent: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RegistrationInput {
    pub name: String,
    pub email: String,
    pub organisation: String,
    pub party: Party,
    pub dietary: String,
    pub accessibility: String,
}

impl RegistrationForm {
    pub fn check(&self) -> Result<RegistrationInput, Problems> {
        let mut p: Problems = vec![];
        let name = line(&self.name, 200, "name", true, &mut p);
        let email = match rules::Email::parse(&self.email) {
            Ok(e) => e.as_str().to_string(),
            Err(e) => {
                p.push(("email", Problem::Rule(e)));
                String::new()
            }
        };
        let organisation = line(&self.organisation, 200, "organisation", false, &mut p);
        let party = Party::parse(self.party.trim());
        if party.is_none() {
            p.push(("party", Problem::Party));
        }
        let dietary = text(&self.dietary, 1000, "dietary", false, &mut p);
        let accessibility = text(&self.accessibility, 1000, "accessibility", false, &mut p);
        if self.consent.is_none() {
            p.push(("consent", Problem::Consent));
        }
        match (p.is_empty(), party) {
            (true, Some(party)) => Ok(RegistrationInput {
                name,
                email,
                organisation,
                party,
                dietary,
                accessibility,
            }),
            _ => Err(p),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn personal_links_expire_thirty_days_after_the_meeting() {
        let end = 1_000_000;
        assert!(super::personal_link_valid(end, end - 1));
        assert!(super::personal_link_valid(end, end + 30 * 24 * 3600));
        assert!(!super::personal_link_valid(end, end + 30 * 24 * 3600 + 1));
    }

    #[test]
    fn the_last_seats_go_then_the_waiting_list() {
        assert_eq!(seat_for(Some(10), 9), Status::Confirmed);
        assert_eq!(seat_for(Some(10), 10), Status::Waiting);
        assert_eq!(seat_for(Some(0), 0), Status::Waiting);
        assert_eq!(seat_for(None, 1000), Status::Confirmed);
    }

    #[test]
    fn registration_closes_after_the_deadline_day() {
        let d = end_of_day(NaiveDate::from_ymd_opt(2018, 9, 18).unwrap()).unwrap();
        let start = local(
            NaiveDate::from_ymd_opt(2018, 9, 20).unwrap(),
            parse_time("19:00").unwrap(),
        )
        .unwrap();
        assert!(registration_open(Some(d), start, d));
        assert!(!registration_open(Some(d), start, d + 1));
        assert!(!registration_open(None, start, start));
    }

    #[test]
    fn swedish_evening_in_september_is_summer_time() {
        let t = local(
            NaiveDate::from_ymd_opt(2018, 9, 20).unwrap(),
            parse_time("18.30").unwrap(),
        )
        .unwrap();
        assert_eq!(platform::format::datetime(t), "2018-09-20 18:30");
        assert_eq!(clock(t), "18:30");
        assert_eq!(t % 86400, 16 * 3600 + 30 * 60);
    }

    #[test]
    fn a_meeting_that_ends_before_it_starts_is_refused() {
        let f = MeetingForm {
            series: "1".into(),
            title: "Dialogmöte 6".into(),
            date: "2018-09-20".into(),
            start: "21:00".into(),
            end: "19:00".into(),
            place: "Täljstenen".into(),
            consent_text: "Ja".into(),
            ..Default::default()
        };
        let p = f.check(&[SeriesId::new(1)]).unwrap_err();
        assert_eq!(p, vec![("end", Problem::EndBeforeStart)]);
    }

    #[test]
    fn registration_needs_consent_and_a_party() {
        let f = RegistrationForm {
            name: "Anna".into(),
            email: "anna@example.se".into(),
            ..Default::default()
        };
        let p = f.check().unwrap_err();
        assert!(p.contains(&("party", Problem::Party)));
        assert!(p.contains(&("consent", Problem::Consent)));
    }
}

#[cfg(test)]
mod room_tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_room_fills_in_place_and_accessibility_left_empty() {
        let room = Room {
            id: premises::public::RoomId::new(7),
            name: "Föreläsningssalen".into(),
            premises: "Täljstenen".into(),
            address: "Vasagatan 17, 733 38 Sala".into(),
            features: vec![Feature::GroundFloor, Feature::HearingLoop, Feature::Parking],
        };
        let f = MeetingForm {
            room: "7".into(),
            ..Default::default()
        }
        .with_room(std::slice::from_ref(&room), |id| id.to_string());
        assert_eq!(f.place, "Föreläsningssalen, Täljstenen, Vasagatan 17, 733 38 Sala");
        assert_eq!(
            f.accessibility,
            "meetings-premises-ground-floor meetings-premises-hearing-loop"
        );
        let other = MeetingForm {
            room: "8".into(),
            place: "Hemma".into(),
            ..Default::default()
        }
        .with_room(&[room], |id| id.to_string());
        assert_eq!((other.room.as_str(), other.place.as_str()), ("", "Hemma"));
        assert_eq!(Party::parse("civil_society"), Some(Party::CivilSociety));
        assert_eq!(Status::Waiting.as_str(), "waiting");
        assert_eq!(Status::parse("nonsense"), Status::Cancelled);
    }
}
