//! Plan periods through HTTP on both databases: a new period carries over the unfinished
//! activities only, the earlier period stays readable and unchanged, only the municipality's
//! coordinator starts one; and reminders in the language each recipient chose.

use crate::common::{activity_id, import, link, TABLE};
use platform::auth::RoleKind;
use testkit::{both, Backend, Client, TestApp};

/// Record progress on an activity as `client` (the coordinator may for every activity).
async fn progress(client: &Client, id: actionplan::ids::ActivityId, status: &str, text: &str) {
    let path = format!("/sala/handlingsplan/aktivitet/{id}");
    let done = client
        .submit(&path, &path, &[("status", status), ("text", text), ("noted_on", "")])
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
}

/// The ids of the municipality's plans, oldest first.
async fn plans(app: &TestApp) -> Vec<i64> {
    sqlx::query_as::<_, (i64,)>("SELECT id FROM actionplan_plans ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.0)
        .collect()
}

/// (text, status) of a plan's activities, in id order.
async fn activities_of(app: &TestApp, plan: i64) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT a.text, a.status FROM actionplan_activities a JOIN actionplan_goals g ON g.id = a.goal_id \
         JOIN actionplan_areas ar ON ar.id = g.area_id WHERE ar.plan_id = $1 ORDER BY a.id",
    )
    .bind(plan)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap()
}

async fn audit_count(app: &TestApp, action: &str) -> i64 {
    sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
        .0
}

