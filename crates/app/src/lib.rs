//! The `overens` application: the capabilities it is made of, start-up (connect, migrate,
//! build the state), serving with graceful shutdown, the demo data and the synthetic
//! national-scale data for benchmarks.

pub mod backup;
pub mod demo;
pub mod server;
pub mod synth;
pub mod users;

use platform::clock::{Clock, Random};
use platform::config::Config;
use platform::db::{Db, Migrations};
use platform::{AppState, Capability};
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// Every capability of Överens, in the order their migrations run and their links appear.
pub fn capabilities() -> Vec<&'static Capability> {
    vec![
        &platform::PLATFORM,
        &agreement::CAPABILITY,
        &signing::CAPABILITY,
        &registry::CAPABILITY,
        &actionplan::CAPABILITY,
        &meetings::CAPABILITY,
        &premises::CAPABILITY,
        &grants::CAPABILITY,
        &openness::CAPABILITY,
        &support::CAPABILITY,
    ]
}

pub fn migrations() -> Vec<&'static Migrations> {
    capabilities().iter().map(|c| c.migrations).collect()
}

/// Connect to the database and bring its schema up to date.
pub async fn connect(database_url: &str) -> anyhow::Result<Db> {
    let db = Db::connect(database_url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", redact(database_url)))?;
    let all: Vec<Migrations> = migrations()
        .into_iter()
        .map(|m| Migrations {
            name: m.name,
            sqlite: m.sqlite,
            postgres: m.postgres,
        })
        .collect();
    db.migrate(&all).await?;
    // SQLite: an operator's ANALYZE (or PRAGMA optimize) left statistics on the full-text
    // index's own tables, which make every directory search prepare FTS5's statements again.
    // They are removed; the pool's connections, which read them when they opened, are opened anew.
    if platform::db::forget_fts_statistics(&db).await? > 0 {
        db.pool.close().await;
        return Db::connect(database_url)
            .await
            .map_err(|e| anyhow::anyhow!("cannot open the database {}: {e}", redact(database_url)));
    }
    Ok(db)
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Connect, migrate and build the application state.
pub async fn open(config: Config, clock: Arc<dyn Clock>, random: Arc<dyn Random>) -> anyhow::Result<AppState> {
    let db = connect(&config.database_url).await?;
    platform::build_state(config, db, clock, random, &capabilities()).await
}

/// Serve until `shutdown` resolves: requests in flight finish, the job worker stops between
/// jobs, and queued jobs stay in the database for the next start.
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let caps = capabilities();
    // Sent mail is removed after its retention time (one waiting run, whatever the instances).
    platform::retention::schedule(&state.db, state.now()).await?;
    let worker = platform::worker(&caps);
    let (stop_tx, stop_rx) = watch::channel(false);
    let jobs = tokio::spawn(worker.run(state.clone(), stop_rx));
    let limits = server::Limits::from_config(&state.config);
    let app = platform::app(state, &caps);
    let result = server::serve_router(listener, app, limits, shutdown).await;
    let _ = stop_tx.send(true);
    if let Err(e) = jobs.await {
        tracing::error!(error = %e, "job worker ended abnormally");
    }
    result?;
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C. The handlers are installed when this is called, not when the
/// future is first polled: the server answers `/readyz` before its accept loop first polls the
/// shutdown future, and a SIGTERM in between would otherwise meet the default action and end
/// the process at once, without the graceful stop (a flaky test showed it).
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let streams = {
        use tokio::signal::unix::{signal, SignalKind};
        (signal(SignalKind::terminate()), signal(SignalKind::interrupt()))
    };
    async move {
        #[cfg(unix)]
        {
            match streams {
                (Ok(mut term), Ok(mut int)) => {
                    tokio::select! {
                        _ = term.recv() => {}
                        _ = int.recv() => {}
                    }
                }
                (Err(e), _) | (_, Err(e)) => {
                    tracing::error!(error = %e, "cannot listen for SIGTERM or Ctrl-C");
                    std::future::pending::<()>().await;
                }
            }
        }
        #[cfg(not(unix))]
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_not_printed() {
        assert_eq!(
            super::redact("postgres://postgres:hemligt@127.0.0.1/x"),
            "postgres://postgres:***@127.0.0.1/x"
        );
        assert_eq!(
            super::redact("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(super::redact("sqlite://overens.db"), "sqlite://overens.db");
    }
}
