//! Settings: from command-line flags, `OVERENS_*` environment variables and an optional TOML
//! file, flags winning over the environment, the environment over the file. Every setting is
//! parsed in one place and every error names the setting and where it came from.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;

/// Every setting the platform knows: (name in the TOML file, what it is).
/// The environment variable is `OVERENS_` + the name in upper case; the flag is `--name` with
/// dashes for underscores.
pub const SETTINGS: &[(&str, &str)] = &[
    ("bind", "address and port to listen on, e.g. 127.0.0.1:8080"),
    (
        "database_url",
        "sqlite://PATH (default ./overens.db) or postgres://USER@HOST/DB",
    ),
    (
        "base_url",
        "public address used in links in e-mails, e.g. https://overens.example.se",
    ),
    (
        "smtp_host",
        "SMTP server; without it mail goes to the outbox the operator reads",
    ),
    (
        "smtp_port",
        "SMTP port (default 587 for starttls, 465 for tls, 25 for none)",
    ),
    ("smtp_username", "SMTP user name"),
    ("smtp_password", "SMTP password"),
    ("smtp_tls", "starttls (default), tls or none"),
    ("mail_from", "sender of all mail, e.g. 'Överens <noreply@example.se>'"),
    ("session_days", "days a login lasts (default 30)"),
    (
        "mail_keep_days",
        "days sent mail stays in the outbox and the job queue (default 7)",
    ),
    (
        "login_per_minute",
        "login attempts per minute per client address (default 10)",
    ),
    (
        "register_per_hour",
        "registrations and e-mailed links per hour per client address (default 20)",
    ),
    (
        "meeting_register_per_hour",
        "registrations on a meeting's public form per hour per client address (default 20)",
    ),
    (
        "newsletter_per_minute",
        "newsletter messages sent per minute at most (default 60)",
    ),
    (
        "trusted_proxies",
        "addresses or CIDR blocks of the proxies in front, e.g. 10.0.0.0/8: from a trusted peer the \
         client is the right-most X-Forwarded-For entry that is not a trusted proxy (default: none)",
    ),
    (
        "header_read_timeout",
        "seconds a client has to send a request's headers, also on an idle kept-alive connection (default 10)",
    ),
    (
        "idle_timeout",
        "seconds a connection may send and receive nothing before it is closed (default 60)",
    ),
    (
        "max_connections",
        "open connections at most; more wait to be accepted (default 1024)",
    ),
    ("log_format", "text (default) or json"),
    (
        "password_hashing",
        "password hashes (Argon2, 19 MiB each) computed at once; more get 503 (default: the number of cores)",
    ),
    (
        "demo",
        "true when this run is the demo: `serve` refuses a database holding the demo accounts otherwise",
    ),
    (
        "metrics_token",
        "bearer token for GET /metrics (Prometheus); without it /metrics answers 404",
    ),
    (
        "pepper",
        "a secret kept outside the database (16 characters or more, the same on every instance) that keys what is kept of erased addresses; without it the database's own secret does",
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    File,
    Env,
    Flag,
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::File => "configuration file",
            Source::Env => "environment",
            Source::Flag => "command line",
            Source::Default => "default",
        })
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("unknown setting `{name}` in the {origin}; known settings: {known}")]
    Unknown {
        name: String,
        origin: Source,
        known: String,
    },
    #[error("bad value for setting `{name}` (from the {origin}): {reason}")]
    Invalid {
        name: &'static str,
        origin: Source,
        reason: String,
    },
    #[error("the configuration file could not be read: {0}")]
    File(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    StartTls,
    Tls,
    None,
}

#[derive(Clone, Debug)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub tls: SmtpTls,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    pub base_url: String,
    pub smtp: Option<SmtpConfig>,
    pub mail_from: String,
    pub session_days: i64,
    /// Days sent mail stays in the outbox and the job queue.
    pub mail_keep_days: i64,
    pub login_per_minute: u32,
    pub register_per_hour: u32,
    /// Registrations on a meeting's public form per hour per client address.
    pub meeting_register_per_hour: u32,
    /// Newsletter messages sent per minute at most (the SMTP server's or provider's limit).
    pub newsletter_per_minute: u32,
    /// The proxies whose `X-Forwarded-For` is believed (see [`crate::ratelimit::client_ip`]).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    pub header_read_timeout: std::time::Duration,
    pub idle_timeout: std::time::Duration,
    pub max_connections: usize,
    pub log_format: LogFormat,
    pub password_hashing: usize,
    /// This run is the demo (`overens demo`, or `demo = true`): the demo accounts are expected.
    pub demo: bool,
    /// The bearer token that opens `/metrics`; `None` keeps the endpoint closed (404).
    pub metrics_token: Option<String>,
    /// A secret from outside the database that keys the hashes kept of erased addresses (the
    /// meetings' opt-outs), so that a copy of the database alone cannot test an address against
    /// them. `None`: the database's own secret keys them (a warning at start).
    pub pepper: Option<String>,
}

