//! Who is asking: the signed-in user and their roles, password hashing (Argon2id), session and
//! link tokens (only their SHA-256 is stored), and the role checks every route makes.

use crate::error::AppError;
use crate::ids::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};

#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum RoleKind {
    /// Runs the instance (all municipalities).
    Operator,
    /// Runs the agreement process in one municipality.
    Coordinator,
    /// Municipal staff in a department.
    Staff,
    /// Represents one organisation.
    Representative,
}

impl RoleKind {
    /// The stored form (`coordinator`, …).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<RoleKind> {
        s.parse().ok()
    }

    pub fn message_id(self) -> &'static str {
        match self {
            RoleKind::Operator => "role-operator",
            RoleKind::Coordinator => "role-coordinator",
            RoleKind::Staff => "role-staff",
            RoleKind::Representative => "role-representative",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Role {
    pub kind: RoleKind,
    pub municipality_id: Option<MunicipalityId>,
    pub municipality_slug: Option<String>,
    pub municipality_name: Option<String>,
    pub department_id: Option<DepartmentId>,
    pub department_name: Option<String>,
    pub organisation_id: Option<OrganisationId>,
    pub organisation_name: Option<String>,
}

#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
}

impl CurrentUser {
    pub fn is_operator(&self) -> bool {
        self.roles.iter().any(|r| r.kind == RoleKind::Operator)
    }

    pub fn is_coordinator(&self, municipality_id: MunicipalityId) -> bool {
        self.roles
            .iter()
            .any(|r| r.kind == RoleKind::Coordinator && r.municipality_id == Some(municipality_id))
    }

    /// Staff or coordinator of the municipality.
    pub fn is_staff(&self, municipality_id: MunicipalityId) -> bool {
        self.roles.iter().any(|r| {
            matches!(r.kind, RoleKind::Coordinator | RoleKind::Staff) && r.municipality_id == Some(municipality_id)
        })
    }

    pub fn represents(&self, organisation_id: OrganisationId) -> bool {
        self.roles
            .iter()
            .any(|r| r.kind == RoleKind::Representative && r.organisation_id == Some(organisation_id))
    }

    /// The organisations of the municipality the person represents: (id, name), by id.
    pub fn represented_in(&self, municipality_id: MunicipalityId) -> Vec<(OrganisationId, String)> {
        let mut v: Vec<(OrganisationId, String)> = self
            .roles
            .iter()
            .filter(|r| r.kind == RoleKind::Representative && r.municipality_id == Some(municipality_id))
            .filter_map(|r| Some((r.organisation_id?, r.organisation_name.clone().unwrap_or_default())))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// Municipalities where the user has a staff-side role, for the "administer" links.
    pub fn staff_municipalities(&self) -> Vec<(&str, &str)> {
        let mut v: Vec<(&str, &str)> = self
            .roles
            .iter()
            .filter(|r| matches!(r.kind, RoleKind::Coordinator | RoleKind::Staff))
            .filter_map(|r| Some((r.municipality_slug.as_deref()?, r.municipality_name.as_deref()?)))
            .collect();
        v.dedup();
        v
    }
}

/// How long sessions last (issue 14, finding 6). Every session ends `session_days` (a setting,
/// default 30) after login at the latest. Besides:
/// - staff, coordinators and operators (who reach other people's data): after 30 minutes
///   without a request, and 12 hours after login however active;
/// - everyone else: after 8 hours without a request.
///
/// Sensitive actions (erasing the account, granting roles, choosing a first password) need a
/// password or login link within the last 10 minutes.
pub const PRIVILEGED_IDLE_SECS: i64 = 30 * 60;
pub const PRIVILEGED_MAX_SECS: i64 = 12 * 3600;
pub const IDLE_SECS: i64 = 8 * 3600;
pub const FRESH_LOGIN_SECS: i64 = 10 * 60;

/// Whether the roles reach other people's data (the stricter session rules apply).
pub fn is_privileged(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r.kind, RoleKind::Operator | RoleKind::Coordinator | RoleKind::Staff))
}

/// Whether a session is still alive by the idle and absolute rules above (the database checks
/// `session_days`).
pub fn session_alive(privileged: bool, created_at: i64, last_seen_at: i64, now: i64) -> bool {
    if privileged {
        now - last_seen_at <= PRIVILEGED_IDLE_SECS && now - created_at <= PRIVILEGED_MAX_SECS
    } else {
        now - last_seen_at <= IDLE_SECS
    }
}

