//! The rules of the decisions feed, without I/O: the deciding bodies, the tags (a principle of
//! the agreement by number, a category from a fixed list), the list's filters as written in a
//! query string, and the checks of what staff type.

use crate::ids::{AttachmentId, DecisionId};
use platform::rules::{self, Invalid};
use platform::OrganisationId;

/// The longest title.
pub const TITLE_MAX: usize = 250;
/// The longest summary.
pub const SUMMARY_MAX: usize = 5_000;
/// The longest committee name.
pub const COMMITTEE_MAX: usize = 120;
/// The longest paragraph reference ("§ 112", "§ 112–113").
pub const PARAGRAPH_MAX: usize = 30;
/// The longest link to the protocol.
pub const URL_MAX: usize = 1_000;
/// The longest reason for a withdrawal.
pub const REASON_MAX: usize = 1_000;
/// How many associations of the registry the form offers to name.
pub const ORGANISATION_FIELDS: usize = 4;
/// The principles of the agreement, by number.
pub const PRINCIPLES: std::ops::RangeInclusive<i64> = 1..=6;
/// The largest attachment accepted, 10 MB.
pub const ATTACHMENT_MAX: usize = 10 * 1024 * 1024;
/// The body limit of the upload route: the attachment and the rest of the form.
pub const ATTACHMENT_BODY_MAX: usize = ATTACHMENT_MAX + 64 * 1024;
/// Decisions on one page of the list.
pub const PAGE_SIZE: i64 = 20;
/// Decisions on staff's list, the latest first.
pub const MANAGE_SIZE: i64 = 200;
/// Entries in a feed, the latest first.
pub const FEED_SIZE: i64 = 50;

/// The deciding body (stored as `council`, `board`, `committee`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Body {
    /// Kommunfullmäktige.
    Council,
    /// Kommunstyrelsen.
    Board,
    /// A committee (nämnd), named in the decision.
    Committee,
}

impl Body {
    pub const ALL: [Body; 3] = [Body::Council, Body::Board, Body::Committee];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Body::Council => "openness-body-council",
            Body::Board => "openness-body-board",
            Body::Committee => "openness-body-committee",
        }
    }
}

/// A filter by body as written in `?organ=`: `kommunfullmaktige`, `kommunstyrelsen`, or
/// `namnd-` and the committee's key (its name in ASCII, see [`committee_key`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyFilter {
    Council,
    Board,
    Committee(String),
}

impl BodyFilter {
    pub fn parse(s: &str) -> Option<BodyFilter> {
        match s {
            "kommunfullmaktige" => Some(BodyFilter::Council),
            "kommunstyrelsen" => Some(BodyFilter::Board),
            _ => {
                let key = s.strip_prefix("namnd-")?;
                (!key.is_empty() && committee_key(key) == key).then(|| BodyFilter::Committee(key.to_string()))
            }
        }
    }

    /// The value in the query string.
    pub fn value(&self) -> String {
        match self {
            BodyFilter::Council => "kommunfullmaktige".into(),
            BodyFilter::Board => "kommunstyrelsen".into(),
            BodyFilter::Committee(key) => format!("namnd-{key}"),
        }
    }

    /// The stored body and committee key it selects.
    pub fn stored(&self) -> (Body, &str) {
        match self {
            BodyFilter::Council => (Body::Council, ""),
            BodyFilter::Board => (Body::Board, ""),
            BodyFilter::Committee(key) => (Body::Committee, key),
        }
    }
}

/// A committee's key in filters and feed addresses: "Kultur- och fritidsnämnden" →
/// "kultur-och-fritidsnamnden".
pub fn committee_key(name: &str) -> String {
    rules::slugify(name)
}

/// What a decision is about, from a fixed list (stored as the Swedish slug, which is also the
/// tag's value in `?tagg=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
pub enum Category {
    /// The local agreement and its principles.
    #[strum(serialize = "overenskommelsen")]
    Agreement,
    /// The action plan and its follow-up.
    #[strum(serialize = "handlingsplan")]
    ActionPlan,
    /// Grants and support to associations.
    #[strum(serialize = "bidrag")]
    Grants,
    /// Premises and facilities.
    #[strum(serialize = "lokaler")]
    Premises,
    /// Policies and steering documents.
    #[strum(serialize = "styrdokument")]
    Policy,
    /// Budget, fees and charges.
    #[strum(serialize = "budget")]
    Budget,
    /// Dialog, consultation and citizens' proposals.
    #[strum(serialize = "dialog")]
    Dialog,
    /// Anything else.
    #[strum(serialize = "ovrigt")]
    Other,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Agreement,
        Category::ActionPlan,
        Category::Grants,
        Category::Premises,
        Category::Policy,
        Category::Budget,
        Category::Dialog,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Category::Agreement => "openness-category-agreement",
            Category::ActionPlan => "openness-category-action-plan",
            Category::Grants => "openness-category-grants",
            Category::Premises => "openness-category-premises",
            Category::Policy => "openness-category-policy",
            Category::Budget => "openness-category-budget",
            Category::Dialog => "openness-category-dialog",
            Category::Other => "openness-category-other",
        }
    }
}

