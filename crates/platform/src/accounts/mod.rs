//! Accounts: registration with e-mail verification, login by password (Argon2id) or by an
//! e-mailed one-time link, logout, password reset, the account page, and a person's export and
//! erasure of their own data.

pub mod routes;
pub mod store;
