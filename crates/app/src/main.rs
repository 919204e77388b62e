//! `overens`: the command line of the platform.

use app::demo;
use app::users::{self, NewUser};
use clap::{Args, Parser, Subcommand};
use platform::auth::RoleKind;
use platform::clock::{Clock, OsRandom, Random, SystemClock};
use platform::config::{Config, LogFormat, RawSettings, Source};
use std::io::BufRead;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "overens",
    version,
    about = "Överens: the local agreement between a municipality and its civil society, on the web"
)]
struct Cli {
    /// A TOML file with settings (same names as the flags, with underscores). Also OVERENS_CONFIG.
    #[arg(long, global = true, env = "OVERENS_CONFIG")]
    config: Option<std::path::PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the platform (migrates the database first).
    Serve(Settings),
    /// Bring the database schema up to date and exit.
    Migrate(DbOnly),
    /// Serve with demo data: creates the SQLite file if missing and loads the demo once.
    Demo(Settings),
    /// Copy the SQLite database into a new file that opens on its own (online: the server may
    /// run). For PostgreSQL use pg_dump and pg_restore (see the README).
    Backup(BackupArgs),
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Fill a database with synthetic national-scale data for benchmarks.
    Synth(SynthArgs),
    /// The action plan.
    #[command(subcommand)]
    Plan(PlanCommand),
}

#[derive(Args)]
struct BackupArgs {
    /// The new file (must not exist yet).
    file: std::path::PathBuf,
    #[command(flatten)]
    db: DbOnly,
}

#[derive(Subcommand)]
enum PlanCommand {
    /// Import a municipality's action plan from the table layout of seed 003 (XLSX, CSV or
    /// tab-separated text). Importing the same file twice changes nothing.
    Import(PlanImport),
}

#[derive(Args)]
struct PlanImport {
    /// The municipality's address (slug), e.g. sala.
    #[arg(long)]
    municipality: String,
    /// The file: .xlsx, .csv or tab-separated text.
    file: std::path::PathBuf,
    #[command(flatten)]
    db: DbOnly,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account (verified) with a role; the password is read from standard input, or
    /// generated and printed when none is given.
    Add(UserAdd),
}

#[derive(Args)]
struct UserAdd {
    #[arg(long)]
    email: String,
    #[arg(long)]
    name: String,
    /// operator, coordinator, staff or representative
    #[arg(long)]
    role: String,
    /// The municipality's address (slug), for every role but operator.
    #[arg(long)]
    municipality: Option<String>,
    /// A department for staff (created when missing).
    #[arg(long)]
    department: Option<String>,
    /// The organisation's name, for a representative.
    #[arg(long)]
    organisation: Option<String>,
    /// Read the password from the first line of standard input.
    #[arg(long)]
    password_stdin: bool,
    #[command(flatten)]
    db: DbOnly,
}

#[derive(Args)]
struct SynthArgs {
    #[arg(long, default_value_t = 290)]
    municipalities: usize,
    #[arg(long, default_value_t = 300_000)]
    organisations: usize,
    /// Bookable rooms, spread over the municipalities (the larger ones have more)
    #[arg(long, default_value_t = 5_000)]
    rooms: usize,
    /// Bookings of those rooms over a year around now (single and weekly series)
    #[arg(long, default_value_t = 2_000_000)]
    bookings: usize,
    /// Grant applications in one period of the synthetic municipality with the most
    /// organisations (organisations are added to it when it has fewer); 0 for none
    #[arg(long, default_value_t = 5_000)]
    applications: usize,
    /// Events of the shared calendar over a year before and after now (once or weekly), spread
    /// over the municipalities (the larger ones have more); 0 for none
    #[arg(long, default_value_t = 0)]
    events: usize,
    /// Decisions of the decisions feed over the last five years, spread as the events; 0 for none
    #[arg(long, default_value_t = 0)]
    decisions: usize,
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    #[command(flatten)]
    db: DbOnly,
}

#[derive(Args, Default)]
struct DbOnly {
    /// sqlite://PATH (default sqlite://overens.db) or postgres://USER@HOST/DB [env: OVERENS_DATABASE_URL]
    #[arg(long)]
    database_url: Option<String>,
}