/// A tag as written in `?tagg=`: `princip-1` … `princip-6`, or a category's slug.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Principle(i64),
    Category(Category),
}

impl Tag {
    pub fn parse(s: &str) -> Option<Tag> {
        if let Some(n) = s.strip_prefix("princip-") {
            let n: i64 = n.parse().ok()?;
            return PRINCIPLES.contains(&n).then_some(Tag::Principle(n));
        }
        s.parse().ok().map(Tag::Category)
    }

    pub fn value(self) -> String {
        match self {
            Tag::Principle(n) => format!("princip-{n}"),
            Tag::Category(c) => c.as_str().to_string(),
        }
    }
}

/// The list's and the feeds' filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub body: Option<BodyFilter>,
    pub tag: Option<Tag>,
    pub year: Option<i32>,
}

impl Filter {
    /// The filters from the query string's values; one that is not understood is left out.
    pub fn read(body: Option<&str>, tag: Option<&str>, year: Option<&str>) -> Filter {
        Filter {
            body: body.and_then(BodyFilter::parse),
            tag: tag.and_then(Tag::parse),
            year: year
                .and_then(|y| y.trim().parse::<i32>().ok())
                .filter(|y| (1900..=2200).contains(y)),
        }
    }

    /// The query string of these filters (with its `?`), or "" for none; `page` above 1 adds
    /// `sida`.
    pub fn query(&self, page: i64) -> String {
        let mut parts = vec![];
        if let Some(b) = &self.body {
            parts.push(format!("organ={}", b.value()));
        }
        if let Some(t) = self.tag {
            parts.push(format!("tagg={}", t.value()));
        }
        if let Some(y) = self.year {
            parts.push(format!("ar={y}"));
        }
        if page > 1 {
            parts.push(format!("sida={page}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The query string of the feeds for these filters (the year is not a feed's filter).
    pub fn feed_query(&self) -> String {
        Filter {
            year: None,
            ..self.clone()
        }
        .query(1)
    }
}

/// How many pages `total` decisions make (at least one).
pub fn pages(total: i64) -> i64 {
    ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1)
}

/// An attachment of a decision, as listed.
#[derive(Clone, Debug)]
pub struct Attachment {
    pub id: AttachmentId,
    pub file_name: String,
    pub size: i64,
}

impl Attachment {
    /// Its size as Swedish writes it: "12 kB".
    pub fn size_text(&self) -> String {
        format!("{}\u{a0}kB", (self.size + 1023) / 1024)
    }
}

/// A decision as stored, with its tags, associations and attachments.
#[derive(Clone, Debug)]
pub struct Decision {
    pub id: DecisionId,
    pub body: Body,
    pub committee: String,
    pub meeting_on: String,
    pub paragraph: String,
    pub title: String,
    pub summary: String,
    pub protocol_url: String,
    pub category: Category,
    pub principles: Vec<i64>,
    pub organisations: Vec<(OrganisationId, String)>,
    pub attachments: Vec<Attachment>,
    pub withdrawn_at: Option<i64>,
    pub withdrawn_reason: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A decision as its feeds show it: what [`Decision`] has but the protocol's link, the
/// associations and the attachments, which a feed does not write (read by
/// [`super::store::feed`] in one query).
#[derive(Clone, Debug)]
pub struct FeedDecision {
    pub id: DecisionId,
    pub body: Body,
    pub committee: String,
    pub meeting_on: String,
    pub paragraph: String,
    pub title: String,
    pub summary: String,
    pub category: Category,
    /// Its principles, in order.
    pub principles: Vec<i64>,
    pub withdrawn: bool,
    pub updated_at: i64,
}

impl Decision {
    /// The filter that selects this decision's body.
    pub fn body_filter(&self) -> BodyFilter {
        match self.body {
            Body::Council => BodyFilter::Council,
            Body::Board => BodyFilter::Board,
            Body::Committee => BodyFilter::Committee(committee_key(&self.committee)),
        }
    }

    pub fn withdrawn(&self) -> bool {
        self.withdrawn_at.is_some()
    }

    /// The summary's paragraphs (blank lines part them).
    pub fn paragraphs(&self) -> Vec<String> {
        self.summary
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    }
}

pub use crate::problem::Problem;

/// A decision as typed in the form.
pub struct Typed<'a> {
    pub body: &'a str,
    pub committee: &'a str,
    pub meeting_on: &'a str,
    pub paragraph: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub protocol_url: &'a str,
    pub category: &'a str,
    pub principles: Vec<bool>,
    pub organisations: Vec<&'a str>,
}

/// A decision that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub body: Body,
    pub committee: String,
    pub meeting_on: String,
    pub paragraph: String,
    pub title: String,
    pub summary: String,
    pub protocol_url: String,
    pub category: Category,
    pub principles: Vec<i64>,
    pub organisations: Vec<OrganisationId>,
}

/// A meeting's date: an ISO date between 1900 and 2200.
pub fn date(input: &str) -> Result<String, Problem> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Invalid::Required.into());
    }
    match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if (1900..=2200).contains(&chrono::Datelike::year(&d)) => Ok(d.format("%Y-%m-%d").to_string()),
        _ => Err(Problem::Id("openness-err-date")),
    }
}

