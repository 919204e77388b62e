//! Password hashing under a cap (issue 14, finding 7): Argon2id takes 19 MiB and most of a core
//! per call, so only `password_hashing` (a setting; default the number of cores) run at once.
//! When all are busy the request is answered at once with 503 and Retry-After, rather than
//! queueing memory and threads without limit.

use crate::auth::{hash_password, verify_password};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Seconds a client is asked to wait when every hashing slot is busy.
pub const RETRY_AFTER: u64 = 2;

fn permit(state: &AppState) -> AppResult<tokio::sync::OwnedSemaphorePermit> {
    state.password_hashing.clone().try_acquire_owned().map_err(|_| {
        tracing::warn!("password hashing at capacity: answering 503");
        AppError::Busy(RETRY_AFTER)
    })
}

/// Check a password against a stored hash (none: never matches, in the same time).
pub async fn verify(state: &AppState, password: String, hash: Option<String>) -> AppResult<bool> {
    let permit = permit(state)?;
    tokio::task::spawn_blocking(move || {
        let ok = verify_password(&password, hash.as_deref());
        drop(permit);
        ok
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}

/// Hash a new password.
pub async fn hash(state: &AppState, password: String) -> AppResult<String> {
    let permit = permit(state)?;
    tokio::task::spawn_blocking(move || {
        let h = hash_password(&password);
        drop(permit);
        h
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
    .map_err(AppError::Internal)
}
