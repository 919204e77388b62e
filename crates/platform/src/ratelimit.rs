//! Rate limits on login, registration and e-mailed links, per client address and per e-mail
//! address (so that neither one address nor many addresses can guess one account's password).

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::time::Duration;

pub struct RateLimits {
    pub login: DefaultKeyedRateLimiter<String>,
    pub register: DefaultKeyedRateLimiter<String>,
}

fn nz(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN)
}

impl RateLimits {
    pub fn new(login_per_minute: u32, register_per_hour: u32) -> Self {
        Self {
            login: RateLimiter::keyed(Quota::per_minute(nz(login_per_minute))),
            register: RateLimiter::keyed(Quota::per_hour(nz(register_per_hour))),
        }
    }

    /// `Ok` or the seconds to wait.
    pub fn check(limiter: &DefaultKeyedRateLimiter<String>, keys: &[String]) -> Result<(), u64> {
        for k in keys {
            if let Err(not_until) = limiter.check_key(k) {
                let wait: Duration =
                    not_until.wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
                return Err(wait.as_secs().max(1));
            }
        }
        Ok(())
    }
}