impl Config {
    /// Whether links and cookies are for https.
    pub fn secure(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// A configuration for tests: everything default but the database.
    pub fn for_database(database_url: &str) -> Self {
        let mut raw = RawSettings::default();
        raw.set("database_url", database_url, Source::Flag);
        // A default configuration with a given database URL always parses.
        match Config::from_raw(&raw) {
            Ok(c) => c,
            Err(e) => panic!("default configuration is invalid: {e}"),
        }
    }
}

/// Settings as given, before parsing: name → (value, where it came from).
#[derive(Default, Debug, Clone)]
pub struct RawSettings(BTreeMap<&'static str, (String, Source)>);

fn known(name: &str) -> Option<&'static str> {
    SETTINGS.iter().find(|(n, _)| *n == name).map(|(n, _)| *n)
}

fn known_list() -> String {
    SETTINGS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

impl RawSettings {
    /// Set a known setting (later sources are applied after earlier ones and win).
    pub fn set(&mut self, name: &'static str, value: impl Into<String>, source: Source) {
        self.0.insert(name, (value.into(), source));
    }

    fn get(&self, name: &'static str) -> Option<(&str, Source)> {
        self.0.get(name).map(|(v, s)| (v.as_str(), *s))
    }

    /// Settings from a TOML file. Unknown keys are an error.
    pub fn apply_toml(&mut self, text: &str) -> Result<(), ConfigError> {
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| ConfigError::File(e.to_string()))?;
        for (key, value) in table {
            let name = known(&key).ok_or_else(|| ConfigError::Unknown {
                name: key.clone(),
                origin: Source::File,
                known: known_list(),
            })?;
            let value = match value {
                toml::Value::String(s) => s,
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                // A list of strings (trusted_proxies) is the same as the strings joined by commas.
                toml::Value::Array(items) if items.iter().all(toml::Value::is_str) => items
                    .iter()
                    .filter_map(toml::Value::as_str)
                    .collect::<Vec<_>>()
                    .join(","),
                other => {
                    return Err(ConfigError::Invalid {
                        name,
                        origin: Source::File,
                        reason: format!("expected a string, number or boolean, found {other}"),
                    })
                }
            };
            self.set(name, value, Source::File);
        }
        Ok(())
    }

    /// Settings from `OVERENS_*` environment variables. An unknown `OVERENS_` variable is an
    /// error, so a typo does not pass silently. `OVERENS_CONFIG` and `OVERENS_LOG` are read
    /// elsewhere (the file's path, the log filter).
    pub fn apply_env<I: IntoIterator<Item = (String, String)>>(&mut self, vars: I) -> Result<(), ConfigError> {
        for (k, v) in vars {
            let Some(rest) = k.strip_prefix("OVERENS_") else {
                continue;
            };
            if matches!(rest, "CONFIG" | "LOG") || rest.starts_with("TEST_") {
                continue;
            }
            let lower = rest.to_ascii_lowercase();
            let name = known(&lower).ok_or_else(|| ConfigError::Unknown {
                name: k.clone(),
                origin: Source::Env,
                known: known_list(),
            })?;
            self.set(name, v, Source::Env);
        }
        Ok(())
    }
}

fn parse_num<T: std::str::FromStr>(
    raw: &RawSettings,
    name: &'static str,
    default: T,
    check: impl Fn(&T) -> bool,
    expect: &str,
) -> Result<T, ConfigError> {
    match raw.get(name) {
        None => Ok(default),
        Some((v, source)) => match v.trim().parse::<T>() {
            Ok(n) if check(&n) => Ok(n),
            _ => Err(ConfigError::Invalid {
                name,
                origin: source,
                reason: format!("expected {expect}, got {v:?}"),
            }),
        },
    }
}

fn parse_bool(raw: &RawSettings, name: &'static str) -> Result<bool, ConfigError> {
    match raw.get(name) {
        None => Ok(false),
        Some((v, source)) => match v.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" | "" => Ok(false),
            _ => Err(ConfigError::Invalid {
                name,
                origin: source,
                reason: format!("expected true or false, got {v:?}"),
            }),
        },
    }
}

