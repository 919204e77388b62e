//! The rules of the event calendar, without I/O: the fixed lists (audience, category, status),
//! the checks of what an association types, and the calendar's filters as written in a query
//! string. The times and the weekly recurrence are in [`super::schedule`].

use super::schedule::{self, Schedule};
use crate::decisions::domain::protocol_url;
use crate::ids::EventId;
use crate::problem::Problem;
use platform::rules::{self, Invalid};
use platform::OrganisationId;
use premises::public::RoomId;

/// The longest title.
pub const TITLE_MAX: usize = 200;
/// The longest description.
pub const DESCRIPTION_MAX: usize = 5_000;
/// The longest place, accessibility text and price.
pub const LINE_MAX: usize = 300;
/// The longest reason for declining an event.
pub const REASON_MAX: usize = 1_000;
/// The longest search text.
pub const SEARCH_MAX: usize = 100;
/// Events on one page of the list.
pub const PAGE_SIZE: usize = 20;

/// Who an event is for (stored as the Swedish word, which is also the filter's value).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Audience {
    Alla,
    Barn,
    Unga,
    Vuxna,
    Seniorer,
    Familjer,
}

impl Audience {
    pub const ALL: [Audience; 6] = [
        Audience::Alla,
        Audience::Barn,
        Audience::Unga,
        Audience::Vuxna,
        Audience::Seniorer,
        Audience::Familjer,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Audience::Alla => "openness-events-audience-alla",
            Audience::Barn => "openness-events-audience-barn",
            Audience::Unga => "openness-events-audience-unga",
            Audience::Vuxna => "openness-events-audience-vuxna",
            Audience::Seniorer => "openness-events-audience-seniorer",
            Audience::Familjer => "openness-events-audience-familjer",
        }
    }
}

/// What kind of event (stored as the Swedish slug, which is also the filter's value). Dialog
/// meetings of the meetings capability are `Dialog`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
pub enum Category {
    #[strum(serialize = "kultur")]
    Culture,
    #[strum(serialize = "idrott")]
    Sport,
    #[strum(serialize = "friluftsliv")]
    Outdoors,
    #[strum(serialize = "forelasning")]
    Talk,
    #[strum(serialize = "gemenskap")]
    Social,
    #[strum(serialize = "dialog")]
    Dialog,
    #[strum(serialize = "ovrigt")]
    Other,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Culture,
        Category::Sport,
        Category::Outdoors,
        Category::Talk,
        Category::Social,
        Category::Dialog,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Category::Culture => "openness-events-category-kultur",
            Category::Sport => "openness-events-category-idrott",
            Category::Outdoors => "openness-events-category-friluftsliv",
            Category::Talk => "openness-events-category-forelasning",
            Category::Social => "openness-events-category-gemenskap",
            Category::Dialog => "openness-events-category-dialog",
            Category::Other => "openness-events-category-ovrigt",
        }
    }
}

/// Where an event is in its moderation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// Waiting for the coordinator; seen only by its association and the municipality's staff.
    Pending,
    /// In the public calendar.
    Approved,
    /// Declined by the coordinator, with a reason its association reads.
    Declined,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::Pending => "openness-events-status-pending",
            Status::Approved => "openness-events-status-approved",
            Status::Declined => "openness-events-status-declined",
        }
    }

    /// The status of a new or changed event: a trusted association's (or the coordinator's
    /// own) is published at once, any other waits for the coordinator.
    pub fn on_save(trusted: bool) -> Status {
        if trusted {
            Status::Approved
        } else {
            Status::Pending
        }
    }
}

/// An event as stored: what was typed ([`Checked`], which it derefs to), its association's
/// name and where it is in its moderation.
#[derive(Clone, Debug)]
pub struct Event {
    pub id: EventId,
    pub organisation: String,
    pub status: Status,
    pub decline_reason: String,
    pub updated_at: i64,
    pub typed: Checked,
}

impl std::ops::Deref for Event {
    type Target = Checked;

    fn deref(&self) -> &Checked {
        &self.typed
    }
}

impl Event {
    pub fn is_public(&self) -> bool {
        self.status == Status::Approved
    }

