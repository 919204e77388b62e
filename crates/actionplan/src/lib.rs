//! The action plan (handlingsplan). Skeleton: the seed-003 table module comes first.

pub mod table;
