//! An application's rules, without I/O: the case number in the municipality's format, the
//! steps of a case and who may take each, the decision's reason rule and the attachment checks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// "KFN 2027/0042": the municipality's prefix (its nämnd's abbreviation), the year and the
/// year's running number, four digits at least.
pub fn case_number(prefix: &str, year: i32, number: u32) -> String {
    let prefix = prefix.trim();
    if prefix.is_empty() {
        format!("{year}/{number:04}")
    } else {
        format!("{prefix} {year}/{number:04}")
    }
}

/// Where a case stands; the code is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Saved by the applicant, not sent.
    Draft,
    /// Sent, waiting for a second board member's signature before it counts.
    AwaitingCoSignature,
    /// Sent; the applicant may still change it until the deadline.
    Submitted,
    /// A handler has taken the case.
    InReview,
    /// The handler asked for more; the applicant may change it until the completion deadline.
    CompletionRequested,
    /// The handler proposed a decision; a person with the decision role decides.
    Proposed,
    Granted,
    /// Granted with less than applied for.
    Reduced,
    Rejected,
    Paid,
}

/// What someone does to a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Submit { co_signature_required: bool },
    CoSign,
    Edit,
    Take,
    RequestCompletion,
    Propose,
    Decide(Outcome),
    MarkPaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Granted,
    Reduced,
    Rejected,
}

/// Who is acting, as far as a case is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// A representative of the applying association.
    Applicant,
    /// Another board member asked to co-sign.
    CoSigner,
    Handler,
    /// A person with the decision role (delegation: a nämnd or a manager).
    Decider,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// This actor may not take this step.
    NotAllowed,
    /// Not from the case's current status.
    WrongStatus,
    /// The deadline (the period's, or the completion's) has passed.
    PastDeadline,
}

/// The status after `step`, or why it cannot be taken. `open` tells whether the applicant's
/// deadline (the period's, or the completion request's) is still ahead.
pub fn next(status: Status, step: Step, actor: Actor, open: bool) -> Result<Status, Refusal> {
    use Actor::*;
    use Status::*;
    let allowed = match step {
        Step::Submit { .. } | Step::Edit => actor == Applicant,
        Step::CoSign => actor == CoSigner,
        Step::Take | Step::RequestCompletion | Step::Propose => matches!(actor, Handler | Decider),
        Step::Decide(_) => actor == Decider,
        Step::MarkPaid => matches!(actor, Handler | Decider),
    };
    if !allowed {
        return Err(Refusal::NotAllowed);
    }
    let applicant_step = matches!(step, Step::Submit { .. } | Step::Edit);
    if applicant_step && !open {
        return match (status, step) {
            (Draft | Submitted | CompletionRequested, _) => Err(Refusal::PastDeadline),
            _ => Err(Refusal::WrongStatus),
        };
    }
    match (status, step) {
        (
            Draft,
            Step::Submit {
                co_signature_required: true,
            },
        ) => Ok(AwaitingCoSignature),
        (Draft | CompletionRequested, Step::Submit { .. }) => Ok(Submitted),
        (AwaitingCoSignature, Step::CoSign) => Ok(Submitted),
        (Draft | Submitted | CompletionRequested, Step::Edit) => Ok(status),
        (Submitted, Step::Take) => Ok(InReview),
        (InReview, Step::RequestCompletion) => Ok(CompletionRequested),
        (InReview, Step::Propose) => Ok(Proposed),
        (Proposed, Step::Decide(Outcome::Granted)) => Ok(Granted),
        (Proposed, Step::Decide(Outcome::Reduced)) => Ok(Reduced),
        (Proposed, Step::Decide(Outcome::Rejected)) => Ok(Rejected),
        (Granted | Reduced, Step::MarkPaid) => Ok(Paid),
        _ => Err(Refusal::WrongStatus),
    }
}

/// The outcome a decided amount means against what was applied for.
pub fn outcome_of(applied_ore: i64, decided_ore: i64) -> Outcome {
    if decided_ore <= 0 {
        Outcome::Rejected
    } else if decided_ore < applied_ore {
        Outcome::Reduced
    } else {
        Outcome::Granted
    }
}

