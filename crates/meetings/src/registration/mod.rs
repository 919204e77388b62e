//! Registration: a seat while there are seats, then the waiting list; cancellation by the
//! e-mailed link, which gives the seat to the first one waiting; participants and attendance.
//!
//! The flows below are the one place where a registration's change and its letters meet: the
//! store changes and says what happened, the letters are built and queued in the same
//! transaction.

mod confirm;
mod pages;
pub mod pending;
mod routes;
pub mod store;

pub use routes::router;

use crate::ids::MeetingId;
use crate::letters::Letters;
use crate::store::Meeting;
use platform::audit::Change;
use platform::db;
use platform::mail;
use platform::tenants::Municipality;
use platform::AppState;
use sqlx::AnyConnection;
use store::Promoted;

/// Register for a meeting now (a seat or the waiting list) with its mail carrying the
/// cancellation link of `token`, in one transaction.
pub(crate) async fn seat(
    state: &AppState,
    m: &Municipality,
    meeting_id: MeetingId,
    input: &crate::domain::RegistrationInput,
    token: &str,
) -> Result<crate::domain::Status, store::RegisterError> {
    let letters = Letters::new(state, &m.slug);
    let now = state.now();
    let status = db::write(&state.db, now, async |tx| {
        seat_in(tx, &letters, m, meeting_id, input, token, now).await
    })
    .await?;
    state.jobs_wakeup.notify_one();
    Ok(status)
}

/// The registration, its mail and its audit entry, in the caller's transaction.
pub(crate) async fn seat_in(
    tx: &mut AnyConnection,
    letters: &Letters,
    m: &Municipality,
    meeting_id: MeetingId,
    input: &crate::domain::RegistrationInput,
    token: &str,
    now: i64,
) -> Result<(crate::domain::Status, Change<'static>), store::RegisterError> {
    let r = store::register(tx, m.id, meeting_id, input, token, now).await?;
    let email = letters.registered(&r.meeting, &input.name, &input.email, r.status, token);
    mail::queue(tx, Some(m.id), &email, now).await?;
    let change = Change::new(
        m.id,
        None,
        "meetings.registration.create",
        "meetings_registration",
        r.id,
        format!("{}: {}", r.meeting.title, r.status.as_str()),
    );
    Ok((r.status, change))
}

/// Queue, in the caller's transaction, the mail to each one who got a seat from the waiting list.
pub(crate) async fn queue_promoted(
    tx: &mut AnyConnection,
    letters: &Letters,
    m: &Meeting,
    promoted: &[Promoted],
    now: i64,
) -> Result<(), sqlx::Error> {
    for p in promoted.iter().filter(|p| !p.email.is_empty()) {
        let email = letters.promoted(m, &p.name, &p.email, &p.token);
        mail::queue(tx, Some(m.municipality_id), &email, now).await?;
    }
    Ok(())
}

/// Cancel a registration by its link's token: the cancellation mail, and the freed seat to the
/// first on the waiting list with its own mail, all in one transaction. Returns the meeting, or
/// `None` when the token is unknown or already used.
pub(crate) async fn cancel(state: &AppState, m: &Municipality, token: &str) -> Result<Option<MeetingId>, sqlx::Error> {
    let letters = Letters::new(state, &m.slug);
    let random = state.random.clone();
    let new_token = move || random.token(32);
    let now = state.now();
    let done = crate::store::found(
        db::write(&state.db, now, async |tx| {
            let c = store::cancel(tx, m.id, token, now)
                .await?
                .ok_or(crate::store::WriteError::NotFound)?;
            if !c.email.is_empty() {
                let email = letters.cancelled(&c.meeting, &c.name, &c.email);
                mail::queue(tx, Some(m.id), &email, now).await?;
            }
            let promoted = store::promote(tx, &c.meeting, &new_token, now).await?;
            queue_promoted(tx, &letters, &c.meeting, &promoted, now).await?;
            let change = Change::new(
                m.id,
                None,
                "meetings.registration.cancel",
                "meetings_registration",
                c.id,
                &c.meeting.title,
            );
            Ok((c.meeting.id, change))
        })
        .await,
    )?;
    state.jobs_wakeup.notify_one();
    Ok(done)
}
