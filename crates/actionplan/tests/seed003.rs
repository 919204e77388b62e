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
