//! What the action plan keeps about a person, through /konto on both databases: the export
//! lists their progress notes, working groups and the activities they are responsible for;
//! erasing the account takes their name off the public history and ends their memberships.

use crate::common::{activity_id, count, import, link, TABLE};
use platform::auth::RoleKind;
use testkit::{both, Backend, TestApp};

async fn export_and_erasure_cover_notes_groups_and_responsibility(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let (staff, staff_id) = app
        .signed_in("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let name = "Test personal@sala.example";

    // Linked as responsible, a progress note written, a working group joined.
    let id = activity_id(&app, "Upphandla").await;
    link(&coord, "sala", id, Some(staff_id), None, "").await;
    let path = format!("/sala/handlingsplan/aktivitet/{id}");
    let done = staff
        .submit(
            &path,
            &path,
            &[
                ("status", "ongoing"),
                ("text", "Upphandlingen pågår."),
                ("noted_on", ""),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    assert!(
        app.client().get(&path).await.text().contains(name),
        "the history names the author"
    );
    let groups = "/sala/handlingsplan/grupper";
    let made = coord
        .submit(
            groups,
            groups,
            &[
                ("name", "Arbetsgrupp 1"),
                ("description", ""),
                ("area", ""),
                ("convener", ""),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.text());
    let group = made.location.unwrap();
    let joined = staff
        .submit(&group, &format!("{group}/ga-med"), &[("consent", "on")])
        .await;
    assert_eq!(joined.status, 303, "{}", joined.text());
    assert_eq!(count(&app, "actionplan_members").await, 1);

    // The export lists all three.
    let (status, data) = staff.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let mine = &data["actionplan"];
    assert_eq!(mine["progress_notes"][0]["text"], "Upphandlingen pågår.", "{data}");
    assert_eq!(mine["progress_notes"][0]["author"], name);
    assert_eq!(mine["progress_notes"][0]["status"], "ongoing");
    assert_eq!(mine["working_groups"][0]["group"], "Arbetsgrupp 1", "{data}");
    assert!(
        mine["responsible_for"][0]["activity"]
            .as_str()
            .unwrap()
            .starts_with("Upphandla"),
        "{data}"
    );

    // Erased: the note stays in the public history, without the name; the membership ends.
    let account = staff.get("/konto").await;
    let erased = staff
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    let history = app.client().get(&path).await.text();
    assert!(history.contains("Upphandlingen pågår."), "{history}");
    assert!(!history.contains(name), "{history}");
    let (names,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM actionplan_notes WHERE author_name LIKE '%personal%'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(names, 0);
    assert_eq!(count(&app, "actionplan_members").await, 0);
    let group_page = coord.get(&group).await.text();
    assert!(!group_page.contains("personal@sala.example"), "{group_page}");
}

both!(export_and_erasure_cover_notes_groups_and_responsibility);
