//! Every URL of the support capability, built in one place (the routers name the same paths).

use crate::ids::{CommentId, IdeaId};

/// The idea bank's public list: `/{slug}/ideer` (filters and sorting in the query).
pub fn ideas(slug: &str) -> String {
    format!("/{slug}/ideer")
}

/// One idea's public page, with its comments.
pub fn idea(slug: &str, id: IdeaId) -> String {
    format!("/{slug}/ideer/{id}")
}

/// The form to submit an idea.
pub fn idea_new(slug: &str) -> String {
    format!("/{slug}/ideer/ny")
}

/// The Atom feed of the idea bank.
pub fn ideas_atom(slug: &str) -> String {
    format!("/{slug}/ideer/atom")
}

/// Support an idea (POST).
pub fn idea_support(slug: &str, id: IdeaId) -> String {
    format!("/{slug}/ideer/{id}/stod")
}

/// Withdraw one's support (POST).
pub fn idea_unsupport(slug: &str, id: IdeaId) -> String {
    format!("/{slug}/ideer/{id}/stod/ta-bort")
}

/// Comment on an idea (POST).
pub fn idea_comment(slug: &str, id: IdeaId) -> String {
    format!("/{slug}/ideer/{id}/kommentar")
}

/// The coordinator moves an idea to another status (POST).
pub fn idea_status(slug: &str, id: IdeaId) -> String {
    format!("/{slug}/ideer/{id}/status")
}

/// The coordinator hides or shows an idea (POST).
pub fn idea_hide(slug: &str, id: IdeaId) -> String {
    format!("/{slug}/ideer/{id}/dolj")
}

/// The coordinator hides or shows a comment (POST).
pub fn comment_hide(slug: &str, id: IdeaId, comment: CommentId) -> String {
    format!("/{slug}/ideer/{id}/kommentarer/{comment}/dolj")
}

// --- En dörr in ---

/// The contact form, with the published questions and answers.
pub fn door(slug: &str) -> String {
    format!("/{slug}/en-dorr-in")
}

/// The receipt page after asking (`?nr=EDI-…`).
pub fn door_thanks(slug: &str) -> String {
    format!("/{slug}/en-dorr-in/tack")
}

/// The asker's page of their case, opened with the secret of a letter.
pub fn door_thread(slug: &str, token: &str) -> String {
    format!("/{slug}/en-dorr-in/svar/{token}")
}

/// The asker rates a closed case (POST).
pub fn door_rate(slug: &str, token: &str) -> String {
    format!("/{slug}/en-dorr-in/svar/{token}/betyg")
}

/// The staff's list of cases (`?forsenade=ja`: only those past their last day).
pub fn door_cases(slug: &str) -> String {
    format!("/{slug}/en-dorr-in/arenden")
}

/// The coordinator's CSV export of every case.
pub fn door_export(slug: &str) -> String {
    format!("/{slug}/en-dorr-in/arenden.csv")
}

/// One case for the staff.
pub fn door_case(slug: &str, id: crate::ids::CaseId) -> String {
    format!("/{slug}/en-dorr-in/arenden/{id}")
}

/// Answer a case (POST).
pub fn door_answer(slug: &str, id: crate::ids::CaseId) -> String {
    format!("/{slug}/en-dorr-in/arenden/{id}/svar")
}

/// The coordinator routes a case by hand (POST).
pub fn door_assign(slug: &str, id: crate::ids::CaseId) -> String {
    format!("/{slug}/en-dorr-in/arenden/{id}/tilldela")
}

/// Close a case (POST).
pub fn door_close(slug: &str, id: crate::ids::CaseId) -> String {
    format!("/{slug}/en-dorr-in/arenden/{id}/stang")
}

/// Publish a case as a question and answer (POST).
pub fn door_faq(slug: &str, id: crate::ids::CaseId) -> String {
    format!("/{slug}/en-dorr-in/arenden/{id}/faq")
}

/// The coordinator takes a published question and answer down (POST).
pub fn door_faq_remove(slug: &str, id: crate::ids::FaqId) -> String {
    format!("/{slug}/en-dorr-in/faq/{id}/ta-bort")
}

/// The coordinator's topics and service level.
pub fn door_topics(slug: &str) -> String {
    format!("/{slug}/en-dorr-in/amnen")
}

/// Set the service level (POST).
pub fn door_days(slug: &str) -> String {
    format!("/{slug}/en-dorr-in/amnen/svarstid")
}

/// Remove a topic (POST).
pub fn door_topic_remove(slug: &str, id: crate::ids::TopicId) -> String {
    format!("/{slug}/en-dorr-in/amnen/{id}/ta-bort")
}

// --- The consultation group ---

/// The group's page: join, leave, the coordinator's members.
pub fn consultations(slug: &str) -> String {
    format!("/{slug}/remissgrupp")
}

/// Join the group (POST).
pub fn consultation_join(slug: &str) -> String {
    format!("/{slug}/remissgrupp/ga-med")
}

/// Leave the group (POST).
pub fn consultation_leave(slug: &str) -> String {
    format!("/{slug}/remissgrupp/lamna")
}

/// The coordinator removes a member (POST).
pub fn consultation_remove(slug: &str) -> String {
    format!("/{slug}/remissgrupp/medlemmar/ta-bort")
}

/// The coordinator opens a consultation (GET the form, POST it).
pub fn consultation_new(slug: &str) -> String {
    format!("/{slug}/remissgrupp/ny")
}
