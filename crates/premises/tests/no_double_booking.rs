//! Never a double booking, on both databases: 200 attempts at once at the same time (exactly
//! one wins, the rest are told it is already booked); many random single and weekly bookings
//! at once, after which no two active bookings of a room overlap; and the database itself
//! refusing an overlap written around the web layer.

use crate::common::{active, room, RoomId, RoomSpec};
use futures::future::join_all;
use platform::auth::RoleKind;
use premises::booking::store::{self, BookError, BookingInput};
use premises::domain::{self, BookerKind};
use rand::{rngs::StdRng, Rng, SeedableRng};
use testkit::{both, Backend, TestApp, PASSWORD};

both!(
    two_hundred_at_once_one_wins,
    random_overlapping_bookings_never_overlap,
    the_database_refuses_an_overlap_itself,
    search_and_json_show_free_times,
);

/// A deadlock needs PostgreSQL's row locks; SQLite's one writer cannot meet one.
mod a_deadlocked_series_is_tried_again {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::a_deadlocked_series_is_tried_again(testkit::Backend::Postgres).await
    }
}

async fn two_hundred_at_once_one_wins(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    // Ten people, each with their own session, send twenty attempts each at the same moment.
    let mut clients = vec![];
    for i in 0..10 {
        let email = format!("person{i}@example.se");
        app.user(&email, None).await;
        let c = app.client();
        c.login(&email, PASSWORD).await;
        let token = c.get(&format!("/sala/lokaler/rum/{r}/boka")).await.csrf();
        clients.push((c, token));
    }
    let path = format!("/sala/lokaler/rum/{r}/boka");
    let attempts = (0..200).map(|i| {
        let (c, token) = &clients[i % clients.len()];
        let path = path.clone();
        async move {
            c.post_raw(
                &path,
                &[
                    ("_csrf", token.as_str()),
                    ("datum", "2026-12-05"),
                    ("fran", "14:00"),
                    ("till", "16:00"),
                    ("personer", "20"),
                    ("bokare", "private"),
                ],
            )
            .await
        }
    });
    let pages = join_all(attempts).await;
    let won = pages.iter().filter(|p| p.status == 303).count();
    let taken = pages
        .iter()
        .filter(|p| p.status == 409 && p.text().contains("Redan bokad"))
        .count();
    assert_eq!(
        won,
        1,
        "statuses: {:?}",
        pages.iter().map(|p| p.status).collect::<Vec<_>>()
    );
    assert_eq!(taken, 199);
    assert_eq!(active(&app, r).await.len(), 1);
    app.deliver().await;
    app.stop().await;
}

