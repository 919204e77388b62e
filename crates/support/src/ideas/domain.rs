//! The rules of the idea bank, without I/O: the statuses an idea goes through and which moves
//! between them the coordinator may make (a meeting for "på dagordningen", an activity for
//! "blir aktivitet", a reason for "avslutad"), the fixed categories, the list's filters and
//! sorting as written in a query string, and the checks of what people type.

use meetings::ids::MeetingId;
use platform::rules::{self, Invalid};

/// The longest title.
pub const TITLE_MAX: usize = 150;
/// The longest description.
pub const DESCRIPTION_MAX: usize = 5_000;
/// The longest area (a place or part of the municipality).
pub const AREA_MAX: usize = 100;
/// The longest comment.
pub const COMMENT_MAX: usize = 2_000;
/// The longest reason for closing an idea.
pub const REASON_MAX: usize = 1_000;
/// Ideas on the public list (the most supported or newest first).
pub const LIST_SIZE: i64 = 200;
/// Entries in the feed, the latest change first.
pub const FEED_SIZE: i64 = 30;

/// Where an idea is (stored as `new`, `preparing`, `on_agenda`, `activity`, `done`, `closed`;
/// `?status=ny` and so on in the list's query).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// Ny: submitted, not yet looked at.
    New,
    /// Under beredning: the municipality and civil society look into it.
    Preparing,
    /// På dagordningen för dialogmöte N: a meeting takes it up.
    OnAgenda,
    /// Blir aktivitet i handlingsplanen: an activity of the action plan carries it.
    Activity,
    /// Genomförd: done.
    Done,
    /// Avslutad: closed, with a reason.
    Closed,
}

pub const STATUSES: [Status; 6] = [
    Status::New,
    Status::Preparing,
    Status::OnAgenda,
    Status::Activity,
    Status::Done,
    Status::Closed,
];

impl Status {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The value in `?status=`.
    pub fn value(self) -> &'static str {
        match self {
            Status::New => "ny",
            Status::Preparing => "beredning",
            Status::OnAgenda => "dagordning",
            Status::Activity => "aktivitet",
            Status::Done => "genomford",
            Status::Closed => "avslutad",
        }
    }

    pub fn parse_value(s: &str) -> Option<Status> {
        STATUSES.into_iter().find(|k| k.value() == s)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::New => "support-ideas-status-new",
            Status::Preparing => "support-ideas-status-preparing",
            Status::OnAgenda => "support-ideas-status-on-agenda",
            Status::Activity => "support-ideas-status-activity",
            Status::Done => "support-ideas-status-done",
            Status::Closed => "support-ideas-status-closed",
        }
    }

    /// Whether people may still support it (not once it is done or closed).
    pub fn open(self) -> bool {
        !matches!(self, Status::Done | Status::Closed)
    }
}

/// The statuses the coordinator may move an idea to from `from`. An idea on the agenda may be
/// moved to another meeting's agenda; a closed idea may be taken up again; a done idea stays.
pub fn next(from: Status) -> &'static [Status] {
    use Status::*;
    match from {
        New => &[Preparing, OnAgenda, Activity, Closed],
        Preparing => &[OnAgenda, Activity, Done, Closed],
        OnAgenda => &[Preparing, OnAgenda, Activity, Done, Closed],
        Activity => &[Done, Closed],
        Done => &[],
        Closed => &[Preparing],
    }
}

/// Whether the coordinator may move an idea from `from` to `to`.
pub fn allowed(from: Status, to: Status) -> bool {
    next(from).contains(&to)
}

/// Where the coordinator moves an idea, with what the status needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Preparing,
    OnAgenda(MeetingId),
    /// An activity of the action plan (its id there).
    Activity(i64),
    Done,
    /// With the reason, as checked.
    Closed(String),
}

impl Target {
    pub fn status(&self) -> Status {
        match self {
            Target::Preparing => Status::Preparing,
            Target::OnAgenda(_) => Status::OnAgenda,
            Target::Activity(_) => Status::Activity,
            Target::Done => Status::Done,
            Target::Closed(_) => Status::Closed,
        }
    }
}

