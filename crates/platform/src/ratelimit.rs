//! Rate limits on login, registration and e-mailed links, per client address and per e-mail
//! address (so that neither one address nor many addresses can guess one account's password).
//!
//! Counters live in the database (`rate_limits`: key, window start, count), so every instance on
//! one database counts together. Windows are fixed (a minute for logins, an hour for
//! registrations and links); ended windows are swept away at most once a minute per process.
//!
//! The client's address is the peer's, unless the peer is a trusted proxy: then it is the
//! right-most `X-Forwarded-For` entry that is not a trusted proxy (entries to its left were
//! written by the client and prove nothing). IPv6 clients are counted per /64, since one
//! connection is usually given a whole /64 to pick addresses from.

use crate::db::Db;
use ipnet::IpNet;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicI64, Ordering};

/// At most `max` events per key in each window of `window` seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Part of the key, so that different limits never share a counter.
    pub name: &'static str,
    pub max: i64,
    pub window: i64,
}

/// The longest window: a window that started this long ago has ended for every limit.
const LONGEST_WINDOW: i64 = 3600;
/// Seconds between two sweeps of ended windows by one process.
const SWEEP_EVERY: i64 = 60;

pub struct RateLimits {
    pub login: Limit,
    pub register: Limit,
    /// A meeting's public registration form (its own setting, `meeting_register_per_hour`).
    pub meeting_register: Limit,
    last_sweep: AtomicI64,
}

impl RateLimits {
    pub fn new(login_per_minute: u32, register_per_hour: u32, meeting_register_per_hour: u32) -> Self {
        Self {
            login: Limit {
                name: "login",
                max: i64::from(login_per_minute.max(1)),
                window: 60,
            },
            register: Limit {
                name: "register",
                max: i64::from(register_per_hour.max(1)),
                window: LONGEST_WINDOW,
            },
            meeting_register: Limit {
                name: "meeting_register",
                max: i64::from(meeting_register_per_hour.max(1)),
                window: LONGEST_WINDOW,
            },
            last_sweep: AtomicI64::new(i64::MIN),
        }
    }

    /// Count one event for each key at `now`: `Ok(Ok(()))`, or `Ok(Err(seconds to wait))` when
    /// one of the keys is over its limit in the current window.
    pub async fn hit(&self, db: &Db, limit: Limit, now: i64, keys: &[String]) -> Result<Result<(), u64>, sqlx::Error> {
        self.sweep(db, now).await?;
        let start = window_start(now, limit.window);
        let mut over = false;
        for k in keys {
            let key = format!("{}|{k}", limit.name);
            let (count,): (i64,) = sqlx::query_as(
                "INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1) \
                 ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 \
                 RETURNING count",
            )
            .bind(&key)
            .bind(start)
            .fetch_one(&db.pool)
            .await?;
            over |= count > limit.max;
        }
        if over {
            Ok(Err(u64::try_from(start + limit.window - now).unwrap_or(1).max(1)))
        } else {
            Ok(Ok(()))
        }
    }

    /// Delete the windows that have ended, at most once per [`SWEEP_EVERY`] in this process.
    async fn sweep(&self, db: &Db, now: i64) -> Result<(), sqlx::Error> {
        let last = self.last_sweep.load(Ordering::Relaxed);
        if last != i64::MIN && (last..last + SWEEP_EVERY).contains(&now) {
            return Ok(());
        }
        if self
            .last_sweep
            .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
            .is_err()
        {
            return Ok(()); // another request is sweeping
        }
        sqlx::query("DELETE FROM rate_limits WHERE window_start <= $1")
            .bind(now - LONGEST_WINDOW)
            .execute(&db.pool)
            .await?;
        Ok(())
    }
}

/// Count one event for each key with the state's database and clock: a 429 answer (with the
/// seconds to wait) when one of them is over the limit.
pub async fn check(state: &crate::AppState, limit: Limit, keys: &[String]) -> crate::AppResult<()> {
    state
        .limits
        .hit(&state.db, limit, state.now(), keys)
        .await?
        .map_err(crate::AppError::RateLimited)
}

/// The start of the window of `window` seconds that holds `now`.
pub fn window_start(now: i64, window: i64) -> i64 {
    now - now.rem_euclid(window.max(1))
}

/// An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`[v6]:port`, `a.b.c.d:port`).
fn parse_entry(entry: &str) -> Option<IpAddr> {
    let e = entry.trim();
    e.parse::<IpAddr>()
        .ok()
        .or_else(|| e.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| e.strip_prefix('[')?.strip_suffix(']')?.parse().ok())
        .map(canonical)
}