async fn random_overlapping_bookings_never_overlap(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let mut rooms = vec![];
    for (name, buffer) in [("A", 0), ("B", 15), ("C", 60)] {
        let (_, id) = room(
            &app,
            sala,
            name,
            RoomSpec {
                buffer,
                ..RoomSpec::default()
            },
        )
        .await;
        rooms.push(
            premises::inventory::store::room(&app.state.db, sala, id)
                .await
                .unwrap()
                .unwrap(),
        );
    }
    let first = domain::parse_date("2026-12-07").unwrap();
    let mut rng = StdRng::seed_from_u64(20261123);
    // 300 attempts: single bookings and weekly series of 2–6 weeks, in quarter hours between
    // 08:00 and 22:00 over two weeks, all sent at once.
    let plans: Vec<_> = (0..300)
        .map(|_| {
            let room = rng.gen_range(0..rooms.len());
            let day = first + chrono::Duration::days(rng.gen_range(0..14));
            let start = 480 + 15 * rng.gen_range(0..52);
            let end = (start + 15 * rng.gen_range(1..12)).min(1320);
            let weeks = if rng.gen_bool(0.3) { rng.gen_range(2..7) } else { 1 };
            (room, day, start, end, weeks)
        })
        .collect();
    let tries = plans.iter().enumerate().map(|(i, (room, day, start, end, weeks))| {
        let r = &rooms[*room];
        let app = &app;
        async move {
            let slots = if *weeks == 1 {
                vec![domain::slot(*day, *start, *end, r.buffer_minutes, &r.hours).unwrap()]
            } else {
                let last = *day + chrono::Duration::days(7 * (*weeks as i64 - 1));
                domain::weekly(*day, last, *start, *end, &[], r.buffer_minutes, &r.hours).unwrap()
            };
            let input = BookingInput {
                user_id: None,
                organisation_id: None,
                kind: BookerKind::Private,
                booker_name: format!("Bokare {i}"),
                email: format!("b{i}@example.se"),
                purpose: String::new(),
                attendees: 5,
                public_title: None,
            };
            let series = *weeks > 1;
            let now = app.state.now();
            platform::db::write(&app.state.db, now, async |tx| {
                let (booked, change) = store::book(tx, sala, r, &input, &slots, series, now).await?;
                Ok::<_, BookError>((booked, change))
            })
            .await
        }
    });
    let results = join_all(tries).await;
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let taken = results.iter().filter(|r| matches!(r, Err(BookError::Taken(_)))).count();
    let failed: Vec<_> = results
        .iter()
        .filter_map(|r| match r {
            Err(BookError::Db(e)) => Some(e.to_string()),
            _ => None,
        })
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(ok + taken, 300);
    assert!(
        ok > 20 && taken > 20,
        "the test should make both happen: {ok} booked, {taken} refused"
    );
    // No two active bookings of a room meet, buffers included.
    let mut seen = 0;
    for r in &rooms {
        let rows = active(&app, r.id).await;
        seen += rows.len();
        for w in rows.windows(2) {
            assert!(w[0].2 <= w[1].0, "room {}: {:?} and {:?} overlap", r.name, w[0], w[1]);
        }
        for (s, e, u) in &rows {
            assert_eq!(u - e, r.buffer_minutes * 60);
            assert!(s < e);
        }
    }
    // Every accepted attempt wrote all its times (a series is all or nothing).
    let expected: usize = results
        .iter()
        .zip(&plans)
        .filter(|(r, _)| r.is_ok())
        .map(|(_, p)| p.4)
        .sum();
    assert_eq!(seen, expected);
    app.deliver().await;
    app.stop().await;
}

async fn the_database_refuses_an_overlap_itself(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    let (_, other) = room(&app, sala, "Lilla salen", RoomSpec::default()).await;
    let db = &app.state.db;
    let insert = |room: RoomId, start: i64, end: i64, until: i64, status: &'static str| async move {
        sqlx::query(
            "INSERT INTO premises_bookings (municipality_id, room_id, booker_kind, booker_name, email, attendees, \
             starts_at, ends_at, blocks_until, status, created_at) \
             VALUES ($1, $2, 'private', 'Direkt', 'd@example.se', 1, $3, $4, $5, $6, 0) RETURNING id",
        )
        .bind(sala)
        .bind(room)
        .bind(start)
        .bind(end)
        .bind(until)
        .bind(status)
        .fetch_one(&db.pool)
        .await
        .map(|_| ())
    };
    let t = crate::common::at("2026-12-01", "10:00");
    insert(r, t, t + 3600, t + 5400, "confirmed").await.unwrap();
    // Overlapping the booking, or its buffer, is refused by the database.
    for (s, e) in [
        (t + 1800, t + 7200),
        (t + 3600, t + 4000),
        (t - 600, t + 60),
        (t - 7200, t + 7200),
    ] {
        let err = insert(r, s, e, e, "requested").await.unwrap_err();
        assert!(store::is_double_booking(&err), "{err}");
    }
    // Touching the block's end, another room, or an inactive booking is fine.
    insert(r, t + 5400, t + 7200, t + 7200, "confirmed").await.unwrap();
    insert(other, t, t + 3600, t + 3600, "confirmed").await.unwrap();
    insert(r, t, t + 3600, t + 3600, "cancelled").await.unwrap();
    // Re-activating a cancelled booking that overlaps is refused too.
    let (cancelled,): (i64,) = sqlx::query_as("SELECT id FROM premises_bookings WHERE status = 'cancelled'")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let err = sqlx::query("UPDATE premises_bookings SET status = 'confirmed' WHERE id = $1")
        .bind(cancelled)
        .execute(&db.pool)
        .await
        .unwrap_err();
    assert!(store::is_double_booking(&err), "{err}");
    // A booking longer than a day (plus buffer) is refused: the overlap checks rely on it.
    assert!(insert(r, t + 86400 * 10, t + 86400 * 12, t + 86400 * 12, "confirmed")
        .await
        .is_err());
    app.stop().await;
}

