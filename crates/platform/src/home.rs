//! What is happening in a municipality: the panels of its start page. Each capability that has
//! something to show (the next meetings, deadlines, the plan's progress, new signatories) gives
//! a [`HomeFn`] in its [`crate::Capability`]; the start page (`crate::tenants::routes`) asks each
//! once, in a fixed number of queries per capability, and shows the panels in their `order`.
//! Plain data and rules: this module knows neither the request nor the state.

use crate::db::Db;
use crate::i18n::{Lang, Tr};
use crate::ids::MunicipalityId;
use chrono::{Datelike, NaiveDate};
use futures::future::BoxFuture;

/// A capability's panels for a municipality's start page: (database, the visitor's language,
/// municipality, its slug, now).
pub type HomeFn =
    for<'a> fn(&'a Db, &'a Tr, MunicipalityId, &'a str, i64) -> BoxFuture<'a, Result<Vec<Panel>, sqlx::Error>>;

/// A capability's count per municipality for the platform's front page, e.g. the associations
/// in each registry: one query across all municipalities. (database, now)
pub type TallyFn = for<'a> fn(&'a Db, i64) -> BoxFuture<'a, Result<Tally, sqlx::Error>>;

/// What a capability counts per municipality.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// Where it stands among the counts: lower first.
    pub order: u16,
    /// A message taking the count as `$n`, e.g. "{ $n } föreningar".
    pub message_id: &'static str,
    /// The count of each municipality that has any.
    pub counts: Vec<(MunicipalityId, i64)>,
}

/// A municipality's counts in the tallies' order: (message id, count), zero where a capability
/// has none for it.
pub fn counts_of(tallies: &[Tally], m: MunicipalityId) -> Vec<(&'static str, i64)> {
    tallies
        .iter()
        .map(|t| {
            let n = t.counts.iter().find(|(id, _)| *id == m).map_or(0, |(_, n)| *n);
            (t.message_id, n)
        })
        .collect()
}

/// A link with its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub label: String,
}

impl Link {
    pub fn new(href: impl Into<String>, label: impl Into<String>) -> Self {
        Link {
            href: href.into(),
            label: label.into(),
        }
    }
}

/// One thing in a panel: a meeting, a deadline, a signatory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Shown as a date badge (day and month) before the title.
    pub date: Option<NaiveDate>,
    pub title: String,
    pub href: String,
    /// A line under the title: time and place, kind, amount.
    pub meta: String,
    /// A call to act, e.g. "Anmäl dig".
    pub action: Option<Link>,
}

/// A compact bar chart with its numbers as a table (the text alternative): one row per thing
/// counted, one column per kind of count. The bars are drawn from the same numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    pub caption: String,
    /// The heading of the column that names the rows (e.g. "Princip").
    pub row_heading: String,
    /// The kinds of count, in the order the bar stacks them (e.g. done, ongoing, not started).
    pub columns: Vec<String>,
    pub rows: Vec<ChartRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartRow {
    pub label: String,
    pub href: Option<String>,
    pub values: Vec<u32>,
}

/// A stretch of a bar: where it starts and how wide it is, in percent of the widest row's total,
/// and which kind of count it is (for its colour).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub x: f64,
    pub width: f64,
    pub kind: usize,
}

impl Chart {
    /// The segments of each row's bar, scaled so the row with the largest total fills the width;
    /// empty counts leave no segment.
    pub fn bars(&self) -> Vec<Vec<Segment>> {
        let widest = self
            .rows
            .iter()
            .map(|r| r.values.iter().sum::<u32>())
            .max()
            .unwrap_or(0);
        self.rows
            .iter()
            .map(|r| {
                let mut x = 0.0;
                let mut segments = Vec::new();
                for (kind, &v) in r.values.iter().enumerate() {
                    if v == 0 || widest == 0 {
                        continue;
                    }
                    let width = f64::from(v) * 100.0 / f64::from(widest);
                    segments.push(Segment { x, width, kind });
                    x += width;
                }
                segments
            })
            .collect()
    }
}

/// A panel of the start page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panel {
    /// Lower comes first.
    pub order: u16,
    /// For the heading's id (`home-<key>`).
    pub key: &'static str,
    pub heading: String,
    pub items: Vec<Item>,
    /// Said when there are no items and no chart.
    pub empty: String,
    pub chart: Option<Chart>,
    pub more: Option<Link>,
}

impl Panel {
    pub fn new(order: u16, key: &'static str, heading: impl Into<String>, empty: impl Into<String>) -> Self {
        Panel {
            order,
            key,
            heading: heading.into(),
            items: Vec::new(),
            empty: empty.into(),
            chart: None,
            more: None,
        }
    }
}

/// A date badge: the day, the month's short name, and the year when it is not this year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Badge {
    pub day: u32,
    pub month: &'static str,
    pub year: Option<i32>,
}

/// The badge of `date` in the visitor's language ("7", "dec"), with the year when it is not
/// `this_year`.
pub fn badge(date: NaiveDate, lang: Lang, this_year: i32) -> Badge {
    const SV: [&str; 12] = [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let names = match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    };
    Badge {
        day: date.day(),
        month: names[date.month0() as usize],
        year: (date.year() != this_year).then_some(date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[u32]) -> ChartRow {
        ChartRow {
            label: String::new(),
            href: None,
            values: values.to_vec(),
        }
    }

    #[test]
    fn bars_are_scaled_to_the_largest_row_and_skip_empty_counts() {
        let chart = Chart {
            caption: String::new(),
            row_heading: String::new(),
            columns: vec![],
            rows: vec![row(&[2, 0, 2]), row(&[1, 1, 0]), row(&[0, 0, 0])],
        };
        let bars = chart.bars();
        assert_eq!(
            bars[0],
            vec![
                Segment {
                    x: 0.0,
                    width: 50.0,
                    kind: 0
                },
                Segment {
                    x: 50.0,
                    width: 50.0,
                    kind: 2
                }
            ]
        );
        assert_eq!(
            bars[1],
            vec![
                Segment {
                    x: 0.0,
                    width: 25.0,
                    kind: 0
                },
                Segment {
                    x: 25.0,
                    width: 25.0,
                    kind: 1
                }
            ]
        );
        assert!(bars[2].is_empty());
    }

    #[test]
    fn a_municipality_without_a_count_counts_zero() {
        let (a, b) = (MunicipalityId::new(1), MunicipalityId::new(2));
        let tallies = [
            Tally {
                order: 1,
                message_id: "x",
                counts: vec![(a, 3), (b, 5)],
            },
            Tally {
                order: 2,
                message_id: "y",
                counts: vec![(b, 1)],
            },
        ];
        assert_eq!(counts_of(&tallies, a), [("x", 3), ("y", 0)]);
        assert_eq!(counts_of(&tallies, b), [("x", 5), ("y", 1)]);
    }

    #[test]
    fn a_chart_of_nothing_draws_nothing() {
        let chart = Chart {
            caption: String::new(),
            row_heading: String::new(),
            columns: vec![],
            rows: vec![row(&[0, 0])],
        };
        assert_eq!(chart.bars(), vec![Vec::<Segment>::new()]);
    }

    #[test]
    fn badges_name_the_month_in_the_visitor_s_language_and_another_year() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 7).unwrap_or_default();
        let sv = badge(d, Lang::Sv, 2026);
        assert_eq!((sv.day, sv.month, sv.year), (7, "maj", None));
        let en = badge(d, Lang::En, 2027);
        assert_eq!((en.day, en.month, en.year), (7, "May", Some(2026)));
    }
}