/// A paragraph of the protocol: empty, or written as "§ 112" ("112", "§112" and "§ 112–113"
/// are taken too): a number first, then digits, letters, spaces and `-–,`.
pub fn paragraph(input: &str) -> Result<String, Problem> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    let rest = s.trim_start_matches('§').trim();
    if s.chars().count() > PARAGRAPH_MAX {
        return Err(Invalid::TooLong(PARAGRAPH_MAX).into());
    }
    let well_formed = rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '–' | ','));
    if well_formed {
        Ok(format!("§ {rest}"))
    } else {
        Err(Problem::Id("openness-err-paragraph"))
    }
}

/// A link to the protocol: empty, or an `http://` or `https://` address with a host.
pub fn protocol_url(input: &str) -> Result<String, Problem> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    if s.chars().count() > URL_MAX {
        return Err(Invalid::TooLong(URL_MAX).into());
    }
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or(Problem::Id("openness-err-url"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if host_ok
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\"".contains(c))
    {
        Ok(s.to_string())
    } else {
        Err(Problem::Id("openness-err-url"))
    }
}

/// Check what staff typed; every refused field with its reason. `organisations` are the
/// municipality's associations (an id not among them is refused).
pub fn check(t: &Typed<'_>, organisations: &[OrganisationId]) -> Result<Checked, Vec<(&'static str, Problem)>> {
    let mut errors: Vec<(&'static str, Problem)> = vec![];
    let mut keep = |name: &'static str, r: Result<String, Problem>| match r {
        Ok(v) => v,
        Err(p) => {
            errors.push((name, p));
            String::new()
        }
    };
    let body = t.body.parse::<Body>().ok();
    let committee = match body {
        Some(Body::Committee) => keep(
            "committee",
            rules::line(t.committee, COMMITTEE_MAX).map_err(Problem::from),
        ),
        _ => String::new(),
    };
    let meeting_on = keep("meeting_on", date(t.meeting_on));
    let paragraph = keep("paragraph", paragraph(t.paragraph));
    let title = keep("title", rules::line(t.title, TITLE_MAX).map_err(Problem::from));
    let summary = keep("summary", rules::text(t.summary, SUMMARY_MAX).map_err(Problem::from));
    let protocol_url = keep("protocol_url", protocol_url(t.protocol_url));
    let category = t.category.parse::<Category>().ok();
    let mut chosen: Vec<OrganisationId> = vec![];
    for (i, o) in t.organisations.iter().enumerate() {
        let o = o.trim();
        if o.is_empty() {
            continue;
        }
        match o.parse::<OrganisationId>() {
            Ok(id) if organisations.contains(&id) => {
                if !chosen.contains(&id) {
                    chosen.push(id);
                }
            }
            _ => errors.push((
                ORGANISATION_NAMES[i.min(ORGANISATION_FIELDS - 1)],
                Problem::Id("openness-err-organisation"),
            )),
        }
    }
    if body.is_none() {
        errors.push(("body", Problem::Id("openness-err-body")));
    }
    if category.is_none() {
        errors.push(("category", Problem::Id("openness-err-category")));
    }
    match (body, category) {
        (Some(body), Some(category)) if errors.is_empty() => Ok(Checked {
            body,
            committee,
            meeting_on,
            paragraph,
            title,
            summary,
            protocol_url,
            category,
            principles: PRINCIPLES
                .zip(t.principles.iter())
                .filter(|(_, on)| **on)
                .map(|(n, _)| n)
                .collect(),
            organisations: chosen,
        }),
        _ => Err(errors),
    }
}

/// The form's fields for the principles, 1 to 6.
pub const PRINCIPLE_NAMES: [&str; 6] = [
    "principle_1",
    "principle_2",
    "principle_3",
    "principle_4",
    "principle_5",
    "principle_6",
];

/// The form's fields for the associations.
pub const ORGANISATION_NAMES: [&str; ORGANISATION_FIELDS] =
    ["organisation_1", "organisation_2", "organisation_3", "organisation_4"];

#[cfg(test)]
mod tests;
