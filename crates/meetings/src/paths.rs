//! Every URL of the meetings, built in one place. Each takes the municipality's slug.

use crate::ids::{DocumentId, MeetingId, SeriesId, TopicId};

pub fn list(slug: &str) -> String {
    format!("/{slug}/moten")
}
pub fn new(slug: &str) -> String {
    format!("/{slug}/moten/nytt")
}
pub fn series(slug: &str) -> String {
    format!("/{slug}/moten/serier")
}
pub fn one_series(slug: &str, id: SeriesId) -> String {
    format!("/{slug}/moten/serier/{id}")
}
/// A series' reminder lead time (coordinator).
pub fn series_reminder(slug: &str, id: SeriesId) -> String {
    format!("/{slug}/moten/serier/{id}/paminnelse")
}
pub fn series_feed(slug: &str, id: SeriesId) -> String {
    format!("/{slug}/moten/serier/{id}/kalender.ics")
}
pub fn feed(slug: &str) -> String {
    format!("/{slug}/moten/kalender.ics")
}
pub fn print_css(slug: &str) -> String {
    format!("/{slug}/moten/utskrift.css")
}
pub fn meeting(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}")
}
pub fn edit(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/redigera")
}
/// Calling a meeting off (coordinator).
pub fn call_off(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/installa")
}
pub fn register(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/anmalan")
}
pub fn ics(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/kalender.ics")
}
pub fn participants(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/deltagare")
}
pub fn participants_csv(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/deltagare.csv")
}
pub fn participants_xlsx(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/deltagare.xlsx")
}
pub fn participants_print(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/deltagare/utskrift")
}
/// The link that confirms a registration.
pub fn confirm(slug: &str, token: &str) -> String {
    format!("/{slug}/moten/bekrafta/{token}")
}

pub fn cancel(slug: &str, token: &str) -> String {
    format!("/{slug}/moten/avanmalan/{token}")
}
pub fn own_data(slug: &str, token: &str) -> String {
    format!("/{slug}/moten/avanmalan/{token}/uppgifter")
}
pub fn invitation(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/inbjudan")
}
pub fn invitation_print(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/inbjudan/utskrift")
}
pub fn invitation_send(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/inbjudan/skicka")
}
pub fn unsubscribe(slug: &str, token: &str) -> String {
    format!("/{slug}/moten/avregistrera/{token}")
}
pub fn minutes(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/anteckningar")
}
/// The minutes' edit page; `done` names what was just saved (`?klart=…`).
pub fn minutes_edit(slug: &str, id: MeetingId, done: Option<&str>) -> String {
    match done {
        Some(what) => format!("/{slug}/moten/{id}/anteckningar/redigera?klart={what}"),
        None => format!("/{slug}/moten/{id}/anteckningar/redigera"),
    }
}
pub fn minutes_item(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/anteckningar/punkt")
}
pub fn minutes_assignment(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/anteckningar/uppdrag")
}
pub fn minutes_publish(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/anteckningar/publicera")
}
pub fn question(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/samtal/fraga")
}
pub fn answer(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/samtal/svar")
}
pub fn summary(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/samtal/sammanstallning")
}
pub fn privacy(slug: &str) -> String {
    format!("/{slug}/moten/personuppgifter")
}
/// The privacy page showing one of its forms (`?visa=export|radera`).
pub fn privacy_show(slug: &str, form: &str) -> String {
    format!("/{slug}/moten/personuppgifter?visa={form}")
}
pub fn privacy_erased(slug: &str, n: u64) -> String {
    format!("/{slug}/moten/personuppgifter?raderade={n}")
}
pub fn privacy_retention(slug: &str) -> String {
    format!("/{slug}/moten/personuppgifter/lagring")
}
pub fn privacy_export(slug: &str) -> String {
    format!("/{slug}/moten/personuppgifter/export")
}
pub fn privacy_erase(slug: &str) -> String {
    format!("/{slug}/moten/personuppgifter/radera")
}
/// An activity of the action plan (the action plan's page).
pub fn activity(slug: &str, id: i64) -> String {
    format!("/{slug}/handlingsplan/aktivitet/{id}")
}
/// The page that corrects one entry of the minutes (`del`: punkt, svar, uppdrag, synpunkt).
pub fn minutes_entry(slug: &str, id: MeetingId, part: &str, nr: i64) -> String {
    format!("/{slug}/moten/{id}/anteckningar/rad?del={part}&nr={nr}")
}
pub fn minutes_entry_save(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/anteckningar/rad")
}
/// Move an entry of the minutes up or down, or remove it.
pub fn minutes_step(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/anteckningar/ordning")
}
/// Add a general comment ("Övriga synpunkter") to the minutes.
pub fn comment(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/samtal/synpunkt")
}
/// The meeting's discussion groups and who is in which.
pub fn groups(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/grupper")
}
pub fn groups_done(slug: &str, id: MeetingId, what: &str) -> String {
    format!("/{slug}/moten/{id}/grupper?klart={what}")
}
pub fn group_place(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/grupper/placera")
}
/// The meeting's and its minutes' documents (the coordinator's page and upload).
pub fn documents(slug: &str, id: MeetingId) -> String {
    format!("/{slug}/moten/{id}/dokument")
}
pub fn documents_done(slug: &str, id: MeetingId, what: &str) -> String {
    format!("/{slug}/moten/{id}/dokument?klart={what}")
}
/// A working group's documents.
pub fn group_documents(slug: &str, group: i64) -> String {
    format!("/{slug}/moten/arbetsgrupper/{group}/dokument")
}
pub fn group_documents_done(slug: &str, group: i64, what: &str) -> String {
    format!("/{slug}/moten/arbetsgrupper/{group}/dokument?klart={what}")
}
/// A working group's page (the action plan's).
pub fn working_group(slug: &str, group: i64) -> String {
    format!("/{slug}/handlingsplan/grupper/{group}")
}
pub fn document(slug: &str, id: DocumentId) -> String {
    format!("/{slug}/moten/dokument/{id}")
}
pub fn document_remove(slug: &str, id: DocumentId) -> String {
    format!("/{slug}/moten/dokument/{id}/ta-bort")
}
/// The associations' turnout, per year and per meeting (public).
pub fn turnout(slug: &str) -> String {
    format!("/{slug}/moten/deltagande")
}
/// The topics proposed for the agenda: representatives propose, the coordinator decides.
pub fn topics(slug: &str) -> String {
    format!("/{slug}/moten/amnen")
}
pub fn topic_decision(slug: &str, id: TopicId) -> String {
    format!("/{slug}/moten/amnen/{id}/beslut")
}
/// A working group's own meetings.
pub fn group_meetings(slug: &str, group: i64) -> String {
    format!("/{slug}/moten/arbetsgrupper/{group}/moten")
}
