//! The feeds' documents and their caching rules, without I/O: RSS 2.0 written with the `rss`
//! crate, Atom with `atom_syndication`, from plain entries whose links are already absolute
//! (the news' feed writes its Atom here too). Conditional GET is in [`crate::conditional`].

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;

/// What a feed says of itself.
pub struct FeedInfo {
    pub title: String,
    pub description: String,
    /// The page the feed follows (absolute).
    pub page: String,
    /// The feed's own address (absolute).
    pub own: String,
    /// `sv` or `en`.
    pub language: String,
    /// The latest change of its entries (unix seconds; the epoch when there are none).
    pub updated: i64,
}

/// One entry.
pub struct Entry {
    /// The decision's page (absolute), also its id.
    pub link: String,
    pub title: String,
    pub summary: String,
    /// The meeting's day: the entry's date of publication.
    pub meeting_on: NaiveDate,
    /// When it was last changed (unix seconds).
    pub updated: i64,
    /// The body's name, the category's and the principles' (as categories of the entry).
    pub categories: Vec<String>,
}

/// A moment in Swedish local time, as the feeds write it (the offset kept, so the day is
/// Stockholm's).
fn local(unix: i64) -> DateTime<FixedOffset> {
    match Stockholm.timestamp_opt(unix, 0).single() {
        Some(t) => t.fixed_offset(),
        None => DateTime::<Utc>::UNIX_EPOCH.fixed_offset(),
    }
}

/// Midnight of a day in Stockholm.
pub fn day_start(d: NaiveDate) -> DateTime<FixedOffset> {
    let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    match Stockholm.from_local_datetime(&midnight).earliest() {
        Some(t) => t.fixed_offset(),
        None => midnight.and_utc().fixed_offset(),
    }
}

/// The RSS 2.0 document.
pub fn rss(info: &FeedInfo, entries: &[Entry]) -> String {
    let self_link = atom_syndication::Link {
        href: info.own.clone(),
        rel: "self".into(),
        mime_type: Some(super::RSS_TYPE.into()),
        ..Default::default()
    };
    let items = entries
        .iter()
        .map(|e| rss::Item {
            title: Some(e.title.clone()),
            link: Some(e.link.clone()),
            description: (!e.summary.is_empty()).then(|| e.summary.clone()),
            guid: Some(rss::Guid {
                value: e.link.clone(),
                permalink: true,
            }),
            pub_date: Some(day_start(e.meeting_on).to_rfc2822()),
            categories: e
                .categories
                .iter()
                .map(|c| rss::Category {
                    name: c.clone(),
                    domain: None,
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    rss::Channel {
        title: info.title.clone(),
        link: info.page.clone(),
        description: info.description.clone(),
        language: Some(info.language.clone()),
        last_build_date: Some(local(info.updated).to_rfc2822()),
        generator: Some("Överens".into()),
        atom_ext: Some(rss::extension::atom::AtomExtension { links: vec![self_link] }),
        items,
        ..Default::default()
    }
    .to_string()
}

/// The Atom document.
pub fn atom(info: &FeedInfo, entries: &[Entry]) -> String {
    let link = |href: &str, rel: &str, mime: &str| atom_syndication::Link {
        href: href.to_string(),
        rel: rel.to_string(),
        mime_type: Some(mime.to_string()),
        ..Default::default()
    };
    let entries = entries
        .iter()
        .map(|e| atom_syndication::Entry {
            title: atom_syndication::Text::plain(e.title.clone()),
            id: e.link.clone(),
            updated: local(e.updated),
            published: Some(day_start(e.meeting_on)),
            links: vec![link(&e.link, "alternate", "text/html")],
            summary: (!e.summary.is_empty()).then(|| atom_syndication::Text::plain(e.summary.clone())),
            categories: e
                .categories
                .iter()
                .map(|c| atom_syndication::Category {
                    term: c.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    let feed = atom_syndication::Feed {
        title: atom_syndication::Text::plain(info.title.clone()),
        id: info.own.clone(),
        updated: local(info.updated),
        subtitle: Some(atom_syndication::Text::plain(info.description.clone())),
        links: vec![
            link(&info.own, "self", super::ATOM_TYPE),
            link(&info.page, "alternate", "text/html"),
        ],
        generator: Some(atom_syndication::Generator {
            value: "Överens".into(),
            ..Default::default()
        }),
        lang: Some(info.language.clone()),
        entries,
        ..Default::default()
    };
    feed.to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_day_starts_at_midnight_in_stockholm() {
        let d = NaiveDate::from_ymd_opt(2018, 6, 7).unwrap();
        assert_eq!(day_start(d).to_rfc3339(), "2018-06-07T00:00:00+02:00");
        let d = NaiveDate::from_ymd_opt(2018, 2, 28).unwrap();
        assert_eq!(day_start(d).to_rfc2822(), "Wed, 28 Feb 2018 00:00:00 +0100");
    }
}
