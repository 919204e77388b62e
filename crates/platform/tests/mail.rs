//! E-mail through the durable queue and a real SMTP server: delivered once per queue entry,
//! retried with back-off, kept across a crash or restart.

use platform::jobs::{self, Step};
use platform::mail::{self, Email};
use std::sync::Arc;
use testkit::{both, Backend, Options, SmtpSink, TestApp, TestDb};

async fn smtp_app(db: Arc<TestDb>, sink: &SmtpSink) -> TestApp {
    TestApp::start_with(
        db,
        Options {
            smtp_port: Some(sink.port),
            ..Default::default()
        },
    )
    .await
}

async fn queue(app: &TestApp, to: &str, subject: &str) -> i64 {
    let mut tx = app.state.db.write().await.unwrap();
    let id = mail::queue(
        &mut tx,
        None,
        &Email {
            attachment: None,
            headers: vec![],
            html: None,
            to: to.into(),
            subject: subject.into(),
            body: "Hej!\n\nVälkommen till dialogmöte 6.".into(),
        },
        app.state.now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn registration_mail_arrives_over_smtp_once(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = smtp_app(Arc::new(TestDb::new(backend).await), &sink).await;
    let c = app.client();
    c.submit(
        "/konto/registrera",
        "/konto/registrera",
        &[
            ("name", "Åsa"),
            ("email", "asa@exempel.se"),
            ("password", "ett bra lösenord"),
            ("consent", "on"),
        ],
    )
    .await;
    assert!(sink.received().is_empty(), "nothing is sent inside the request");
    let steps = app.run_jobs().await;
    assert_eq!(steps.len(), 1);
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, vec!["asa@exempel.se".to_string()]);
    assert_eq!(got[0].subject(), "Bekräfta din e-postadress");
    let body = got[0].body();
    assert!(body.contains("Hej Åsa!"), "{body}");
    assert!(body.contains(&format!("{}/konto/verifiera/", app.base)), "{body}");
    let id = got[0].header("Message-ID").expect("Message-ID");
    assert!(id.starts_with("<overens-job-"), "{id}");
    // Running the queue again sends nothing more.
    assert!(app.run_jobs().await.is_empty());
    assert_eq!(sink.received().len(), 1);
    assert!(
        app.outbox().await.is_empty(),
        "with SMTP configured, the outbox stays empty"
    );
}

async fn temporary_failures_are_retried_with_back_off(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = smtp_app(Arc::new(TestDb::new(backend).await), &sink).await;
    let id = queue(&app, "isa@exempel.se", "Inbjudan").await;
    sink.refuse_next(2);
    assert_eq!(app.run_jobs().await, vec![Step::Failed(id)]);
    assert!(app.run_jobs().await.is_empty(), "not due again before the back-off");
    app.clock.advance(chrono::Duration::seconds(29));
    assert!(app.run_jobs().await.is_empty());
    app.clock.advance(chrono::Duration::seconds(1));
    assert_eq!(app.run_jobs().await, vec![Step::Failed(id)], "second try after 30 s");
    app.clock.advance(chrono::Duration::seconds(60));
    assert_eq!(
        app.run_jobs().await,
        vec![Step::Done(id)],
        "third try after another 60 s"
    );
    assert_eq!(sink.received().len(), 1);
    let (status, attempts): (String, i64) = sqlx::query_as("SELECT status, attempts FROM jobs WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!((status.as_str(), attempts), ("done", 3));
}

async fn a_bad_address_fails_for_good(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = smtp_app(Arc::new(TestDb::new(backend).await), &sink).await;
    let id = queue(&app, "inte en adress", "Inbjudan").await;
    assert_eq!(app.run_jobs().await, vec![Step::Failed(id)]);
    let (status, error): (String, Option<String>) = sqlx::query_as("SELECT status, last_error FROM jobs WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(status, "failed");
    assert!(error.unwrap_or_default().contains("bad address"));
    app.clock.advance(chrono::Duration::hours(7));
    assert!(app.run_jobs().await.is_empty(), "never retried");
}

async fn mail_queued_before_a_crash_is_sent_after_restart(backend: Backend) {
    let sink = SmtpSink::start().await;
    let db = Arc::new(TestDb::new(backend).await);
    let first = smtp_app(db.clone(), &sink).await;
    let claimed = queue(&first, "lisa@exempel.se", "Mitt i kraschen").await;
    // A worker claimed this one and died while sending it ...
    let job = jobs::claim(&first.state.db, first.state.now()).await.unwrap().unwrap();
    assert_eq!(job.id, claimed);
    // ... and this one was queued but never reached.
    let queued = queue(&first, "kalle@exempel.se", "Före kraschen").await;
    first.forget_jobs(); // the second server, over the same database, sends them
    first.stop().await;

    let second = smtp_app(db.clone(), &sink).await;
    // The queued one goes out at once; the claimed one when the dead worker's lease runs out.
    assert_eq!(second.run_jobs().await, vec![Step::Done(queued)]);
    second.clock.advance(chrono::Duration::seconds(jobs::LEASE_SECONDS + 1));
    assert_eq!(second.run_jobs().await, vec![Step::Done(claimed)]);
    let subjects: Vec<String> = sink.received().iter().filter_map(|m| m.header("Subject")).collect();
    assert_eq!(subjects.len(), 2, "{subjects:?}");
    assert!(second.run_jobs().await.is_empty());
}

async fn two_workers_never_send_one_entry_twice(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = smtp_app(Arc::new(TestDb::new(backend).await), &sink).await;
    let mut ids = vec![];
    for i in 0..30 {
        ids.push(queue(&app, &format!("person{i}@exempel.se"), &format!("Meddelande {i}")).await);
    }
    let worker = app.worker();
    let (a, b) = tokio::join!(worker.drain(&app.state), worker.drain(&app.state));
    let mut done: Vec<i64> = a
        .unwrap()
        .into_iter()
        .chain(b.unwrap())
        .map(|s| match s {
            Step::Done(id) => id,
            other => panic!("{other:?}"),
        })
        .collect();
    done.sort();
    assert_eq!(done, ids, "each entry run exactly once");
    let mut to: Vec<String> = sink.received().into_iter().flat_map(|m| m.to).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 30);
    assert_eq!(sink.received().len(), 30, "no duplicates");
}

async fn without_smtp_mail_goes_to_the_operators_outbox(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.user("drift@exempel.se", Some((platform::auth::RoleKind::Operator, None)))
        .await;
    queue(&app, "kalle@exempel.se", "Till utkorgen").await;
    app.run_jobs().await;
    app.run_jobs().await;
    let outbox = app.outbox().await;
    assert_eq!(outbox.len(), 1);
    let c = app.client();
    c.login("drift@exempel.se", testkit::PASSWORD).await;
    let page = c.get("/drift/utkorg").await;
    assert!(page.text().contains("Till utkorgen") && page.text().contains("kalle@exempel.se"));
}

both!(
    registration_mail_arrives_over_smtp_once,
    temporary_failures_are_retried_with_back_off,
    a_bad_address_fails_for_good,
    mail_queued_before_a_crash_is_sent_after_restart,
    two_workers_never_send_one_entry_twice,
    without_smtp_mail_goes_to_the_operators_outbox,
);
