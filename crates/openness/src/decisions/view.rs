//! How a decision is shown, on the pages and in the feeds: its body's name, the line under its
//! title, its tags with the list's address for each, and the filters' choices.

use super::domain::{Body, BodyFilter, Category, Decision, FeedDecision, Filter, Tag, PRINCIPLES};
use super::store;
use crate::paths;
use crate::principles::PrincipleNames;
use platform::i18n::Tr;
use platform::web::prelude::*;

/// The names the municipality gives things: its principles by number (from the agreement in
/// force; "Princip 5" alone when none is adopted).
pub(super) struct Labels {
    principles: PrincipleNames,
}

impl Labels {
    pub(super) async fn of(state: &AppState, m: &Municipality) -> AppResult<Labels> {
        Ok(Labels {
            principles: PrincipleNames::of(state, m).await?,
        })
    }

    pub(super) fn body(&self, tr: &Tr, body: Body, committee: &str) -> String {
        match body {
            Body::Committee => committee.to_string(),
            other => tr.t(other.message_id()),
        }
    }

    pub(super) fn body_filter(&self, tr: &Tr, f: &BodyFilter, committees: &[(Body, String)]) -> String {
        match f {
            BodyFilter::Council => tr.t(Body::Council.message_id()),
            BodyFilter::Board => tr.t(Body::Board.message_id()),
            BodyFilter::Committee(key) => committees
                .iter()
                .find(|(b, c)| *b == Body::Committee && super::domain::committee_key(c) == *key)
                .map(|(_, c)| c.clone())
                .unwrap_or_else(|| key.clone()),
        }
    }

    pub(super) fn tag(&self, tr: &Tr, tag: Tag) -> String {
        match tag {
            Tag::Principle(n) => self.principles.tag(tr, n),
            Tag::Category(c) => tr.t(c.message_id()),
        }
    }

    /// The decision's tags: its category first, then its principles.
    pub(super) fn tags(&self, tr: &Tr, d: &Decision) -> Vec<(Tag, String)> {
        std::iter::once(Tag::Category(d.category))
            .chain(d.principles.iter().map(|n| Tag::Principle(*n)))
            .map(|t| (t, self.tag(tr, t)))
            .collect()
    }

    /// "Kommunstyrelsen · 2018-06-07 · § 112".
    pub(super) fn meta(&self, tr: &Tr, d: &Decision) -> String {
        let mut parts = vec![self.body(tr, d.body, &d.committee), d.meeting_on.clone()];
        if !d.paragraph.is_empty() {
            parts.push(d.paragraph.clone());
        }
        parts.join(" · ")
    }
}

/// The names a feed writes, each asked of Fluent once per request however many entries use it
/// (fifty entries each named their body, category and principles through Fluent before).
pub(super) struct FeedNames<'a> {
    tr: &'a Tr,
    labels: &'a Labels,
    council: String,
    board: String,
    tags: Vec<(Tag, String)>,
}

impl<'a> FeedNames<'a> {
    pub(super) fn new(tr: &'a Tr, labels: &'a Labels) -> FeedNames<'a> {
        FeedNames {
            tr,
            labels,
            council: tr.t(Body::Council.message_id()),
            board: tr.t(Body::Board.message_id()),
            tags: Vec::new(),
        }
    }

    /// The body's name (a committee's is its own).
    pub(super) fn body<'d>(&'d self, d: &'d FeedDecision) -> &'d str {
        match d.body {
            Body::Council => &self.council,
            Body::Board => &self.board,
            Body::Committee => &d.committee,
        }
    }

    /// A tag's name.
    pub(super) fn tag(&mut self, t: Tag) -> String {
        if let Some((_, name)) = self.tags.iter().find(|(seen, _)| *seen == t) {
            return name.clone();
        }
        let name = self.labels.tag(self.tr, t);
        self.tags.push((t, name.clone()));
        name
    }

    /// The entry's categories: its body's name, its category's, then its principles'.
    pub(super) fn categories(&mut self, d: &FeedDecision) -> Vec<String> {
        let mut v = Vec::with_capacity(2 + d.principles.len());
        v.push(self.body(d).to_string());
        v.push(self.tag(Tag::Category(d.category)));
        for n in &d.principles {
            v.push(self.tag(Tag::Principle(*n)));
        }
        v
    }

    /// The title in a feed: "Kommunstyrelsen 2018-06-07 § 112: title", marked when withdrawn.
    pub(super) fn title(&self, d: &FeedDecision) -> String {
        let mut title = format!("{} {}", self.body(d), d.meeting_on);
        if !d.paragraph.is_empty() {
            title.push(' ');
            title.push_str(&d.paragraph);
        }
        title.push_str(": ");
        title.push_str(&d.title);
        if d.withdrawn {
            self.tr.ta("openness-feed-withdrawn", &[("title", &title)])
        } else {
            title
        }
    }
}