/// A private person's weekly series meets another writer that holds the room (it wrote a
/// booking there, as a season's publication does, without committing yet) and then wants the
/// booker's lock: the booking holds the booker's lock and waits for the room, the other waits
/// for the booker, and PostgreSQL breaks the deadlock by failing the transaction that waited
/// first, the booking's (40P01). The booking is tried again once the other writer has let go,
/// and goes through instead of a 500 page.
async fn a_deadlocked_series_is_tried_again(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, r) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    let anna_id = app.user("anna@example.se", None).await;
    let anna = app.client();
    anna.login("anna@example.se", PASSWORD).await;
    let path = format!("/sala/lokaler/rum/{r}/boka");
    let token = anna.get(&path).await.csrf();
    let db = &app.state.db;
    let deadlocks = || async {
        let (n,): (i64,) = sqlx::query_as("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        n
    };
    let before = deadlocks().await;
    let mut other = db.pool.begin().await.unwrap();
    let t = crate::common::at("2026-12-15", "10:00");
    sqlx::query(
        "INSERT INTO premises_bookings (municipality_id, room_id, booker_kind, booker_name, email, \
         attendees, starts_at, ends_at, blocks_until, status, created_at) \
         VALUES ($1, $2, 'company', 'Annan', 'a@example.se', 1, $3, $4, $4, 'confirmed', 0)",
    )
    .bind(sala)
    .bind(r)
    .bind(t)
    .bind(t + 3600)
    .execute(&mut *other)
    .await
    .unwrap();
    let fields = [
        ("_csrf", token.as_str()),
        ("datum", "2026-12-01"),
        ("fran", "18:00"),
        ("till", "20:00"),
        ("personer", "10"),
        ("bokare", "private"),
        ("namn", "Anna Berg"),
        ("upprepa_till", "2026-12-08"),
    ];
    let booking = anna.post_raw(&path, &fields);
    let writer = async move {
        // Once the booking waits for the room, the other writer asks for the booker's lock.
        let mut waited = 0;
        loop {
            let (n,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' \
                 AND datname = current_database()",
            )
            .fetch_one(&db.pool)
            .await
            .unwrap();
            if n > 0 {
                break;
            }
            waited += 1;
            assert!(waited < 500, "the booking never waited for the other writer");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let took = sqlx::query(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('premises.private.' || CAST($1 AS TEXT), 0))) AS l",
        )
        .bind(anna_id)
        .fetch_optional(&mut *other)
        .await
        .map(|_| ());
        other.rollback().await.unwrap();
        took
    };
    let (page, took) = futures::future::join(booking, writer).await;
    // The booking's transaction was the one PostgreSQL failed (it waited first)…
    assert!(took.is_ok(), "{took:?}");
    let mut seen = deadlocks().await;
    for _ in 0..100 {
        if seen > before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        seen = deadlocks().await;
    }
    assert_eq!(seen, before + 1, "a deadlock happened");
    // …and the booking was tried again: both dates are booked.
    assert_eq!(page.status, 303, "{}", page.text());
    assert_eq!(active(&app, r).await.len(), 2);
    app.deliver().await;
    app.stop().await;
}

