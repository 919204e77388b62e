//! Retiring rooms and premises over HTTP, on both databases (issue 15): the page lists the
//! future bookings, nothing happens without the confirmation, then those bookings are cancelled
//! with a letter to each booker, the room is no longer searched or booked, and past bookings
//! stay for the record.

use crate::common::*;
use platform::auth::RoleKind;
use premises::domain::Mode;
use testkit::{both, Backend, TestApp};

async fn statuses(app: &TestApp, room: premises::ids::RoomId) -> Vec<(String, String)> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT starts_at, status FROM premises_bookings WHERE room_id = $1 ORDER BY starts_at")
            .bind(room)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    rows.into_iter()
        .map(|(t, s)| (premises::domain::local_date(t).to_string(), s))
        .collect()
}

async fn a_retired_room_cancels_its_future_bookings_and_is_no_longer_booked(backend: Backend) {
    let app = TestApp::start(backend).await;
    let m = app.municipality("sala", "Sala kommun").await;
    let spec = || RoomSpec {
        mode: Mode::Instant,
        ..RoomSpec::default()
    };
    let (_, big) = room(&app, m, "Stora salen", spec()).await;
    let (_, small) = room(&app, m, "Lilla salen", spec()).await;
    let anna = signed_in(&app, "anna@example.se", RoleKind::Staff, "sala").await;
    let bo = app.client();
    app.user("bo@example.se", None).await;
    bo.login("bo@example.se", testkit::PASSWORD).await;
    // Anna books today's afternoon (past by the time the room is retired) and two later days;
    // Bo one later day; and Anna the small hall.
    for d in ["2026-11-23", "2026-12-02", "2026-12-09"] {
        let p = book_company(&anna, big, d, "14:00", "15:00").await;
        assert_eq!(p.status, 303, "{}", p.text());
    }
    assert_eq!(book_company(&bo, big, "2026-12-10", "10:00", "11:00").await.status, 303);
    assert_eq!(
        book_company(&anna, small, "2026-12-02", "10:00", "11:00").await.status,
        303
    );
    app.deliver().await;
    app.clock.advance(chrono::Duration::hours(8));
    let staff = signed_in(&app, "lokaler@sala.example", RoleKind::Staff, "sala").await;

    // The page lists the future bookings; the room's edit page links to it.
    let edit = staff.get(&format!("/sala/lokaler/rum/{big}/redigera")).await;
    assert!(edit.body.contains(&format!("/sala/lokaler/rum/{big}/avveckla")));
    let path = format!("/sala/lokaler/rum/{big}/avveckla");
    let page = staff.get(&path).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(text.contains("Avveckla Stora salen, Stora salen (lokal)"), "{text}");
    assert!(
        text.contains("2 december 2026 14:00–15:00") || text.contains("2026-12-02"),
        "{text}"
    );
    let future = page
        .body
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap();
    assert_eq!(future.matches("<tr>").count(), 3, "{future}");

    // Nothing happens without the confirmation.
    let unconfirmed = staff.submit(&path, &path, &[]).await;
    assert_eq!(unconfirmed.status, 422);
    assert!(unconfirmed
        .text()
        .contains("Kryssa i att du förstår att de framtida bokningarna avbokas."));
    assert!(statuses(&app, big).await.iter().all(|(_, s)| s == "confirmed"));

    let done = staff.submit(&path, &path, &[("bekrafta", "ja")]).await;
    assert_eq!(done.status, 200, "{}", done.text());
    let text = done.text();
    assert!(
        text.contains("Stora salen, Stora salen (lokal) är avvecklad. 3 framtida bokningar är avbokade"),
        "{text}"
    );
    assert!(
        text.contains("Avvecklad ") && text.contains("Inga framtida bokningar."),
        "{text}"
    );
    // The past booking stays; the future ones are cancelled; the other room is untouched.
    assert_eq!(
        statuses(&app, big).await,
        [
            ("2026-11-23".to_string(), "confirmed".to_string()),
            ("2026-12-02".into(), "cancelled".into()),
            ("2026-12-09".into(), "cancelled".into()),
            ("2026-12-10".into(), "cancelled".into()),
        ]
    );
    assert_eq!(statuses(&app, small).await[0].1, "confirmed");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'premises.room.retire'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);

    // Each booker gets one letter with their times.
    let before = app.outbox().await.len();
    app.deliver().await;
    let mail = app.outbox().await;
    let retired: Vec<_> = mail.iter().filter(|m| m.1.contains("avvecklas")).collect();
    assert_eq!(retired.len(), 2, "{mail:?}");
    let to_anna = retired.iter().find(|m| m.0 == "anna@example.se").unwrap();
    assert_eq!(to_anna.1, "Avbokad: Stora salen, Stora salen (lokal) avvecklas");
    assert!(
        to_anna.2.contains("2026-12-02") || to_anna.2.contains("2 december"),
        "{}",
        to_anna.2
    );
    assert_eq!(to_anna.2.matches("kl 14:00–15:00").count(), 2, "{}", to_anna.2);
    assert!(retired.iter().any(|m| m.0 == "bo@example.se"));
    assert!(mail.len() >= before);

    // No longer searched or booked; the second confirmation changes nothing.
    let search = bo.get("/sala/lokaler?personer=5").await.text();
    assert!(
        search.contains("Lilla salen") && !search.contains("Stora salen"),
        "{search}"
    );
    let book = bo.get(&format!("/sala/lokaler/rum/{big}/boka")).await;
    assert_eq!(book.status, 404);
    assert!(book.text().contains("Lokalen är avvecklad och kan inte bokas."));
    assert_eq!(staff.submit(&path, &path, &[("bekrafta", "ja")]).await.status, 409);
    // Its page stays, says so, and offers no free time to book.
    let page = bo.get(&format!("/sala/lokaler/rum/{big}?vecka=2026-W49")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Lokalen är avvecklad och kan inte bokas."));
    assert!(!page.body.contains("/boka?"), "{}", page.text());
    let small_page = bo.get(&format!("/sala/lokaler/rum/{small}?vecka=2026-W49")).await;
    assert!(small_page.body.contains("/boka?"));
}

async fn a_retired_premises_retires_its_rooms(backend: Backend) {
    let app = TestApp::start(backend).await;
    let m = app.municipality("sala", "Sala kommun").await;
    let (premises, hall) = room(&app, m, "Lilla salen", RoomSpec::default()).await;
    let anna = signed_in(&app, "anna@example.se", RoleKind::Staff, "sala").await;
    assert_eq!(
        book_company(&anna, hall, "2026-12-02", "10:00", "11:00").await.status,
        303
    );
    let staff = signed_in(&app, "lokaler@sala.example", RoleKind::Staff, "sala").await;
    let path = format!("/sala/lokaler/{premises}/avveckla");
    assert!(staff
        .get(&format!("/sala/lokaler/{premises}/redigera"))
        .await
        .body
        .contains(&path));
    let done = staff.submit(&path, &path, &[("bekrafta", "ja")]).await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert!(
        done.text().contains("1 framtida bokningar är avbokade"),
        "{}",
        done.text()
    );
    assert_eq!(statuses(&app, hall).await[0].1, "cancelled");
    assert_eq!(anna.get(&format!("/sala/lokaler/rum/{hall}/boka")).await.status, 404);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'premises.premises.retire'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 1);
    app.deliver().await;
    assert!(app
        .outbox()
        .await
        .iter()
        .any(|m| m.1 == "Avbokad: Lilla salen (lokal) avvecklas"));
}

both!(
    a_retired_room_cancels_its_future_bookings_and_is_no_longer_booked,
    a_retired_premises_retires_its_rooms,
);
