//! A working group's own meetings: the coordinator starts the group's series, puts a meeting in
//! it, and the invitation goes to the group's members; the page is public, another
//! municipality finds nothing; on both databases.

use crate::common::*;
use platform::auth::CurrentUser;
use testkit::{both, Backend, TestApp};

async fn a_working_group_holds_its_own_meetings(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (sala, _) = sala_with_meeting(&app, "").await;
    let now = app.state.now();
    let group = actionplan::groups::store::create_group(
        &app.state.db,
        sala,
        &actionplan::groups::store::NewGroup {
            name: "Arbetsgrupp Lokaler",
            description: "",
            area_id: None,
            goal_id: None,
            convener: None,
        },
        None,
        now,
    )
    .await
    .unwrap();
    let member = app.user("medlem@example.se", None).await;
    let who = CurrentUser {
        id: member,
        name: "Maja Medlem".into(),
        email: "medlem@example.se".into(),
        roles: vec![],
    };
    actionplan::groups::store::join(&app.state.db, sala, group, &who, now)
        .await
        .unwrap();

    // The group's page leads to its meetings; none yet.
    let public = app.client();
    let group_page = public.get(&format!("/sala/handlingsplan/grupper/{group}")).await.body;
    let page = format!("/sala/moten/arbetsgrupper/{group}/moten");
    assert!(group_page.contains(&page), "{group_page}");
    let text = public.get(&page).await.text();
    assert!(text.contains("Möten i Arbetsgrupp Lokaler"), "{text}");
    assert!(
        !text.contains("Starta arbetsgruppens möten"),
        "the form is the coordinator's"
    );

    let c = coordinator(&app, "sala").await;
    assert!(c.get(&page).await.text().contains("Starta arbetsgruppens möten"));
    let started = c.submit(&page, &page, &[]).await;
    assert_eq!(started.status, 303, "{}", started.text());
    let (series,): (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series WHERE group_id = $1")
        .bind(group.get())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // Started once: a second press changes nothing.
    c.submit(&page, &page, &[]).await;
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM meetings_series WHERE group_id = $1")
        .bind(group.get())
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);

    let mut form = meeting_six(series, "");
    form.number = String::new();
    form.title = "Arbetsgruppen Lokaler, första mötet".into();
    let input = form.check(&[series]).unwrap();
    let meeting = meetings::store::save_meeting(&app.state.db, sala, None, &input, None, now)
        .await
        .unwrap()
        .unwrap();
    let text = public.get(&page).await.text();
    assert!(text.contains("Arbetsgruppen Lokaler, första mötet"), "{text}");

    // The invitation offers the group's members, and goes to them.
    let send = format!("/sala/moten/{meeting}/inbjudan/skicka");
    let form = c.get(&send).await.text();
    assert!(form.contains("Arbetsgruppens medlemmar (1)"), "{form}");
    let sent = c.submit(&send, &send, &[("group", "on")]).await;
    assert!(
        sent.text().contains("Inbjudan skickas till 1 mottagare."),
        "{}",
        sent.text()
    );
    let outbox = app.deliver().await;
    assert!(
        outbox
            .iter()
            .any(|(to, subject, _)| to == "medlem@example.se" && subject.contains("Arbetsgruppen Lokaler")),
        "{outbox:?}"
    );
    // A dialog meeting does not offer the group.
    let (dialog,): (i64,) = sqlx::query_as("SELECT id FROM meetings_meetings WHERE title LIKE 'Dialogmöte 6%'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let other_send = c.get(&format!("/sala/moten/{dialog}/inbjudan/skicka")).await.text();
    assert!(!other_send.contains("Arbetsgruppens medlemmar"));

    // Another municipality finds neither the group nor its meetings.
    app.municipality("orebro", "Örebro kommun").await;
    let other = coordinator(&app, "orebro").await;
    let there = format!("/orebro/moten/arbetsgrupper/{group}/moten");
    assert_eq!(other.get(&there).await.status, 404);
    let token = other.get("/orebro/moten/nytt").await.csrf();
    assert_eq!(other.post_raw(&there, &[("_csrf", token.as_str())]).await.status, 404);
}

both!(a_working_group_holds_its_own_meetings);
