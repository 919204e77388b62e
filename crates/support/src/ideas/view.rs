//! What the idea bank's pages, feed and letters say of an idea: the names of the principles in
//! force, the meetings and activities an idea links to (asked of the agreement, the meetings
//! and the action plan through their public functions, once a page), and the status as words.

use super::domain::{Category, Status, CATEGORIES, STATUSES};
use super::store::Idea;
use crate::paths;
use meetings::ids::MeetingId;
use platform::db::Db;
use platform::i18n::Tr;
use platform::MunicipalityId;
use std::collections::HashMap;

/// A meeting as an idea links to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingLink {
    pub number: Option<i64>,
    pub title: String,
    pub path: String,
    /// "12 maj 2018", for the coordinator's select.
    pub day: String,
}

/// The names a page needs, read once.
pub struct Labels {
    /// (number, name) of the principles in force.
    pub principles: Vec<(i64, String)>,
    pub meetings: HashMap<MeetingId, MeetingLink>,
}

impl Labels {
    /// The principles in force and the municipality's meetings.
    pub async fn of(db: &Db, m: MunicipalityId, slug: &str) -> Result<Labels, sqlx::Error> {
        let principles = agreement::public::principles_in_force(db, m)
            .await?
            .into_iter()
            .map(|p| (p.position, p.name))
            .collect();
        let meetings = meetings::public::meetings(db, m, slug)
            .await?
            .into_iter()
            .filter(|mt| !mt.cancelled)
            .map(|mt| {
                (
                    mt.id,
                    MeetingLink {
                        number: mt.number,
                        title: mt.title,
                        path: mt.path,
                        day: platform::format::date(mt.starts_at),
                    },
                )
            })
            .collect();
        Ok(Labels { principles, meetings })
    }

    /// The principles' numbers.
    pub fn numbers(&self) -> Vec<i64> {
        self.principles.iter().map(|p| p.0).collect()
    }

    /// "2. Dialog", or the number alone when the principle is no longer in force.
    pub fn principle(&self, n: i64) -> String {
        match self.principles.iter().find(|p| p.0 == n) {
            Some((_, name)) => format!("{n}. {name}"),
            None => n.to_string(),
        }
    }

    /// The status in words: "På dagordningen för dialogmöte 6" names the meeting.
    pub fn status(&self, tr: &Tr, i: &Idea) -> String {
        match (i.status, i.meeting_id.and_then(|id| self.meetings.get(&id))) {
            (Status::OnAgenda, Some(mt)) => meeting_status(tr, mt),
            (s, _) => tr.t(s.message_id()),
        }
    }
}

/// "På dagordningen för dialogmöte 6" (or the meeting's title when it has no number).
pub fn meeting_status(tr: &Tr, mt: &MeetingLink) -> String {
    match mt.number {
        Some(n) => tr.ta("support-ideas-status-on-agenda-n", &[("n", &n)]),
        None => tr.ta("support-ideas-status-on-agenda-title", &[("title", &mt.title)]),
    }
}

/// An option of a select: its value, its label and whether it is chosen.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub on: bool,
}

/// The list filter's selects: statuses, principles, categories and sortings.
pub struct Choices {
    pub statuses: Vec<Choice>,
    pub principles: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub sorts: Vec<Choice>,
}

pub fn choices(tr: &Tr, labels: &Labels, f: &super::domain::Filter) -> Choices {
    use super::domain::Sort;
    let all = |id: &str, on: bool| Choice {
        value: String::new(),
        label: tr.t(id),
        on,
    };
    let mut statuses = vec![all("support-ideas-filter-all-statuses", f.status.is_none())];
    statuses.extend(STATUSES.into_iter().map(|s| Choice {
        value: s.value().into(),
        label: tr.t(s.message_id()),
        on: f.status == Some(s),
    }));
    let mut principles = vec![all("support-ideas-filter-all-principles", f.principle.is_none())];
    principles.extend(labels.principles.iter().map(|(n, _)| Choice {
        value: n.to_string(),
        label: labels.principle(*n),
        on: f.principle == Some(*n),
    }));
    let mut categories = vec![all("support-ideas-filter-all-categories", f.category.is_none())];
    categories.extend(CATEGORIES.into_iter().map(|c| Choice {
        value: c.as_str().into(),
        label: tr.t(c.message_id()),
        on: f.category == Some(c),
    }));
    let sorts = [
        (Sort::Support, "support-ideas-sort-support"),
        (Sort::Newest, "support-ideas-sort-newest"),
    ]
    .into_iter()
    .map(|(s, id)| Choice {
        value: s.value().into(),
        label: tr.t(id),
        on: f.sort == s,
    })
    .collect();
    Choices {
        statuses,
        principles,
        categories,
        sorts,
    }
}

/// An idea with its words, for the list and the page.
pub struct Shown {
    pub i: Idea,
    pub href: String,
    pub status: String,
    /// "Kategori · princip · område · inskickad 7 dec 2026"
    pub meta: String,
    pub supports: String,
    pub comments: String,
}

pub fn shown(tr: &Tr, labels: &Labels, slug: &str, i: Idea) -> Shown {
    let mut meta = vec![tr.t(category_id(i.category))];
    if let Some(p) = i.principle {
        meta.push(labels.principle(p));
    }
    if !i.area.is_empty() {
        meta.push(i.area.clone());
    }
    meta.push(tr.ta(
        "support-ideas-submitted-on",
        &[("date", &platform::format::date(i.created_at))],
    ));
    Shown {
        href: paths::idea(slug, i.id),
        status: labels.status(tr, &i),
        meta: meta.join(" · "),
        supports: tr.tn("support-ideas-supports", "n", i.supports),
        comments: tr.tn("support-ideas-comments", "n", i.comments),
        i,
    }
}

fn category_id(c: Category) -> &'static str {
    c.message_id()
}