/// Why a move was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such status, or the idea cannot go there from where it is.
    NotAllowed,
    /// The same meeting's agenda again.
    Unchanged,
    MeetingRequired,
    ActivityRequired,
    ReasonRequired,
    ReasonTooLong,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::NotAllowed => "support-ideas-refused-not-allowed",
            Refusal::Unchanged => "support-ideas-refused-unchanged",
            Refusal::MeetingRequired => "support-ideas-refused-meeting",
            Refusal::ActivityRequired => "support-ideas-refused-activity",
            Refusal::ReasonRequired => "support-ideas-refused-reason",
            Refusal::ReasonTooLong => "support-ideas-refused-reason-long",
        }
    }
}

/// The coordinator's form read into a move: the status (its stored name), the meeting and the
/// activity (ids, as typed) and the reason. What the status needs must be there.
pub fn target(status: &str, meeting: &str, activity: &str, reason: &str) -> Result<Target, Refusal> {
    let status: Status = status.parse().map_err(|_| Refusal::NotAllowed)?;
    Ok(match status {
        Status::New => return Err(Refusal::NotAllowed),
        Status::Preparing => Target::Preparing,
        Status::OnAgenda => Target::OnAgenda(
            meeting
                .trim()
                .parse::<MeetingId>()
                .map_err(|_| Refusal::MeetingRequired)?,
        ),
        Status::Activity => Target::Activity(activity.trim().parse::<i64>().map_err(|_| Refusal::ActivityRequired)?),
        Status::Done => Target::Done,
        Status::Closed => match rules::text(reason, REASON_MAX) {
            Ok(r) if r.is_empty() => return Err(Refusal::ReasonRequired),
            Ok(r) => Target::Closed(r),
            Err(Invalid::TooLong(_)) => return Err(Refusal::ReasonTooLong),
            Err(_) => return Err(Refusal::ReasonRequired),
        },
    })
}

/// Whether an idea at `from` (on the agenda of `meeting`, if any) may be moved to `to`.
pub fn check(from: Status, meeting: Option<MeetingId>, to: &Target) -> Result<(), Refusal> {
    if !allowed(from, to.status()) {
        return Err(Refusal::NotAllowed);
    }
    if let Target::OnAgenda(m) = to {
        if from == Status::OnAgenda && meeting == Some(*m) {
            return Err(Refusal::Unchanged);
        }
    }
    Ok(())
}

/// The fixed categories (stored and written in `?kategori=` as these Swedish words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
pub enum Category {
    /// Lokaler: premises to meet in and lend.
    #[strum(serialize = "lokaler")]
    Premises,
    /// Utbildning och kunskap.
    #[strum(serialize = "utbildning")]
    Training,
    /// Dialog, nätverk och samverkan.
    #[strum(serialize = "samverkan")]
    Collaboration,
    /// Information och kommunikation.
    #[strum(serialize = "information")]
    Information,
    /// Aktiviteter och evenemang.
    #[strum(serialize = "aktiviteter")]
    Activities,
    /// Övrigt.
    #[strum(serialize = "ovrigt")]
    Other,
}

pub const CATEGORIES: [Category; 6] = [
    Category::Premises,
    Category::Training,
    Category::Collaboration,
    Category::Information,
    Category::Activities,
    Category::Other,
];

impl Category {
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Category::Premises => "support-ideas-category-premises",
            Category::Training => "support-ideas-category-training",
            Category::Collaboration => "support-ideas-category-collaboration",
            Category::Information => "support-ideas-category-information",
            Category::Activities => "support-ideas-category-activities",
            Category::Other => "support-ideas-category-other",
        }
    }
}

/// How the list is sorted (`?sortera=stod` or `?sortera=nyast`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// The most supported first (then the newest).
    #[default]
    Support,
    Newest,
}

impl Sort {
    pub fn value(self) -> &'static str {
        match self {
            Sort::Support => "stod",
            Sort::Newest => "nyast",
        }
    }
}

/// The list's filters and sorting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<Status>,
    /// A principle's number.
    pub principle: Option<i64>,
    pub category: Option<Category>,
    pub sort: Sort,
}

