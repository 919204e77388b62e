//! The signing book's typed ids.

platform::id!(
    /// A signature in the book, in force or withdrawn.
    pub SignatureId,
);
