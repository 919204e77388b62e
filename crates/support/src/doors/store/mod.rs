//! The queries of "En dörr in": every function takes the municipality. The changes that send a
//! letter (a new case, an answer, the asker's reply) run in their caller's write transaction
//! and return what happened, so the caller queues the letter in the same transaction; the
//! others run in their own with their audit entry. The tables and the errors are here; the
//! queries in `topics.rs` (and the service level), `cases.rs` (reads), `changes.rs` (a case's
//! changes), `faq.rs` and `late.rs` (the escalation's).

use super::domain::{self, Question, Status};
use crate::ids::{CaseId, FaqId, TopicId};
use platform::audit::Change;
use platform::auth::CurrentUser;
use platform::db::{self, Db, Delete, Insert, Update};
use platform::{DepartmentId, MunicipalityId, UserId};

mod cases;
mod changes;
mod faq;
mod late;
mod topics;

pub use cases::*;
pub use changes::*;
pub use faq::*;
pub use late::*;
pub use topics::*;

#[derive(sea_query::Iden)]
#[iden = "support_door_topics"]
pub(crate) enum Topics {
    Table,
    Id,
    MunicipalityId,
    Name,
    DepartmentId,
    UserId,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_cases"]
pub(crate) enum Cases {
    Table,
    Id,
    MunicipalityId,
    Year,
    Number,
    TopicId,
    TopicName,
    Question,
    Organisation,
    AskerName,
    AskerEmail,
    Status,
    DepartmentId,
    AssignedUserId,
    DueOn,
    EscalatedAt,
    AnsweredAt,
    ClosedAt,
    Rating,
    RatingComment,
    CreatedAt,
    UpdatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_messages"]
pub(crate) enum Messages {
    Table,
    CaseId,
    MunicipalityId,
    FromAsker,
    UserId,
    Body,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_links"]
enum Links {
    Table,
    TokenHash,
    CaseId,
    MunicipalityId,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_faq"]
enum Faq {
    Table,
    Id,
    MunicipalityId,
    CaseId,
    Question,
    Answer,
    CreatedAt,
}

#[derive(sea_query::Iden)]
#[iden = "support_door_settings"]
enum Settings {
    Table,
    MunicipalityId,
    AnswerDays,
    UpdatedAt,
}

/// Why a change did not happen.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// Not in this status (a closed case takes no answer; a rating only once, after closing).
    #[error("not now")]
    NotNow,
    /// A topic of that name exists.
    #[error("taken")]
    Taken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;
