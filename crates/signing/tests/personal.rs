//! What the signing book keeps about an account holder, through /konto on both databases: the
//! export lists the signature they made online; erasing the account takes their name off the
//! public signing book while the organisation's signature stays in force.

use testkit::{both, Backend, TestApp};

async fn account_export_and_erasure_cover_the_signing_book(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let (c, iks) = app
        .representative_client("isa@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let signed = c
        .submit(
            "/sala/signeringsbok/signera",
            "/sala/signeringsbok/signera",
            &[
                ("organisation", &iks.to_string()),
                ("signed_by_name", "Isa Österberg"),
                ("signed_by_role", "Ordförande"),
                ("signed_on", "2026-11-20"),
                ("agree", "on"),
            ],
        )
        .await;
    assert_eq!(signed.status, 303, "{}", signed.text());
    let book = app.client().get("/sala/signeringsbok").await;
    assert!(book.text().contains("Isa Österberg"), "{}", book.text());

    let (status, data) = c.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let signatures = &data["signing"]["signatures"];
    assert_eq!(signatures.as_array().map(Vec::len), Some(1), "{data}");
    assert_eq!(signatures[0]["signer"], "IKS – Ideell Kultur i Sala");
    assert_eq!(signatures[0]["signed_by"], "Isa Österberg");
    assert_eq!(signatures[0]["role"], "Ordförande");
    assert_eq!(signatures[0]["signed_on"], "2026-11-20");
    assert_eq!(signatures[0]["channel"], "online");

    let account = c.get("/konto").await;
    let erased = c
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200);
    let book = app.client().get("/sala/signeringsbok").await.text();
    assert!(!book.contains("Isa Österberg"), "the name is gone: {book}");
    assert!(
        book.contains("IKS – Ideell Kultur i Sala"),
        "the signature stays: {book}"
    );
    let signed = signing::in_force_for_organisation(&app.state.db, app.municipality_id("sala").await, iks)
        .await
        .unwrap()
        .expect("still in force");
    assert_eq!(signed.signed_by_name, "");
    assert_eq!(signed.recorded_by_user_id, None);
}

both!(account_export_and_erasure_cover_the_signing_book);
