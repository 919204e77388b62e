//! The applicants' letters, in the language they applied in (Swedish or English), queued in
//! the transaction that causes them: the receipt with the case number, a completion request,
//! the decision (with its reason and how to appeal), the payout and a report reminder.

use crate::applications::store::Application;
use crate::programmes::domain::format_kronor;
use platform::i18n::{Lang, Tr};
use platform::mail::{queue, Email};
use platform::AppState;
use platform::MunicipalityId;

/// What every letter of one municipality needs.
pub struct Letters {
    pub catalog: std::sync::Arc<platform::i18n::Catalog>,
    /// `https://host` without a trailing slash.
    pub base: String,
    pub slug: String,
    pub municipality: String,
}

impl Letters {
    pub fn new(state: &AppState, slug: &str, municipality: &str) -> Letters {
        Letters {
            catalog: state.catalog.clone(),
            base: state.config.base_url.trim_end_matches('/').to_string(),
            slug: slug.to_string(),
            municipality: municipality.to_string(),
        }
    }

    fn tr(&self, lang: &str) -> Tr {
        Tr {
            lang: if lang == "en" { Lang::En } else { Lang::Sv },
            catalog: self.catalog.clone(),
        }
    }
}

/// The letter kinds; each has `grants-mail-{kind}-subject` and `-body` messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Letter {
    Receipt,
    /// To a second board member asked to co-sign.
    CoSign,
    Completion,
    Granted,
    Reduced,
    Rejected,
    Paid,
    ReportReminder,
    Recovery,
}

impl Letter {
    fn ids(self) -> (&'static str, &'static str) {
        match self {
            Letter::Receipt => ("grants-mail-receipt-subject", "grants-mail-receipt-body"),
            Letter::CoSign => ("grants-mail-co-sign-subject", "grants-mail-co-sign-body"),
            Letter::Completion => ("grants-mail-completion-subject", "grants-mail-completion-body"),
            Letter::Granted => ("grants-mail-granted-subject", "grants-mail-granted-body"),
            Letter::Reduced => ("grants-mail-reduced-subject", "grants-mail-reduced-body"),
            Letter::Rejected => ("grants-mail-rejected-subject", "grants-mail-rejected-body"),
            Letter::Paid => ("grants-mail-paid-subject", "grants-mail-paid-body"),
            Letter::ReportReminder => ("grants-mail-reminder-subject", "grants-mail-reminder-body"),
            Letter::Recovery => ("grants-mail-recovery-subject", "grants-mail-recovery-body"),
        }
    }
}

/// What a letter says besides the application: an amount, a reason or message, a date.
#[derive(Clone, Debug, Default)]
pub struct Details {
    pub amount_ore: i64,
    pub text: String,
    pub date: String,
}

/// Queues `letter` about `app` to its applicant (nothing when the applicant has no address).
#[allow(clippy::too_many_arguments)]
pub async fn send(
    conn: &mut sqlx::AnyConnection,
    l: &Letters,
    m: MunicipalityId,
    app: &Application,
    programme: &str,
    letter: Letter,
    details: &Details,
    now: i64,
) -> Result<(), sqlx::Error> {
    let to = app.applicant_email.clone().unwrap_or_default();
    send_to(conn, l, m, app, programme, letter, details, &to, now).await
}

/// Queues `letter` about `app` to `to` (nothing when `to` is empty), in the language the
/// application was made in.
#[allow(clippy::too_many_arguments)]
pub async fn send_to(
    conn: &mut sqlx::AnyConnection,
    l: &Letters,
    m: MunicipalityId,
    app: &Application,
    programme: &str,
    letter: Letter,
    details: &Details,
    to: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    if to.trim().is_empty() {
        return Ok(());
    }
    // The message arguments are built and dropped before the await (they are not `Send`).
    let mail = {
        let tr = l.tr(&app.lang);
        let url = format!("{}{}", l.base, crate::paths::application(&l.slug, app.id));
        let case = app.case_number.clone().unwrap_or_default();
        let amount = format_kronor(details.amount_ore);
        let args: [(&str, &dyn std::fmt::Display); 8] = [
            ("case", &case),
            ("association", &app.organisation_name),
            ("programme", &programme),
            ("municipality", &l.municipality),
            ("amount", &amount),
            ("text", &details.text),
            ("date", &details.date),
            ("url", &url),
        ];
        let (subject, body) = letter.ids();
        Email::new(to, tr.ta(subject, &args), tr.ta(body, &args))
    };
    queue(conn, Some(m), &mail, now).await?;
    Ok(())
}
