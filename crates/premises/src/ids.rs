//! The premises' typed ids: a room's id does not fit where its premises' (or a municipality's)
//! is expected.

platform::id!(
    /// A building or place the municipality or an association lends out.
    pub PremisesId,
    /// A bookable room of a premises.
    pub RoomId,
);
