//! Editing the plan on the web (both databases): goals and activities added, changed, moved
//! and removed, the plan's introduction written, every change in the audit trail; only the
//! municipality's coordinator, and only within the municipality.

use crate::common::{activity_id, count, import, TABLE};
use platform::auth::RoleKind;
use testkit::{both, Backend, TestApp};

async fn id(app: &TestApp, sql: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as(sql).fetch_one(&app.state.db.pool).await.unwrap();
    id
}

async fn actions(app: &TestApp) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT action FROM audit_log WHERE action LIKE 'actionplan.%' ORDER BY id")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

async fn the_coordinator_edits_the_plan_on_the_web(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let dialog = id(&app, "SELECT id FROM actionplan_areas WHERE number = 2").await;
    let independence = id(&app, "SELECT id FROM actionplan_areas WHERE number = 1").await;
    let plan = coord.get("/sala/handlingsplan").await;
    assert!(plan.text().contains("Nytt mål"), "{}", plan.text());

    // A new goal in area 2.
    let path = "/sala/handlingsplan/nytt-mal";
    let area = dialog.to_string();
    let done = coord
        .submit(
            path,
            path,
            &[
                ("area", area.as_str()),
                ("owner", "civil_society"),
                ("text", "Utveckla dialog, nätverksutbyte föreningar emellan"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    let goal_path = done.location.unwrap();
    let goal_page = coord.get(&goal_path).await;
    assert!(goal_page.text().contains("Målet är sparat."));
    let goal = id(
        &app,
        "SELECT id FROM actionplan_goals WHERE text = 'Utveckla dialog, nätverksutbyte föreningar emellan'",
    )
    .await;

    // Two activities; the second moved above the first.
    let add = format!("/sala/handlingsplan/mal/{goal}/ny-aktivitet");
    for text in [
        "Nätverksträff två gånger per år.",
        "Gemensam kalender för föreningarna.",
    ] {
        let done = coord
            .submit(
                &add,
                &add,
                &[
                    ("text", text),
                    ("time_text", "2027"),
                    ("responsible_text", "Föreningsrådet"),
                    ("follow_up_text", "Löpande"),
                    ("follow_up_on", ""),
                ],
            )
            .await;
        assert_eq!(done.status, 303, "{}", done.text());
    }
    let empty = coord.submit(&add, &add, &[("text", " ")]).await;
    assert_eq!(empty.status, 422, "an activity needs a text");
    let calendar = activity_id(&app, "Gemensam kalender").await;
    let done = coord
        .submit(
            &goal_path,
            &format!("/sala/handlingsplan/aktivitet/{calendar}/flytta"),
            &[("riktning", "upp")],
        )
        .await;
    assert_eq!(done.status, 303);
    let t = coord.get(&goal_path).await.text();
    let (a, b) = (t.find("Gemensam kalender").unwrap(), t.find("Nätverksträff").unwrap());
    assert!(a < b, "moved up: {t}");
    let (_, json) = app.client().get_json("/api/v1/sala/action-plan").await;
    let goals = json["principles"][1]["goals"].as_array().unwrap();
    let new = goals
        .iter()
        .find(|g| g["text"].as_str().unwrap().starts_with("Utveckla dialog"))
        .expect("the new goal in area 2");
    assert_eq!(new["activities"][0]["text"], "Gemensam kalender för föreningarna.");
    assert_eq!(new["activities"][1]["follow_up"], "Löpande");

    // The goal moved to area 1 with a changed text.
    let edit = format!("/sala/handlingsplan/mal/{goal}/redigera");
    let area = independence.to_string();
    let done = coord
        .submit(
            &edit,
            &edit,
            &[
                ("area", area.as_str()),
                ("owner", "both"),
                ("text", "Utveckla dialogen mellan föreningarna"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    let (_, json) = app.client().get_json("/api/v1/sala/action-plan").await;
    let texts: Vec<String> = json["principles"][0]["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["text"].as_str().unwrap().to_string())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Utveckla dialogen mellan föreningarna")),
        "{texts:?}"
    );

    // An activity moved to another goal on its edit page.
    let other = id(
        &app,
        "SELECT id FROM actionplan_goals WHERE text = 'Tydligare kommunicera kontaktvägar'",
    )
    .await;
    let edit = format!("/sala/handlingsplan/aktivitet/{calendar}/redigera");
    let target = other.to_string();
    let done = coord
        .submit(
            &edit,
            &edit,
            &[
                ("goal", target.as_str()),
                ("text", "Gemensam kalender för föreningarna."),
                ("follow_up_text", "Löpande"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    let (g,): (i64,) = sqlx::query_as("SELECT goal_id FROM actionplan_activities WHERE id = $1")
        .bind(calendar)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(g, other);

    // Removing: the activity, then the goal with its other activity.
    let remove = format!("/sala/handlingsplan/aktivitet/{calendar}/ta-bort");
    assert!(coord.get(&remove).await.text().contains("Det går inte att ångra."));
    let done = coord.submit(&remove, &remove, &[]).await;
    assert_eq!(done.status, 303);
    let before = count(&app, "actionplan_activities").await;
    let remove = format!("/sala/handlingsplan/mal/{goal}/ta-bort");
    assert!(coord
        .get(&remove)
        .await
        .text()
        .contains("Målets aktivitet tas bort med det"));
    let done = coord.submit(&remove, &remove, &[]).await;
    assert_eq!(done.status, 303);
    assert_eq!(count(&app, "actionplan_activities").await, before - 1);
    assert_eq!(coord.get(&goal_path).await.status, 404);
    let plan = coord.get(&done.location.unwrap()).await;
    assert!(plan.text().contains("Målet är borttaget."));
    assert!(!plan.text().contains("Utveckla dialogen"));

    // The introduction, written in the settings.
    let settings = "/sala/handlingsplan/installningar";
    let done = coord
        .submit(
            settings,
            settings,
            &[
                ("title", "Handlingsplan"),
                ("intro", "Planen har sex områden.\n\nDen följs upp varje år."),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    let plan = app.client().get("/sala/handlingsplan").await;
    assert!(
        plan.body.contains(
            "<p class=\"ds-paragraph\">Planen har sex områden.</p><p class=\"ds-paragraph\">Den följs upp varje år.</p>"
        ),
        "{}",
        plan.body
    );

    // Every change is in the audit trail.
    let log = actions(&app).await;
    for action in [
        "actionplan.goal.create",
        "actionplan.activity.create",
        "actionplan.activity.move",
        "actionplan.goal.update",
        "actionplan.activity.update",
        "actionplan.activity.delete",
        "actionplan.goal.delete",
        "actionplan.plan.update",
    ] {
        assert!(log.iter().any(|a| a == action), "{action} in {log:?}");
    }
    assert_eq!(log.iter().filter(|a| *a == "actionplan.activity.create").count(), 2);
    app.stop().await;
}

async fn only_the_municipalitys_coordinator_edits_the_plan(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("heby", "Heby").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let heby = app.coordinator("heby").await;
    import(&heby, "heby", TABLE).await;
    let goal = id(
        &app,
        "SELECT g.id FROM actionplan_goals g JOIN municipalities m ON m.id = g.municipality_id \
         WHERE m.slug = 'sala' ORDER BY g.id LIMIT 1",
    )
    .await;
    let heby_goal = id(
        &app,
        "SELECT g.id FROM actionplan_goals g JOIN municipalities m ON m.id = g.municipality_id \
         WHERE m.slug = 'heby' ORDER BY g.id LIMIT 1",
    )
    .await;
    let heby_area = id(
        &app,
        "SELECT a.id FROM actionplan_areas a JOIN municipalities m ON m.id = a.municipality_id \
         WHERE m.slug = 'heby' ORDER BY a.id LIMIT 1",
    )
    .await;
    let before = (
        count(&app, "actionplan_goals").await,
        count(&app, "actionplan_activities").await,
    );
    let remove = format!("/sala/handlingsplan/mal/{goal}/ta-bort");

    let anon = app.client();
    let page = anon.get(&remove).await;
    assert_eq!(page.status, 303);
    assert!(page.location.unwrap().starts_with("/konto/logga-in"));
    let (staff, _) = app
        .signed_in("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    assert_eq!(staff.get(&remove).await.status, 403);
    assert_eq!(staff.submit("/sala/handlingsplan", &remove, &[]).await.status, 403);
    assert_eq!(staff.get("/sala/handlingsplan/nytt-mal").await.status, 403);
    // Heby's coordinator: not on Sala's pages, and Sala's goal is not found under Heby.
    assert_eq!(heby.get(&remove).await.status, 403);
    let as_heby = format!("/heby/handlingsplan/mal/{goal}/ta-bort");
    assert_eq!(heby.get(&as_heby).await.status, 404);
    assert_eq!(heby.submit("/heby/handlingsplan", &as_heby, &[]).await.status, 404);
    let moved = format!("/heby/handlingsplan/mal/{goal}/flytta");
    assert_eq!(
        heby.submit("/heby/handlingsplan", &moved, &[("riktning", "ned")])
            .await
            .status,
        404
    );
    // Sala's coordinator cannot place a goal in Heby's area or an activity under Heby's goal.
    let path = "/sala/handlingsplan/nytt-mal";
    let area = heby_area.to_string();
    let page = coord
        .submit(
            path,
            path,
            &[("area", area.as_str()), ("owner", "both"), ("text", "Ett mål")],
        )
        .await;
    assert_eq!(page.status, 422);
    let add = format!("/sala/handlingsplan/mal/{heby_goal}/ny-aktivitet");
    assert_eq!(coord.get(&add).await.status, 404);
    assert_eq!(
        coord
            .submit("/sala/handlingsplan", &add, &[("text", "Smyger in.")])
            .await
            .status,
        404
    );
    assert_eq!(
        (
            count(&app, "actionplan_goals").await,
            count(&app, "actionplan_activities").await
        ),
        before
    );
    app.stop().await;
}

/// A working group formed around a single goal: it belongs to the goal's area and its page
/// names the goal; another municipality's goal is refused.
async fn a_working_group_forms_around_a_single_goal(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("heby", "Heby").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let heby = app.coordinator("heby").await;
    import(&heby, "heby", TABLE).await;
    let goal = id(
        &app,
        "SELECT g.id FROM actionplan_goals g JOIN municipalities m ON m.id = g.municipality_id \
         WHERE m.slug = 'sala' AND g.text = 'Tydligare kommunicera kontaktvägar'",
    )
    .await;
    let heby_goal = id(
        &app,
        "SELECT g.id FROM actionplan_goals g JOIN municipalities m ON m.id = g.municipality_id \
         WHERE m.slug = 'heby' ORDER BY g.id LIMIT 1",
    )
    .await;
    let groups = "/sala/handlingsplan/grupper";
    assert!(coord.get(groups).await.text().contains("Inget enskilt mål"));
    let other = heby_goal.to_string();
    let bad = coord
        .submit(
            groups,
            groups,
            &[("name", "Kontaktvägar"), ("area", ""), ("goal", other.as_str())],
        )
        .await;
    assert_eq!(bad.status, 422, "another municipality's goal");
    assert_eq!(count(&app, "actionplan_groups").await, 0);
    let goal_s = goal.to_string();
    let done = coord
        .submit(
            groups,
            groups,
            &[
                ("name", "Kontaktvägar"),
                ("area", ""),
                ("goal", goal_s.as_str()),
                ("description", "Samlas kring ett enda mål."),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    let page = app.client().get(&done.location.unwrap()).await;
    let t = page.text();
    assert!(t.contains("Tydligare kommunicera kontaktvägar"), "{t}");
    assert!(t.contains("2 Dialog"), "the goal's area: {t}");
    let list = app.client().get(groups).await.text();
    assert!(list.contains("2 Dialog: Tydligare kommunicera kontaktvägar"), "{list}");
    app.stop().await;
}

both!(
    a_working_group_forms_around_a_single_goal,
    the_coordinator_edits_the_plan_on_the_web,
    only_the_municipalitys_coordinator_edits_the_plan
);
