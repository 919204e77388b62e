//! The event calendar over HTTP on both databases: who may publish and change events,
//! moderation and trusted associations, tenancy, the week and month views, a weekly event with
//! a date left out, the JSON-LD of an event page and the iCalendar subscriptions.

use crate::common::*;
use testkit::ics::{assert_stockholm_zone, local_time, parse as parse_ics, prop};

pub const EVENTS: &str = "/sala/evenemang";
pub const NEW: &str = "/sala/evenemang/nytt";

/// The publish form as sent, with the given changes.
pub fn event_form<'a>(org: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("organisation", org),
        ("title", "Vinterkonsert"),
        ("description", "Körer och musiker."),
        ("starts_on", "2026-12-10"),
        ("start_time", "18:00"),
        ("end_time", "20:00"),
        ("ends_on", ""),
        ("repeat_until", ""),
        ("skipped", ""),
        ("place", "Aguélimuseet, Sala"),
        ("accessibility", ""),
        ("audience", "alla"),
        ("category", "kultur"),
        ("price", ""),
        ("link", ""),
        ("registration_link", "https://example.se/anmalan"),
    ];
    for (k, val) in changes {
        if let Some(f) = v.iter_mut().find(|f| f.0 == *k) {
            f.1 = val;
        } else {
            v.push((k, val));
        }
    }
    v
}

/// The id in the newest event row.
pub async fn last_event(app: &TestApp) -> (i64, String) {
    sqlx::query_as("SELECT id, status FROM openness_events ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
}

/// The part of a calendar page from a day's id to the next day's.
pub fn day_part<'a>(body: &'a str, date: &str) -> &'a str {
    let start = body
        .find(&format!("id=\"dag-{date}\""))
        .unwrap_or_else(|| panic!("day {date} in the page"));
    let rest = &body[start + 10..];
    let end = rest.find("id=\"dag-").unwrap_or(rest.len());
    &rest[..end]
}