/// Whether the last password or login link is recent enough for a sensitive action.
pub fn fresh_login(authenticated_at: i64, now: i64) -> bool {
    now - authenticated_at <= FRESH_LOGIN_SECS
}

pub fn require_user(user: Option<&CurrentUser>) -> Result<&CurrentUser, AppError> {
    user.ok_or(AppError::LoginRequired)
}

pub fn require_coordinator(
    user: Option<&CurrentUser>,
    municipality_id: MunicipalityId,
) -> Result<&CurrentUser, AppError> {
    let u = require_user(user)?;
    if u.is_coordinator(municipality_id) {
        Ok(u)
    } else {
        Err(AppError::Forbidden)
    }
}

pub fn require_staff(user: Option<&CurrentUser>, municipality_id: MunicipalityId) -> Result<&CurrentUser, AppError> {
    let u = require_user(user)?;
    if u.is_staff(municipality_id) {
        Ok(u)
    } else {
        Err(AppError::Forbidden)
    }
}

pub fn require_operator(user: Option<&CurrentUser>) -> Result<&CurrentUser, AppError> {
    let u = require_user(user)?;
    if u.is_operator() {
        Ok(u)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The stored form of a session or link token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Hash a password with Argon2id (the crate's default parameters: 19 MiB, 2 passes). Slow on
/// purpose: call it from `spawn_blocking`.
pub fn hash_password(password: &str) -> Result<String, anyhow::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

/// Check a password; a missing hash (an account made without one) never matches, but takes
/// the same time, so the answer does not tell whether the account exists.
pub fn verify_password(password: &str, hash: Option<&str>) -> bool {
    const DUMMY: &str =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$H4bD3OZ1e5M6YwOLZ4TqgGk1vjcw8TyMUYKp3QZ5DFo";
    let (stored, real) = match hash {
        Some(h) => (h, true),
        None => (DUMMY, false),
    };
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && real,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argon2id_hashes_verify() {
        let h = hash_password("ett långt lösenord").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("ett långt lösenord", Some(&h)));
        assert!(!verify_password("fel lösenord här", Some(&h)));
        assert!(!verify_password("ett långt lösenord", None));
    }

    #[test]
    fn sessions_idle_out_and_privileged_ones_end_after_twelve_hours() {
        let t0 = 1_000_000;
        assert!(session_alive(true, t0, t0 + 3600, t0 + 3600 + 30 * 60));
        assert!(!session_alive(true, t0, t0 + 3600, t0 + 3600 + 30 * 60 + 1));
        assert!(
            !session_alive(true, t0, t0 + 12 * 3600, t0 + 12 * 3600 + 1),
            "absolute limit"
        );
        assert!(session_alive(false, t0, t0, t0 + 8 * 3600));
        assert!(!session_alive(false, t0, t0, t0 + 8 * 3600 + 1));
        assert!(
            session_alive(false, t0, t0 + 20 * 86400, t0 + 20 * 86400 + 60),
            "no 12-hour limit"
        );
        assert!(fresh_login(t0, t0 + 600) && !fresh_login(t0, t0 + 601));
    }

    #[test]
    fn roles_are_per_municipality() {
        let m = MunicipalityId::new;
        let role = |kind, m| Role {
            kind,
            municipality_id: m,
            municipality_slug: None,
            municipality_name: None,
            department_id: None,
            department_name: None,
            organisation_id: None,
            organisation_name: None,
        };
        let u = CurrentUser {
            id: UserId::new(1),
            name: "A".into(),
            email: "a@x.se".into(),
            roles: vec![
                role(RoleKind::Coordinator, Some(m(1))),
                role(RoleKind::Staff, Some(m(2))),
            ],
        };
        assert!(u.is_coordinator(m(1)) && !u.is_coordinator(m(2)));
        assert!(u.is_staff(m(1)) && u.is_staff(m(2)) && !u.is_staff(m(3)));
        assert!(!u.is_operator());
        assert!(is_privileged(&u.roles));
        assert!(!is_privileged(&[role(RoleKind::Representative, Some(m(1)))]));
        assert!(require_coordinator(Some(&u), m(2)).is_err());
        assert_eq!(RoleKind::parse("coordinator"), Some(RoleKind::Coordinator));
        assert_eq!(RoleKind::Representative.as_str(), "representative");
        assert_eq!(RoleKind::parse("Coordinator"), None);
        assert!(matches!(require_user(None), Err(AppError::LoginRequired)));
    }
}
