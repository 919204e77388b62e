//! Newsletters over HTTP on both databases: only the coordinator writes and sends them and
//! another municipality gets 404; double opt-in (no mail to an address not confirmed); the
//! delivery over SMTP with the one-click unsubscribe headers, a Message-ID per newsletter and
//! address, and text and HTML; the one-click POST without a session or a token, after which no
//! more mail goes to the address; the public archive; export and erasure of a subscriber.

use crate::common::*;
use testkit::smtp::{parts, Received};
use testkit::SmtpSink;

const ARCHIVE: &str = "/sala/nyhetsbrev";
const MANAGE: &str = "/sala/nyhetsbrev/hantera";

/// A test server whose mail goes to `sink`, sending newsletters without pauses.
async fn app_with(backend: Backend, sink: &SmtpSink) -> TestApp {
    let db = std::sync::Arc::new(testkit::TestDb::new(backend).await);
    TestApp::start_with(
        db,
        testkit::Options {
            smtp_port: Some(sink.port),
            configure: Some(Box::new(|c| c.newsletter_per_minute = 100_000)),
        },
    )
    .await
}

/// Subscribe `email` through the public form; the page's answer.
async fn subscribe(app: &TestApp, email: &str) -> testkit::Page {
    let c = app.client();
    c.submit(
        ARCHIVE,
        "/sala/nyhetsbrev/prenumerera",
        &[("email", email), ("consent", "on")],
    )
    .await
}

/// The path of the first link under `prefix` in a text.
fn link(text: &str, prefix: &str) -> String {
    let at = text.find(prefix).unwrap_or_else(|| panic!("a link {prefix} in {text}"));
    text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '"')
        .collect()
}

fn to(mails: &[Received], email: &str) -> Vec<Received> {
    mails
        .iter()
        .filter(|m| m.to.iter().any(|t| t == email))
        .cloned()
        .collect()
}

/// Write a newsletter as the coordinator, for `groups`; its id.
async fn write(coordinator: &Client, subject: &str, groups: &[&str]) -> i64 {
    let mut fields = vec![
        ("subject", subject),
        (
            "body",
            "## Välkommen\n\nVi träffas **den 4 maj** i [Täljstenen](https://sala.se).",
        ),
    ];
    for g in groups {
        fields.push(match *g {
            "subscribers" => ("group_subscribers", "on"),
            "contacts" => ("group_contacts", "on"),
            _ => ("group_signatories", "on"),
        });
    }
    let res = coordinator.submit(MANAGE, MANAGE, &fields).await;
    assert_eq!(res.status, 303, "{}", res.body);
    res.location
        .as_deref()
        .and_then(|l| l.strip_prefix("/sala/nyhetsbrev/hantera/"))
        .and_then(|id| id.parse().ok())
        .expect("the newsletter's page")
}

/// Send newsletter `id` now and run the jobs.
async fn send_now(app: &TestApp, coordinator: &Client, id: i64) {
    let page = format!("{MANAGE}/{id}");
    let res = coordinator
        .submit(&page, &format!("{page}/skicka"), &[("nu", "ja")])
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    app.run_jobs().await;
}

