//! The real `overens` binary as an operator runs it: a database with the municipality Sala, the
//! server started as a process of its own (with the test's settings, none of the environment's),
//! waited for until it is ready, killed with SIGKILL or stopped with SIGTERM, and started again
//! on the same address.
//!
//! The binary's path is only known to the tests of the crate that builds it, so they pass it:
//! `Overens::serve(env!("CARGO_BIN_EXE_overens"), &db.url)`.

use crate::{Backend, TestDb};
use platform::db::Db;
use platform::MunicipalityId;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a server may take to become ready.
const READY_WITHIN: Duration = Duration::from_secs(30);

/// A free TCP port on 127.0.0.1 (free now; the server binds it a moment later).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The `overens` command without the test's own `OVERENS_` settings, which must not leak in
/// (the binary refuses settings it does not know).
pub fn command(bin: &str) -> Command {
    let mut c = Command::new(bin);
    for (k, _) in std::env::vars() {
        if k.starts_with("OVERENS_") {
            c.env_remove(k);
        }
    }
    c
}

/// Add the municipality Sala (slug `sala`) to a migrated database.
pub async fn sala(db: &Db, now: i64) -> MunicipalityId {
    platform::tenants::store::create(
        db,
        &platform::tenants::store::NewMunicipality {
            slug: "sala",
            name: "Sala",
            intro: "",
            contact_name: "",
            contact_email: "",
            contact_phone: "",
            website: "",
        },
        None,
        now,
    )
    .await
    .expect("create Sala")
}

/// A new test database, migrated, holding Sala (created at `now`): the database, a pool on it
/// and Sala's id.
pub async fn database_with_sala(backend: Backend, now: i64) -> (TestDb, Db, MunicipalityId) {
    let db = TestDb::new(backend).await;
    let pool = app::connect(&db.url).await.expect("migrate the test database");
    let m = sala(&pool, now).await;
    (db, pool, m)
}

/// How to start the binary: a subcommand that serves (`serve` or `demo`) on a port of its own,
/// with further arguments and environment.
#[derive(Clone)]
pub struct Overens {
    bin: PathBuf,
    args: Vec<String>,
    envs: Vec<(String, String)>,
    port: u16,
    capture: bool,
}

impl Overens {
    /// `overens serve --database-url {url} --bind 127.0.0.1:{a free port}`.
    pub fn serve(bin: &str, database_url: &str) -> Overens {
        Self::subcommand(bin, "serve", database_url)
    }

    /// `overens demo --database-url {url} --bind 127.0.0.1:{a free port}`.
    pub fn demo(bin: &str, database_url: &str) -> Overens {
        Self::subcommand(bin, "demo", database_url)
    }

    fn subcommand(bin: &str, sub: &str, database_url: &str) -> Overens {
        let port = free_port();
        Overens {
            bin: bin.into(),
            args: vec![
                sub.into(),
                "--database-url".into(),
                database_url.into(),
                "--bind".into(),
                format!("127.0.0.1:{port}"),
            ],
            envs: vec![],
            port,
            capture: false,
        }
    }

    /// Further arguments.
    pub fn args(mut self, args: &[&str]) -> Overens {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    /// A setting through the environment (`OVERENS_…`).
    pub fn env(mut self, key: &str, value: &str) -> Overens {
        self.envs.push((key.into(), value.into()));
        self
    }

    /// Send mail to the SMTP server on this port of 127.0.0.1, without TLS.
    pub fn smtp(self, port: u16) -> Overens {
        self.args(&[
            "--smtp-host",
            "127.0.0.1",
            "--smtp-port",
            &port.to_string(),
            "--smtp-tls",
            "none",
        ])
    }

    /// Keep the process's output for [`Server::stop`] to return (else it is dropped).
    pub fn capture_output(mut self) -> Overens {
        self.capture = true;
        self
    }

    /// `http://127.0.0.1:{port}`.
    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Start the process without waiting for it.
    pub fn spawn(&self) -> Child {
        let out = || if self.capture { Stdio::piped() } else { Stdio::null() };
        command(&self.bin.to_string_lossy())
            .args(&self.args)
            .envs(self.envs.iter().cloned())
            .stdout(out())
            .stderr(out())
            .spawn()
            .expect("start overens")
    }

    /// Start the process and wait until it answers `/readyz`.
    pub async fn start(self) -> Server {
        let child = self.spawn();
        let mut server = Server {
            base: self.base(),
            how: self,
            child: Some(child),
        };
        server.wait_ready().await;
        server
    }
}

/// A running `overens`, stopped with SIGTERM when dropped (also when the test fails).
pub struct Server {
    /// `http://127.0.0.1:{port}`.
    pub base: String,
    how: Overens,
    child: Option<Child>,
}

impl Server {
    /// The process, while it runs.
    pub fn child(&mut self) -> Option<&mut Child> {
        self.child.as_mut()
    }

    async fn wait_ready(&mut self) {
        let started = Instant::now();
        let url = format!("{}/readyz", self.base);
        loop {
            if let Ok(r) = reqwest::get(&url).await {
                if r.status().as_u16() == 200 {
                    return;
                }
            }
            if let Some(status) = self.child.as_mut().and_then(|c| c.try_wait().ok().flatten()) {
                panic!("overens {:?} ended before it was ready: {status}", self.how.args);
            }
            assert!(
                started.elapsed() < READY_WITHIN,
                "the server at {} did not become ready",
                self.base
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// SIGKILL: the process ends at once, in the middle of whatever it was doing.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().expect("SIGKILL");
            child.wait().expect("wait for the killed server");
        }
    }

    /// SIGTERM, and wait for the process to end: its status and (with
    /// [`Overens::capture_output`]) what it wrote.
    pub fn stop(&mut self) -> Output {
        let child = self.child.take().expect("the server runs");
        let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
        child.wait_with_output().expect("wait for the server")
    }

    /// Start the same command again on the same address (after [`Server::kill`] or
    /// [`Server::stop`]), and wait until it is ready.
    pub async fn restart(&mut self) {
        assert!(self.child.is_none(), "stop or kill the server before restarting it");
        self.child = Some(self.how.spawn());
        self.wait_ready().await;
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.is_some() {
            let _ = self.stop();
        }
    }
}
