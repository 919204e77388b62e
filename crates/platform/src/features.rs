//! Accessibility features of a place (premises of the registry, rooms of the premises, a
//! meeting's place), each a yes/no, shared so that every capability names them alike.

use serde::{Deserialize, Serialize};

/// Accessibility of a premises, each a yes/no.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Feature {
    StepFree,
    GroundFloor,
    Lift,
    AccessibleToilet,
    HearingLoop,
    Parking,
}

impl Feature {
    pub const ALL: [Feature; 6] = [
        Feature::StepFree,
        Feature::GroundFloor,
        Feature::Lift,
        Feature::AccessibleToilet,
        Feature::HearingLoop,
        Feature::Parking,
    ];

    /// The column in `registry_premises` (also the code in URLs and JSON).
    pub fn column(self) -> &'static str {
        match self {
            Feature::StepFree => "step_free",
            Feature::GroundFloor => "ground_floor",
            Feature::Lift => "lift",
            Feature::AccessibleToilet => "accessible_toilet",
            Feature::HearingLoop => "hearing_loop",
            Feature::Parking => "parking",
        }
    }

    pub fn parse(code: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.column() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Feature::StepFree => "feature-step-free",
            Feature::GroundFloor => "feature-ground-floor",
            Feature::Lift => "feature-lift",
            Feature::AccessibleToilet => "feature-accessible-toilet",
            Feature::HearingLoop => "feature-hearing-loop",
            Feature::Parking => "feature-parking",
        }
    }
}
