//! Applications: their case numbers, the steps of a case from draft to payout and who may take
//! each, and the checks on attached files (`domain`). Storage and pages follow.

pub mod domain;
