//! Steps the account tests share: signing in through the form and by an e-mailed link.

use testkit::html::url_in;
use testkit::{Client, Page, TestApp};

/// One login attempt through the form, as a person types it: the answer, whatever it is.
pub async fn try_login(c: &Client, email: &str, password: &str) -> Page {
    c.submit(
        "/konto/logga-in",
        "/konto/logga-in",
        &[("email", email), ("password", password)],
    )
    .await
}

/// Ask for a login link for `email` (an account of `app`), send the mail, and return the
/// link's path on this server.
pub async fn emailed_login_link(app: &TestApp, c: &Client, email: &str) -> String {
    c.submit("/konto/engangslank", "/konto/engangslank", &[("email", email)])
        .await;
    app.run_jobs().await;
    let url = url_in(&app.outbox().await[0].2, "/konto/lank/").expect("a login link in the mail");
    url.strip_prefix(&app.base).expect("link to this server").to_string()
}
