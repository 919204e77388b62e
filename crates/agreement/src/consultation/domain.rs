//! The consultation's rules and types, without I/O: open → closed → published, who may read
//! it, and the compilation of comments under the commitments they are about.

use crate::domain::{paragraphs, Party, RuleError, VersionStatus};
use crate::ids::{CommentId, ConsultationId, ItemId, VersionId};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum ConsultationStatus {
    /// Signed-in people comment on each commitment.
    Open,
    /// No more comments; the coordinator compiles them.
    Closed,
    /// The compilation is public.
    Published,
}

impl ConsultationStatus {
    /// The stored text.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ConsultationStatus::Open => "agreement-consultation-status-open",
            ConsultationStatus::Closed => "agreement-consultation-status-closed",
            ConsultationStatus::Published => "agreement-consultation-status-published",
        }
    }
}

/// Opening a consultation: on a draft with something to comment on, one at a time.
pub fn open_consultation(
    draft: Option<VersionStatus>,
    commitments: usize,
    another_open: bool,
) -> Result<(), RuleError> {
    match draft {
        Some(VersionStatus::Draft) => {}
        Some(VersionStatus::Adopted) => return Err(RuleError::Frozen),
        None => return Err(RuleError::NoDraft),
    }
    if another_open {
        return Err(RuleError::ConsultationOpen);
    }
    if commitments == 0 {
        return Err(RuleError::NoCommitments);
    }
    Ok(())
}

/// Who may comment on a municipality's consultations: its people, that is accounts with a role
/// there (coordinators, staff) and representatives of its associations (their role names the
/// municipality of the association). Everyone else, the operator too, reads only.
pub fn may_comment(user: &platform::auth::CurrentUser, municipality_id: platform::MunicipalityId) -> bool {
    user.roles.iter().any(|r| r.municipality_id == Some(municipality_id))
}

/// Whether comments are taken.
pub fn can_comment(status: ConsultationStatus) -> bool {
    status == ConsultationStatus::Open
}

pub fn close_consultation(status: ConsultationStatus) -> Result<ConsultationStatus, RuleError> {
    match status {
        ConsultationStatus::Open => Ok(ConsultationStatus::Closed),
        _ => Err(RuleError::ConsultationNotOpen),
    }
}

pub fn publish_consultation(status: ConsultationStatus) -> Result<ConsultationStatus, RuleError> {
    match status {
        ConsultationStatus::Closed => Ok(ConsultationStatus::Published),
        _ => Err(RuleError::ConsultationNotClosed),
    }
}

/// Whether the public may read a consultation: while open (the text and its forms), and once
/// its compilation is published.
pub fn is_public(status: ConsultationStatus) -> bool {
    status != ConsultationStatus::Closed
}

#[derive(Clone, Debug)]
pub struct Consultation {
    pub id: ConsultationId,
    pub version_id: VersionId,
    pub title: String,
    pub intro: String,
    pub status: ConsultationStatus,
    pub opened_at: i64,
    pub closed_at: Option<i64>,
    pub published_at: Option<i64>,
}

impl Consultation {
    pub fn intro_paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.intro)
    }

    pub fn is_open(&self) -> bool {
        self.status == ConsultationStatus::Open
    }

    pub fn is_closed(&self) -> bool {
        self.status == ConsultationStatus::Closed
    }
}

/// A commitment as it was sent out on consultation.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: ItemId,
    pub principle_position: i64,
    pub principle_name: String,
    pub principle_body: String,
    pub party: Party,
    pub position: i64,
    pub heading: String,
    pub body: String,
}

impl Item {
    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.body)
    }
}

#[derive(Clone, Debug)]
pub struct Comment {
    pub id: CommentId,
    pub item_id: ItemId,
    /// The author's name, for the coordinator's eyes only; `None` when recorded without an
    /// account (or when the account is gone).
    pub author: Option<String>,
    pub body: String,
    pub created_at: i64,
}

impl Comment {
    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.body)
    }
}

/// A commitment of a consultation with the comments on it.
#[derive(Clone, Debug)]
pub struct CompiledItem {
    pub item: Item,
    pub comments: Vec<Comment>,
}

#[derive(Clone, Debug)]
pub struct CompiledParty {
    pub party: Party,
    pub items: Vec<CompiledItem>,
}

/// A principle of a consultation with its commitments and their comments.
#[derive(Clone, Debug)]
pub struct CompiledPrinciple {
    pub position: i64,
    pub name: String,
    pub body: String,
    pub parties: Vec<CompiledParty>,
}

impl CompiledPrinciple {
    pub fn paragraphs(&self) -> Vec<Vec<String>> {
        paragraphs(&self.body)
    }

    pub fn comment_count(&self) -> usize {
        self.parties
            .iter()
            .flat_map(|p| p.items.iter())
            .map(|i| i.comments.len())
            .sum()
    }
}

