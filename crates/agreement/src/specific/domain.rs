//! The rules of the register of specific agreements, without I/O: the two kinds (an agreement
//! on one question or area, and an IOP), the status read from the period, the checks of what
//! the coordinator types, and the checks of an uploaded document.

use crate::domain::{self, FieldError};
use crate::ids::{DocumentId, SpecificId};
use platform::{DepartmentId, OrganisationId};

/// The longest subject line.
pub const SUBJECT_MAX: usize = 300;
/// The longest list of other parties (free text, one a line).
pub const PARTIES_MAX: usize = 1_000;
/// How many associations of the registry the form offers to name.
pub const ORGANISATION_FIELDS: usize = 4;
/// The largest document accepted, 10 MB.
pub const DOCUMENT_MAX: usize = 10 * 1024 * 1024;
/// The body limit of the upload route: the document and the rest of the form.
pub const DOCUMENT_BODY_MAX: usize = DOCUMENT_MAX + 64 * 1024;

/// What kind of specific agreement an entry is (stored as `specific` / `iop`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    /// An agreement on a specific question or area (seed 001).
    Specific,
    /// Idéburet offentligt partnerskap.
    Iop,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Specific, Kind::Iop];

    /// The stored text (and the value in the form and the filter).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Kind::Specific => "agreement-specific-kind-specific",
            Kind::Iop => "agreement-specific-kind-iop",
        }
    }
}

/// Where an agreement is in its life, read from its period and the coordinator's choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// Not published: only the coordinators see it.
    Draft,
    /// Published, its period not yet begun.
    Upcoming,
    /// Published and within its period.
    InForce,
    /// Its period is over, or the coordinator ended it.
    Ended,
}

impl Status {
    /// The statuses the public list filters by (a draft is never public).
    pub const PUBLIC: [Status; 3] = [Status::Upcoming, Status::InForce, Status::Ended];

    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::Draft => "agreement-specific-status-draft",
            Status::Upcoming => "agreement-specific-status-upcoming",
            Status::InForce => "agreement-specific-status-in-force",
            Status::Ended => "agreement-specific-status-ended",
        }
    }
}

/// The status on `today` (ISO dates compare as text): a draft stays a draft; an ended one, or
/// one whose last day has passed, is ended; one whose first day is ahead is upcoming.
pub fn status(published: bool, ended: bool, starts_on: &str, ends_on: Option<&str>, today: &str) -> Status {
    if !published {
        Status::Draft
    } else if ended || ends_on.is_some_and(|e| e < today) {
        Status::Ended
    } else if starts_on > today {
        Status::Upcoming
    } else {
        Status::InForce
    }
}

/// The last day when the coordinator ends an agreement: today, or its own last day if that
/// came earlier.
pub fn ended_on(ends_on: Option<&str>, today: &str) -> String {
    match ends_on {
        Some(e) if e < today => e.to_string(),
        _ => today.to_string(),
    }
}

/// A specific agreement as the pages show it.
#[derive(Clone, Debug)]
pub struct Specific {
    pub id: SpecificId,
    pub kind: Kind,
    pub title: String,
    pub subject: String,
    pub department_id: Option<DepartmentId>,
    /// The municipal party's name: the department's, or the municipality's.
    pub municipal_party: String,
    /// The associations of the registry, by name.
    pub organisations: Vec<(OrganisationId, String)>,
    /// Other parties, one a line.
    pub other_parties: String,
    pub starts_on: String,
    pub ends_on: Option<String>,
    pub published: bool,
    pub ended: bool,
    pub status: Status,
    pub description: String,
    pub documents: Vec<Document>,
}

impl Specific {
    pub fn other_party_lines(&self) -> Vec<String> {
        lines(&self.other_parties)
    }

    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        domain::paragraphs(&self.description)
    }

    /// Every party but the municipal one, as one line.
    pub fn civil_parties(&self) -> String {
        let mut v: Vec<String> = self.organisations.iter().map(|(_, n)| n.clone()).collect();
        v.extend(self.other_party_lines());
        v.join(", ")
    }
}

/// A document of an agreement (its bytes are read only for the download).
#[derive(Clone, Debug)]
pub struct Document {
    pub id: DocumentId,
    pub file_name: String,
    pub size: i64,
}

impl Document {
    /// Its size as Swedish writes it: "12 kB", "1,4 MB".
    pub fn size_text(&self) -> String {
        let kb = (self.size + 1023) / 1024;
        if kb < 1024 {
            format!("{kb}\u{a0}kB")
        } else {
            let tenths = (self.size * 10 + 524_288) / 1_048_576;
            format!("{},{}\u{a0}MB", tenths / 10, tenths % 10)
        }
    }
}

/// The non-empty lines of a text, trimmed.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

// --- Validation ---

/// An agreement as checked from the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub kind: Kind,
    pub title: String,
    pub subject: String,
    pub department_id: Option<DepartmentId>,
    pub organisations: Vec<OrganisationId>,
    pub other_parties: String,
    pub starts_on: String,
    pub ends_on: Option<String>,
    pub published: bool,
    pub description: String,
}

/// What was typed, as text.
#[derive(Default)]
pub struct Typed<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub subject: &'a str,
    pub department: &'a str,
    pub organisations: Vec<&'a str>,
    pub other_parties: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub published: bool,
    pub description: &'a str,
}