async fn search_and_json_show_free_times(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let orebro = app.municipality("orebro", "Örebro kommun").await;
    let (_, big) = room(
        &app,
        sala,
        "Stora salen",
        RoomSpec {
            capacity: 80,
            ..RoomSpec::default()
        },
    )
    .await;
    let (_, small) = room(
        &app,
        sala,
        "Ärlan",
        RoomSpec {
            capacity: 12,
            ..RoomSpec::default()
        },
    )
    .await;
    let (_, abc) = room(
        &app,
        sala,
        "Örnen",
        RoomSpec {
            capacity: 30,
            ..RoomSpec::default()
        },
    )
    .await;
    room(&app, orebro, "Örebrosalen", RoomSpec::default()).await;
    let c = app.client();
    let staff = crate::common::signed_in(&app, "p@sala.example", RoleKind::Staff, "sala").await;
    assert_eq!(
        crate::common::book_private(&staff, big, "2026-12-02", "18:00", "20:00")
            .await
            .status,
        303
    );

    // Swedish order: Stora salen, Ärlan, Örnen (å, ä, ö last).
    let all = c.get("/sala/lokaler?datum=2026-12-02").await.text();
    let (s, a, o) = (
        all.find("Stora salen,").unwrap(),
        all.find("Ärlan,").unwrap(),
        all.find("Örnen,").unwrap(),
    );
    assert!(s < a && a < o, "{all}");
    assert!(!all.contains("Örebrosalen"));
    // Free for 18:00–20:00 on 2 December for 20 people: only Örnen (Stora salen is booked).
    let found = c
        .get("/sala/lokaler?datum=2026-12-02&fran=18&till=20:00&personer=20&utrustning=projector")
        .await
        .text();
    assert!(
        found.contains("Örnen,") && !found.contains("Stora salen,") && !found.contains("Ärlan,"),
        "{found}"
    );
    // Equipment and accessibility the rooms lack find nothing.
    let none = c.get("/sala/lokaler?utrustning=piano").await.text();
    assert!(none.contains("Ingen lokal passar"), "{none}");
    let none = c.get("/sala/lokaler?tillganglighet=lift").await.text();
    assert!(none.contains("Ingen lokal passar"));
    // Bad input is named.
    let bad = c.get("/sala/lokaler?datum=igår&fran=25:00&till=20:00").await;
    assert_eq!(bad.status, 200);
    assert!(
        bad.text().contains("ÅÅÅÅ-MM-DD") && bad.text().contains("TT:MM"),
        "{}",
        bad.text()
    );

    // The week's free times, as JSON: Wednesday 2 December around the booking.
    let (status, json) = c
        .get_json("/api/v1/sala/premises/availability?datum=2026-12-02&personer=50")
        .await;
    assert_eq!(status, 200);
    assert_eq!(json["week"], "2026-W49");
    let rooms = json["rooms"].as_array().unwrap();
    assert_eq!(rooms.len(), 1, "{json}");
    assert_eq!(rooms[0][0]["name"], "Stora salen");
    let wednesday = &rooms[0][1][2];
    assert_eq!(wednesday["date"], "2026-12-02");
    let times: Vec<(String, String, String)> = wednesday["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["start"].as_str().unwrap()[11..16].to_string(),
                t["end"].as_str().unwrap()[11..16].to_string(),
                t["state"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        times,
        [
            ("00:00".into(), "18:00".into(), "free".into()),
            ("18:00".into(), "20:00".into(), "booked".into()),
            ("20:00".into(), "00:00".into(), "free".into()),
        ]
    );
    let (status, bad) = c.get_json("/api/v1/sala/premises/availability?datum=2026-13-01").await;
    assert_eq!(status, 400);
    assert_eq!(bad["field"], "datum");
    // The inventory, as JSON, of Sala only.
    let (status, json) = c.get_json("/api/v1/sala/premises").await;
    assert_eq!(status, 200);
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            p["rooms"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["name"].as_str().unwrap())
        })
        .collect();
    assert_eq!(names.len(), 3);
    assert!(!names.contains(&"Örebrosalen"));
    let r = json[0]["rooms"][0].clone();
    assert_eq!(r["equipment"], serde_json::json!(["projector", "wifi"]));
    assert_eq!(r["accessibility"], serde_json::json!(["step_free", "hearing_loop"]));
    assert_eq!(r["prices"]["private"], 200);
    assert_eq!(r["opening_hours"][0], "00:00-24:00");
    let _ = (small, abc);
    app.deliver().await;
    app.stop().await;
}
