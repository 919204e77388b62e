//! Changes to a whole meeting after people registered: calling it off (everyone registered and
//! waiting is told, with a calendar cancellation; registration closes; the page and the feeds
//! say it is called off) and moving it to a new time or place (everyone registered is told, those
//! with a seat with the updated calendar event). The meeting's `sequence` rises with each, so
//! calendars replace the earlier version of the event (same UID).

mod letters;
mod routes;
pub mod store;

pub use routes::router;

use crate::domain::MeetingInput;
use crate::letters::Letters;
use crate::store::{meeting_in, Meeting};
use platform::mail;
use sqlx::AnyConnection;

/// Whether the new version of a meeting has another time or place than `before`.
pub fn moved(before: &Meeting, after: &MeetingInput) -> bool {
    before.starts_at != after.starts_at
        || before.ends_at != after.ends_at
        || before.gathering_at != after.gathering_at
        || before.place.trim() != after.place.trim()
}

/// In the caller's transaction, after the meeting was written: when its time or place changed
/// (and it is neither called off nor over), raise its sequence and queue the change to everyone
/// registered. Returns how many were told.
pub(crate) async fn queue_moved(
    tx: &mut AnyConnection,
    letters: &Letters,
    before: &Meeting,
    after: &MeetingInput,
    now: i64,
) -> Result<usize, sqlx::Error> {
    if !moved(before, after) || before.cancelled_at.is_some() || before.ends_at < now {
        return Ok(0);
    }
    store::bump_sequence(tx, before.municipality_id, before.id).await?;
    let Some(now_is) = meeting_in(tx, before.municipality_id, before.id).await? else {
        return Ok(0);
    };
    let people = store::recipients(tx, before.municipality_id, before.id).await?;
    for p in &people {
        let letter = letters.moved(&now_is, before, &p.name, &p.email, p.seated());
        mail::queue(tx, Some(before.municipality_id), &letter, now).await?;
    }
    Ok(people.len())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::ids::{MeetingId, SeriesId};

    fn meeting() -> Meeting {
        Meeting {
            id: MeetingId::new(6),
            municipality_id: platform::MunicipalityId::new(1),
            series_id: SeriesId::new(1),
            series_name: String::new(),
            number: Some(6),
            title: "Dialogmöte 6".into(),
            theme: String::new(),
            gathering_at: Some(900),
            gathering_text: String::new(),
            starts_at: 1000,
            ends_at: 2000,
            place: "Täljstenen".into(),
            accessibility: String::new(),
            agenda: String::new(),
            contacts: String::new(),
            capacity: None,
            registration_deadline: None,
            consent_text: String::new(),
            invitation_text: String::new(),
            room_id: None,
            confirmed: 0,
            waiting: 0,
            minutes_published: 0,
            cancelled_at: None,
            cancel_message: String::new(),
            sequence: 0,
        }
    }

    fn input(m: &Meeting) -> MeetingInput {
        MeetingInput {
            series_id: m.series_id,
            number: m.number,
            title: "Nytt namn".into(),
            theme: "Nytt tema".into(),
            gathering_at: m.gathering_at,
            gathering_text: String::new(),
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            place: format!("{} ", m.place),
            accessibility: String::new(),
            agenda: "Ny dagordning".into(),
            contacts: String::new(),
            capacity: Some(10),
            registration_deadline: None,
            consent_text: String::new(),
            invitation_text: String::new(),
            room_id: None,
        }
    }

    #[test]
    fn only_a_new_time_or_place_is_a_move() {
        let m = meeting();
        assert!(!moved(&m, &input(&m)));
        assert!(moved(
            &m,
            &MeetingInput {
                starts_at: 1100,
                ..input(&m)
            }
        ));
        assert!(moved(
            &m,
            &MeetingInput {
                ends_at: 2100,
                ..input(&m)
            }
        ));
        assert!(moved(
            &m,
            &MeetingInput {
                gathering_at: None,
                ..input(&m)
            }
        ));
        assert!(moved(
            &m,
            &MeetingInput {
                place: "Stadshuset".into(),
                ..input(&m)
            }
        ));
    }
}