async fn associations_publish_and_the_coordinator_moderates(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, iks) = sala(&app).await;
    let iks_s = iks.to_string();
    let fields = event_form(&iks_s, &[]);

    // Anonymous: the form asks for a login, a post is refused and nothing is stored.
    let anon = app.client();
    let p = anon.get(NEW).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().starts_with("/konto/logga-in"));
    let token = anon.get(EVENTS).await.csrf();
    let mut with_token = vec![("_csrf", token.as_str())];
    with_token.extend_from_slice(&fields);
    assert_ne!(anon.post_raw(NEW, &with_token).await.status, 303);
    let (resident, _) = app.signed_in("invanare@example.se", None).await;
    assert_eq!(resident.get(NEW).await.status, 403);
    assert_eq!(resident.submit(EVENTS, NEW, &fields).await.status, 403);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM openness_events")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);

    // IKS's representative publishes: it waits, and the public does not see it.
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let p = rep.submit(NEW, NEW, &fields).await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(p.location.as_deref(), Some("/sala/evenemang/mina?klart=granskas"));
    let (id, status) = last_event(&app).await;
    assert_eq!(status, "pending");
    let page = format!("{EVENTS}/{id}");
    assert_eq!(app.client().get(&page).await.status, 404);
    assert!(!app.client().get(EVENTS).await.text().contains("Vinterkonsert"));
    let mine = rep.get("/sala/evenemang/mina?klart=granskas").await.text();
    assert!(
        mine.contains("Vinterkonsert") && mine.contains("Väntar på granskning"),
        "{mine}"
    );
    assert!(rep.get(&page).await.text().contains("Väntar på granskning"));

    // A link that is not http(s) is refused beside its field.
    let p = rep
        .submit(
            NEW,
            NEW,
            &event_form(&iks_s, &[("registration_link", "javascript:alert(1)")]),
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("https://"), "{}", p.text());

    // Another association's representative may not change it; IKS's may.
    let (other, _) = app
        .representative_client("rep@kor.example", "sala", "Sala kammarkör")
        .await;
    let edit = format!("{page}/andra");
    assert_eq!(other.get(&edit).await.status, 403);
    assert_eq!(other.submit(NEW, &edit, &fields).await.status, 403);
    assert_eq!(rep.get(&edit).await.status, 200);
    let p = rep
        .submit(
            &edit,
            &edit,
            &event_form(&iks_s, &[("title", "Vinterkonsert i Aguélimuseet")]),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());

    // The coordinator approves it: now it is public.
    let coordinator = app.coordinator("sala").await;
    let review = "/sala/evenemang/granska";
    assert!(coordinator
        .get(review)
        .await
        .text()
        .contains("Vinterkonsert i Aguélimuseet"));
    let p = coordinator.submit(review, &format!("{review}/{id}/godkann"), &[]).await;
    assert_eq!(p.status, 303);
    let public = app.client().get(&page).await;
    assert_eq!(public.status, 200);
    assert!(public.text().contains("Vinterkonsert i Aguélimuseet"));
    assert!(app
        .client()
        .get(EVENTS)
        .await
        .text()
        .contains("Vinterkonsert i Aguélimuseet"));
    // Approving again changes nothing.
    let p = coordinator.submit(review, &format!("{review}/{id}/godkann"), &[]).await;
    assert_eq!(p.location.as_deref(), Some("/sala/evenemang/granska?klart=redan"));

    // A second one is declined: a reason is needed, and the association reads it.
    rep.submit(NEW, NEW, &event_form(&iks_s, &[("title", "Loppis")])).await;
    let (second, _) = last_event(&app).await;
    let decline = format!("{review}/{second}/avsla");
    assert_eq!(
        coordinator.submit(review, &decline, &[("reason", " ")]).await.status,
        422
    );
    let p = coordinator
        .submit(review, &decline, &[("reason", "Loppisar hör inte hemma i kalendern.")])
        .await;
    assert_eq!(p.status, 303);
    assert_eq!(last_event(&app).await.1, "declined");
    assert!(rep
        .get("/sala/evenemang/mina")
        .await
        .text()
        .contains("Loppisar hör inte hemma i kalendern."));
    assert_eq!(app.client().get(&format!("{EVENTS}/{second}")).await.status, 404);

    // Trusted: IKS's next event is public at once.
    let p = coordinator
        .submit(
            review,
            &format!("{review}/betrodda"),
            &[("organisation", &iks_s), ("trusted", "ja")],
        )
        .await;
    assert_eq!(p.status, 303);
    let p = rep.submit(NEW, NEW, &event_form(&iks_s, &[("title", "Julsång")])).await;
    assert_eq!(p.location.as_deref(), Some("/sala/evenemang/mina?klart=publicerat"));
    assert_eq!(last_event(&app).await.1, "approved");
    assert!(app.client().get(EVENTS).await.text().contains("Julsång"));
    // Staff without the coordinator's role do not moderate.
    let staff = app.staff("sala").await;
    assert_eq!(staff.get(review).await.status, 403);
    assert_eq!(audit_count(&app, "openness.event.add").await, 3);
    assert_eq!(audit_count(&app, "openness.event.approve").await, 1);
    assert_eq!(audit_count(&app, "openness.event.decline").await, 1);
    assert_eq!(audit_count(&app, "openness.event.trust").await, 1);
    // The association was told of the approval and of the decline (the mail's text is
    // the_association_gets_a_letter_when_its_event_is_approved_or_declined's subject).
    let sent = app.deliver().await;
    assert_eq!(sent.iter().filter(|m| m.0 == "rep@iks.example").count(), 2, "{sent:?}");
    app.stop().await;
}

