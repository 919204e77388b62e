//! The real server on port 0 over a test database, with a clock the test sets and the job
//! worker under the test's control.

use crate::{Backend, Client, TestDb};
use chrono::{TimeZone, Utc};
use platform::auth::RoleKind;
use platform::clock::{Clock, OsRandom, TestClock};
use platform::config::{Config, SmtpConfig, SmtpTls};
use platform::jobs::Step;
use platform::{AppState, MunicipalityId, OrganisationId, UserId};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::oneshot;

/// The moment every test starts at: Monday 2026-11-23 09:00 UTC.
pub fn start_time() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .expect("valid date")
}

/// A change to a test server's configuration.
pub type Configure = Box<dyn FnOnce(&mut Config) + Send>;

/// Options for a test server.
#[derive(Default)]
pub struct Options {
    /// Send mail through this SMTP server instead of the outbox.
    pub smtp_port: Option<u16>,
    /// Adjust the configuration further.
    pub configure: Option<Configure>,
}

/// The real server on port 0 over a database of its own.
pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub clock: TestClock,
    pub db: Arc<TestDb>,
    worker: platform::jobs::Worker,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    /// Set by [`TestApp::forget_jobs`]: the drop check leaves queued jobs alone.
    jobs_forgotten: AtomicBool,
}

impl TestApp {
    pub async fn start(backend: Backend) -> TestApp {
        Self::start_with(Arc::new(TestDb::new(backend).await), Options::default()).await
    }

    /// A server over an existing test database (to restart over the same data).
    pub async fn start_with(db: Arc<TestDb>, options: Options) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind port 0");
        let addr = listener.local_addr().expect("local address");
        let mut config = Config::for_database(&db.url);
        config.base_url = format!("http://{addr}");
        config.bind = addr;
        if let Some(port) = options.smtp_port {
            config.smtp = Some(SmtpConfig {
                host: "127.0.0.1".into(),
                port,
                username: None,
                password: None,
                tls: SmtpTls::None,
            });
        }
        if let Some(f) = options.configure {
            f(&mut config);
        }
        let clock = TestClock::at(start_time());
        let state = app::open(config, Arc::new(clock.clone()), Arc::new(OsRandom))
            .await
            .expect("start the application");
        let caps = app::capabilities();
        let router = platform::app(state.clone(), &caps);
        let (stop, stopped) = oneshot::channel::<()>();
        let limits = app::server::Limits::from_config(&state.config);
        let server = tokio::spawn(async move {
            let _ = app::server::serve_router(listener, router, limits, async {
                let _ = stopped.await;
            })
            .await;
        });
        TestApp {
            base: format!("http://{addr}"),
            state,
            clock,
            db,
            worker: platform::worker(&caps),
            stop: Some(stop),
            server: Some(server),
            jobs_forgotten: AtomicBool::new(false),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
    pub fn client(&self) -> Client {
        Client::new(self.base.clone())
    }

    /// Run every job that is due now (the test server has no background worker, so tests
    /// decide when mail goes out).
    pub async fn run_jobs(&self) -> Vec<Step> {
        self.worker.drain(&self.state).await.expect("run jobs")
    }

    /// Send every mail (and run every job) that is due, and fail the test if one of them failed:
    /// for tests whose subject is not the mail itself, so what they queue still has to go out.
    /// Returns the outbox, as [`TestApp::outbox`].
    pub async fn deliver(&self) -> Vec<(String, String, String)> {
        let failed: Vec<i64> = self
            .run_jobs()
            .await
            .into_iter()
            .filter_map(|s| match s {
                platform::jobs::Step::Failed(id) => Some(id),
                _ => None,
            })
            .collect();
        assert!(failed.is_empty(), "jobs failed: {failed:?}");
        self.outbox().await
    }

    /// Leave the jobs that are queued now unchecked: the test does not care whether they ran
    /// (e.g. it restarts the server over the same database, which will run them).
    pub fn forget_jobs(&self) {
        self.jobs_forgotten.store(true, Ordering::SeqCst);
    }

    /// The job worker with every capability's handlers.
    pub fn worker(&self) -> &platform::jobs::Worker {
        &self.worker
    }

    /// The mail in the outbox, newest first: (to, subject, body).
    pub async fn outbox(&self) -> Vec<(String, String, String)> {
        platform::mail::outbox(&self.state.db, 1000)
            .await
            .expect("read outbox")
            .into_iter()
            .map(|e| (e.to_addr, e.subject, e.body_text))
            .collect()
    }

    /// Create a verified account with a role, through the same code as `overens user add`.
    pub async fn user(&self, email: &str, role: Option<(RoleKind, Option<&str>)>) -> UserId {
        app::users::add(
            &self.state.db,
            &app::users::NewUser {
                email,
                name: &format!("Test {email}"),
                password: PASSWORD,
                role: role.map(|r| r.0),
                municipality: role.and_then(|r| r.1),
                department: None,
                organisation: None,
            },
            self.state.now(),
        )
        .await
        .expect("create user")
    }

    /// Create a verified account that represents an organisation of a municipality (created
    /// with that name when the municipality has none yet). Returns (user id, organisation id).
    pub async fn representative(&self, email: &str, slug: &str, organisation: &str) -> (UserId, OrganisationId) {
        let municipality_id = self.municipality_id(slug).await;
        let found: Option<(OrganisationId,)> =
            sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2")
                .bind(municipality_id)
                .bind(organisation)
                .fetch_optional(&self.state.db.pool)
                .await
                .expect("look up organisation");
        let organisation_id =
            match found {
                Some((id,)) => id,
                None => sqlx::query_as::<_, (OrganisationId,)>(
                    "INSERT INTO organisations (municipality_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
                )
                .bind(municipality_id)
                .bind(organisation)
                .bind(self.state.now())
                .fetch_one(&self.state.db.pool)
                .await
                .expect("create organisation")
                .0,
            };
        if found.is_none() {
            let mut conn = self.state.db.pool.acquire().await.expect("connection");
            registry::public::index_organisations(&mut conn, &[organisation_id])
                .await
                .expect("index organisation");
        }
        let user_id = app::users::add(
            &self.state.db,
            &app::users::NewUser {
                email,
                name: &format!("Test {email}"),
                password: PASSWORD,
                role: Some(platform::auth::RoleKind::Representative),
                municipality: Some(slug),
                department: None,
                organisation: Some(organisation),
            },
            self.state.now(),
        )
        .await
        .expect("create representative");
        (user_id, organisation_id)
    }

    /// A signed-in client of a new verified account with this role (or none).
    pub async fn signed_in(&self, email: &str, role: Option<(RoleKind, Option<&str>)>) -> (Client, UserId) {
        let id = self.user(email, role).await;
        let c = self.client();
        c.login(email, PASSWORD).await;
        (c, id)
    }

    /// A signed-in coordinator of the municipality (`samordnare@{slug}.example`).
    pub async fn coordinator(&self, slug: &str) -> Client {
        let email = format!("samordnare@{slug}.example");
        self.signed_in(&email, Some((RoleKind::Coordinator, Some(slug))))
            .await
            .0
    }

    /// A signed-in member of the municipality's staff (`handlaggare@{slug}.example`).
    pub async fn staff(&self, slug: &str) -> Client {
        let email = format!("handlaggare@{slug}.example");
        self.signed_in(&email, Some((RoleKind::Staff, Some(slug)))).await.0
    }

    /// A signed-in representative of an organisation (made when missing), with its id.
    pub async fn representative_client(&self, email: &str, slug: &str, organisation: &str) -> (Client, OrganisationId) {
        let (_, org) = self.representative(email, slug, organisation).await;
        let c = self.client();
        c.login(email, PASSWORD).await;
        (c, org)
    }

    /// The id of the municipality with this slug.
    pub async fn municipality_id(&self, slug: &str) -> MunicipalityId {
        platform::tenants::store::by_slug(&self.state.db, slug)
            .await
            .expect("look up municipality")
            .unwrap_or_else(|| panic!("no municipality {slug}"))
            .id
    }

    /// Add a municipality directly.
    pub async fn municipality(&self, slug: &str, name: &str) -> MunicipalityId {
        let new = platform::tenants::store::NewMunicipality {
            slug,
            name,
            intro: "",
            contact_name: "",
            contact_email: "",
            contact_phone: "",
            website: "",
        };
        platform::tenants::store::create(&self.state.db, &new, None, self.state.now())
            .await
            .expect("create municipality")
    }

    /// Stop serving (requests in flight finish).
    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(h) = self.server.take() {
            let _ = h.await;
        }
        self.state.db.pool.close().await;
    }
}