/// The server's settings. Each also comes from OVERENS_<NAME> and the config file; flags win.
#[derive(Args, Default)]
struct Settings {
    /// Address to listen on [default: 127.0.0.1:8080] [env: OVERENS_BIND]
    #[arg(long)]
    bind: Option<String>,
    /// sqlite://PATH or postgres://USER@HOST/DB [default: sqlite://overens.db] [env: OVERENS_DATABASE_URL]
    #[arg(long)]
    database_url: Option<String>,
    /// Public address used in e-mailed links [default: http://BIND] [env: OVERENS_BASE_URL]
    #[arg(long)]
    base_url: Option<String>,
    /// SMTP server; without it mail goes to the operator's outbox [env: OVERENS_SMTP_HOST]
    #[arg(long)]
    smtp_host: Option<String>,
    /// SMTP port [default: 587, 465 for tls, 25 for none] [env: OVERENS_SMTP_PORT]
    #[arg(long)]
    smtp_port: Option<String>,
    /// [env: OVERENS_SMTP_USERNAME]
    #[arg(long)]
    smtp_username: Option<String>,
    /// [env: OVERENS_SMTP_PASSWORD]
    #[arg(long)]
    smtp_password: Option<String>,
    /// starttls, tls or none [default: starttls] [env: OVERENS_SMTP_TLS]
    #[arg(long)]
    smtp_tls: Option<String>,
    /// Sender of all mail [env: OVERENS_MAIL_FROM]
    #[arg(long)]
    mail_from: Option<String>,
    /// Days a login lasts [default: 30] [env: OVERENS_SESSION_DAYS]
    #[arg(long)]
    session_days: Option<String>,
    /// Days sent mail stays in the outbox and the job queue [default: 7] [env: OVERENS_MAIL_KEEP_DAYS]
    #[arg(long)]
    mail_keep_days: Option<String>,
    /// Login attempts per minute per client [default: 10] [env: OVERENS_LOGIN_PER_MINUTE]
    #[arg(long)]
    login_per_minute: Option<String>,
    /// Registrations and e-mailed links per hour per client [default: 20] [env: OVERENS_REGISTER_PER_HOUR]
    #[arg(long)]
    register_per_hour: Option<String>,
    /// Registrations on a meeting's public form per hour per client [default: 20] [env: OVERENS_MEETING_REGISTER_PER_HOUR]
    #[arg(long)]
    meeting_register_per_hour: Option<String>,
    /// Newsletter messages sent per minute at most [default: 60] [env: OVERENS_NEWSLETTER_PER_MINUTE]
    #[arg(long)]
    newsletter_per_minute: Option<String>,
    /// Proxies in front whose X-Forwarded-For is believed, e.g. 10.0.0.0/8,::1 [env: OVERENS_TRUSTED_PROXIES]
    #[arg(long)]
    trusted_proxies: Option<String>,
    /// Seconds to send a request's headers [default: 10] [env: OVERENS_HEADER_READ_TIMEOUT]
    #[arg(long)]
    header_read_timeout: Option<String>,
    /// Seconds a connection may be silent [default: 60] [env: OVERENS_IDLE_TIMEOUT]
    #[arg(long)]
    idle_timeout: Option<String>,
    /// Open connections at most [default: 1024] [env: OVERENS_MAX_CONNECTIONS]
    #[arg(long)]
    max_connections: Option<String>,
    /// text or json [env: OVERENS_LOG_FORMAT]
    #[arg(long)]
    log_format: Option<String>,
    /// This run is the demo: allow the demo accounts (set by `overens demo`) [env: OVERENS_DEMO]
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    demo: Option<String>,
    /// Bearer token that opens GET /metrics; without it /metrics is closed [env: OVERENS_METRICS_TOKEN]
    #[arg(long)]
    metrics_token: Option<String>,
    /// Secret kept outside the database that keys the hashes of erased addresses; the same on
    /// every instance [env: OVERENS_PEPPER]
    #[arg(long)]
    pepper: Option<String>,
}

impl Settings {
    fn pairs(&self) -> Vec<(&'static str, &Option<String>)> {
        vec![
            ("bind", &self.bind),
            ("database_url", &self.database_url),
            ("base_url", &self.base_url),
            ("smtp_host", &self.smtp_host),
            ("smtp_port", &self.smtp_port),
            ("smtp_username", &self.smtp_username),
            ("smtp_password", &self.smtp_password),
            ("smtp_tls", &self.smtp_tls),
            ("mail_from", &self.mail_from),
            ("session_days", &self.session_days),
            ("mail_keep_days", &self.mail_keep_days),
            ("login_per_minute", &self.login_per_minute),
            ("register_per_hour", &self.register_per_hour),
            ("meeting_register_per_hour", &self.meeting_register_per_hour),
            ("newsletter_per_minute", &self.newsletter_per_minute),
            ("trusted_proxies", &self.trusted_proxies),
            ("header_read_timeout", &self.header_read_timeout),
            ("idle_timeout", &self.idle_timeout),
            ("max_connections", &self.max_connections),
            ("log_format", &self.log_format),
            ("demo", &self.demo),
            ("metrics_token", &self.metrics_token),
            ("pepper", &self.pepper),
        ]
    }
}

