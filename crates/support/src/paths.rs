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