    /// The description's paragraphs (blank lines part them).
    pub fn paragraphs(&self) -> Vec<String> {
        self.description
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// An event as typed in the form.
#[derive(Default)]
pub struct Typed<'a> {
    pub organisation: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub starts_on: &'a str,
    pub start_time: &'a str,
    pub ends_on: &'a str,
    pub end_time: &'a str,
    pub repeat_until: &'a str,
    pub skipped: &'a str,
    pub place: &'a str,
    pub room: &'a str,
    pub accessibility: &'a str,
    pub audience: &'a str,
    pub category: &'a str,
    pub price: &'a str,
    pub link: &'a str,
    pub registration_link: &'a str,
    pub area: &'a str,
}

/// An event that passed the checks. `place` is the free text, or the room's place when a
/// room was chosen (the caller fills it in from the premises).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub organisation_id: OrganisationId,
    pub title: String,
    pub description: String,
    pub schedule: Schedule,
    pub place: String,
    pub room_id: Option<RoomId>,
    pub accessibility: String,
    pub audience: Audience,
    pub category: Category,
    pub price: String,
    pub link: String,
    pub registration_link: String,
    /// The area (district) it is in, one of the municipality's; "" for none.
    pub area: String,
}

/// Check what was typed; every refused field with its reason. `organisations` are those the
/// person may publish for, `rooms` the municipality's rooms (an id not among them is refused),
/// `areas` the municipality's areas (another is refused; none is fine).
pub fn check(
    t: &Typed<'_>,
    organisations: &[OrganisationId],
    rooms: &[RoomId],
    areas: &[String],
) -> Result<Checked, Vec<(&'static str, Problem)>> {
    let mut errors: Vec<(&'static str, Problem)> = vec![];
    let mut keep = |name: &'static str, r: Result<String, Problem>| match r {
        Ok(v) => v,
        Err(p) => {
            errors.push((name, p));
            String::new()
        }
    };
    let line = |s: &str, max: usize| rules::line(s, max).map_err(Problem::from);
    let optional = |s: &str, max: usize| {
        if s.trim().is_empty() {
            Ok(String::new())
        } else {
            line(s, max)
        }
    };
    let title = keep("title", line(t.title, TITLE_MAX));
    let description = keep(
        "description",
        rules::text(t.description, DESCRIPTION_MAX).map_err(Problem::from),
    );
    let place = keep("place", optional(t.place, LINE_MAX));
    let accessibility = keep("accessibility", optional(t.accessibility, LINE_MAX));
    let price = keep("price", optional(t.price, LINE_MAX));
    let link = keep("link", protocol_url(t.link));
    let registration_link = keep("registration_link", protocol_url(t.registration_link));
    let schedule = match schedule::read(
        t.starts_on,
        t.start_time,
        t.ends_on,
        t.end_time,
        t.repeat_until,
        t.skipped,
    ) {
        Ok(s) => Some(s),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    let organisation_id = t
        .organisation
        .trim()
        .parse::<OrganisationId>()
        .ok()
        .filter(|o| organisations.contains(o));
    if organisation_id.is_none() {
        errors.push(("organisation", Problem::Id("openness-events-err-organisation")));
    }
    let room_id = match t.room.trim() {
        "" => None,
        r => match r.parse::<RoomId>() {
            Ok(id) if rooms.contains(&id) => Some(id),
            _ => {
                errors.push(("room", Problem::Id("openness-events-err-room")));
                None
            }
        },
    };
    if room_id.is_none() && place.is_empty() && !errors.iter().any(|e| e.0 == "place") {
        errors.push(("place", Problem::Id("openness-events-err-place")));
    }
    let audience = t.audience.parse::<Audience>().ok();
    if audience.is_none() {
        errors.push(("audience", Problem::Id("openness-events-err-audience")));
    }
    let category = t.category.parse::<Category>().ok();
    if category.is_none() {
        errors.push(("category", Problem::Id("openness-events-err-category")));
    }
    let area = t.area.trim().to_string();
    if !area.is_empty() && !areas.contains(&area) {
        errors.push(("area", Problem::Id("openness-events-err-area")));
    }
    match (organisation_id, schedule, audience, category) {
        (Some(organisation_id), Some(schedule), Some(audience), Some(category)) if errors.is_empty() => Ok(Checked {
            organisation_id,
            title,
            description,
            schedule,
            place,
            room_id,
            accessibility,
            audience,
            category,
            price,
            link,
            registration_link,
            area,
        }),
        _ => Err(errors),
    }
}

/// The text a search reads: lower case, every part on its own line.
pub fn search_text(parts: &[&str]) -> String {
    parts.iter().map(|p| p.to_lowercase()).collect::<Vec<_>>().join("\n")
}

/// The calendar's filters, as in `?kategori=…&malgrupp=…&tillganglighet=1&forening=…&omrade=…&q=…`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub category: Option<Category>,
    pub audience: Option<Audience>,
    /// Only events that say something of their accessibility.
    pub accessible: bool,
    pub organisation: Option<OrganisationId>,
    /// The search text, lower case and trimmed ("" for none).
    pub search: String,
    /// Only events in this area (district): the text of one of the municipality's areas.
    pub area: Option<String>,
}

