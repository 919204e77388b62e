//! The timeline over HTTP on both databases.

use crate::common::*;

async fn the_timeline_is_kept_by_the_coordinator_and_public(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    let add = |on: &'static str, title: &'static str| {
        let c = &c;
        async move {
            post(
                c,
                &format!("{M}/tidslinje"),
                &[("happened_on", on), ("kind", "meeting"), ("title", title), ("body", "")],
            )
            .await
        }
    };
    assert_eq!(add("2017-09-05", "Andra dialogmötet").await.status, 303);
    assert_eq!(add("2017-05-31", "Första dialogmötet <script>").await.status, 303);
    let p = post(
        &c,
        &format!("{M}/tidslinje"),
        &[
            ("happened_on", "2018-02-28"),
            ("kind", "decision"),
            ("title", "Kommunfullmäktige antar principerna"),
            ("body", ""),
        ],
    )
    .await;
    assert_eq!(p.status, 303);

    let p = app.client().get("/sala/overenskommelse/tidslinje").await;
    assert_eq!(p.status, 200);
    let text = p.text();
    let first = text.find("Första dialogmötet").unwrap();
    let second = text.find("Andra dialogmötet").unwrap();
    let third = text.find("Kommunfullmäktige antar").unwrap();
    assert!(first < second && second < third, "not in date order");
    assert!(text.contains("Beslut"));
    assert!(escaped(&p.body, "Första dialogmötet <script>"));

    // Bad input: a date that is not one, an unknown kind, an empty title.
    let p = post(
        &c,
        &format!("{M}/tidslinje"),
        &[
            ("happened_on", "31 maj"),
            ("kind", "party"),
            ("title", ""),
            ("body", ""),
        ],
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv ett datum som 2018-02-26."));
    assert!(p.text().contains("Välj ett av alternativen."));
    assert!(p.text().contains("Fyll i fältet."));
    assert_eq!(timeline::timeline(&app.state.db, sala).await.unwrap().len(), 3);

    let entries = timeline::timeline(&app.state.db, sala).await.unwrap();
    let id = entries[0].id;
    let p = post(
        &c,
        &format!("{M}/tidslinje/{id}"),
        &[
            ("happened_on", "2017-05-31"),
            ("kind", "meeting"),
            ("title", "Första dialogmötet"),
            ("body", "Vad betyder varje princip för oss?"),
        ],
    )
    .await;
    assert_eq!(p.status, 303);
    assert!(app
        .client()
        .get("/sala/overenskommelse/tidslinje")
        .await
        .text()
        .contains("Vad betyder varje princip"));
    assert_eq!(
        post(&c, &format!("{M}/tidslinje/{}/ta-bort", entries[1].id), &[])
            .await
            .status,
        303
    );
    assert_eq!(c.get(&format!("{M}/tidslinje/999999")).await.status, 404);
    assert_eq!(
        post(&c, &format!("{M}/tidslinje/999999/ta-bort"), &[]).await.status,
        404
    );

    let (status, json) = app.client().get_json("/api/v1/sala/agreement/timeline").await;
    assert_eq!(status, 200);
    assert_eq!(json["municipality"], "sala");
    let list = json["entries"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["date"], "2017-05-31");
    assert_eq!(list[0]["kind"], "meeting");
    assert_eq!(list[1]["kind"], "decision");
    assert_eq!(audit_count(&app, "agreement.timeline.add").await, 3);
    assert_eq!(audit_count(&app, "agreement.timeline.remove").await, 1);
    app.stop().await;
}

both!(the_timeline_is_kept_by_the_coordinator_and_public,);
