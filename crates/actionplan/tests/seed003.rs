//! Seed 003, Sala's action plan as it came, imported end to end through the web's file upload,
//! twice: the second import finds nothing to create and changes nothing. (The structure of
//! seed 003 itself is pinned by the table parser's own tests.)

use crate::common::{action_of, counts};
use testkit::{both, Backend, TestApp};

const SEED: &[u8] = include_bytes!("data/seed003.txt");

async fn upload(c: &testkit::Client) -> testkit::Page {
    let page = c.get("/sala/handlingsplan/import").await;
    let action = action_of(&page.body, "import-file").unwrap();
    c.post_file(&action, "file", "003.txt", SEED.to_vec()).await
}

async fn seed_003_imports_once_and_again_changes_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    let preview = upload(&coord).await;
    assert_eq!(preview.status, 200, "{}", preview.text());
    let confirm = action_of(&preview.body, "import-confirm").expect("seed 003 has something to import");
    assert_eq!(
        coord
            .post_raw(&confirm, &[("_csrf", preview.csrf().as_str())])
            .await
            .status,
        303
    );
    let first = counts(&app).await;
    // Seed 003 as the table tests pin it: six areas, 24 goals, 17 activities, one plan.
    assert_eq!(first, [6, 24, 17, 1]);
    let (_, json) = app.client().get_json("/api/v1/sala/action-plan").await;
    assert_eq!(json["principles"][0]["number"], 1);
    assert!(
        json["principles"][0]["name"]
            .as_str()
            .unwrap()
            .starts_with("Självständighet"),
        "{json}"
    );

    let again = upload(&coord).await;
    assert!(
        again
            .text()
            .contains("Nya mål: 0. Nya aktiviteter: 0. Ändrade rader: 0."),
        "{}",
        again.text()
    );
    assert!(action_of(&again.body, "import-confirm").is_none());
    assert_eq!(counts(&app).await, first);
    app.stop().await;
}

both!(seed_003_imports_once_and_again_changes_nothing);

/// Seed 003's "Två fysiska träffar per år anordnas av kommunen" has an empty activity cell but a
/// responsible person and a follow-up: the preview says it has no description, and the plan
/// shows it under a visible name instead of a link with no text.
async fn an_activity_without_text_gets_a_visible_name(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    let preview = upload(&coord).await;
    assert!(
        preview.text().contains(
            "Aktivitet utan beskrivning: cellen Aktiviteter är tom (ansvar: Magnus Gunnarsson, uppföljning: Löpande)."
        ),
        "{}",
        preview.text()
    );
    let confirm = action_of(&preview.body, "import-confirm").unwrap();
    coord.post_raw(&confirm, &[("_csrf", preview.csrf().as_str())]).await;
    let (goal, activity): (i64, i64) = sqlx::query_as(
        "SELECT g.id, a.id FROM actionplan_goals g JOIN actionplan_activities a ON a.goal_id = g.id \
         WHERE g.text = 'Två fysiska träffar per år anordnas av kommunen'",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let anon = app.client();
    for path in [
        format!("/sala/handlingsplan/mal/{goal}"),
        "/sala/handlingsplan".to_string(),
    ] {
        let page = anon.get(&path).await;
        let link = format!("href=\"/sala/handlingsplan/aktivitet/{activity}\">");
        let at = page.body.find(&link).expect("the page links the activity");
        let rest = &page.body[at + link.len()..];
        assert!(
            rest.starts_with("Aktivitet utan beskrivning</a>"),
            "{path}: {}",
            &rest[..rest.len().min(80)]
        );
        assert!(!page.body.contains("\"></a>"), "{path} has a link with no text");
    }
    let page = anon.get(&format!("/sala/handlingsplan/aktivitet/{activity}")).await;
    assert_eq!(page.status, 200);
    assert!(page
        .body
        .contains("<h1 class=\"ds-heading\" data-size=\"lg\">Aktivitet utan beskrivning</h1>"));
    let print = anon.get("/sala/handlingsplan/utskrift").await;
    assert!(print.text().contains("Aktivitet utan beskrivning"));
    app.stop().await;
}

both!(an_activity_without_text_gets_a_visible_name);