/// File, then environment, then flags: each later source wins.
fn resolve(config_file: Option<&std::path::Path>, flags: &[(&'static str, &Option<String>)]) -> anyhow::Result<Config> {
    let mut raw = RawSettings::default();
    if let Some(path) = config_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read the configuration file {}: {e}", path.display()))?;
        raw.apply_toml(&text)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    raw.apply_env(std::env::vars())?;
    for (name, value) in flags {
        if let Some(v) = value {
            raw.set(name, v.clone(), Source::Flag);
        }
    }
    Ok(Config::from_raw(&raw)?)
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("OVERENS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=info"));
    // Colour only for a person at a terminal: a log sent to a file or a pipe (the demo's log,
    // journald, a collector) must not carry escape sequences. NO_COLOR (no-color.org) turns it off.
    let ansi = colour_wanted(
        std::io::IsTerminal::is_terminal(&std::io::stdout()),
        std::env::var_os("NO_COLOR"),
    );
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stdout)
        .with_ansi(ansi);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

/// Colour when the log goes to a terminal and NO_COLOR is absent or empty (no-color.org).
fn colour_wanted(terminal: bool, no_color: Option<std::ffi::OsString>) -> bool {
    terminal && no_color.is_none_or(|v| v.is_empty())
}

async fn run_server(config: Config, load_demo: bool) -> anyhow::Result<()> {
    init_logging(config.log_format);
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let random: Arc<dyn Random> = Arc::new(OsRandom);
    let bind = config.bind;
    let base_url = config.base_url.clone();
    let db_url = app::redact(&config.database_url);
    let demo_run = load_demo || config.demo;
    let state = app::open(config, clock.clone(), random).await?;
    if !demo_run && demo::present(&state.db).await? {
        anyhow::bail!(
            "this database ({db_url}) holds the demo accounts, whose password is published: refusing to serve it \
             as a real installation. Run the demo with `overens demo` (or the setting `demo = true`), \
             or start a real installation on a new database."
        );
    }
    if !demo_run && state.config.pepper.is_none() {
        tracing::warn!(
            "no `pepper` setting (OVERENS_PEPPER): the hashes kept of erased addresses are keyed with the \
             database's own secret, so a copy of the database could test an address against them"
        );
    }
    if load_demo {
        let loaded = demo::load(&state.db, clock.now().timestamp()).await?;
        println!();
        println!(
            "Överens demo on {base_url}/  (database {db_url}{})",
            if loaded { ", demo data loaded now" } else { "" }
        );
        println!("Every demo account has the password: {}", demo::PASSWORD);
        for a in demo::ACCOUNTS {
            let place = a.municipality.map(|m| format!(" in /{m}/")).unwrap_or_default();
            println!("  {:<40} {}{}", a.email, a.role.as_str(), place);
        }
        println!("Mail goes to the outbox: log in as the operator and open {base_url}/drift/utkorg");
        println!();
    }
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {bind} (setting `bind`): {e}"))?;
    tracing::info!(%bind, %base_url, "serving");
    app::serve(state, listener, app::shutdown_signal()).await
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let file = cli.config.as_deref();
    match cli.command {
        Command::Serve(s) => run_server(resolve(file, &s.pairs())?, false).await,
        Command::Demo(s) => run_server(resolve(file, &s.pairs())?, true).await,
        Command::Backup(b) => {
            let config = resolve(file, &[("database_url", &b.db.database_url)])?;
            let db = app::backup::open_existing(&config.database_url).await?;
            let bytes = app::backup::to_file(&db, &b.file).await?;
            println!(
                "{} copied into {} ({} bytes). Start from it with --database-url sqlite://{}",
                app::redact(&config.database_url),
                b.file.display(),
                bytes,
                b.file.display()
            );
            Ok(())
        }
        Command::Migrate(d) => {
            let config = resolve(file, &[("database_url", &d.database_url)])?;
            app::connect(&config.database_url).await?;
            println!("The database {} is up to date.", app::redact(&config.database_url));
            Ok(())
        }
        Command::User(UserCommand::Add(u)) => {
            let config = resolve(file, &[("database_url", &u.db.database_url)])?;
            let role = RoleKind::parse(&u.role).ok_or_else(|| {
                anyhow::anyhow!(
                    "--role: expected operator, coordinator, staff or representative, got {:?}",
                    u.role
                )
            })?;
            let (password, generated) = if u.password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                (line.trim_end_matches(['\r', '\n']).to_string(), false)
            } else {
                (OsRandom.token(15), true)
            };
            let db = app::connect(&config.database_url).await?;
            let now = SystemClock.now().timestamp();
            users::add(
                &db,
                &NewUser {
                    email: &u.email,
                    name: &u.name,
                    password: &password,
                    role: Some(role),
                    municipality: u.municipality.as_deref(),
                    department: u.department.as_deref(),
                    organisation: u.organisation.as_deref(),
                },
                now,
            )
            .await?;
            println!(
                "{} is a {}{}.",
                u.email,
                role.as_str(),
                u.municipality.map(|m| format!(" in /{m}/")).unwrap_or_default()
            );
            if generated {
                println!("Password (shown once): {password}");
            }
            Ok(())
        }
        Command::Plan(PlanCommand::Import(p)) => {
            let config = resolve(file, &[("database_url", &p.db.database_url)])?;
            let bytes = std::fs::read(&p.file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.file.display()))?;
            let name = p
                .file
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let parsed =
                actionplan::parse_file(&name, &bytes).map_err(|e| anyhow::anyhow!("{}: {e}", p.file.display()))?;
            let db = app::connect(&config.database_url).await?;
            let m = platform::tenants::store::by_slug(&db, &p.municipality)
                .await?
                .ok_or_else(|| anyhow::anyhow!("--municipality: there is no municipality {:?}", p.municipality))?;
            let c = actionplan::store::import(&db, m.id, &parsed.plan, None, SystemClock.now().timestamp()).await?;
            for problem in &parsed.problems {
                eprintln!(
                    "line {}: not imported ({:?}): {}",
                    problem.line, problem.reason, problem.text
                );
            }
            println!(
                "{}: {} new areas, {} new goals, {} new activities, {} changed; {} lines not imported.",
                m.name,
                c.areas,
                c.goals,
                c.activities,
                c.changed,
                parsed.problems.len()
            );
            Ok(())
        }
        Command::Synth(s) => {
            let config = resolve(file, &[("database_url", &s.db.database_url)])?;
            let db = app::connect(&config.database_url).await?;
            let plan = app::synth::Plan {
                municipalities: s.municipalities,
                organisations: s.organisations,
                seed: s.seed,
                ..Default::default()
            };
            let now = SystemClock.now().timestamp();
            let started = std::time::Instant::now();
            let counts = app::synth::fill(&db, &plan, now).await?;
            println!(
                "{} municipalities, {} departments, {} organisations ({} with premises, {} signed), {} users in {:.1} s",
                counts.municipalities,
                counts.departments,
                counts.organisations,
                counts.premises,
                counts.signatures,
                counts.users,
                started.elapsed().as_secs_f64()
            );
            let plan = premises::synth::Plan {
                rooms: s.rooms,
                bookings: s.bookings,
                seed: s.seed,
            };
            let started = std::time::Instant::now();
            let counts = premises::synth::fill(&db, &plan, now).await?;
            println!(
                "{} bookable rooms in {} premises (the largest municipality has {}), {} bookings ({} weekly series) in {:.1} s",
                counts.rooms,
                counts.premises,
                counts.largest,
                counts.bookings,
                counts.series,
                started.elapsed().as_secs_f64()
            );
            let plan = grants::synth::Plan {
                applications: s.applications,
                seed: s.seed,
            };
            let started = std::time::Instant::now();
            if let Some(counts) = grants::synth::fill(&db, &plan, now).await? {
                println!(
                    "{} grant applications in {} ({} organisations added), budget {}, decided {}, proposed {}; \
                     queue {}, handler {} in {:.1} s",
                    counts.applications,
                    counts.slug,
                    counts.organisations_added,
                    grants::programmes::domain::format_kronor(counts.budget_ore),
                    grants::programmes::domain::format_kronor(counts.decided_ore),
                    grants::programmes::domain::format_kronor(counts.proposed_ore),
                    grants::paths::queue(&counts.slug, counts.period),
                    grants::synth::STAFF_EMAIL,
                    started.elapsed().as_secs_f64()
                );
            }
            if s.events > 0 || s.decisions > 0 {
                let plan = openness::synth::Plan {
                    events: s.events,
                    decisions: s.decisions,
                    seed: s.seed,
                };
                let started = std::time::Instant::now();
                let counts = openness::synth::fill(&db, &plan, now).await?;
                println!(
                    "{} decisions, {} events ({} weekly); the largest municipality {} has {} decisions and {} events; in {:.1} s",
                    counts.decisions,
                    counts.events,
                    counts.weekly,
                    counts.largest,
                    counts.largest_decisions,
                    counts.largest_events,
                    started.elapsed().as_secs_f64()
                );
            }
            Ok(())
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("overens: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::colour_wanted;

    #[test]
    fn colour_only_at_a_terminal_without_no_color() {
        assert!(colour_wanted(true, None));
        assert!(colour_wanted(true, Some("".into())), "an empty NO_COLOR does not count");
        assert!(!colour_wanted(true, Some("1".into())));
        assert!(!colour_wanted(false, None), "a file or a pipe gets no colour");
    }
}
