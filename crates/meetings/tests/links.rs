//! Personal links and opt-outs: a participant's cancellation and "see my data" link expires a
//! while after the meeting (with a page that says so), and an address that opted out of
//! invitations is not mailed again after its details are erased.

use crate::common::*;
use testkit::{both, Backend, TestApp};

fn at(when: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(when).unwrap().into()
}

async fn a_participants_links_expire_after_the_meeting(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    let anna = app.client();
    let done = register(
        &app,
        &anna,
        meeting,
        "Anna Andersson",
        "anna@example.se",
        "civil_society",
    )
    .await;
    let cancel = cancel_path(&done.body);
    let own = format!("{cancel}/uppgifter");
    app.deliver().await;
    // The meeting ends 2026-12-10 20:00 UTC; four weeks later the links still work.
    app.clock.set(at("2027-01-07T20:00:00Z"));
    assert_eq!(anna.get(&cancel).await.status, 200);
    let page = anna.get(&own).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Anna Andersson"));
    // Thirty days after the meeting they have expired, and the page says so.
    app.clock.set(at("2027-01-09T21:00:00Z"));
    for path in [&cancel, &own] {
        let p = anna.get(path).await;
        assert_eq!(p.status, 410, "{path} still works: {}", p.text());
        assert!(p.text().contains("Länken har gått ut"), "{}", p.text());
        assert!(!p.text().contains("Anna Andersson"), "{}", p.text());
        let posted = anna.post_raw(path, &[("_csrf", page.csrf().as_str())]).await;
        assert_eq!(posted.status, 410, "{path} still acts");
    }
    assert_eq!(statuses(&app, meeting).await, (1, 0, 0), "nothing was cancelled");
    app.deliver().await;
}

async fn an_opt_out_outlives_the_erasure_of_the_address(backend: Backend) {
    let app = TestApp::start(backend).await;
    kim_opts_out_and_is_erased(&app).await;
}

/// A registry contact, Kim, gets an invitation, opts out, and is erased from the meetings by the
/// coordinator; the next invitation leaves Kim out.
async fn kim_opts_out_and_is_erased(app: &TestApp) {
    let (_, meeting) = sala_with_meeting(app, "").await;
    let now = app.state.now();
    let (_, iks) = app
        .representative("ordforande@iks.example", "sala", "IKS, Ideell Kultur i Sala")
        .await;
    sqlx::query(
        "INSERT INTO registry_contacts (organisation_id, name, email, consent_at, created_at) \
         VALUES ($1, 'Kim', 'kim@forening.example', $2, $2)",
    )
    .bind(iks)
    .bind(now)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let c = coordinator(app, "sala").await;
    let send = format!("/sala/moten/{meeting}/inbjudan/skicka");
    let sent = c.submit(&send, &send, &[("contacts", "on")]).await;
    assert!(
        sent.text().contains("Inbjudan skickas till 1 mottagare."),
        "{}",
        sent.text()
    );
    let mail = app.deliver().await;
    let body = &mail.iter().find(|m| m.0 == "kim@forening.example").unwrap().2;
    let at = body.find("/sala/moten/avregistrera/").expect("an unsubscribe link");
    let link: String = body[at..].chars().take_while(|c| !c.is_whitespace()).collect();
    let kim = app.client();
    let p = kim.get(&link).await;
    assert_eq!(kim.post_raw(&link, &[("_csrf", p.csrf().as_str())]).await.status, 303);

    // The coordinator erases Kim's address from the meetings (a request to be forgotten).
    let erase = "/sala/moten/personuppgifter?visa=radera";
    let done = c
        .submit(
            erase,
            "/sala/moten/personuppgifter/radera",
            &[("email", "kim@forening.example"), ("confirm", "on")],
        )
        .await;
    assert_eq!(done.status, 303);
    let (plain,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM meetings_unsubscribes WHERE email = 'kim@forening.example'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(plain, 0, "the address itself is gone");

    // The registry still lists Kim as a contact; the next invitation leaves Kim out.
    let to_kim = |mail: &[(String, String, String)]| mail.iter().filter(|m| m.0 == "kim@forening.example").count();
    let before = to_kim(&app.outbox().await);
    let again = c.submit(&send, &send, &[("contacts", "on")]).await;
    assert!(
        again.text().contains("Inbjudan skickas till 0 mottagare."),
        "the erased opt-out was forgotten: {}",
        again.text()
    );
    assert_eq!(to_kim(&app.deliver().await), before, "Kim was mailed again");
}

/// The hash kept of an erased opt-out, keyed as the database's secret alone would key it.
fn keyed_with_the_database_secret(app: &TestApp, sala: platform::MunicipalityId, email: &str) -> String {
    platform::auth::token_hash(&meetings::invitation::unsubscribe_token(&app.state.secret, sala, email))
}

async fn with_a_pepper_a_copy_of_the_database_cannot_test_an_address(backend: Backend) {
    let db = std::sync::Arc::new(testkit::TestDb::new(backend).await);
    let app = TestApp::start_with(
        db,
        testkit::Options {
            configure: Some(Box::new(|c| {
                c.pepper = Some("a pepper kept in the configuration".into())
            })),
            ..Default::default()
        },
    )
    .await;
    kim_opts_out_and_is_erased(&app).await;
    let sala = app.municipality_id("sala").await;
    let kept: Vec<(String,)> = sqlx::query_as("SELECT address_hash FROM meetings_suppressed")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(kept.len(), 1);
    let guess = keyed_with_the_database_secret(&app, sala, "kim@forening.example");
    assert_ne!(
        kept[0].0, guess,
        "the database's secret alone finds Kim among the opt-outs"
    );
}

async fn opt_outs_kept_before_the_pepper_still_count(backend: Backend) {
    let db = std::sync::Arc::new(testkit::TestDb::new(backend).await);
    let app = TestApp::start_with(
        db,
        testkit::Options {
            configure: Some(Box::new(|c| c.pepper = Some("a pepper given later on".into()))),
            ..Default::default()
        },
    )
    .await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    let sala = app.municipality_id("sala").await;
    let (_, iks) = app
        .representative("ordforande@iks.example", "sala", "IKS, Ideell Kultur i Sala")
        .await;
    let now = app.state.now();
    sqlx::query(
        "INSERT INTO registry_contacts (organisation_id, name, email, consent_at, created_at) \
         VALUES ($1, 'Kim', 'kim@forening.example', $2, $2)",
    )
    .bind(iks)
    .bind(now)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    // Kim opted out and was erased before the instance had a pepper.
    sqlx::query("INSERT INTO meetings_suppressed (municipality_id, address_hash, created_at) VALUES ($1, $2, $3)")
        .bind(sala)
        .bind(keyed_with_the_database_secret(&app, sala, "kim@forening.example"))
        .bind(now)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let c = coordinator(&app, "sala").await;
    let send = format!("/sala/moten/{meeting}/inbjudan/skicka");
    let sent = c.submit(&send, &send, &[("contacts", "on")]).await;
    assert!(
        sent.text().contains("Inbjudan skickas till 0 mottagare."),
        "{}",
        sent.text()
    );
}

both!(
    a_participants_links_expire_after_the_meeting,
    an_opt_out_outlives_the_erasure_of_the_address,
    with_a_pepper_a_copy_of_the_database_cannot_test_an_address,
    opt_outs_kept_before_the_pepper_still_count,
);