async fn another_municipality_gets_404_for_events(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, iks) = sala(&app).await;
    let iks_s = iks.to_string();
    let coordinator = app.coordinator("sala").await;
    let p = coordinator.submit(NEW, NEW, &event_form(&iks_s, &[])).await;
    assert_eq!(p.status, 303, "{}", p.text());
    let (id, status) = last_event(&app).await;
    assert_eq!(status, "approved", "the coordinator's own event is published at once");

    let orebro = app.coordinator("orebro").await;
    for path in [
        format!("/orebro/evenemang/{id}"),
        format!("/orebro/evenemang/{id}/andra"),
    ] {
        assert_eq!(orebro.get(&path).await.status, 404, "{path}");
    }
    for path in [
        format!("/orebro/evenemang/{id}/andra"),
        format!("/orebro/evenemang/granska/{id}/godkann"),
        format!("/orebro/evenemang/granska/{id}/avsla"),
    ] {
        let p = orebro
            .submit("/orebro/evenemang", &path, &event_form(&iks_s, &[("reason", "Nej.")]))
            .await;
        assert_eq!(p.status, 404, "{path}");
    }
    let p = orebro
        .submit(
            "/orebro/evenemang",
            "/orebro/evenemang/granska/betrodda",
            &[("organisation", &iks_s), ("trusted", "ja")],
        )
        .await;
    assert_eq!(p.status, 404, "Sala's association cannot be trusted in Örebro");
    for path in [
        "/orebro/evenemang",
        "/orebro/evenemang?vy=manad&manad=2026-12",
        "/orebro/evenemang/kalender.ics",
    ] {
        let p = app.client().get(path).await;
        assert_eq!(p.status, 200, "{path}");
        assert!(!p.body.contains("Vinterkonsert"), "{path}");
    }
    app.stop().await;
}

async fn the_week_and_the_month_show_a_weekly_event_without_its_left_out_date(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, iks) = sala(&app).await;
    let iks_s = iks.to_string();
    let coordinator = app.coordinator("sala").await;
    let fields = event_form(
        &iks_s,
        &[
            ("title", "Körövning"),
            ("starts_on", "2026-12-03"),
            ("repeat_until", "2026-12-31"),
            ("skipped", "2026-12-17, 2026-12-24"),
        ],
    );
    let p = coordinator.submit(NEW, NEW, &fields).await;
    assert_eq!(p.status, 303, "{}", p.text());
    let (id, _) = last_event(&app).await;

    let month = app.client().get(&format!("{EVENTS}?vy=manad&manad=2026-12")).await;
    assert_eq!(month.status, 200);
    assert!(month.body.contains("<caption>"), "the month is a table with a caption");
    assert!(month.body.contains("<th scope=\"col\">måndag</th>"));
    for (date, there) in [
        ("2026-12-03", true),
        ("2026-12-10", true),
        ("2026-12-17", false),
        ("2026-12-24", false),
        ("2026-12-31", true),
        ("2026-12-04", false),
    ] {
        assert_eq!(day_part(&month.body, date).contains("Körövning"), there, "{date}");
    }

    let week = app.client().get(&format!("{EVENTS}?vy=vecka&vecka=2026-W50")).await;
    assert_eq!(week.status, 200);
    let thursday = day_part(&week.body, "2026-12-10");
    assert!(thursday.contains("torsdag 10 december"), "{thursday}");
    assert!(
        thursday.contains("18:00–20:00") && thursday.contains("Körövning"),
        "{thursday}"
    );
    assert!(!day_part(&week.body, "2026-12-09").contains("Körövning"));
    let skipped = app.client().get(&format!("{EVENTS}?vy=vecka&vecka=2026-W51")).await;
    assert!(!skipped.body.contains("Körövning"), "the week of 17 December has none");

    // The list shows the event once, at its next time, and says it repeats.
    let list = app.client().get(EVENTS).await.text();
    assert!(list.contains("2026-12-03 18:00–20:00"), "{list}");
    assert!(list.contains("varje vecka till 2026-12-31"), "{list}");
    let page = app.client().get(&format!("{EVENTS}/{id}")).await.text();
    assert!(
        page.contains("2026-12-10 18:00–20:00") && !page.contains("2026-12-17 18:00"),
        "{page}"
    );

    // Filters and search.
    for (query, found) in [
        ("?kategori=kultur", true),
        ("?kategori=idrott", false),
        ("?malgrupp=alla", true),
        ("?malgrupp=barn", false),
        ("?tillganglighet=1", false),
        ("?q=K%C3%96R", true),
        ("?q=fotboll", false),
        (&format!("?forening={iks}") as &str, true),
    ] {
        let text = app.client().get(&format!("{EVENTS}{query}")).await.text();
        assert_eq!(text.contains("Körövning"), found, "{query}");
    }
    app.stop().await;
}