/// Why a field is refused, beyond [`FieldError`]: no civil-society party, or a period that ends
/// before it begins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecificError {
    Field(FieldError),
    NoParty,
    EndsBeforeStart,
}

impl SpecificError {
    pub fn message_id(self) -> &'static str {
        match self {
            SpecificError::Field(e) => e.message_id(),
            SpecificError::NoParty => "agreement-specific-err-no-party",
            SpecificError::EndsBeforeStart => "agreement-specific-err-period",
        }
    }
}

impl From<FieldError> for SpecificError {
    fn from(e: FieldError) -> Self {
        SpecificError::Field(e)
    }
}

/// Check the form: `departments` and `organisations` are the choices offered (an id not among
/// them is refused). Returns every field's error, by field name.
pub fn check(
    t: &Typed<'_>,
    departments: &[DepartmentId],
    organisations: &[OrganisationId],
) -> Result<Checked, Vec<(&'static str, SpecificError)>> {
    let mut errors: Vec<(&'static str, SpecificError)> = vec![];
    let mut note = |name: &'static str, e: SpecificError| errors.push((name, e));
    let kind = t
        .kind
        .parse::<Kind>()
        .map_err(|_| note("kind", FieldError::Choice.into()))
        .ok();
    let title = domain::name(t.title).map_err(|e| note("title", e.into())).ok();
    let subject = platform::rules::line(t.subject, SUBJECT_MAX)
        .map_err(|e| note("subject", FieldError::Rule(e).into()))
        .ok();
    let department_id = match t.department.trim() {
        "" => Some(None),
        s => match s.parse::<i64>().ok().map(DepartmentId::new) {
            Some(d) if departments.contains(&d) => Some(Some(d)),
            _ => {
                note("department", FieldError::Choice.into());
                None
            }
        },
    };
    let mut chosen: Vec<OrganisationId> = vec![];
    for (i, o) in t.organisations.iter().enumerate() {
        match o.trim() {
            "" => {}
            s => match s.parse::<i64>().ok().map(OrganisationId::new) {
                Some(id) if organisations.contains(&id) => {
                    if !chosen.contains(&id) {
                        chosen.push(id);
                    }
                }
                _ => note(
                    ORGANISATION_NAMES[i.min(ORGANISATION_FIELDS - 1)],
                    FieldError::Choice.into(),
                ),
            },
        }
    }
    let other_parties = platform::rules::text(t.other_parties, PARTIES_MAX)
        .map_err(|e| note("other_parties", FieldError::Rule(e).into()))
        .ok();
    let none_named = t.organisations.iter().all(|o| o.trim().is_empty());
    if none_named && other_parties.as_deref().is_some_and(|p| lines(p).is_empty()) {
        note("organisation_1", SpecificError::NoParty);
    }
    let starts_on = domain::date(t.starts_on).map_err(|e| note("starts_on", e.into())).ok();
    let ends_on = match t.ends_on.trim() {
        "" => Some(None),
        s => domain::date(s).map(Some).map_err(|e| note("ends_on", e.into())).ok(),
    };
    if let (Some(s), Some(Some(e))) = (&starts_on, &ends_on) {
        if e < s {
            note("ends_on", SpecificError::EndsBeforeStart);
        }
    }
    let description = domain::optional_text(t.description)
        .map_err(|e| note("description", e.into()))
        .ok();
    match (
        kind,
        title,
        subject,
        department_id,
        other_parties,
        starts_on,
        ends_on,
        description,
    ) {
        (
            Some(kind),
            Some(title),
            Some(subject),
            Some(department_id),
            Some(other_parties),
            Some(starts_on),
            Some(ends_on),
            Some(description),
        ) if errors.is_empty() => Ok(Checked {
            kind,
            title,
            subject,
            department_id,
            organisations: chosen,
            other_parties,
            starts_on,
            ends_on,
            published: t.published,
            description,
        }),
        _ => Err(errors),
    }
}

/// The names of the form's association fields.
pub const ORGANISATION_NAMES: [&str; ORGANISATION_FIELDS] =
    ["organisation_1", "organisation_2", "organisation_3", "organisation_4"];

// --- Documents ---

/// Why an uploaded document is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentProblem {
    Missing,
    TooLarge,
    /// Not a PDF or an office document (read from the content, not the name).
    Type,
}

impl DocumentProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            DocumentProblem::Missing => "agreement-specific-doc-missing",
            DocumentProblem::TooLarge => "agreement-specific-doc-too-large",
            DocumentProblem::Type => "agreement-specific-doc-type",
        }
    }
}

/// Check a document by its size and its content's type (a PDF or an office document); returns
/// its MIME type.
pub fn check_document(bytes: &[u8]) -> Result<&'static str, DocumentProblem> {
    platform::upload::check_document(bytes, DOCUMENT_MAX, false).map_err(|p| match p {
        platform::upload::DocumentProblem::Missing => DocumentProblem::Missing,
        platform::upload::DocumentProblem::TooLarge => DocumentProblem::TooLarge,
        platform::upload::DocumentProblem::Type => DocumentProblem::Type,
    })
}

/// A file name fit for a download header (`dokument` when nothing of the name is left).
pub fn file_name(sent: &str) -> String {
    platform::upload::download_name(sent, "dokument")
}

#[cfg(test)]
mod tests;