impl Filter {
    /// The filters from the query string's values; one that is not understood is left out.
    pub fn read(
        category: Option<&str>,
        audience: Option<&str>,
        accessible: Option<&str>,
        organisation: Option<&str>,
        search: Option<&str>,
    ) -> Filter {
        let search: String = search
            .unwrap_or("")
            .trim()
            .chars()
            .filter(|c| !c.is_control())
            .take(SEARCH_MAX)
            .collect();
        Filter {
            area: None,
            category: category.and_then(|c| c.parse().ok()),
            audience: audience.and_then(|a| a.parse().ok()),
            accessible: matches!(accessible, Some("1" | "ja" | "on")),
            organisation: organisation.and_then(|o| o.trim().parse().ok()),
            search: search.to_lowercase(),
        }
    }

    /// These filters and the area of `?omrade=` (trimmed; none when empty or too long).
    pub fn in_area(self, area: Option<&str>) -> Filter {
        let area = area
            .map(str::trim)
            .filter(|a| !a.is_empty() && a.chars().count() <= LINE_MAX && !a.chars().any(char::is_control))
            .map(str::to_string);
        Filter { area, ..self }
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The query-string pairs of these filters (the search text not yet encoded).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![];
        if let Some(c) = self.category {
            v.push(("kategori", c.as_str().to_string()));
        }
        if let Some(a) = self.audience {
            v.push(("malgrupp", a.as_str().to_string()));
        }
        if self.accessible {
            v.push(("tillganglighet", "1".to_string()));
        }
        if let Some(o) = self.organisation {
            v.push(("forening", o.to_string()));
        }
        if let Some(a) = &self.area {
            v.push(("omrade", a.clone()));
        }
        if !self.search.is_empty() {
            v.push(("q", self.search.clone()));
        }
        v
    }

