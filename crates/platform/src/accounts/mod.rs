//! Accounts: registration with e-mail verification, login by password (Argon2id, under a cap on
//! concurrent hashing) or by an e-mailed one-time link, logout, password reset, the account page
//! with one's sessions and a password change, a fresh login before sensitive actions, and a
//! person's export and erasure of their own data.

pub mod account;
pub mod hashing;
pub mod routes;
pub mod store;
