//! What the registry keeps about an account holder, through /konto: the export lists the
//! contact entries with the account's address and the person's join requests; erasing the
//! account removes both and leaves the other contacts alone.

use crate::common::org;
use registry::parts::store::{add_contact, NewContact};
use testkit::{both, Backend, TestApp};

fn contact(name: &str, email: &str) -> NewContact {
    NewContact {
        name: name.into(),
        role: "Ordförande".into(),
        email: email.into(),
        phone: "070-123 45 67".into(),
        is_public: true,
    }
}

async fn account_export_and_erasure_cover_the_registry(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let kor = org(&app, sala, "Brukets kör", 1, &[], "").await;
    let other = org(&app, sala, "Annan förening", 2, &[], "").await;
    let (db, now) = (&app.state.db, app.state.now());
    add_contact(db, sala, kor, &contact("Anna Ek", "Anna.Ek@Example.se"), None, now)
        .await
        .unwrap();
    add_contact(db, sala, kor, &contact("Per Sjöberg", "per@example.se"), None, now)
        .await
        .unwrap();

    let (c, _) = app.signed_in("anna.ek@example.se", None).await;
    let join = format!("/sala/foreningar/{other}/ansluta");
    let page = c.submit(&join, &join, &[("message", "Jag vill hjälpa till.")]).await;
    assert_eq!(page.status, 303, "{}", page.text());

    let (status, data) = c.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let registry = &data["registry"];
    assert_eq!(registry["contacts"].as_array().map(Vec::len), Some(1), "{registry}");
    assert_eq!(registry["contacts"][0]["name"], "Anna Ek");
    assert_eq!(registry["contacts"][0]["organisation"], "Brukets kör");
    assert_eq!(registry["contacts"][0]["phone"], "070-123 45 67");
    assert_eq!(registry["join_requests"][0]["organisation"], "Annan förening");
    assert_eq!(registry["join_requests"][0]["message"], "Jag vill hjälpa till.");
    assert_eq!(registry["join_requests"][0]["status"], "pending");

    let account = c.get("/konto").await;
    let p = c
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(p.status, 200);
    let names: Vec<(String,)> = sqlx::query_as("SELECT name FROM registry_contacts ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(
        names,
        vec![("Per Sjöberg".to_string(),)],
        "only the erased person's entry goes"
    );
    let (requests,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM registry_join_requests")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(requests, 0);
    let profile = app.client().get(&format!("/sala/foreningar/{kor}")).await;
    assert!(!profile.text().contains("Anna Ek") && profile.text().contains("Per Sjöberg"));
}

both!(account_export_and_erasure_cover_the_registry);