async fn an_event_page_has_json_ld_and_the_calendar_parses_as_icalendar(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, iks) = sala(&app).await;
    let iks_s = iks.to_string();
    let coordinator = app.coordinator("sala").await;
    let tricky = "Konsert </script><script>alert(1)</script>";
    let p = coordinator
        .submit(NEW, NEW, &event_form(&iks_s, &[("title", tricky), ("price", "100 kr")]))
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let (id, _) = last_event(&app).await;
    // A dialog meeting of the meetings capability, in the calendar too.
    let (series,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_series (municipality_id, name, created_at) VALUES ($1, 'Dialogmöten', 0) RETURNING id",
    )
    .bind(m)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    // 2026-12-14 17:00–19:00 UTC is 18:00–20:00 in Stockholm.
    sqlx::query(
        "INSERT INTO meetings_meetings (municipality_id, series_id, title, starts_at, ends_at, place, created_at, updated_at) \
         VALUES ($1, $2, 'Dialogmöte 7', 1797267600, 1797274800, 'Täljstenen', 0, 0)",
    )
    .bind(m)
    .bind(series)
    .execute(&app.state.db.pool)
    .await
    .unwrap();

    let page = app.client().get(&format!("{EVENTS}/{id}")).await;
    assert_eq!(page.status, 200);
    let head = &page.body[..page.body.find("</head>").unwrap()];
    let start = head
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD in the head")
        + "<script type=\"application/ld+json\">".len();
    let end = start + head[start..].find("</script>").unwrap();
    let json: serde_json::Value = serde_json::from_str(&head[start..end]).expect("JSON-LD parses");
    assert_eq!(json["@type"], "Event");
    assert_eq!(json["name"], tricky);
    assert_eq!(json["startDate"], "2026-12-10T18:00:00+01:00");
    assert_eq!(json["endDate"], "2026-12-10T20:00:00+01:00");
    assert_eq!(json["location"]["name"], "Aguélimuseet, Sala");
    assert_eq!(json["organizer"]["name"], "IKS – Ideell Kultur i Sala");
    assert_eq!(json["offers"]["price"], "100");
    assert_eq!(json["eventStatus"], "https://schema.org/EventScheduled");
    assert!(json["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/sala/evenemang/{id}")));
    assert!(
        !page.body.contains("<script>alert(1)"),
        "the title is escaped everywhere"
    );

    let month = app.client().get(&format!("{EVENTS}?vy=manad&manad=2026-12")).await;
    assert!(day_part(&month.body, "2026-12-14").contains("Dialogmöte 7"));

    let ics = app.client().get(&format!("{EVENTS}/kalender.ics")).await;
    assert_eq!(ics.status, 200);
    let content_type = ics.headers["content-type"].to_str().unwrap();
    assert!(content_type.starts_with("text/calendar"), "{content_type}");
    let cal = parse_ics(&ics.body);
    let summaries: Vec<String> = cal.events.iter().map(|e| prop(&e.properties, "SUMMARY")).collect();
    assert_eq!(summaries.len(), 2, "{summaries:?}");
    assert!(summaries.iter().any(|s| s == "Dialogmöte 7"), "{summaries:?}");
    let concert = cal
        .events
        .iter()
        .find(|e| prop(&e.properties, "SUMMARY") != "Dialogmöte 7")
        .unwrap();
    assert_eq!(
        local_time(&concert.properties, "DTSTART"),
        "Europe/Stockholm:20261210T180000"
    );
    assert_stockholm_zone(&cal);
    // Per association: IKS's events only, no meetings; a filter that matches nothing.
    let cal = parse_ics(
        &app.client()
            .get(&format!("{EVENTS}/kalender.ics?forening={iks}"))
            .await
            .body,
    );
    assert_eq!(cal.events.len(), 1);
    let cal = parse_ics(
        &app.client()
            .get(&format!("{EVENTS}/kalender.ics?kategori=idrott"))
            .await
            .body,
    );
    assert_eq!(cal.events.len(), 0);
    app.stop().await;
}

