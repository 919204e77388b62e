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
    let Some(to) = app.applicant_email.as_deref().filter(|e| !e.is_empty()) else {
        return Ok(());
    };
    let tr = l.tr(&app.lang);
    let url = format!("{}{}", l.base, crate::paths::application(&l.slug, app.id));
    let case = app.case_number.clone().unwrap_or_default();
    let amount = format_kronor(details.amount_ore);
    // The arguments (not `Send`) are gone before the await.
    let mail = {
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
