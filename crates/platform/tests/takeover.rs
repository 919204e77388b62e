//! Issue 14, finding 1 (pre-account takeover): someone registers another person's address with
//! a password of their choice; when the owner later proves the address (a login link, or the
//! verification mail opened in their own browser), that password must not let the other person in.
//! Roles go only to accounts whose address is proven.

use testkit::html::url_in;
use testkit::{both, Backend, Client, TestApp};

const ATTACKER_PASSWORD: &str = "angriparens lösenord";

fn path_of(app: &TestApp, url: &str) -> String {
    url.strip_prefix(&app.base).expect("link to this server").to_string()
}

/// Someone (not the owner) registers `victim@exempel.se` with their own password.
async fn register_someone_else(app: &TestApp) -> Client {
    let attacker = app.client();
    let p = attacker
        .submit(
            "/konto/registrera",
            "/konto/registrera",
            &[
                ("name", "Offer Person"),
                ("email", "victim@exempel.se"),
                ("password", ATTACKER_PASSWORD),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.text());
    attacker
}

async fn password_login_status(app: &TestApp, email: &str, password: &str) -> u16 {
    app.client()
        .submit(
            "/konto/logga-in",
            "/konto/logga-in",
            &[("email", email), ("password", password)],
        )
        .await
        .status
}

async fn a_login_link_drops_a_password_set_before_verification(backend: Backend) {
    let app = TestApp::start(backend).await;
    register_someone_else(&app).await;
    app.run_jobs().await;

    // The owner asks for a login link and uses it: the address is now proven.
    let owner = app.client();
    owner
        .submit(
            "/konto/engangslank",
            "/konto/engangslank",
            &[("email", "victim@exempel.se")],
        )
        .await;
    app.run_jobs().await;
    let mail = app.outbox().await;
    let link = path_of(&app, &url_in(&mail[0].2, "/konto/lank/").expect("login link"));
    let page = owner.get(&link).await;
    let p = owner.post_raw(&link, &[("_csrf", &page.csrf())]).await;
    assert_eq!(p.status, 303);
    let account = owner.get(p.location.as_deref().unwrap()).await;
    assert!(account.text().contains("victim@exempel.se"));
    assert!(
        account.text().contains("Välj ett lösenord"),
        "the owner is asked to choose a password: {}",
        account.text()
    );

    assert_eq!(
        password_login_status(&app, "victim@exempel.se", ATTACKER_PASSWORD).await,
        422,
        "the password chosen before the address was proven no longer works"
    );
}

async fn the_verification_mail_opened_elsewhere_drops_the_password(backend: Backend) {
    let app = TestApp::start(backend).await;
    register_someone_else(&app).await;
    app.run_jobs().await;
    let mail = app.outbox().await;
    let link = path_of(
        &app,
        &url_in(&mail[0].2, "/konto/verifiera/").expect("verification link"),
    );

    // The owner opens the mail they never asked for, in their own browser, and confirms.
    let owner = app.client();
    let page = owner.get(&link).await;
    let p = owner.post_raw(&link, &[("_csrf", &page.csrf())]).await;
    assert_eq!(p.status, 303);

    assert_eq!(
        password_login_status(&app, "victim@exempel.se", ATTACKER_PASSWORD).await,
        422,
        "the password of whoever registered does not survive verification in another browser"
    );
}

async fn the_verification_mail_in_the_registering_browser_keeps_the_password(backend: Backend) {
    let app = TestApp::start(backend).await;
    let me = register_someone_else(&app).await;
    app.run_jobs().await;
    let link = path_of(
        &app,
        &url_in(&app.outbox().await[0].2, "/konto/verifiera/").expect("verification link"),
    );
    let page = me.get(&link).await;
    assert_eq!(me.post_raw(&link, &[("_csrf", &page.csrf())]).await.status, 303);
    assert_eq!(
        password_login_status(&app, "victim@exempel.se", ATTACKER_PASSWORD).await,
        303,
        "the person who registered and confirmed in the same browser keeps their password"
    );
}

async fn roles_only_for_verified_accounts(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    register_someone_else(&app).await;
    app.run_jobs().await;
    let c = app.coordinator("sala").await;
    let p = c
        .submit(
            "/sala/admin/personer",
            "/sala/admin/personer",
            &[
                ("email", "victim@exempel.se"),
                ("role", "coordinator"),
                ("department", ""),
            ],
        )
        .await;
    assert_eq!(p.status, 422, "{}", p.text());
    assert!(p.text().contains("har inte bekräftat sin e-postadress"), "{}", p.text());
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'victim@exempel.se'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(n, 0, "no role for an unverified account");
}

both!(
    a_login_link_drops_a_password_set_before_verification,
    the_verification_mail_opened_elsewhere_drops_the_password,
    the_verification_mail_in_the_registering_browser_keeps_the_password,
    roles_only_for_verified_accounts,
);