/// The account's export lists the events its holder published; erasing the account keeps the
/// association's event and forgets who published it.
async fn export_and_erasure_keep_the_event_without_the_person(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, iks) = sala(&app).await;
    let iks_s = iks.to_string();
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let p = rep.submit(NEW, NEW, &event_form(&iks_s, &[])).await;
    assert_eq!(p.status, 303, "{}", p.text());
    let (id, _) = last_event(&app).await;

    let (status, data) = rep.get_json("/konto/export").await;
    assert_eq!(status, 200);
    assert_eq!(data["openness"]["events"][0]["title"], "Vinterkonsert", "{data}");
    assert_eq!(data["openness"]["events"][0]["starts_on"], "2026-12-10", "{data}");
    assert!(data["openness"]["news_stories"].is_array(), "{data}");

    let account = rep.get("/konto").await;
    let erased = rep
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    let (title, by): (String, Option<i64>) =
        sqlx::query_as("SELECT title, created_by FROM openness_events WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!((title.as_str(), by), ("Vinterkonsert", None));
    app.stop().await;
}

/// The association hears of the coordinator's decision by mail (over SMTP), with the reason
/// when its event is declined; a second approval sends nothing.
async fn the_association_gets_a_letter_when_its_event_is_approved_or_declined(backend: Backend) {
    let sink = testkit::SmtpSink::start().await;
    let app = TestApp::start_with(
        std::sync::Arc::new(testkit::TestDb::new(backend).await),
        testkit::Options {
            smtp_port: Some(sink.port),
            configure: None,
        },
    )
    .await;
    let (_, iks) = sala(&app).await;
    let iks_s = iks.to_string();
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    rep.submit(NEW, NEW, &event_form(&iks_s, &[])).await;
    let (approved, _) = last_event(&app).await;
    rep.submit(NEW, NEW, &event_form(&iks_s, &[("title", "Loppis")])).await;
    let (declined, _) = last_event(&app).await;
    app.run_jobs().await;
    assert!(sink.received().is_empty(), "publishing sends nothing");

    let coordinator = app.coordinator("sala").await;
    let review = "/sala/evenemang/granska";
    let p = coordinator
        .submit(review, &format!("{review}/{approved}/godkann"), &[])
        .await;
    assert_eq!(p.status, 303);
    let p = coordinator
        .submit(
            review,
            &format!("{review}/{declined}/avsla"),
            &[("reason", "Loppisar hör inte hemma i kalendern.")],
        )
        .await;
    assert_eq!(p.status, 303);
    // Approving again changes nothing and tells nobody.
    coordinator
        .submit(review, &format!("{review}/{approved}/godkann"), &[])
        .await;
    app.run_jobs().await;

    let got = sink.received();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|m| m.to == ["rep@iks.example"]), "{got:?}");
    let yes = got
        .iter()
        .find(|m| m.subject().contains("finns nu i kalendern"))
        .expect("approved");
    assert!(yes.subject().contains("Vinterkonsert"), "{}", yes.subject());
    assert!(
        yes.body().contains(&format!("/sala/evenemang/{approved}")),
        "{}",
        yes.body()
    );
    let no = got
        .iter()
        .find(|m| m.subject().contains("kom inte med"))
        .expect("declined");
    assert!(no.subject().contains("Loppis"), "{}", no.subject());
    let body = no.body();
    assert!(body.contains("Skäl: Loppisar hör inte hemma i kalendern."), "{body}");
    assert!(body.contains(&format!("/sala/evenemang/{declined}/andra")), "{body}");
    app.stop().await;
}

both!(associations_publish_and_the_coordinator_moderates);
both!(the_association_gets_a_letter_when_its_event_is_approved_or_declined);
both!(export_and_erasure_keep_the_event_without_the_person);
both!(another_municipality_gets_404_for_events);
both!(the_week_and_the_month_show_a_weekly_event_without_its_left_out_date);
both!(an_event_page_has_json_ld_and_the_calendar_parses_as_icalendar);
