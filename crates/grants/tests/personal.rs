//! What the grants keep about an account holder, through /konto: the export lists the
//! applications the person began or was asked to co-sign and, for staff, their notes and
//! cases; erasing the account takes the person out of the applications and the notes'
//! authorship and leaves the associations' cases themselves.

use crate::support::{association, begin, page, programme, step, Facts};
use grants::programmes::domain::Kind;
use testkit::{both, Backend, TestApp, PASSWORD};

async fn account_export_and_erasure_cover_the_grants(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    let org = association(&app, sala, "Sala kammarkör", 1, Facts::default()).await;
    let (rep, _) = app
        .representative_client("anna.ek@example.se", "sala", "Sala kammarkör")
        .await;
    let (second, _) = app
        .representative_client("per@example.se", "sala", "Sala kammarkör")
        .await;
    let id = begin(&rep, "sala", period, org).await;
    let fields = [
        ("purpose", "Konserter i kyrkorna"),
        ("amount", "2000"),
        ("democracy", "on"),
        ("co_signer", "Per@Example.se"),
    ];
    step(&rep, "sala", id, "spara", &fields).await;
    step(&rep, "sala", id, "skicka", &[]).await;
    let (handler, _) = app
        .signed_in(
            "antecknare@sala.example",
            Some((platform::auth::RoleKind::Staff, Some("sala"))),
        )
        .await;
    step(&second, "sala", id, "medsignera", &[]).await;
    step(&handler, "sala", id, "ta", &[]).await;
    step(
        &handler,
        "sala",
        id,
        "anteckning",
        &[("note", "Kören har 40 medlemmar.")],
    )
    .await;
    app.deliver().await;

    let (status, data) = second.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let apps = data["grants"]["applications"].as_array().unwrap();
    assert_eq!(apps.len(), 1, "{data}");
    assert_eq!(apps[0]["case_number"], "KFN 2026/0001");
    assert_eq!(apps[0]["you"], "co-signed");
    let (_, data) = rep.get_json("/konto/export").await;
    assert_eq!(data["grants"]["applications"][0]["you"], "began");
    assert_eq!(data["grants"]["applications"][0]["association"], "Sala kammarkör");
    let (_, data) = handler.get_json("/konto/export").await;
    assert_eq!(data["grants"]["notes_written"][0]["note"], "Kören har 40 medlemmar.");
    assert_eq!(data["grants"]["cases_handled"][0]["as"], "handled");

    // Erasing the co-signer's account: the case stays the association's, without their address.
    let erase = second.submit("/konto", "/konto/radera", &[("confirm", "on")]).await;
    assert!(erase.status == 200 || erase.status == 303, "{}", erase.text());
    let (email, co_signed): (String, Option<i64>) =
        sqlx::query_as("SELECT co_signer_email, co_signed_by_user_id FROM grants_applications WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!((email.as_str(), co_signed), ("", None));
    // The handler's account goes: the note stays on the case, without its author.
    handler.submit("/konto", "/konto/radera", &[("confirm", "on")]).await;
    let staff = app.staff("sala").await;
    let text = staff.get(&page("sala", id)).await.text();
    assert!(
        text.contains("Kören har 40 medlemmar.") && !text.contains("antecknare@sala.example"),
        "{text}"
    );
    assert!(text.contains("KFN 2026/0001") && text.contains("Sala kammarkör"));
    // The applicant can still log in and see the case.
    let again = app.client();
    again.login("anna.ek@example.se", PASSWORD).await;
    assert_eq!(again.get(&page("sala", id)).await.status, 200);
}

both!(account_export_and_erasure_cover_the_grants);
