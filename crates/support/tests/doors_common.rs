//! What the tests of "En dörr in" share: the demo's topics, asking through the form, staff of a
//! department, the links in the letters.

pub use crate::common::*;
pub use support::ids::CaseId;

pub const FORM: &str = "/sala/en-dorr-in";
pub const CASES: &str = "/sala/en-dorr-in/arenden";

/// The id of Sala's demo topic with this name.
pub async fn topic(app: &TestApp, name: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM support_door_topics WHERE name = $1")
        .bind(name)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

/// Ask through the form without an account; the case number from the receipt's address.
pub async fn ask(app: &TestApp, c: &Client, topic_name: &str, email: &str) -> String {
    let t = topic(app, topic_name).await.to_string();
    let p = c
        .submit(
            FORM,
            FORM,
            &[
                ("topic", t.as_str()),
                ("question", "Hur söker vi lokalbidrag för vår samlingslokal?"),
                ("organisation", "Exempelföreningen"),
                ("name", "Eva Exempel"),
                ("email", email),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let to = p.location.unwrap();
    assert!(to.starts_with("/sala/en-dorr-in/tack?nr=EDI-"), "{to}");
    to.rsplit('=').next().unwrap().to_string()
}

/// A case's id by its number (EDI-2026-0005).
pub async fn case_id(app: &TestApp, number: &str) -> CaseId {
    let n: i64 = number.rsplit('-').next().unwrap().parse().unwrap();
    let (id,): (CaseId,) = sqlx::query_as("SELECT id FROM support_door_cases WHERE number = $1 ORDER BY id DESC")
        .bind(n)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

/// A case's stored status.
pub async fn case_status(app: &TestApp, id: CaseId) -> String {
    let (s,): (String,) = sqlx::query_as("SELECT status FROM support_door_cases WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    s
}

/// A signed-in member of Sala's staff in a department (or none).
pub async fn staff_in(app: &TestApp, email: &str, department: Option<&str>) -> Client {
    app::users::add(
        &app.state.db,
        &app::users::NewUser {
            email,
            name: &format!("Test {email}"),
            password: testkit::PASSWORD,
            role: Some(RoleKind::Staff),
            municipality: Some("sala"),
            department,
            organisation: None,
        },
        app.state.now(),
    )
    .await
    .unwrap();
    let c = app.client();
    c.login(email, testkit::PASSWORD).await;
    c
}

/// The path of the personal link in a letter.
pub fn link_in(body: &str) -> String {
    let at = body.find("/sala/en-dorr-in/svar/").expect("a personal link");
    body[at..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_string()
}

/// A test server with the SMTP test server.
pub async fn with_smtp(backend: Backend) -> (TestApp, testkit::SmtpSink) {
    let sink = testkit::SmtpSink::start().await;
    let app = TestApp::start_with(
        std::sync::Arc::new(testkit::TestDb::new(backend).await),
        testkit::Options {
            smtp_port: Some(sink.port),
            configure: None,
        },
    )
    .await;
    (app, sink)
}

/// The letters the SMTP server got for an address.
pub fn letters_to(sink: &testkit::SmtpSink, to: &str) -> Vec<testkit::smtp::Received> {
    sink.received()
        .into_iter()
        .filter(|r| r.to.iter().any(|t| t == to))
        .collect()
}
