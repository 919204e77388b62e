//! The areas' link to the agreement's principles over HTTP on both databases: the coordinator
//! ticks an area's principles, the plan shows them beside the area, the principle's page lists
//! the areas, and another municipality finds nothing.

use crate::common::{import, TABLE};
use actionplan::ids::AreaId;
use testkit::{both, Backend, TestApp};

async fn area_of(app: &TestApp, number: i64) -> AreaId {
    let (id,): (AreaId,) = sqlx::query_as("SELECT id FROM actionplan_areas WHERE number = $1")
        .bind(number)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

async fn areas_name_the_principles_they_work_on(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    // Sala's adopted agreement with its six principles (seed 001).
    agreement::demo(&app.state.db, app.state.now()).await.unwrap();
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let first = area_of(&app, 1).await;
    let form = format!("/sala/handlingsplan/omrade/{first}/principer");

    let page = coord.get(&form).await;
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains("1. Självständighet och oberoende"),
        "{}",
        page.text()
    );
    assert!(page.text().contains("6. Mångfald"));
    let p = coord
        .submit(
            &form,
            &form,
            &[("princip-1", "on"), ("princip-5", "on"), ("princip-42", "on")],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert!(coord
        .get(&p.location.unwrap())
        .await
        .text()
        .contains("Områdets principer är sparade."));

    // The plan shows them beside the area, for everyone; the coordinator has the form's link.
    let plan = app.client().get("/sala/handlingsplan").await;
    let text = plan.text();
    assert!(
        text.contains("Principer i överenskommelsen: 1. Självständighet och oberoende")
            && text.contains("5. Öppenhet och insyn"),
        "{text}"
    );
    assert!(!plan.body.contains("/principer\""));
    assert!(coord
        .get("/sala/handlingsplan")
        .await
        .body
        .contains(&format!("href=\"{form}\"")));

    // The principle's page lists the area; another principle has none.
    let page = app.client().get("/sala/handlingsplan/princip/5").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("5. Öppenhet och insyn"));
    assert!(
        page.body.contains("href=\"/sala/handlingsplan#omrade-1\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("href=\"/sala/overenskommelse#princip-5\""));
    let none = app.client().get("/sala/handlingsplan/princip/2").await.text();
    assert!(none.contains("Inget område i handlingsplanen är kopplat till principen ännu."));
    assert_eq!(app.client().get("/sala/handlingsplan/princip/42").await.status, 404);

    // Unticking all leaves none.
    let p = coord.submit(&form, &form, &[]).await;
    assert_eq!(p.status, 303);
    assert!(!app
        .client()
        .get("/sala/handlingsplan")
        .await
        .text()
        .contains("Principer i överenskommelsen"));

    // Another municipality's coordinator finds nothing behind Sala's area.
    let other = app.coordinator("orebro").await;
    let theirs = format!("/orebro/handlingsplan/omrade/{first}/principer");
    assert_eq!(other.get(&theirs).await.status, 404);
    assert_eq!(
        other
            .submit("/orebro/handlingsplan", &theirs, &[("princip-1", "on")])
            .await
            .status,
        404
    );
    assert_eq!(other.get(&form).await.status, 403);
    // Nobody but a coordinator sets them.
    assert_eq!(app.staff("sala").await.get(&form).await.status, 403);

    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'actionplan.area.principles'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 2);
    app.stop().await;
}

both!(areas_name_the_principles_they_work_on);
