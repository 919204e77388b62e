//! Issue 14, finding 7 (low): a cap on concurrent password hashing (Argon2 takes 19 MiB and
//! most of a core each), and no tokens in the request log.

use crate::common::{emailed_login_link, try_login};
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use testkit::{both, Backend, TestApp, PASSWORD};

async fn password_hashing_is_capped_and_answers_503_when_full(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let hashing = app.state.password_hashing.clone();
    let all = u32::try_from(hashing.available_permits()).unwrap();
    assert!(all >= 1);
    let held = hashing.clone().try_acquire_many_owned(all).unwrap();
    let c = app.client();
    let p = try_login(&c, "kalle@exempel.se", PASSWORD).await;
    assert_eq!(p.status, 503, "{}", p.text());
    assert!(
        p.headers.get("retry-after").is_some(),
        "the client is told when to retry"
    );
    assert!(p.text().contains("försök igen"), "{}", p.text());
    drop(held);
    c.login("kalle@exempel.se", PASSWORD).await;
}

/// Everything the application logs in this process.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture_logs() -> Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Captured::default();
        let writer = logs.clone();
        let _ = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::INFO)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .try_init();
        logs
    })
    .clone()
}

async fn tokens_in_paths_are_not_logged(backend: Backend) {
    let logs = capture_logs();
    let app = TestApp::start(backend).await;
    app.user("kalle@exempel.se", None).await;
    let c = app.client();
    let link = emailed_login_link(&app, &c, "kalle@exempel.se").await;
    let token = link.rsplit('/').next().unwrap().to_string();
    let page = c.get(&link).await;
    assert_eq!(c.post_raw(&link, &[("_csrf", &page.csrf())]).await.status, 303);
    let text = String::from_utf8_lossy(&logs.0.lock().unwrap()).to_string();
    assert!(text.contains("/konto/lank/{token}"), "the route is logged: {text}");
    assert!(!text.contains(&token), "the token is not: {text}");
}

both!(
    password_hashing_is_capped_and_answers_503_when_full,
    tokens_in_paths_are_not_logged,
);