/// A decision as a list shows it.
pub(super) struct Shown {
    pub d: Decision,
    pub href: String,
    /// The body's name.
    pub body: String,
    pub meta: String,
    /// (label, the list filtered by the tag).
    pub tags: Vec<(String, String)>,
    pub withdrawn_on: Option<String>,
}

pub(super) fn shown(tr: &Tr, labels: &Labels, slug: &str, d: Decision) -> Shown {
    let list = paths::decisions(slug);
    Shown {
        href: paths::decision(slug, d.id),
        body: labels.body(tr, d.body, &d.committee),
        meta: labels.meta(tr, &d),
        tags: labels
            .tags(tr, &d)
            .into_iter()
            .map(|(t, label)| (label, format!("{list}?tagg={}", t.value())))
            .collect(),
        withdrawn_on: d.withdrawn_at.map(platform::format::date),
        d,
    }
}

/// One choice of a filter's select list.
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub on: bool,
}

/// The choices of the three filters: bodies that have decided something, every tag, and the
/// years of the decisions. Each list starts with "all".
pub(super) struct Choices {
    /// The bodies that have decided something: (body, committee name).
    pub used: Vec<(Body, String)>,
    pub bodies: Vec<Choice>,
    pub tags: Vec<Choice>,
    pub years: Vec<Choice>,
}

pub(super) async fn choices(
    state: &AppState,
    tr: &Tr,
    labels: &Labels,
    m: &Municipality,
    f: &Filter,
) -> AppResult<Choices> {
    let all = |id: &str, on: bool| Choice {
        value: String::new(),
        label: tr.t(id),
        on,
    };
    let used = store::bodies(&state.db, m.id).await?;
    let mut bodies = vec![all("openness-filter-all-bodies", f.body.is_none())];
    bodies.extend(used.iter().map(|(b, c)| {
        let bf = match b {
            Body::Council => BodyFilter::Council,
            Body::Board => BodyFilter::Board,
            Body::Committee => BodyFilter::Committee(super::domain::committee_key(c)),
        };
        Choice {
            on: f.body.as_ref() == Some(&bf),
            value: bf.value(),
            label: labels.body(tr, *b, c),
        }
    }));
    let mut tags = vec![all("openness-filter-all-tags", f.tag.is_none())];
    let every = PRINCIPLES
        .map(Tag::Principle)
        .chain(Category::ALL.into_iter().map(Tag::Category));
    tags.extend(every.map(|t| Choice {
        value: t.value(),
        label: labels.tag(tr, t),
        on: f.tag == Some(t),
    }));
    let mut years = vec![all("openness-filter-all-years", f.year.is_none())];
    years.extend(store::years(&state.db, m.id).await?.into_iter().map(|y| Choice {
        value: y.to_string(),
        label: y.to_string(),
        on: f.year == Some(y),
    }));
    Ok(Choices {
        used,
        bodies,
        tags,
        years,
    })
}

/// What the filters select, in words ("Kommunstyrelsen, Princip 5"), or `None` for none.
pub(super) fn filter_words(tr: &Tr, labels: &Labels, f: &Filter, committees: &[(Body, String)]) -> Option<String> {
    let mut parts = vec![];
    if let Some(b) = &f.body {
        parts.push(labels.body_filter(tr, b, committees));
    }
    if let Some(t) = f.tag {
        parts.push(labels.tag(tr, t));
    }
    if let Some(y) = f.year {
        parts.push(y.to_string());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}
