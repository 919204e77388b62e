//! The rules of news and good examples, without I/O: what an item is (the municipality's news
//! or an association's story), the states a story goes through, the tags (a principle of the
//! agreement by number, a category from a fixed list), the list's filters as written in a query
//! string, and the checks of what the coordinator or a representative types.

use super::NewsId;
use platform::rules::{self, Invalid};
use platform::{OrganisationId, UserId};

/// The longest title.
pub const TITLE_MAX: usize = 200;
/// The longest lead (ingress).
pub const LEAD_MAX: usize = 600;
/// The longest body, in Markdown.
pub const BODY_MAX: usize = 20_000;
/// The longest text alternative of the image.
pub const ALT_MAX: usize = 300;
/// The longest reason for declining a story.
pub const REASON_MAX: usize = 1_000;
/// The largest image accepted, 2 MB.
pub const IMAGE_MAX: usize = 2 * 1024 * 1024;
/// The body limit of the image route: the image and the rest of the form.
pub const IMAGE_BODY_MAX: usize = IMAGE_MAX + 16 * 1024;
/// Items on one page of the list.
pub const PAGE_SIZE: i64 = 10;
/// Items on the coordinator's and the representatives' lists.
pub const MANAGE_SIZE: i64 = 200;
/// Entries in the feed, the latest first.
pub const FEED_SIZE: i64 = 30;
/// The principles of the agreement, by number.
pub const PRINCIPLES: std::ops::RangeInclusive<i64> = 1..=6;
/// The form's checkboxes of the principles, in order.
pub const PRINCIPLE_NAMES: [&str; 6] = [
    "principle_1",
    "principle_2",
    "principle_3",
    "principle_4",
    "principle_5",
    "principle_6",
];

/// What an item is (stored as `news`, `story`; `?typ=nyheter` or `?typ=goda-exempel`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    /// The municipality's news, published by its coordinator or staff.
    News,
    /// An association's story, a good example ("gott exempel"), approved by the coordinator.
    Story,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The value in `?typ=`.
    pub fn value(self) -> &'static str {
        match self {
            Kind::News => "nyheter",
            Kind::Story => "goda-exempel",
        }
    }

    pub fn parse_value(s: &str) -> Option<Kind> {
        [Kind::News, Kind::Story].into_iter().find(|k| k.value() == s)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Kind::News => "openness-news-kind-news",
            Kind::Story => "openness-news-kind-story",
        }
    }
}

/// Where an item is (stored as `draft`, `submitted`, `published`, `declined`). News is
/// published as it is saved; a story is a draft of its association until sent, then waits for
/// the coordinator, who publishes it or declines it with a reason (it may be changed and sent
/// again).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    Draft,
    Submitted,
    Published,
    Declined,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::Draft => "openness-news-status-draft",
            Status::Submitted => "openness-news-status-submitted",
            Status::Published => "openness-news-status-published",
            Status::Declined => "openness-news-status-declined",
        }
    }

    /// Whether the association may still change the story (not while it waits, nor once
    /// published).
    pub fn editable_by_association(self) -> bool {
        matches!(self, Status::Draft | Status::Declined)
    }
}

/// What an item is about, from a fixed list (stored as the Swedish slug, also the tag's value
/// in `?tagg=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
pub enum Category {
    /// Collaboration between the municipality and civil society.
    #[strum(serialize = "samverkan")]
    Collaboration,
    /// Diversity and inclusion ("goda exempel på mångfald", seed 003).
    #[strum(serialize = "mangfald")]
    Diversity,
    /// The life of the associations.
    #[strum(serialize = "foreningsliv")]
    Associations,
    /// Culture and leisure.
    #[strum(serialize = "kultur-och-fritid")]
    Culture,
    /// Sport and outdoor life.
    #[strum(serialize = "idrott")]
    Sport,
    /// Anything else.
    #[strum(serialize = "ovrigt")]
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Collaboration,
        Category::Diversity,
        Category::Associations,
        Category::Culture,
        Category::Sport,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Category::Collaboration => "openness-news-category-collaboration",
            Category::Diversity => "openness-news-category-diversity",
            Category::Associations => "openness-news-category-associations",
            Category::Culture => "openness-news-category-culture",
            Category::Sport => "openness-news-category-sport",
            Category::Other => "openness-news-category-other",
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
        match s.strip_prefix("princip-") {
            Some(n) => n.parse().ok().filter(|n| PRINCIPLES.contains(n)).map(Tag::Principle),
            None => s.parse().ok().map(Tag::Category),
        }
    }

    pub fn value(self) -> String {
        match self {
            Tag::Principle(n) => format!("princip-{n}"),
            Tag::Category(c) => c.as_str().to_string(),
        }
    }
}

/// The public list's filters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<Kind>,
    pub tag: Option<Tag>,
}

impl Filter {
    /// The filters from the query string's values; one that is not understood is left out.
    pub fn read(kind: Option<&str>, tag: Option<&str>) -> Filter {
        Filter {
            kind: kind.and_then(Kind::parse_value),
            tag: tag.and_then(Tag::parse),
        }
    }