impl Config {
    pub fn from_raw(raw: &RawSettings) -> Result<Config, ConfigError> {
        let invalid =
            |name: &'static str, origin: Source, reason: String| ConfigError::Invalid { name, origin, reason };
        let bind = match raw.get("bind") {
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
            Some((v, s)) => v.trim().parse().map_err(|_| {
                invalid(
                    "bind",
                    s,
                    format!("expected an address such as 127.0.0.1:8080, got {v:?}"),
                )
            })?,
        };
        let database_url = match raw.get("database_url") {
            None => "sqlite://overens.db".to_string(),
            Some((v, s)) => {
                let v = v.trim();
                if crate::db::Backend::from_url(v).is_none() {
                    return Err(invalid(
                        "database_url",
                        s,
                        format!("expected sqlite://PATH or postgres://…, got {v:?}"),
                    ));
                }
                v.to_string()
            }
        };
        let base_url = match raw.get("base_url") {
            None => format!("http://{bind}"),
            Some((v, s)) => {
                let v = v.trim().trim_end_matches('/');
                let rest = v.strip_prefix("https://").or_else(|| v.strip_prefix("http://"));
                match rest {
                    Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => v.to_string(),
                    _ => {
                        return Err(invalid(
                            "base_url",
                            s,
                            format!("expected http://… or https://…, got {v:?}"),
                        ))
                    }
                }
            }
        };
        let tls = match raw.get("smtp_tls") {
            None => SmtpTls::StartTls,
            Some((v, s)) => match v.trim().to_ascii_lowercase().as_str() {
                "starttls" => SmtpTls::StartTls,
                "tls" => SmtpTls::Tls,
                "none" => SmtpTls::None,
                _ => {
                    return Err(invalid(
                        "smtp_tls",
                        s,
                        format!("expected starttls, tls or none, got {v:?}"),
                    ))
                }
            },
        };
        let default_port = match tls {
            SmtpTls::StartTls => 587,
            SmtpTls::Tls => 465,
            SmtpTls::None => 25,
        };
        let port = parse_num::<u16>(raw, "smtp_port", default_port, |p| *p > 0, "a port 1-65535")?;
        let smtp = match raw.get("smtp_host") {
            Some((h, _)) if !h.trim().is_empty() => Some(SmtpConfig {
                host: h.trim().to_string(),
                port,
                username: raw.get("smtp_username").map(|(v, _)| v.to_string()),
                password: raw.get("smtp_password").map(|(v, _)| v.to_string()),
                tls,
            }),
            _ => None,
        };
        let mail_from = match raw.get("mail_from") {
            None => "Överens <noreply@localhost>".to_string(),
            Some((v, s)) => {
                if v.parse::<lettre::message::Mailbox>().is_err() {
                    return Err(invalid(
                        "mail_from",
                        s,
                        format!("expected an address such as 'Överens <noreply@example.se>', got {v:?}"),
                    ));
                }
                v.to_string()
            }
        };
        let log_format = match raw.get("log_format") {
            None => LogFormat::Text,
            Some((v, s)) => match v.trim() {
                "text" => LogFormat::Text,
                "json" => LogFormat::Json,
                _ => return Err(invalid("log_format", s, format!("expected text or json, got {v:?}"))),
            },
        };
        Ok(Config {
            bind,
            database_url,
            base_url,
            smtp,
            mail_from,
            session_days: parse_num(
                raw,
                "session_days",
                30,
                |d| (1..=365).contains(d),
                "a number of days 1-365",
            )?,
            mail_keep_days: parse_num(
                raw,
                "mail_keep_days",
                7,
                |d| (1..=365).contains(d),
                "a number of days 1-365",
            )?,
            login_per_minute: parse_num(raw, "login_per_minute", 10, |n| *n >= 1, "a whole number ≥ 1")?,
            register_per_hour: parse_num(raw, "register_per_hour", 20, |n| *n >= 1, "a whole number ≥ 1")?,
            meeting_register_per_hour: parse_num(
                raw,
                "meeting_register_per_hour",
                20,
                |n| *n >= 1,
                "a whole number ≥ 1",
            )?,
            newsletter_per_minute: parse_num(
                raw,
                "newsletter_per_minute",
                60,
                |n| (1..=100_000).contains(n),
                "a whole number 1-100000",
            )?,
            trusted_proxies: match raw.get("trusted_proxies") {
                None => vec![],
                Some((v, s)) => {
                    crate::ratelimit::parse_trusted(v).map_err(|reason| invalid("trusted_proxies", s, reason))?
                }
            },
            header_read_timeout: std::time::Duration::from_secs(parse_num(
                raw,
                "header_read_timeout",
                10,
                |n: &u64| (1..=3600).contains(n),
                "a number of seconds 1-3600",
            )?),
            idle_timeout: std::time::Duration::from_secs(parse_num(
                raw,
                "idle_timeout",
                60,
                |n: &u64| (1..=86_400).contains(n),
                "a number of seconds 1-86400",
            )?),
            max_connections: parse_num(raw, "max_connections", 1024, |n| *n >= 1, "a whole number ≥ 1")?,
            log_format,
            password_hashing: parse_num(
                raw,
                "password_hashing",
                std::thread::available_parallelism().map_or(2, usize::from),
                |n| (1..=1024).contains(n),
                "a whole number 1-1024",
            )?,
            demo: parse_bool(raw, "demo")?,
            metrics_token: match raw.get("metrics_token") {
                None => None,
                Some((v, _)) if v.trim().is_empty() => None,
                Some((v, s)) if v.trim().len() < 16 || v.trim().contains(char::is_whitespace) => {
                    return Err(invalid(
                        "metrics_token",
                        s,
                        "expected at least 16 characters without spaces".into(),
                    ))
                }
                Some((v, _)) => Some(v.trim().to_string()),
            },
            pepper: match raw.get("pepper") {
                None => None,
                Some((v, _)) if v.trim().is_empty() => None,
                Some((v, s)) if v.trim().len() < 16 => {
                    return Err(invalid("pepper", s, "expected at least 16 characters".into()))
                }
                Some((v, _)) => Some(v.trim().to_string()),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_env_and_env_over_file() {
        let mut raw = RawSettings::default();
        raw.apply_toml("bind = \"127.0.0.1:1000\"\nsession_days = 7\nsmtp_host = \"file.example\"")
            .unwrap();
        raw.apply_env([
            ("OVERENS_BIND".into(), "127.0.0.1:2000".into()),
            ("OVERENS_SESSION_DAYS".into(), "9".into()),
        ])
        .unwrap();
        raw.set("bind", "127.0.0.1:3000", Source::Flag);
        let c = Config::from_raw(&raw).unwrap();
        assert_eq!(c.bind.port(), 3000);
        assert_eq!(c.session_days, 9);
        assert_eq!(c.smtp.unwrap().host, "file.example");
    }

    #[test]
    fn unknown_settings_are_named() {
        let mut raw = RawSettings::default();
        let e = raw.apply_toml("bnid = \"x\"").unwrap_err();
        assert!(e.to_string().contains("`bnid`"), "{e}");
        let e = raw.apply_env([("OVERENS_DATABSE_URL".into(), "x".into())]).unwrap_err();
        assert!(e.to_string().contains("OVERENS_DATABSE_URL"), "{e}");
        // Variables of other programs are not ours to judge.
        raw.apply_env([("PATH".into(), "/bin".into())]).unwrap();
    }

    #[test]
    fn bad_values_name_the_setting_and_source() {
        for (name, value) in [
            ("bind", "localhost"),
            ("database_url", "mysql://x"),
            ("base_url", "example.se"),
            ("smtp_port", "70000"),
            ("smtp_tls", "maybe"),
            ("session_days", "0"),
            ("trusted_proxies", "proxy.local"),
            ("header_read_timeout", "0"),
            ("max_connections", "0"),
            ("mail_from", "not an address"),
        ] {
            let mut raw = RawSettings::default();
            let n = known(name).unwrap();
            raw.set(n, value, Source::Env);
            let e = Config::from_raw(&raw).unwrap_err().to_string();
            assert!(e.contains(&format!("`{name}`")) && e.contains("environment"), "{e}");
        }
    }

    #[test]
    fn trusted_proxies_come_as_a_list_or_a_string() {
        let mut raw = RawSettings::default();
        raw.apply_toml("trusted_proxies = [\"10.0.0.0/8\", \"2001:db8::1\"]")
            .unwrap();
        assert_eq!(Config::from_raw(&raw).unwrap().trusted_proxies.len(), 2);
        raw.apply_env([("OVERENS_TRUSTED_PROXIES".into(), "127.0.0.1, 192.168.0.0/16".into())])
            .unwrap();
        assert_eq!(Config::from_raw(&raw).unwrap().trusted_proxies.len(), 2);
        assert!(Config::from_raw(&RawSettings::default())
            .unwrap()
            .trusted_proxies
            .is_empty());
    }

    #[test]
    fn defaults_are_the_embedded_demo() {
        let c = Config::from_raw(&RawSettings::default()).unwrap();
        assert_eq!(c.database_url, "sqlite://overens.db");
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
        assert!(c.smtp.is_none());
        assert!(!c.secure());
    }
}