/// A test that ends with mail that was due and never went out has not checked what it sends:
/// it fails here, as crates.io's test app does. Mail due later is fine, and so are the
/// capabilities' recurring sweeps (a reminder sweep is queued whenever a date is set and runs
/// again every day; the mail it makes is what counts, and the tests of reminders run it).
/// [`TestApp::forget_jobs`] opts out.
impl Drop for TestApp {
    fn drop(&mut self) {
        if std::thread::panicking() || self.jobs_forgotten.load(Ordering::SeqCst) {
            return;
        }
        let url = self.db.url.clone();
        let now = self.clock.now().timestamp();
        let left = std::thread::spawn(move || -> Vec<(String, i64)> {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                return vec![];
            };
            rt.block_on(async move {
                sqlx::any::install_default_drivers();
                let Ok(mut conn) = <sqlx::AnyConnection as sqlx::Connection>::connect(&url).await else {
                    return vec![];
                };
                sqlx::query_as::<_, (String, i64)>(
                    "SELECT kind, COUNT(*) FROM jobs WHERE status = 'pending' AND run_at <= $1 AND kind = $2 \
                     GROUP BY kind ORDER BY kind",
                )
                .bind(now)
                .bind(platform::mail::JOB_KIND)
                .fetch_all(&mut conn)
                .await
                .unwrap_or_default()
            })
        })
        .join()
        .unwrap_or_default();
        if !left.is_empty() {
            let list: Vec<String> = left.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
            panic!(
                "the test ended with queued mail it never sent ({}): call app.run_jobs() and check what went out, \
                 or app.forget_jobs() if the test truly does not care",
                list.join(", ")
            );
        }
    }
}

/// The password of accounts made by [`TestApp::user`].
pub const PASSWORD: &str = "ett långt lösenord";
