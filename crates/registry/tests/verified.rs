//! Issue 14, finding 1: only an account whose address is proven becomes a representative. An
//! account registered in someone else's name (never verified) is refused with a clear message.

use crate::common::{org, represent};
use platform::UserId;
use testkit::{both, Backend, TestApp};

async fn an_unverified_account_is_not_approved_as_representative(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let id = org(&app, sala, "Brukets kör", 1, &[], "").await;
    let (rep, rep_id) = app.signed_in("rep@koren.example", None).await;
    represent(&app, rep_id, sala, id).await;
    // Registered, but the address was never confirmed.
    let p = app
        .client()
        .submit(
            "/konto/registrera",
            "/konto/registrera",
            &[
                ("name", "Okänd Person"),
                ("email", "ny@koren.example"),
                ("password", "ett långt lösenord"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 200);
    app.run_jobs().await;
    let (uid,): (UserId,) = sqlx::query_as("SELECT id FROM users WHERE email = 'ny@koren.example'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let rid = registry::joining::store::request_join(
        &app.state.db,
        sala,
        id,
        &crate::common::user(uid),
        "Jag är ny.",
        &[],
        app.state.now(),
    )
    .await
    .unwrap();
    let action = format!("/sala/foreningar/ansokningar/{rid}");
    let page = rep
        .submit("/sala/foreningar/ansokningar", &action, &[("decision", "approve")])
        .await;
    assert_eq!(page.status, 400, "{}", page.text());
    assert!(
        page.text().contains("har inte bekräftat sin e-postadress"),
        "{}",
        page.text()
    );
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM roles WHERE user_id = $1")
        .bind(uid)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0, "no role for an unverified account");
    app.run_jobs().await;
}

both!(an_unverified_account_is_not_approved_as_representative);