    /// The query string of these filters (with its `?`), or "" for none; `page` above 1 adds
    /// `sida`.
    pub fn query(&self, page: i64) -> String {
        let mut parts = vec![];
        if let Some(k) = self.kind {
            parts.push(format!("typ={}", k.value()));
        }
        if let Some(t) = self.tag {
            parts.push(format!("tagg={}", t.value()));
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
}

/// How many pages `total` items make (at least one).
pub fn pages(total: i64) -> i64 {
    ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1)
}

/// An item as stored.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: NewsId,
    pub kind: Kind,
    pub status: Status,
    /// The association of a story, with its name.
    pub organisation: Option<(OrganisationId, String)>,
    /// Who sent the story, and their name (none once their account is erased).
    pub submitted_by: Option<(UserId, String)>,
    pub title: String,
    pub lead: String,
    pub body: String,
    pub category: Category,
    pub principles: Vec<i64>,
    /// The day of publication, `YYYY-MM-DD` (empty until published, or the day asked for).
    pub published_on: String,
    /// The image's MIME type and text alternative, when there is an image.
    pub image: Option<(String, String)>,
    pub decline_reason: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Item {
    /// The item's tags: its category first, then its principles.
    pub fn tags(&self) -> Vec<Tag> {
        std::iter::once(Tag::Category(self.category))
            .chain(self.principles.iter().map(|n| Tag::Principle(*n)))
            .collect()
    }

    /// Whether the public may see it: published, on or after its day.
    pub fn public(&self, today: &str) -> bool {
        self.status == Status::Published && self.published_on.as_str() <= today
    }
}

pub use crate::problem::Problem;

/// An item as typed in the form.
pub struct Typed<'a> {
    pub title: &'a str,
    pub lead: &'a str,
    pub body: &'a str,
    pub category: &'a str,
    pub principles: Vec<bool>,
    pub published_on: &'a str,
}

/// An item that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub title: String,
    pub lead: String,
    pub body: String,
    pub category: Category,
    pub principles: Vec<i64>,
    /// `YYYY-MM-DD`, or empty: the day it is published.
    pub published_on: String,
}

/// A day of publication: empty, or an ISO date between 2000 and 2200.
pub fn date(input: &str) -> Result<String, Problem> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if (2000..=2200).contains(&chrono::Datelike::year(&d)) => Ok(d.format("%Y-%m-%d").to_string()),
        _ => Err(Problem::Id("openness-news-err-date")),
    }
}

/// Check what was typed; every refused field with its reason.
pub fn check(t: &Typed<'_>) -> Result<Checked, Vec<(&'static str, Problem)>> {
    let mut errors: Vec<(&'static str, Problem)> = vec![];
    let mut keep = |name: &'static str, r: Result<String, Problem>| match r {
        Ok(v) => v,
        Err(p) => {
            errors.push((name, p));
            String::new()
        }
    };
    let title = keep("title", rules::line(t.title, TITLE_MAX).map_err(Problem::from));
    let lead = keep("lead", rules::text(t.lead, LEAD_MAX).map_err(Problem::from));
    let body = keep("body", rules::text(t.body, BODY_MAX).map_err(Problem::from));
    let published_on = keep("published_on", date(t.published_on));
    let principles = PRINCIPLES
        .zip(t.principles.iter())
        .filter(|(_, on)| **on)
        .map(|(n, _)| n)
        .collect();
    match t.category.parse::<Category>() {
        Ok(category) if errors.is_empty() => Ok(Checked {
            title,
            lead,
            body,
            category,
            principles,
            published_on,
        }),
        Ok(_) => Err(errors),
        Err(_) => {
            errors.push(("category", Problem::Id("openness-news-err-category")));
            Err(errors)
        }
    }
}

/// An image's text alternative: required, one line.
pub fn alt(input: &str) -> Result<String, Invalid> {
    rules::line(input, ALT_MAX)
}

/// An image by its content, never its name: a PNG or a JPEG of at most [`IMAGE_MAX`]. Returns
/// its MIME type, or the message id of the reason.
pub fn image(bytes: &[u8]) -> Result<&'static str, &'static str> {
    use platform::upload::DocumentProblem;
    match platform::upload::check_document(bytes, IMAGE_MAX, true) {
        Ok(mime @ ("image/png" | "image/jpeg")) => Ok(mime),
        Err(DocumentProblem::Missing) => Err("openness-news-err-image-missing"),
        Err(DocumentProblem::TooLarge) => Err("openness-news-err-image-too-large"),
        _ => Err("openness-news-err-image-type"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn filters_read_and_write_their_query() {
        let f = Filter::read(Some("goda-exempel"), Some("princip-5"));
        assert_eq!(f.kind, Some(Kind::Story));
        assert_eq!(f.tag, Some(Tag::Principle(5)));
        assert_eq!(f.query(2), "?typ=goda-exempel&tagg=princip-5&sida=2");
        assert_eq!(Filter::read(Some("x"), Some("princip-7")), Filter::default());
        assert_eq!(Tag::parse("mangfald"), Some(Tag::Category(Category::Diversity)));
        assert_eq!(Filter::default().query(1), "");
    }

    #[test]
    fn a_form_is_checked() {
        let t = Typed {
            title: " Ny mötesplats ",
            lead: "Kort.",
            body: "**Text**",
            category: "mangfald",
            principles: vec![false, false, true, false, false, false],
            published_on: "",
        };
        let c = check(&t).unwrap();
        assert_eq!(c.title, "Ny mötesplats");
        assert_eq!(c.principles, vec![3]);
        assert_eq!(c.published_on, "");
        let bad = Typed {
            title: "",
            category: "nej",
            published_on: "31/12",
            ..t
        };
        let errors: Vec<&str> = check(&bad).unwrap_err().into_iter().map(|e| e.0).collect();
        assert_eq!(errors, vec!["title", "published_on", "category"]);
    }

    #[test]
    fn an_image_is_a_png_or_a_jpeg_by_its_content() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
        ];
        assert_eq!(image(&png), Ok("image/png"));
        assert_eq!(image(b"GIF89a...."), Err("openness-news-err-image-type"));
        assert_eq!(image(b""), Err("openness-news-err-image-missing"));
        assert!(alt("  ").is_err());
    }
}