async fn a_new_period_carries_over_the_unfinished_and_keeps_the_earlier_one_readable(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let settings = "/sala/handlingsplan/installningar";
    let saved = coord
        .submit(
            settings,
            settings,
            &[
                ("title", "Handlingsplan 2025–2026"),
                ("period_start", "2025"),
                ("period_end", "2026"),
                ("adopted_by", ""),
                ("adopted_on", ""),
                ("intro", ""),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let (_, staff_id) = app
        .signed_in("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    // Two activities done (the second is its goal's only one), one ongoing with a note, one
    // not started with a reminder due.
    progress(&coord, activity_id(&app, "Upphandla").await, "done", "Upphandlat.").await;
    progress(&coord, activity_id(&app, "Använd sala.se").await, "done", "Klart.").await;
    progress(
        &coord,
        activity_id(&app, "Uppdatera registret").await,
        "ongoing",
        "Halvvägs.",
    )
    .await;
    let informera = activity_id(&app, "Informera").await;
    link(&coord, "sala", informera, Some(staff_id), None, "2026-12-03").await;
    let old = plans(&app).await[0];
    let before = activities_of(&app, old).await;

    // The form suggests the next period.
    let path = "/sala/handlingsplan/ny-period";
    let plan = coord.get("/sala/handlingsplan").await;
    assert!(plan.body.contains(path), "the coordinator is offered a new period");
    let form = coord.get(path).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Handlingsplan 2027–2028"), "{}", form.text());
    let bad = coord
        .submit(
            path,
            path,
            &[("title", ""), ("period_start", "2028"), ("period_end", "2027")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(plans(&app).await.len(), 1);
    let started = coord
        .submit(
            path,
            path,
            &[
                ("title", "Handlingsplan 2027–2028"),
                ("period_start", "2027"),
                ("period_end", "2028"),
            ],
        )
        .await;
    assert_eq!(started.status, 303, "{}", started.text());
    let new = plans(&app).await[1];

    // The current plan is the new period with the unfinished activities only.
    let page = app.client().get(&started.location.unwrap()).await;
    let t = page.text();
    assert!(t.contains("Den nya perioden är startad."), "{t}");
    assert!(t.contains("Handlingsplan 2027–2028"), "{t}");
    assert!(
        t.contains("Uppdatera registret.") && t.contains("Informera om tillgänglighet."),
        "{t}"
    );
    assert!(
        !t.contains("Upphandla ett bokningssystem.") && !t.contains("Använd sala.se"),
        "{t}"
    );
    assert!(
        !t.contains("Tydligare kommunicera kontaktvägar"),
        "a goal all done stays: {t}"
    );
    assert!(
        t.contains("1 Självständighet") && t.contains("2 Dialog"),
        "every area goes along: {t}"
    );
    let old_path = format!("/sala/handlingsplan/period/{old}");
    assert!(t.contains("Tidigare perioder") && page.body.contains(&old_path), "{t}");
    assert_eq!(
        activities_of(&app, new).await,
        [
            ("Informera om tillgänglighet.".to_string(), "not_started".to_string()),
            ("Uppdatera registret.".to_string(), "ongoing".to_string()),
        ]
    );

    // The earlier period: unchanged, readable by anyone at its address, with no edit links.
    assert_eq!(activities_of(&app, old).await, before);
    let anon = app.client();
    for c in [&anon, &coord] {
        let p = c.get(&old_path).await;
        assert_eq!(p.status, 200);
        let t = p.text();
        assert!(
            t.contains("Handlingsplan 2025–2026") && t.contains("Det här är en tidigare period"),
            "{t}"
        );
        assert!(
            t.contains("Upphandla ett bokningssystem.") && t.contains("Använd sala.se"),
            "{t}"
        );
        assert!(
            !p.body.contains("redigera")
                && !p.body.contains("/aktivitet/")
                && !p.body.contains("<form method=\"post\" action=\"/sala")
        );
    }
    // Its activities' old addresses lead to it, and they cannot be changed there.
    let old_upphandla = activity_id(&app, "Upphandla").await;
    let old_informera = informera;
    let p = coord
        .get(&format!("/sala/handlingsplan/aktivitet/{old_informera}"))
        .await;
    assert_eq!((p.status, p.location.as_deref()), (303, Some(old_path.as_str())));
    assert_eq!(
        coord
            .get(&format!("/sala/handlingsplan/aktivitet/{old_upphandla}/redigera"))
            .await
            .status,
        404
    );
    let carried = sqlx::query_as::<_, (i64,)>("SELECT MAX(id) FROM actionplan_activities WHERE text LIKE 'Uppdatera%'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap()
        .0;
    // The carried activity keeps its history and takes new progress.
    let p = coord.get(&format!("/sala/handlingsplan/aktivitet/{carried}")).await;
    assert!(p.text().contains("Halvvägs."), "{}", p.text());
    progress(&coord, actionplan::ids::ActivityId::new(carried), "done", "Klart nu.").await;
    assert_eq!(
        activities_of(&app, old).await,
        before,
        "the earlier period does not change"
    );

    // The audit trail: the start and each activity carried over.
    assert_eq!(audit_count(&app, "actionplan.period.start").await, 1);
    assert_eq!(audit_count(&app, "actionplan.activity.carry").await, 2);

    // The reminder goes out once, for the current period's activity.
    let mail = app.deliver().await;
    let reminders: Vec<_> = mail.iter().filter(|m| m.0 == "personal@sala.example").collect();
    assert_eq!(reminders.len(), 1, "{mail:?}");
    assert!(
        !reminders[0].2.contains(&format!("/aktivitet/{old_informera}")),
        "{:?}",
        reminders[0]
    );
    app.stop().await;
}

async fn only_the_municipalitys_coordinator_starts_a_period(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    app.municipality("heby", "Heby").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let old = plans(&app).await[0];
    let path = "/sala/handlingsplan/ny-period";
    let fields = [
        ("title", "Handlingsplan 2027–2028"),
        ("period_start", "2027"),
        ("period_end", "2028"),
    ];

    // Staff and a public visitor cannot; the plan page offers them nothing.
    let (staff, _) = app
        .signed_in("personal@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    assert_eq!(staff.get(path).await.status, 403);
    let token = staff.get("/sala/handlingsplan").await.csrf();
    let mut with_csrf = vec![("_csrf", token.as_str())];
    with_csrf.extend(fields);
    assert_eq!(staff.post_raw(path, &with_csrf).await.status, 403);
    assert!(!staff.get("/sala/handlingsplan").await.body.contains(path));
    let anon = app.client();
    assert!(!anon.get("/sala/handlingsplan").await.body.contains(path));
    let token = anon.get("/sala/handlingsplan").await.csrf();
    let mut with_csrf = vec![("_csrf", token.as_str())];
    with_csrf.extend(fields);
    let p = anon.post_raw(path, &with_csrf).await;
    assert!(matches!(p.status, 401 | 403 | 303), "{}", p.status);
    assert_ne!(p.location.as_deref(), Some("/sala/handlingsplan?klart=ny-period"));

    // Another municipality's coordinator: not in Sala, and Sala's period is not Heby's.
    let heby = app.coordinator("heby").await;
    assert_eq!(heby.get(path).await.status, 403);
    assert_eq!(
        heby.get("/heby/handlingsplan/ny-period").await.status,
        404,
        "Heby has no plan"
    );
    assert_eq!(
        heby.submit("/heby/handlingsplan", "/heby/handlingsplan/ny-period", &fields)
            .await
            .status,
        404
    );
    assert_eq!(heby.get(&format!("/heby/handlingsplan/period/{old}")).await.status, 404);
    assert_eq!(plans(&app).await, [old], "no period was started");
    assert_eq!(audit_count(&app, "actionplan.period.start").await, 0);
    app.stop().await;
}

async fn reminders_are_written_in_the_language_the_recipient_chose(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let coord = app.coordinator("sala").await;
    import(&coord, "sala", TABLE).await;
    let (english, english_id) = app
        .signed_in("english@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let (swedish, swedish_id) = app
        .signed_in("svensk@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    // One switches the interface to English (kept on the account); the other never chooses,
    // and is written to in Swedish.
    let switched = english
        .submit("/konto", "/sprak", &[("lang", "en"), ("next", "/konto")])
        .await;
    assert_eq!(switched.status, 303);
    let account = english.get("/konto").await;
    assert!(
        account.text().contains("Language of the pages and of e-mail"),
        "{}",
        account.text()
    );
    assert!(
        account.body.contains("<option value=\"en\" selected"),
        "{}",
        account.body
    );
    let stored: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT email, language FROM users WHERE email LIKE '%@sala.example' ORDER BY email")
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap();
    assert!(
        stored.contains(&("english@sala.example".into(), Some("en".into()))),
        "{stored:?}"
    );
    assert!(stored.contains(&("svensk@sala.example".into(), None)), "{stored:?}");
    assert_eq!(audit_count(&app, "account.language").await, 1);
    // Switching to the language already kept writes nothing.
    english
        .submit("/konto", "/sprak", &[("lang", "en"), ("next", "/konto")])
        .await;
    assert_eq!(audit_count(&app, "account.language").await, 1);
    // Signing in on another browser brings the choice along.
    let elsewhere = app.client();
    elsewhere.login("english@sala.example", testkit::PASSWORD).await;
    assert!(elsewhere
        .get("/konto")
        .await
        .text()
        .contains("Language of the pages and of e-mail"));
    let (_, export) = english.get_json("/konto/export").await;
    assert_eq!(export["account"]["language"], "en", "{export}");
    let _ = swedish.get("/konto").await;

    link(
        &coord,
        "sala",
        activity_id(&app, "Upphandla").await,
        Some(english_id),
        None,
        "2026-12-03",
    )
    .await;
    link(
        &coord,
        "sala",
        activity_id(&app, "Informera").await,
        Some(swedish_id),
        None,
        "2026-12-03",
    )
    .await;
    let mail = app.deliver().await;
    let to = |who: &str| mail.iter().find(|m| m.0 == who).cloned().unwrap();
    let (_, subject, body) = to("english@sala.example");
    assert_eq!(subject, "Reminder: follow-up of an activity on 2026-12-03");
    assert!(
        body.contains("You are responsible for an activity") && body.contains("Upphandla ett bokningssystem."),
        "{body}"
    );
    let (_, subject, body) = to("svensk@sala.example");
    assert_eq!(subject, "Påminnelse: uppföljning av en aktivitet 2026-12-03");
    assert!(
        body.contains("Du är ansvarig för en aktivitet") && body.contains("Informera om tillgänglighet."),
        "{body}"
    );
    app.stop().await;
}

both!(
    a_new_period_carries_over_the_unfinished_and_keeps_the_earlier_one_readable,
    only_the_municipalitys_coordinator_starts_a_period,
    reminders_are_written_in_the_language_the_recipient_chose,
);