    /// These filters and `extra` as a query string (with its `?`), or "" for none.
    pub fn query(&self, extra: &[(&str, String)]) -> String {
        let parts: Vec<String> = self
            .pairs()
            .into_iter()
            .chain(extra.iter().map(|(k, v)| (*k, v.clone())))
            .map(|(k, v)| format!("{k}={}", urlencoding::encode(&v)))
            .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Whether an event (or a meeting, with its fixed category and audience, no association
    /// and no area; or a public booking, in its premises' area) passes the filters other than
    /// the search, which the store applies.
    pub fn admits(
        &self,
        category: Category,
        audience: Audience,
        accessibility: &str,
        organisation: Option<OrganisationId>,
        area: &str,
    ) -> bool {
        self.area.as_deref().is_none_or(|a| a == area.trim())
            && self.category.is_none_or(|c| c == category)
            && self.audience.is_none_or(|a| a == audience)
            && (!self.accessible || !accessibility.trim().is_empty())
            && self.organisation.is_none_or(|o| organisation == Some(o))
    }

    /// Whether a text (a meeting's title, place and theme) holds the search text.
    pub fn finds(&self, parts: &[&str]) -> bool {
        self.search.is_empty() || search_text(parts).contains(&self.search)
    }
}

/// A reason for declining: required, at most [`REASON_MAX`] characters.
pub fn reason(input: &str) -> Result<String, Invalid> {
    rules::required_text(input, REASON_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> Typed<'static> {
        Typed {
            organisation: "7",
            title: "Vinterkonsert",
            starts_on: "2026-12-14",
            start_time: "18:00",
            end_time: "20:00",
            place: "Aguélimuseet, Sala",
            audience: "alla",
            category: "kultur",
            link: "https://example.se/konsert",
            ..Typed::default()
        }
    }

    #[test]
    fn a_well_typed_event_passes() {
        let c = check(&typed(), &[OrganisationId::new(7)], &[], &[]).expect("passes");
        assert_eq!(c.title, "Vinterkonsert");
        assert_eq!(c.audience, Audience::Alla);
        assert_eq!(c.category, Category::Culture);
        assert_eq!(c.schedule.start_minute, 18 * 60);
        assert!(c.price.is_empty(), "no price: free of charge");
    }

    #[test]
    fn links_must_be_http_and_the_association_ones_own() {
        let t = Typed {
            registration_link: "javascript:alert(1)",
            link: "ftp://example.se",
            ..typed()
        };
        let errors = check(&t, &[OrganisationId::new(8)], &[], &[]).unwrap_err();
        let names: Vec<&str> = errors.iter().map(|e| e.0).collect();
        assert!(names.contains(&"registration_link"), "{names:?}");
        assert!(names.contains(&"link"), "{names:?}");
        assert!(names.contains(&"organisation"), "{names:?}");
    }

    #[test]
    fn a_place_or_a_room_is_needed_and_the_room_must_be_known() {
        let t = Typed { place: "", ..typed() };
        let errors = check(&t, &[OrganisationId::new(7)], &[], &[]).unwrap_err();
        assert_eq!(errors[0].0, "place");
        let t = Typed {
            place: "",
            room: "3",
            ..typed()
        };
        assert_eq!(
            check(&t, &[OrganisationId::new(7)], &[RoomId::new(3)], &[])
                .unwrap()
                .room_id,
            Some(RoomId::new(3))
        );
        assert_eq!(
            check(&t, &[OrganisationId::new(7)], &[RoomId::new(4)], &[]).unwrap_err()[0].0,
            "room"
        );
    }

    #[test]
    fn filters_read_and_write_the_query_string() {
        let f = Filter::read(Some("kultur"), Some("barn"), Some("1"), Some("12"), Some(" Kör "));
        assert_eq!(f.category, Some(Category::Culture));
        assert_eq!(f.audience, Some(Audience::Barn));
        assert!(f.accessible);
        assert_eq!(f.search, "kör");
        assert_eq!(
            f.query(&[("vy", "vecka".into())]),
            "?kategori=kultur&malgrupp=barn&tillganglighet=1&forening=12&q=k%C3%B6r&vy=vecka"
        );
        let junk = Filter::read(Some("x"), Some("y"), Some("no"), Some("z"), None);
        assert!(junk.is_empty());
        assert!(f.admits(
            Category::Culture,
            Audience::Barn,
            "Rullstol",
            Some(OrganisationId::new(12)),
            ""
        ));
        assert!(!f.admits(Category::Culture, Audience::Barn, "", Some(OrganisationId::new(12)), ""));
        assert!(!f.admits(Category::Culture, Audience::Barn, "Hörslinga", None, ""));
    }

    #[test]
    fn the_area_filter_admits_only_its_area_and_is_in_the_query_string() {
        let f = Filter::default().in_area(Some(" Möklinta "));
        assert_eq!(f.area.as_deref(), Some("Möklinta"));
        assert_eq!(f.query(&[]), "?omrade=M%C3%B6klinta");
        assert!(f.admits(Category::Culture, Audience::Alla, "", None, "Möklinta"));
        assert!(!f.admits(Category::Culture, Audience::Alla, "", None, "Sala tätort"));
        assert!(
            !f.admits(Category::Dialog, Audience::Alla, "", None, ""),
            "no area: not in one"
        );
        assert!(Filter::default().in_area(Some("  ")).is_empty());
        assert!(Filter::default().admits(Category::Culture, Audience::Alla, "", None, "Möklinta"));
    }

    #[test]
    fn an_area_must_be_one_of_the_municipality() {
        let areas = ["Möklinta".to_string(), "Sala tätort".to_string()];
        let ok = Typed {
            area: "Möklinta",
            ..typed()
        };
        assert_eq!(
            check(&ok, &[OrganisationId::new(7)], &[], &areas).unwrap().area,
            "Möklinta"
        );
        let none = check(&typed(), &[OrganisationId::new(7)], &[], &areas).unwrap();
        assert_eq!(none.area, "");
        let bad = Typed {
            area: "Atlantis",
            ..typed()
        };
        assert_eq!(
            check(&bad, &[OrganisationId::new(7)], &[], &areas).unwrap_err()[0].0,
            "area"
        );
    }
}
