//! What openness' tests share: Sala with an association, the decision form, recording
//! decisions directly through the store, and small checks.

pub use openness::decisions::domain::{Body, Category, Checked};
pub use openness::decisions::store;
pub use openness::ids::DecisionId;
pub use platform::auth::RoleKind;
pub use platform::{MunicipalityId, OrganisationId};
pub use testkit::{both, Backend, Client, TestApp};

pub const MANAGE: &str = "/sala/beslut/hantera";
pub const LIST: &str = "/sala/beslut";

/// A small PDF (its content is what is checked, not its name).
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Sala and Örebro, and an association of Sala with its representative.
pub async fn sala(app: &TestApp) -> (MunicipalityId, OrganisationId) {
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let (_, org) = app
        .representative("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    (sala, org)
}

/// The form as sent, with the given changes (an empty value for a checkbox leaves it out).
pub fn form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("body", "board"),
        ("committee", ""),
        ("meeting_on", "2018-06-07"),
        ("paragraph", "§ 112"),
        ("title", "Handlingsplan för samverkan med civilsamhället"),
        ("summary", "Kommunstyrelsen antar handlingsplanen."),
        ("protocol_url", "https://www.sala.se/protokoll/ks-2018-06-07.pdf"),
        ("category", "handlingsplan"),
        ("principle_5", "on"),
        ("organisation_1", ""),
        ("organisation_2", ""),
        ("organisation_3", ""),
        ("organisation_4", ""),
    ];
    for (k, val) in changes {
        if let Some(f) = v.iter_mut().find(|f| f.0 == *k) {
            f.1 = val;
        } else {
            v.push((k, val));
        }
    }
    v.retain(|f| !(f.0.starts_with("principle_") && f.1.is_empty()));
    v
}

/// Post a form from staff's list (it carries a CSRF token).
pub async fn post(c: &Client, action: &str, fields: &[(&str, &str)]) -> testkit::Page {
    c.submit(MANAGE, action, fields).await
}

/// The id at the end of the address staff are sent to after recording.
pub fn id_of(p: &testkit::Page) -> DecisionId {
    let to = p.location.clone().expect("a redirect");
    let id = to.split('?').next().unwrap().rsplit('/').next().unwrap();
    DecisionId::new(id.parse().unwrap())
}

pub async fn audit_count(app: &TestApp, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

/// A decision as the store takes it.
pub fn checked(body: Body, committee: &str, on: &str, title: &str, category: Category, principles: &[i64]) -> Checked {
    Checked {
        body,
        committee: committee.into(),
        meeting_on: on.into(),
        paragraph: String::new(),
        title: title.into(),
        summary: format!("Sammanfattning av {title}."),
        protocol_url: String::new(),
        category,
        principles: principles.to_vec(),
        organisations: vec![],
    }
}

/// Record a decision directly.
pub async fn add(app: &TestApp, m: MunicipalityId, c: &Checked) -> DecisionId {
    store::add(&app.state.db, m, c, None, app.state.now()).await.unwrap()
}

/// The attachment form's action (its CSRF token in the query) on staff's page of a decision.
pub async fn upload_action(c: &Client, id: DecisionId) -> String {
    let body = c.get(&format!("{MANAGE}/{id}")).await.body;
    let at = body.find("/bilagor?_csrf=").expect("the upload form");
    let start = body[..at].rfind("action=\"").unwrap() + "action=\"".len();
    let end = at + body[at..].find('"').unwrap();
    body[start..end].replace("&amp;", "&")
}
