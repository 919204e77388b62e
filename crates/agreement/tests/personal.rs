//! What the agreement keeps about a person, through /konto on both databases: the export lists
//! the comments they gave in a consultation (with their name and e-mail); erasing the account
//! leaves the texts in the compilation without their name.

use crate::common::*;

async fn a_commenters_data_is_exported_and_erased(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    let (_, principles) = new_draft(&app, &c, sala).await;
    let dialog = principles[1];
    let p = post(
        &c,
        &format!("{M}/princip/{dialog}/ataganden"),
        &[
            ("party", "municipality"),
            ("text", "Kommunen kallar till dialogträffar."),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    let p = post(&c, &format!("{M}/remiss"), &[("title", "Remiss 2026"), ("intro", "")]).await;
    assert_eq!(p.status, 303);
    let cid = consultation::consultations(&app.state.db, sala).await.unwrap()[0].id;
    let item = consultation::items(&app.state.db, sala, cid).await.unwrap()[0].id;

    let (u, _) = app.representative_client("isa@iks.example", "sala", "IKS").await;
    let p = u
        .submit(
            "/sala/overenskommelse/remiss",
            &format!("/sala/overenskommelse/remiss/synpunkt/{item}"),
            &[("body", "Träffar på kvällstid, tack")],
        )
        .await;
    assert_eq!(p.status, 303);
    let detail = c.get(&format!("{M}/remiss/{cid}")).await;
    assert!(
        detail.text().contains("Test isa@iks.example"),
        "the coordinator sees who wrote"
    );

    let (status, data) = u.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let comments = data["agreement"]["consultation_comments"]
        .as_array()
        .expect("the agreement's part");
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0]["comment"], "Träffar på kvällstid, tack");
    assert_eq!(comments[0]["name"], "Test isa@iks.example");
    assert_eq!(comments[0]["email"], "isa@iks.example");
    assert_eq!(comments[0]["consultation"], "Remiss 2026");
    assert_eq!(comments[0]["municipality"], "Sala");
    let (_, other) = c.get_json("/konto/export").await;
    assert_eq!(
        other["agreement"]["consultation_comments"].as_array().map(Vec::len),
        Some(0)
    );

    let account = u.get("/konto").await;
    let p = u
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(p.status, 200);
    // The text stays for the compilation, without anyone's name.
    let all = consultation::comments(&app.state.db, sala, cid).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].body, "Träffar på kvällstid, tack");
    assert_eq!(all[0].author, None);
    let (linked,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM agreement_comments WHERE user_id IS NOT NULL")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(linked, 0);
    let detail = c.get(&format!("{M}/remiss/{cid}")).await;
    assert!(!detail.text().contains("isa@iks.example"));
    assert!(detail.text().contains("Träffar på kvällstid, tack"));
    app.stop().await;
}

both!(a_commenters_data_is_exported_and_erased);