impl Filter {
    /// Read from the query string; what is not understood is left out.
    pub fn read(status: Option<&str>, principle: Option<&str>, category: Option<&str>, sort: Option<&str>) -> Filter {
        Filter {
            status: status.and_then(Status::parse_value),
            principle: principle
                .and_then(|p| p.trim().parse::<i64>().ok())
                .filter(|p| (1..=99).contains(p)),
            category: category.and_then(|c| c.parse().ok()),
            sort: match sort {
                Some("nyast") => Sort::Newest,
                _ => Sort::Support,
            },
        }
    }

    /// The query string that gives this filter (`?…`, or empty).
    pub fn query(&self) -> String {
        let mut parts = vec![];
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.value()));
        }
        if let Some(p) = self.principle {
            parts.push(format!("princip={p}"));
        }
        if let Some(c) = self.category {
            parts.push(format!("kategori={}", c.as_str()));
        }
        if self.sort != Sort::default() {
            parts.push(format!("sortera={}", self.sort.value()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// An idea as submitted, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub title: String,
    pub description: String,
    /// A principle of the agreement in force, by its number.
    pub principle: Option<i64>,
    pub category: Category,
    pub area: String,
}

/// What the submit form sends, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct Submitted {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub principle: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub area: String,
}

/// Check a submitted idea against the principles in force (their numbers): each wrong field
/// with why.
pub fn check_idea(s: &Submitted, principles: &[i64]) -> Result<Checked, Vec<(&'static str, Invalid)>> {
    let mut errors = vec![];
    let title = rules::line(&s.title, TITLE_MAX).map_err(|e| errors.push(("title", e)));
    let description =
        rules::required_text(&s.description, DESCRIPTION_MAX).map_err(|e| errors.push(("description", e)));
    let principle = match s.principle.trim() {
        "" => Ok(None),
        p => match p.parse::<i64>() {
            Ok(n) if principles.contains(&n) => Ok(Some(n)),
            _ => {
                errors.push(("principle", Invalid::Required));
                Err(())
            }
        },
    };
    let category = s
        .category
        .trim()
        .parse::<Category>()
        .map_err(|_| errors.push(("category", Invalid::Required)));
    let area = match s.area.trim() {
        "" => Ok(String::new()),
        a => rules::line(a, AREA_MAX).map_err(|e| errors.push(("area", e))),
    };
    match (title, description, principle, category, area) {
        (Ok(title), Ok(description), Ok(principle), Ok(category), Ok(area)) => Ok(Checked {
            title,
            description,
            principle,
            category,
            area,
        }),
        _ => Err(errors),
    }
}

/// Check a comment.
pub fn check_comment(body: &str) -> Result<String, Invalid> {
    rules::required_text(body, COMMENT_MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_moves_the_coordinator_may_make() {
        use Status::*;
        assert!(allowed(New, Preparing));
        assert!(allowed(New, OnAgenda));
        assert!(allowed(New, Activity));
        assert!(allowed(New, Closed));
        assert!(!allowed(New, Done), "an idea is not done before anyone looked at it");
        assert!(!allowed(New, New));
        assert!(allowed(Preparing, Done));
        assert!(!allowed(Preparing, Preparing));
        assert!(allowed(OnAgenda, OnAgenda), "to another meeting's agenda");
        assert!(allowed(Activity, Done));
        assert!(!allowed(Activity, Preparing));
        for to in STATUSES {
            assert!(!allowed(Done, to), "done is done: {to:?}");
            assert!(!allowed(to, New), "nothing goes back to new: {to:?}");
        }
        assert!(allowed(Closed, Preparing), "a closed idea may be taken up again");
        assert!(!allowed(Closed, Done));
    }

    #[test]
    fn a_move_needs_what_its_status_needs() {
        assert_eq!(target("closed", "", "", "  "), Err(Refusal::ReasonRequired));
        assert_eq!(target("closed", "", "", ""), Err(Refusal::ReasonRequired));
        assert_eq!(
            target("closed", "", "", " Finns redan i handlingsplanen. "),
            Ok(Target::Closed("Finns redan i handlingsplanen.".into()))
        );
        assert_eq!(
            target("closed", "", "", &"x".repeat(REASON_MAX + 1)),
            Err(Refusal::ReasonTooLong)
        );
        assert_eq!(target("on_agenda", "", "", ""), Err(Refusal::MeetingRequired));
        assert_eq!(target("on_agenda", "sex", "", ""), Err(Refusal::MeetingRequired));
        assert_eq!(
            target("on_agenda", "6", "", ""),
            Ok(Target::OnAgenda(MeetingId::new(6)))
        );
        assert_eq!(target("activity", "", "", ""), Err(Refusal::ActivityRequired));
        assert_eq!(target("activity", "", "12", ""), Ok(Target::Activity(12)));
        assert_eq!(target("new", "", "", ""), Err(Refusal::NotAllowed));
        assert_eq!(target("hemlig", "", "", ""), Err(Refusal::NotAllowed));
        assert_eq!(target("done", "", "", ""), Ok(Target::Done));
    }

    #[test]
    fn check_refuses_what_is_not_allowed_and_the_same_agenda() {
        let six = MeetingId::new(6);
        assert_eq!(check(Status::New, None, &Target::Done), Err(Refusal::NotAllowed));
        assert_eq!(check(Status::New, None, &Target::OnAgenda(six)), Ok(()));
        assert_eq!(
            check(Status::OnAgenda, Some(six), &Target::OnAgenda(six)),
            Err(Refusal::Unchanged)
        );
        assert_eq!(
            check(Status::OnAgenda, Some(six), &Target::OnAgenda(MeetingId::new(7))),
            Ok(())
        );
        assert_eq!(
            check(Status::Done, None, &Target::Closed("x".into())),
            Err(Refusal::NotAllowed)
        );
    }

    #[test]
    fn statuses_and_categories_are_stored_and_written_as_named() {
        for s in STATUSES {
            assert_eq!(s.as_str().parse::<Status>().unwrap(), s);
            assert_eq!(Status::parse_value(s.value()), Some(s));
        }
        assert_eq!(Status::OnAgenda.as_str(), "on_agenda");
        for c in CATEGORIES {
            assert_eq!(c.as_str().parse::<Category>().unwrap(), c);
        }
        assert_eq!(Category::Premises.as_str(), "lokaler");
        assert!(Status::Preparing.open());
        assert!(!Status::Closed.open());
    }

    #[test]
    fn filters_read_and_write_the_query() {
        let f = Filter::read(Some("dagordning"), Some("2"), Some("lokaler"), Some("nyast"));
        assert_eq!(f.status, Some(Status::OnAgenda));
        assert_eq!(f.principle, Some(2));
        assert_eq!(f.category, Some(Category::Premises));
        assert_eq!(f.sort, Sort::Newest);
        assert_eq!(f.query(), "?status=dagordning&princip=2&kategori=lokaler&sortera=nyast");
        let none = Filter::read(Some("x"), Some("-1"), Some("y"), Some("z"));
        assert_eq!(none, Filter::default());
        assert_eq!(none.query(), "");
    }

    #[test]
    fn an_idea_is_checked() {
        let ok = Submitted {
            title: " Dialog om lokaler ".into(),
            description: "Finns tillgängliga lokaler?".into(),
            principle: "2".into(),
            category: "lokaler".into(),
            area: String::new(),
        };
        let c = check_idea(&ok, &[1, 2, 3]).unwrap();
        assert_eq!(c.title, "Dialog om lokaler");
        assert_eq!(c.principle, Some(2));
        assert_eq!(c.category, Category::Premises);
        let bad = Submitted {
            title: String::new(),
            description: String::new(),
            principle: "9".into(),
            category: "x".into(),
            area: "y".repeat(AREA_MAX + 1),
        };
        let errors = check_idea(&bad, &[1, 2, 3]).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.0).collect();
        assert_eq!(fields, ["title", "description", "principle", "category", "area"]);
        assert_eq!(check_comment("  "), Err(Invalid::Required));
        assert_eq!(check_comment(" Bra idé! "), Ok("Bra idé!".into()));
    }
}
