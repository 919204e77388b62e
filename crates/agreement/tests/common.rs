//! What the agreement's tests share: imports, the coordinator's client, posting a form from a
//! page of ours, and small checks.

pub use agreement::consultation::{domain::ConsultationStatus, store as consultation};
pub use agreement::domain::{Party, RuleError};
pub use agreement::draft::store as draft;
pub use agreement::store::{self, StoreError};
pub use agreement::timeline::store as timeline;
pub use platform::auth::RoleKind;
pub use platform::MunicipalityId;
pub use testkit::{both, Backend, Client, TestApp};

pub const M: &str = "/sala/overenskommelse/hantera";

/// A signed-in coordinator of the municipality with this address.
pub async fn coordinator(app: &TestApp, email: &str, slug: &str) -> Client {
    app.signed_in(email, Some((RoleKind::Coordinator, Some(slug)))).await.0
}

/// Post a form from a page of the agreement (any page of ours carries a CSRF token).
pub async fn post(c: &Client, action: &str, fields: &[(&str, &str)]) -> testkit::Page {
    c.submit("/sala/overenskommelse", action, fields).await
}

/// The text is on the page with its HTML escaped, never as markup.
pub fn escaped(body: &str, raw: &str) -> bool {
    let named = raw.replace('<', "&lt;").replace('>', "&gt;");
    let numeric = raw.replace('<', "&#60;").replace('>', "&#62;");
    !body.contains(raw) && (body.contains(&named) || body.contains(&numeric))
}

pub async fn draft_id(app: &TestApp, m: MunicipalityId) -> agreement::ids::VersionId {
    store::draft(&app.state.db, m).await.unwrap().expect("a draft").id
}

pub async fn audit_count(app: &TestApp, action: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

/// Start Sala's first draft as its coordinator: the draft and its six principles, in order.
pub async fn new_draft(
    app: &TestApp,
    c: &Client,
    m: MunicipalityId,
) -> (agreement::ids::VersionId, Vec<agreement::ids::PrincipleId>) {
    assert_eq!(post(c, &format!("{M}/nytt-utkast"), &[]).await.status, 303);
    let v = draft_id(app, m).await;
    let principles = store::contents(&app.state.db, m, v).await.unwrap();
    (v, principles.iter().map(|p| p.principle.id).collect())
}