/// A rejection or a reduced amount needs a written reason (seed 004: "tex vid avslag på
/// ansökningar för att öka förståelsen").
pub fn reason_required(outcome: Outcome) -> bool {
    matches!(outcome, Outcome::Rejected | Outcome::Reduced)
}

// --- Reports ---

/// How many months after a multi-year grant's year its report is due.
pub const REPORT_MONTHS_AFTER_YEAR: u32 = 2;

/// Which reports a decided grant asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reports {
    None,
    /// One report, due on the date.
    Once(NaiveDate),
    /// A report for each year, due `months_after` months after the year (from `starts_on`) ends.
    Yearly {
        starts_on: NaiveDate,
        months_after: u32,
    },
}

/// The reports a grant of these rules asks for: each year's of a multi-year grant (the years
/// counted from the period's start), one after a project (weeks after it ends; the period's end
/// when the application gives none), none for the other kinds.
pub fn reports_of(
    rules: &crate::programmes::domain::Rules,
    period_starts: NaiveDate,
    project_ends: NaiveDate,
) -> Reports {
    use crate::programmes::domain::Rules;
    match rules {
        Rules::MultiYear(_) => Reports::Yearly {
            starts_on: period_starts,
            months_after: REPORT_MONTHS_AFTER_YEAR,
        },
        Rules::Project(r) => Reports::Once(r.report_by(project_ends)),
        _ => Reports::None,
    }
}

// --- Activity support ---

/// What the handler proposes for each open activity-support application of a period: its
/// claim counted from attendance, shared when the claims exceed what is left of the budget
/// (each by the same share, rounded down, so the sum never exceeds it; the national LOK-stöd's
/// "budget ÷ eligible units"). Returns the proposals in the claims' order and the share paid in
/// hundredths of a per cent (`None` when every claim fits).
pub fn activity_proposals(claims: &[i64], budget_left_ore: i64) -> (Vec<i64>, Option<i64>) {
    let proposed = crate::activity::domain::prorate(Some(budget_left_ore.max(0)), claims);
    let total: i128 = claims.iter().map(|c| i128::from((*c).max(0))).sum();
    let share = (total > i128::from(budget_left_ore.max(0)))
        .then(|| (i128::from(budget_left_ore.max(0)) * 10_000 / total.max(1)) as i64);
    (proposed, share)
}

/// A share in hundredths of a per cent as Swedish writes it: 4 827 is "48,27 %".
pub fn percent(basis_points: i64) -> String {
    format!("{},{:02}\u{a0}%", basis_points / 100, basis_points % 100)
}

// --- Attachments ---

/// The largest attachment accepted, 10 MB.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

/// The kinds of file an application may carry, read from the file's content (not its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Image,
    /// Word, Excel, PowerPoint (Office Open XML or the older binary formats) and OpenDocument.
    Office,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    Empty,
    TooLarge,
    /// Not a PDF, an image or an office document.
    Type,
}

impl FileProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            FileProblem::Empty => "grants-file-empty",
            FileProblem::TooLarge => "grants-file-too-large",
            FileProblem::Type => "grants-file-type",
        }
    }
}

/// Checks an attached file by its size and its content's type (the name's extension is not
/// trusted); returns its kind and MIME type.
pub fn check_attachment(bytes: &[u8]) -> Result<(FileKind, &'static str), FileProblem> {
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let t = infer::get(bytes).ok_or(FileProblem::Type)?;
    let mime = t.mime_type();
    let kind = match t.matcher_type() {
        _ if mime == "application/pdf" => FileKind::Pdf,
        infer::MatcherType::Image
            if matches!(
                mime,
                "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/heif" | "image/tiff"
            ) =>
        {
            FileKind::Image
        }
        infer::MatcherType::Doc => FileKind::Office,
        _ => return Err(FileProblem::Type),
    };
    Ok((kind, mime))
}

#[cfg(test)]
mod tests;