/// The client's address: the peer, unless the peer is one of the trusted proxies; then the
/// right-most entry of `X-Forwarded-For` (the header values in order) that is not a trusted
/// proxy. When every entry is a trusted proxy the left-most is taken; an entry that is not an
/// address stops the walk at the last address read.
pub fn client_ip(peer: Option<IpAddr>, forwarded_for: &[&str], trusted: &[IpNet]) -> Option<IpAddr> {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(&ip));
    let mut client = canonical(peer?);
    if !is_trusted(client) {
        return Some(client);
    }
    for entry in forwarded_for.iter().flat_map(|v| v.split(',')).rev() {
        let Some(ip) = parse_entry(entry) else {
            break;
        };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    Some(client)
}

/// The bucket an address is counted in: the address for IPv4, its /64 for IPv6.
pub fn bucket(ip: IpAddr) -> String {
    match canonical(ip) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{}/64", Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
    }
}

/// Parse a list of trusted proxies: addresses or CIDR blocks separated by commas or spaces.
pub fn parse_trusted(text: &str) -> Result<Vec<IpNet>, String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("{s:?} is not an address or a CIDR block such as 10.0.0.0/8"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn untrusted_peers_are_the_client_whatever_they_write() {
        let trusted = parse_trusted("10.0.0.0/8").unwrap();
        assert_eq!(client_ip(ip("203.0.113.9"), &["1.2.3.4"], &trusted), ip("203.0.113.9"));
        assert_eq!(client_ip(ip("203.0.113.9"), &[], &[]), ip("203.0.113.9"));
        assert_eq!(client_ip(None, &["1.2.3.4"], &trusted), None);
    }

    #[test]
    fn the_right_most_untrusted_entry_is_the_client() {
        let trusted = parse_trusted("10.0.0.0/8, 192.168.1.1 fd00::/8").unwrap();
        let peer = ip("10.0.0.2");
        // The client wrote "6.6.6.6" itself; the proxies appended what they saw.
        assert_eq!(
            client_ip(peer, &["6.6.6.6, 198.51.100.4"], &trusted),
            ip("198.51.100.4")
        );
        assert_eq!(
            client_ip(peer, &["6.6.6.6, 198.51.100.4, 192.168.1.1"], &trusted),
            ip("198.51.100.4")
        );
        // Two header lines count as one list, in order.
        assert_eq!(
            client_ip(peer, &["6.6.6.6", "198.51.100.4"], &trusted),
            ip("198.51.100.4")
        );
        // Ports and brackets as some proxies write them.
        assert_eq!(client_ip(peer, &["198.51.100.4:5555"], &trusted), ip("198.51.100.4"));
        assert_eq!(client_ip(peer, &["[2001:db8::1]:443"], &trusted), ip("2001:db8::1"));
        assert_eq!(client_ip(peer, &["[2001:db8::1]"], &trusted), ip("2001:db8::1"));
        // Only proxies: the left-most. Rubbish: the last address read.
        assert_eq!(client_ip(peer, &["10.1.1.1, 10.2.2.2"], &trusted), ip("10.1.1.1"));
        assert_eq!(client_ip(peer, &["nonsense, 10.2.2.2"], &trusted), ip("10.2.2.2"));
        assert_eq!(client_ip(peer, &[], &trusted), peer);
        // IPv4 written as IPv6 is IPv4.
        assert_eq!(
            client_ip(ip("::ffff:10.0.0.2"), &["::ffff:198.51.100.4"], &trusted),
            ip("198.51.100.4")
        );
    }

    #[test]
    fn ipv6_is_counted_per_64() {
        assert_eq!(bucket("2001:db8:1:2::1".parse().unwrap()), "2001:db8:1:2::/64");
        assert_eq!(
            bucket("2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap()),
            "2001:db8:1:2::/64"
        );
        assert_ne!(bucket("2001:db8:1:3::1".parse().unwrap()), "2001:db8:1:2::/64");
        assert_eq!(bucket("198.51.100.4".parse().unwrap()), "198.51.100.4");
        assert_eq!(bucket("::ffff:198.51.100.4".parse().unwrap()), "198.51.100.4");
    }

    #[test]
    fn trusted_lists_are_checked() {
        assert!(parse_trusted("").unwrap().is_empty());
        assert_eq!(parse_trusted("127.0.0.1").unwrap().len(), 1);
        assert!(parse_trusted("10.0.0.0/33").is_err());
        assert!(parse_trusted("proxy.local").is_err());
    }

    #[test]
    fn windows_are_fixed() {
        assert_eq!(window_start(125, 60), 120);
        assert_eq!(window_start(120, 60), 120);
        assert_eq!(window_start(7199, 3600), 3600);
    }
}
