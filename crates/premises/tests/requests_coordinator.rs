//! The coordinator's requests page over HTTP, on both databases (issue 15): a coordinator
//! manages every association's premises (`inventory::domain::manages`), so their requests page
//! shows requests for associations' premises too and they may answer them; a staff member who
//! is not a coordinator sees only the municipality's own.

use crate::common::*;
use platform::auth::RoleKind;
use premises::domain::Mode;
use testkit::{both, Backend, TestApp};

async fn the_coordinator_answers_requests_for_associations_premises(backend: Backend) {
    let app = TestApp::start(backend).await;
    let m = app.municipality("sala", "Sala kommun").await;
    let (_, org) = app.representative("kansli@ifksala.example", "sala", "IFK Sala").await;
    let (_, club) = room(
        &app,
        m,
        "Klubbrummet",
        RoomSpec {
            mode: Mode::Request,
            organisation: Some(org),
            ..RoomSpec::default()
        },
    )
    .await;
    let (_, own) = room(
        &app,
        m,
        "Stora salen",
        RoomSpec {
            mode: Mode::Request,
            ..RoomSpec::default()
        },
    )
    .await;
    let anna = signed_in(&app, "anna@example.se", RoleKind::Staff, "sala").await;
    assert_eq!(
        book_company(&anna, club, "2026-12-02", "10:00", "11:00").await.status,
        303
    );
    assert_eq!(
        book_company(&anna, own, "2026-12-03", "10:00", "11:00").await.status,
        303
    );

    let coordinator = signed_in(&app, "samordnare@sala.example", RoleKind::Coordinator, "sala").await;
    let page = coordinator.get("/sala/lokaler/hantera").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Klubbrummet, Klubbrummet (lokal)"), "{text}");
    assert!(text.contains("Stora salen, Stora salen (lokal)"), "{text}");

    let staff = signed_in(&app, "lokaler@sala.example", RoleKind::Staff, "sala").await;
    let text = staff.get("/sala/lokaler/hantera").await.text();
    assert!(
        text.contains("Stora salen, Stora salen (lokal)") && !text.contains("Klubbrummet"),
        "{text}"
    );

    // The coordinator approves the association's request from the page.
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM premises_bookings WHERE room_id = $1")
        .bind(club)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let done = coordinator
        .submit(
            "/sala/lokaler/hantera",
            &format!("/sala/lokaler/bokningar/{id}/beslut"),
            &[("beslut", "godkann")],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.text());
    let text = done.text();
    assert!(text.contains("Godkänt: 1 tider för Berg AB."), "{text}");
    assert!(!text.contains("Klubbrummet") && text.contains("Stora salen"), "{text}");
    app.deliver().await;
}

both!(the_coordinator_answers_requests_for_associations_premises);
