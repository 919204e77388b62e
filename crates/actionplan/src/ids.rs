//! The action plan's typed ids: a goal's id does not fit where an activity's is expected.

platform::id!(
    /// A municipality's action plan.
    pub PlanId,
    /// A principle (område) of a plan.
    pub AreaId,
    /// A goal of an area.
    pub GoalId,
    /// An activity of a goal.
    pub ActivityId,
    /// A dated progress note on an activity.
    pub NoteId,
    /// A working group.
    pub GroupId,
    /// A checked import kept until the coordinator confirms it.
    pub DraftId,
);