/// The compilation: principles by number, under each the municipality's and then civil
/// society's commitments by number, under each its comments in the order they came.
pub fn compile(mut items: Vec<Item>, mut comments: Vec<Comment>) -> Vec<CompiledPrinciple> {
    items.sort_by_key(|i| {
        (
            i.principle_position,
            Party::ALL.iter().position(|p| *p == i.party),
            i.position,
            i.id,
        )
    });
    comments.sort_by_key(|c| (c.created_at, c.id));
    let mut by_item: HashMap<ItemId, Vec<Comment>> = HashMap::new();
    for c in comments {
        by_item.entry(c.item_id).or_default().push(c);
    }
    let mut out: Vec<CompiledPrinciple> = vec![];
    for item in items {
        let needs_new = out.last().is_none_or(|p| p.position != item.principle_position);
        if needs_new {
            out.push(CompiledPrinciple {
                position: item.principle_position,
                name: item.principle_name.clone(),
                body: item.principle_body.clone(),
                parties: Party::ALL
                    .iter()
                    .map(|p| CompiledParty {
                        party: *p,
                        items: vec![],
                    })
                    .collect(),
            });
        }
        let comments = by_item.remove(&item.id).unwrap_or_default();
        if let Some(party) = out
            .last_mut()
            .and_then(|p| p.parties.iter_mut().find(|g| g.party == item.party))
        {
            party.items.push(CompiledItem { item, comments });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consultations_open_close_and_publish_in_that_order() {
        assert_eq!(open_consultation(Some(VersionStatus::Draft), 3, false), Ok(()));
        assert_eq!(open_consultation(None, 3, false), Err(RuleError::NoDraft));
        assert_eq!(
            open_consultation(Some(VersionStatus::Adopted), 3, false),
            Err(RuleError::Frozen)
        );
        assert_eq!(
            open_consultation(Some(VersionStatus::Draft), 3, true),
            Err(RuleError::ConsultationOpen)
        );
        assert_eq!(
            open_consultation(Some(VersionStatus::Draft), 0, false),
            Err(RuleError::NoCommitments)
        );
        assert!(can_comment(ConsultationStatus::Open));
        assert!(!can_comment(ConsultationStatus::Closed));
        assert!(!can_comment(ConsultationStatus::Published));
        assert_eq!(
            close_consultation(ConsultationStatus::Open),
            Ok(ConsultationStatus::Closed)
        );
        assert_eq!(
            close_consultation(ConsultationStatus::Closed),
            Err(RuleError::ConsultationNotOpen)
        );
        assert_eq!(
            publish_consultation(ConsultationStatus::Closed),
            Ok(ConsultationStatus::Published)
        );
        assert_eq!(
            publish_consultation(ConsultationStatus::Open),
            Err(RuleError::ConsultationNotClosed)
        );
        assert_eq!(
            publish_consultation(ConsultationStatus::Published),
            Err(RuleError::ConsultationNotClosed)
        );
        assert!(is_public(ConsultationStatus::Open) && is_public(ConsultationStatus::Published));
        assert!(!is_public(ConsultationStatus::Closed));
    }

    fn item(id: i64, principle_position: i64, party: Party, position: i64) -> Item {
        Item {
            id: ItemId::new(id),
            principle_position,
            principle_name: format!("P{principle_position}"),
            principle_body: String::new(),
            party,
            position,
            heading: String::new(),
            body: format!("i{id}"),
        }
    }

    fn remark(id: i64, item_id: i64, at: i64) -> Comment {
        Comment {
            id: CommentId::new(id),
            item_id: ItemId::new(item_id),
            author: None,
            body: format!("k{id}"),
            created_at: at,
        }
    }

    #[test]
    fn comments_are_compiled_under_their_commitment() {
        let compiled = compile(
            vec![
                item(3, 2, Party::CivilSociety, 1),
                item(1, 1, Party::Municipality, 1),
                item(2, 1, Party::CivilSociety, 1),
                item(4, 2, Party::Municipality, 2),
                item(5, 2, Party::Municipality, 1),
            ],
            vec![remark(1, 2, 100), remark(2, 2, 50), remark(3, 4, 10)],
        );
        assert_eq!(compiled.len(), 2);
        assert_eq!(compiled[0].name, "P1");
        let civil = &compiled[0].parties[1];
        assert_eq!(civil.party, Party::CivilSociety);
        assert_eq!(
            civil.items[0].comments.iter().map(|c| c.id.get()).collect::<Vec<_>>(),
            [2, 1],
            "in the order they came"
        );
        assert_eq!(compiled[0].comment_count(), 2);
        let muni: Vec<i64> = compiled[1].parties[0].items.iter().map(|i| i.item.id.get()).collect();
        assert_eq!(muni, [5, 4]);
        assert_eq!(compiled[1].parties[0].items[1].comments.len(), 1);
        assert!(compiled[1].parties[0].items[0].comments.is_empty());
    }
}
