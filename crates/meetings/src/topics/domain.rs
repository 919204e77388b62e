//! The rules of a topic proposal and of the coordinator's decision on it.

use crate::ids::MeetingId;
use platform::rules::{self, Invalid};
use platform::OrganisationId;

/// Where a proposal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Proposed,
    Accepted,
    Declined,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Accepted => "accepted",
            Status::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Status {
        match s {
            "accepted" => Status::Accepted,
            "declined" => Status::Declined,
            _ => Status::Proposed,
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Status::Proposed => "meetings-topic-proposed",
            Status::Accepted => "meetings-topic-accepted",
            Status::Declined => "meetings-topic-declined",
        }
    }
}

/// A proposal as checked: the association, a title and what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub organisation: OrganisationId,
    pub title: String,
    pub description: String,
}

/// Check a proposal sent by someone who represents `represented`: the association must be one
/// of theirs (the only one needs no choosing), the title a line, the description optional.
pub fn proposal(
    organisation: &str,
    title: &str,
    description: &str,
    represented: &[OrganisationId],
) -> Result<Proposal, Vec<(&'static str, Invalid)>> {
    let mut problems = vec![];
    let organisation = match (organisation.trim().parse::<i64>(), represented) {
        (Ok(n), _) if represented.iter().any(|o| o.get() == n) => Some(OrganisationId::new(n)),
        (Err(_), [only]) if organisation.trim().is_empty() => Some(*only),
        _ => {
            problems.push(("organisation", Invalid::Required));
            None
        }
    };
    let title = rules::line(title, 200).map_err(|e| problems.push(("title", e))).ok();
    let description = rules::text(description, 4000)
        .map_err(|e| problems.push(("description", e)))
        .ok();
    match (organisation, title, description) {
        (Some(organisation), Some(title), Some(description)) if problems.is_empty() => Ok(Proposal {
            organisation,
            title,
            description,
        }),
        _ => Err(problems),
    }
}

/// The coordinator's decision: take the topic up at one of the coming meetings, or decline it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    TakeUp(MeetingId),
    Decline,
}

/// Check a decision: `choice` is a coming meeting's id or `nej`; declining needs an answer.
pub fn decision(
    choice: &str,
    answer: &str,
    coming: &[MeetingId],
) -> Result<(Decision, String), (&'static str, Invalid)> {
    let answer = rules::text(answer, 2000).map_err(|e| ("answer", e))?;
    match choice.trim() {
        "nej" if answer.is_empty() => Err(("answer", Invalid::Required)),
        "nej" => Ok((Decision::Decline, answer)),
        n => match n.parse::<i64>() {
            Ok(n) if coming.iter().any(|m| m.get() == n) => Ok((Decision::TakeUp(MeetingId::new(n)), answer)),
            _ => Err(("choice", Invalid::Required)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_representative_proposes_for_their_own_association_only() {
        let mine = [OrganisationId::new(4)];
        let p = proposal("", " Lokalbehov ", "", &mine).unwrap();
        assert_eq!(p.organisation, OrganisationId::new(4));
        assert_eq!(p.title, "Lokalbehov");
        let two = [OrganisationId::new(4), OrganisationId::new(5)];
        assert!(proposal("", "Lokalbehov", "", &two).is_err(), "two: choose one");
        assert!(proposal("5", "Lokalbehov", "", &two).is_ok());
        let other = proposal("9", "Lokalbehov", "", &two).unwrap_err();
        assert_eq!(other, vec![("organisation", Invalid::Required)]);
        let empty = proposal("4", " ", "", &mine).unwrap_err();
        assert_eq!(empty, vec![("title", Invalid::Required)]);
    }

    #[test]
    fn a_topic_is_taken_up_at_a_coming_meeting_or_declined_with_an_answer() {
        let coming = [MeetingId::new(7)];
        assert_eq!(
            decision("7", "", &coming),
            Ok((Decision::TakeUp(MeetingId::new(7)), String::new()))
        );
        assert_eq!(decision("6", "", &coming), Err(("choice", Invalid::Required)));
        assert_eq!(decision("nej", " ", &coming), Err(("answer", Invalid::Required)));
        assert_eq!(
            decision("nej", "Tas upp i arbetsgruppen", &coming),
            Ok((Decision::Decline, "Tas upp i arbetsgruppen".into()))
        );
    }
}
