//! The meetings' typed ids: a meeting's id does not fit where a series' or a registration's is
//! expected.

platform::id!(
    /// A series of meetings (the dialog meetings, the collaboration council).
    pub SeriesId,
    /// One meeting.
    pub MeetingId,
    /// A registration for a meeting (a seat, a place on the waiting list, or cancelled).
    pub RegistrationId,
    /// A question of a meeting's group discussions.
    pub QuestionId,
    /// A group's answer to a question.
    pub AnswerId,
    /// An item of a meeting's minutes.
    pub ItemId,
    /// An assignment in a meeting's minutes.
    pub AssignmentId,
    /// An address that invitations went to (and may be unsubscribed).
    pub UnsubscribeId,
    /// A general comment in the minutes ("Övriga synpunkter"), an answer to no question.
    pub CommentId,
    /// A discussion group of a meeting (a party's group of about five).
    pub DiscussionGroupId,
    /// A document of a meeting, of its minutes or of a working group.
    pub DocumentId,
    /// A topic an association proposes for a coming meeting's agenda.
    pub TopicId,
);