async fn only_the_coordinator_writes_and_another_municipality_gets_404(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    let coordinator = app.coordinator("sala").await;
    let id = write(&coordinator, "Nytt om överenskommelsen", &["subscribers"]).await;

    // Nobody else writes or sees the coordinator's pages.
    let anonymous = app.client();
    assert_ne!(anonymous.get(MANAGE).await.status, 200);
    let (rep, _) = app
        .representative_client("rep2@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    assert_eq!(rep.get(MANAGE).await.status, 403);
    let staff = app.staff("sala").await;
    assert_eq!(staff.get(&format!("{MANAGE}/{id}")).await.status, 403);
    let res = staff
        .post_raw(
            MANAGE,
            &[
                ("_csrf", &staff.get(ARCHIVE).await.csrf()),
                ("subject", "x"),
                ("body", "y"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);

    // Another municipality's coordinator gets 404 for Sala's newsletter through its own slug.
    let orebro = app.coordinator("orebro").await;
    assert_eq!(
        orebro.get(&format!("/orebro/nyhetsbrev/hantera/{id}")).await.status,
        404
    );
    let token = orebro.get("/orebro/nyhetsbrev/hantera").await.csrf();
    let res = orebro
        .post_raw(
            &format!("/orebro/nyhetsbrev/hantera/{id}/skicka"),
            &[("_csrf", &token), ("nu", "ja")],
        )
        .await;
    assert_eq!(res.status, 404);
    // A draft is not public.
    assert_eq!(anonymous.get(&format!("{ARCHIVE}/{id}")).await.status, 404);

    // The coordinator's page shows the preview, rendered.
    let page = coordinator.get(&format!("{MANAGE}/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<strong>den 4 maj</strong>"), "{}", page.body);
    // A newsletter without a group is refused beside the field.
    let res = coordinator
        .submit(MANAGE, MANAGE, &[("subject", "Utan mottagare"), ("body", "Text")])
        .await;
    assert_eq!(res.status, 422);
    assert!(res.text().contains("Välj minst en grupp"), "{}", res.text());
}

async fn double_opt_in_delivery_and_one_click_unsubscribe(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = app_with(backend, &sink).await;
    sala(&app).await;
    let coordinator = app.coordinator("sala").await;

    // Anna confirms; Bo never does; Cia is refused without consent.
    let res = subscribe(&app, "Anna@Exempel.se").await;
    assert_eq!(res.status, 200);
    assert!(res.text().contains("anna@exempel.se"), "{}", res.text());
    assert_eq!(subscribe(&app, "bo@exempel.se").await.status, 200);
    let c = app.client();
    let refused = c
        .submit(ARCHIVE, "/sala/nyhetsbrev/prenumerera", &[("email", "cia@exempel.se")])
        .await;
    assert_eq!(refused.status, 422);
    app.run_jobs().await;
    let mails = sink.received();
    assert_eq!(mails.len(), 2, "one confirmation each to Anna and Bo");
    let confirm = link(&to(&mails, "anna@exempel.se")[0].body(), "/sala/nyhetsbrev/bekrafta/");
    let page = c.get(&confirm).await;
    assert_eq!(page.status, 200);
    let res = c.post_raw(&confirm, &[("_csrf", &page.csrf())]).await;
    assert_eq!(res.status, 200);
    assert!(res.text().contains("Du får nu nyhetsbrev"), "{}", res.text());
    assert_eq!(c.get("/sala/nyhetsbrev/bekrafta/gissat").await.status, 404);

    // The newsletter goes to Anna only, with the one-click headers, text and HTML.
    let id = write(&coordinator, "Nyhetsbrev april", &["subscribers"]).await;
    send_now(&app, &coordinator, id).await;
    let mails = sink.received();
    let news: Vec<&Received> = mails.iter().filter(|m| m.subject() == "Nyhetsbrev april").collect();
    assert_eq!(news.len(), 1, "to Anna only, not to Bo who did not confirm");
    let mail = news[0];
    assert_eq!(mail.to, vec!["anna@exempel.se".to_string()]);
    let unsubscribe = mail.header("List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with(&format!("<{}/sala/nyhetsbrev/avregistrera/", app.base)) && unsubscribe.ends_with('>'),
        "{unsubscribe}"
    );
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let message_id = mail.header("Message-ID").expect("a Message-ID");
    assert!(message_id.starts_with(&format!("<newsletter-{id}-")), "{message_id}");
    let kinds = parts(&mail.data);
    assert!(kinds
        .iter()
        .any(|(h, b)| h.contains("text/plain") && !b.contains("**den 4 maj**") && b.contains("den 4 maj")));
    assert!(kinds
        .iter()
        .any(|(h, b)| h.contains("text/html") && b.contains("<strong>den 4 maj</strong>")));

    // The archive shows it, and its page.
    let archive = app.client().get(ARCHIVE).await;
    assert!(archive.text().contains("Nyhetsbrev april"), "{}", archive.text());
    let one = app.client().get(&format!("{ARCHIVE}/{id}")).await;
    assert_eq!(one.status, 200);
    assert!(one.body.contains("<strong>den 4 maj</strong>"));
    let progress = coordinator.get(&format!("{MANAGE}/{id}")).await;
    assert!(progress.text().contains("1 / 1"), "{}", progress.text());

    // A mail program's one-click POST: no session, no CSRF token.
    let path = unsubscribe
        .trim_matches(['<', '>'])
        .strip_prefix(&app.base)
        .unwrap()
        .to_string();
    let mail_program = app.client();
    let res = mail_program.post_raw(&path, &[("List-Unsubscribe", "One-Click")]).await;
    assert_eq!(res.status, 200, "{}", res.body);
    // Anything else without a token is still refused.
    let forged = app.client().post_raw(&path, &[("x", "y")]).await;
    assert_eq!(forged.status, 403);
    assert_eq!(
        app.client()
            .post_raw(
                "/sala/nyhetsbrev/avregistrera/gissat",
                &[("List-Unsubscribe", "One-Click")]
            )
            .await
            .status,
        404
    );

    // The next newsletter goes to nobody: Anna left, Bo never confirmed.
    let before = sink.received().len();
    let second = write(&coordinator, "Nyhetsbrev maj", &["subscribers"]).await;
    send_now(&app, &coordinator, second).await;
    assert_eq!(sink.received().len(), before, "no more mail to Anna");

    // Subscribing again asks for a new confirmation; confirming lets mail come again.
    subscribe(&app, "anna@exempel.se").await;
    app.run_jobs().await;
    let again = to(&sink.received(), "anna@exempel.se");
    let confirm = link(&again.last().unwrap().body(), "/sala/nyhetsbrev/bekrafta/");
    let page = c.get(&confirm).await;
    assert_eq!(c.post_raw(&confirm, &[("_csrf", &page.csrf())]).await.status, 200);
    let third = write(&coordinator, "Nyhetsbrev juni", &["subscribers"]).await;
    send_now(&app, &coordinator, third).await;
    assert!(sink.received().iter().any(|m| m.subject() == "Nyhetsbrev juni"));
}

async fn a_test_goes_to_the_coordinator_only(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = app_with(backend, &sink).await;
    sala(&app).await;
    let coordinator = app.coordinator("sala").await;
    let id = write(&coordinator, "Provbrev", &["contacts"]).await;
    let page = format!("{MANAGE}/{id}");
    let res = coordinator.submit(&page, &format!("{page}/prov"), &[]).await;
    assert_eq!(res.status, 303);
    app.run_jobs().await;
    let mails = sink.received();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject().contains("Provbrev"));
    assert_eq!(mails[0].to, vec!["samordnare@sala.example".to_string()]);
    // Still a draft: nothing in the archive.
    assert!(!app.client().get(ARCHIVE).await.text().contains("Provbrev"));
}

async fn contacts_are_deduplicated_and_the_unsubscribed_left_out(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = app_with(backend, &sink).await;
    let (m, org) = sala(&app).await;
    for email in ["Kontakt@IKS.example", "kontakt@iks.example", "annan@iks.example"] {
        sqlx::query(
            "INSERT INTO registry_contacts (organisation_id, name, email, consent_at, created_at) \
             VALUES ($1, 'Kontakt', $2, 0, 0)",
        )
        .bind(org)
        .bind(email)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    }
    sqlx::query("INSERT INTO openness_newsletter_unsubscribed (municipality_id, email, unsubscribed_at) VALUES ($1, 'annan@iks.example', 0)")
        .bind(m)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let coordinator = app.coordinator("sala").await;
    let id = write(&coordinator, "Till kontakterna", &["contacts", "subscribers"]).await;
    send_now(&app, &coordinator, id).await;
    let mails: Vec<Received> = sink
        .received()
        .into_iter()
        .filter(|m| m.subject() == "Till kontakterna")
        .collect();
    let got: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    assert_eq!(
        got.iter().filter(|t| *t == "kontakt@iks.example").count(),
        1,
        "one copy for the address written twice: {got:?}"
    );
    assert!(!got.contains(&"annan@iks.example".to_string()), "{got:?}");
}

async fn a_subscriber_with_an_account_is_exported_and_erased(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    let (person, _) = app.signed_in("lisa@exempel.se", None).await;
    subscribe(&app, "lisa@exempel.se").await;
    let export = person.get("/konto/export").await;
    assert!(export.body.contains("newsletter_subscriptions"), "{}", export.body);
    assert!(export.body.contains("Sala"), "{}", export.body);
    app.deliver().await;
    let mut tx = app.state.db.write().await.unwrap();
    let uid: (platform::UserId,) = sqlx::query_as("SELECT id FROM users WHERE email = 'lisa@exempel.se'")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    for (_, p) in app.state.personal.iter() {
        (p.erase)(&mut tx, uid.0, 0).await.unwrap();
    }
    tx.commit().await.unwrap();
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM openness_newsletter_subscribers")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "the subscription is erased");
}

both!(
    only_the_coordinator_writes_and_another_municipality_gets_404,
    double_opt_in_delivery_and_one_click_unsubscribe,
    a_test_goes_to_the_coordinator_only,
    contacts_are_deduplicated_and_the_unsubscribed_left_out,
    a_subscriber_with_an_account_is_exported_and_erased
);

/// Two runs sending at once (two instances behind a load balancer) never take the same
/// delivery: each claims its batch until a lease runs out, and a delivery whose run was killed
/// is taken again only after that.
async fn two_runs_never_claim_the_same_delivery(backend: Backend) {
    use openness::newsletters::{store, NewsletterId};
    let app = TestApp::start(backend).await;
    let (m, _) = sala(&app).await;
    let db = &app.state.db;
    let now = app.state.now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO openness_newsletters (municipality_id, subject, body, audience, status, send_at, created_at, \
         updated_at) VALUES ($1, 'Till alla', 'Hej!', 'subscribers', 'sending', $2, $2, $2) RETURNING id",
    )
    .bind(m)
    .bind(now)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    for i in 0..5 {
        sqlx::query(
            "INSERT INTO openness_newsletter_deliveries (newsletter_id, municipality_id, email, token) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(m)
        .bind(format!("mottagare{i}@exempel.se"))
        .bind(format!("token-{i}"))
        .execute(&db.pool)
        .await
        .unwrap();
    }
    let n = NewsletterId::new(id);
    let emails = |rows: Vec<store::Unsent>| rows.into_iter().map(|r| r.1).collect::<Vec<_>>();
    let first = emails(store::claim(db, n, 3, now, now + 60).await.unwrap());
    let second = emails(store::claim(db, n, 3, now, now + 600).await.unwrap());
    assert_eq!(
        first,
        [
            "mottagare0@exempel.se",
            "mottagare1@exempel.se",
            "mottagare2@exempel.se"
        ]
    );
    assert_eq!(second, ["mottagare3@exempel.se", "mottagare4@exempel.se"]);
    assert!(store::claim(db, n, 3, now + 10, now + 70).await.unwrap().is_empty());
    // The first run sent one and was killed: after its lease its other two are taken again, and
    // the second run's, still held, are not.
    let (sent,): (i64,) = sqlx::query_as("SELECT id FROM openness_newsletter_deliveries WHERE email = $1")
        .bind("mottagare0@exempel.se")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    store::sent(db, sent, now).await.unwrap();
    let again = emails(store::claim(db, n, 5, now + 61, now + 120).await.unwrap());
    assert_eq!(again, ["mottagare1@exempel.se", "mottagare2@exempel.se"]);
}

testkit::both!(two_runs_never_claim_the_same_delivery);

/// How long writing the deliveries of a newsletter to 50,000 addresses takes (the audience
/// read, deduplicated and written in one transaction): a measurement, not a timed test. Run
/// with `cargo test -p openness --test openness queueing_50000 -- --ignored --nocapture`.
async fn queueing_50000_recipients(backend: Backend) {
    const N: usize = 50_000;
    let app = TestApp::start(backend).await;
    let (m, _) = sala(&app).await;
    let now = app.state.now();
    for chunk in (0..N).collect::<Vec<_>>().chunks(1000) {
        let values: Vec<String> = chunk
            .iter()
            .map(|i| format!("({}, 'mottagare{i}@exempel.se', 'token-{i}', 0, 0)", i64::from(m)))
            .collect();
        sqlx::query(&format!(
            "INSERT INTO openness_newsletter_subscribers (municipality_id, email, token, confirmed_at, created_at) \
             VALUES {}",
            values.join(", ")
        ))
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    }
    sqlx::query(
        "INSERT INTO openness_newsletters (municipality_id, subject, body, audience, status, send_at, created_at, \
         updated_at) VALUES ($1, 'Till alla', 'Hej!', 'subscribers', 'scheduled', $2, $2, $2)",
    )
    .bind(m)
    .bind(now)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let started = std::time::Instant::now();
    openness::newsletters::send::queue_due(&app.state).await.unwrap();
    let took = started.elapsed();
    let (written,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM openness_newsletter_deliveries")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(written, N as i64);
    eprintln!("{backend:?}: {N} recipients queued in {took:?}");
}

mod queueing_50000_recipients {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore = "a measurement: run with --ignored --nocapture"]
    async fn sqlite() {
        super::queueing_50000_recipients(testkit::Backend::Sqlite).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    #[ignore = "a measurement: run with --ignored --nocapture"]
    async fn postgres() {
        super::queueing_50000_recipients(testkit::Backend::Postgres).await
    }
}

// --- Audiences: one category's contacts, one meeting's participants (issue 17)

/// A contact person of `org` with `email`.
async fn contact(app: &TestApp, org: platform::OrganisationId, email: &str) {
    sqlx::query(
        "INSERT INTO registry_contacts (organisation_id, name, email, consent_at, created_at) VALUES ($1, 'Kontakt', $2, 0, 0)",
    )
    .bind(org)
    .bind(email)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
}

/// A dialog meeting of `m` with `title`; its id.
async fn meeting(app: &TestApp, m: platform::MunicipalityId, title: &str) -> i64 {
    let (series,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_series (municipality_id, name, created_at) VALUES ($1, 'Dialogmöten', 0) RETURNING id",
    )
    .bind(m)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO meetings_meetings (municipality_id, series_id, title, starts_at, ends_at, place, created_at, updated_at) \
         VALUES ($1, $2, $3, 1797267600, 1797274800, 'Täljstenen', 0, 0) RETURNING id",
    )
    .bind(m)
    .bind(series)
    .bind(title)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    id
}

/// The addresses that got the newsletter with `subject`, sorted.
fn receivers(sink: &SmtpSink, subject: &str) -> Vec<String> {
    let mut got: Vec<String> = sink
        .received()
        .into_iter()
        .filter(|m| m.subject() == subject)
        .flat_map(|m| m.to)
        .collect();
    got.sort();
    got
}

async fn a_category_and_a_meeting_reach_their_own_people_only(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = app_with(backend, &sink).await;
    let (m, iks) = sala(&app).await;
    let (_, fk) = app.representative("rep@fk.example", "sala", "Sala FK").await;
    // IKS is a culture association (bit 1), Sala FK a sports club (bit 0).
    for (org, bits) in [(iks, 2_i64), (fk, 1)] {
        sqlx::query("UPDATE registry_profiles SET categories = $1 WHERE organisation_id = $2")
            .bind(bits)
            .bind(org)
            .execute(&app.state.db.pool)
            .await
            .unwrap();
    }
    contact(&app, iks, "kontakt@iks.example").await;
    contact(&app, fk, "Kontakt@FK.example").await;
    contact(&app, fk, "kassor@fk.example").await;
    let meeting_id = meeting(&app, m, "Dialogmöte om lokaler").await;
    for (i, (email, status)) in [
        ("anna@exempel.se", "confirmed"),
        ("bo@exempel.se", "waiting"),
        ("cia@exempel.se", "cancelled"),
    ]
    .into_iter()
    .enumerate()
    {
        sqlx::query(
            "INSERT INTO meetings_registrations (municipality_id, meeting_id, name, email, party, status, consent_text, \
             cancel_token_hash, created_at) VALUES ($1, $2, 'Deltagare', $3, 'civil_society', $4, 'Ja', $5, 0)",
        )
        .bind(m)
        .bind(meeting_id)
        .bind(email)
        .bind(status)
        .bind(format!("hash{i}"))
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    }
    let orebro = app.municipality_id("orebro").await;
    let orebro_meeting = meeting(&app, orebro, "Örebros möte").await;

    let coordinator = app.coordinator("sala").await;
    let form = coordinator.get(MANAGE).await;
    assert!(form.body.contains("Dialogmöte om lokaler"), "the meeting is a choice");
    assert!(
        !form.body.contains("Örebros möte"),
        "another municipality's meeting is not"
    );

    let body = "Hej!";
    let created = |subject: &'static str, field: &'static str, value: String| {
        let c = &coordinator;
        async move {
            c.submit(
                MANAGE,
                MANAGE,
                &[("subject", subject), ("body", body), (field, value.as_str())],
            )
            .await
        }
    };
    // Another municipality's meeting is refused, and nothing is saved.
    let refused = created("Fel möte", "meeting", orebro_meeting.to_string()).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.text().contains("Välj ett av alternativen i listan."),
        "{}",
        refused.text()
    );

    for (subject, field, value, expected) in [
        (
            "Till idrotten",
            "category",
            "idrott".to_string(),
            vec!["kassor@fk.example", "kontakt@fk.example"],
        ),
        (
            "Till de anmälda",
            "meeting",
            meeting_id.to_string(),
            vec!["anna@exempel.se", "bo@exempel.se"],
        ),
    ] {
        let res = created(subject, field, value.clone()).await;
        assert_eq!(res.status, 303, "{}", res.body);
        let id: i64 = res
            .location
            .as_deref()
            .and_then(|l| l.strip_prefix("/sala/nyhetsbrev/hantera/"))
            .and_then(|id| id.parse().ok())
            .expect("the newsletter's page");
        // The saved choice is shown again on the newsletter's page.
        let page = coordinator.get(&format!("{MANAGE}/{id}")).await;
        let kept = format!("<option value=\"{value}\" selected>");
        assert!(page.body.contains(&kept), "the choice is kept: {}", page.body);
        send_now(&app, &coordinator, id).await;
        assert_eq!(receivers(&sink, subject), expected, "{subject}");
    }
    assert!(receivers(&sink, "Fel möte").is_empty());
}

both!(a_category_and_a_meeting_reach_their_own_people_only);

/// Subscribe `email` through the public form (with the weekly digest when `digest`) and confirm
/// it with the mailed link; the link's secret path.
async fn subscribe_confirmed(app: &TestApp, sink: &SmtpSink, email: &str, digest: bool) -> String {
    let c = app.client();
    let mut fields = vec![("email", email), ("consent", "on")];
    if digest {
        fields.push(("digest", "on"));
    }
    let res = c.submit(ARCHIVE, "/sala/nyhetsbrev/prenumerera", &fields).await;
    assert_eq!(res.status, 200, "{}", res.body);
    app.run_jobs().await;
    let confirm = link(
        &to(&sink.received(), email).last().expect("a confirmation").body(),
        "/sala/nyhetsbrev/bekrafta/",
    );
    let page = c.get(&confirm).await;
    assert_eq!(c.post_raw(&confirm, &[("_csrf", &page.csrf())]).await.status, 200);
    confirm
}

/// The weekly digest: on Monday at 07:00 a confirmed subscriber who asked for it gets the
/// week's decision and coming event, with the one-click unsubscribe headers; one who did not ask,
/// and one who unsubscribed, get none; a week with nothing new sends nothing.
async fn the_weekly_digest_goes_to_confirmed_digest_subscribers(backend: Backend) {
    use crate::events::{event_form, last_event, NEW};
    let sink = SmtpSink::start().await;
    let app = app_with(backend, &sink).await;
    let (m, iks) = sala(&app).await;
    let form = app.client().get(ARCHIVE).await;
    assert!(
        form.text().contains("Skicka mig också en veckosammanfattning"),
        "{}",
        form.text()
    );
    subscribe_confirmed(&app, &sink, "anna@exempel.se", true).await;
    subscribe_confirmed(&app, &sink, "bo@exempel.se", false).await;
    let cia = subscribe_confirmed(&app, &sink, "cia@exempel.se", true).await;
    let leave = cia.replace("/bekrafta/", "/avregistrera/");
    let res = app
        .client()
        .post_raw(&leave, &[("List-Unsubscribe", "One-Click")])
        .await;
    assert_eq!(res.status, 200, "{}", res.body);

    // The week's decision, and an event approved this week for December.
    let decision = checked(
        Body::Board,
        "",
        "2026-11-24",
        "Nytt lokalstöd till föreningar",
        Category::Agreement,
        &[],
    );
    add(&app, m, &decision).await;
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let iks_s = iks.to_string();
    assert_eq!(rep.submit(NEW, NEW, &event_form(&iks_s, &[])).await.status, 303);
    let (event, _) = last_event(&app).await;
    let review = "/sala/evenemang/granska";
    let coordinator = app.coordinator("sala").await;
    let p = coordinator
        .submit(review, &format!("{review}/{event}/godkann"), &[])
        .await;
    assert_eq!(p.status, 303);

    // Monday 30 November, 07:00 in Stockholm (06:00 UTC): the digest's job is due.
    use chrono::TimeZone;
    let monday = chrono::Utc.with_ymd_and_hms(2026, 11, 30, 6, 0, 0).unwrap();
    app.clock.set(monday);
    app.run_jobs().await;
    let digests = |mails: &[Received]| -> Vec<Received> {
        mails
            .iter()
            .filter(|m| m.subject().starts_with("Veckan i Sala"))
            .cloned()
            .collect()
    };
    let all = digests(&sink.received());
    assert_eq!(all.len(), 1, "to Anna only");
    let mail = &all[0];
    assert_eq!(mail.to, vec!["anna@exempel.se".to_string()]);
    assert_eq!(mail.subject(), "Veckan i Sala, vecka 48");
    let unsubscribe = mail.header("List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with(&format!("<{}/sala/nyhetsbrev/avregistrera/", app.base)),
        "{unsubscribe}"
    );
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let kinds = parts(&mail.data);
    let event_url = format!("{}/sala/evenemang/{event}", app.base);
    assert!(kinds.iter().any(|(h, b)| h.contains("text/plain")
        && b.contains("Nytt lokalstöd till föreningar")
        && b.contains("Vinterkonsert (2026-12-10 18:00)")
        && b.contains(&event_url)));
    assert!(kinds
        .iter()
        .any(|(h, b)| h.contains("text/html") && b.contains(&format!("<a href=\"{event_url}\">Vinterkonsert</a>"))));

    // The next week had nothing new: no digest.
    app.clock.set(monday + chrono::Duration::days(7));
    app.run_jobs().await;
    assert_eq!(digests(&sink.received()).len(), 1, "nothing new, nothing sent");
}

testkit::both!(the_weekly_digest_goes_to_confirmed_digest_subscribers);
