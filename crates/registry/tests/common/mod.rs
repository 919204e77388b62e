//! Helpers shared by the registry's tests.

use platform::auth::CurrentUser;
use platform::{MunicipalityId, OrganisationId, UserId};
use registry::domain::{Category, LegalForm, OrgNumber};
use registry::profile::store;
use registry::store::ProfileEdit;
use testkit::TestApp;

/// A valid organisationsnummer made from `n` (third digit 2, so never a personal number).
pub fn orgnr(n: u32) -> String {
    let nine = format!("802{:06}", n % 1_000_000);
    let digits: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
    let check = registry::domain::luhn_digit(&digits);
    let s = format!("{nine}{check}");
    format!("{}-{}", &s[..6], &s[6..])
}

pub fn edit(name: &str, n: u32, categories: &[Category], mission: &str) -> ProfileEdit {
    ProfileEdit {
        name: name.into(),
        org_number: Some(OrgNumber::parse(&orgnr(n)).unwrap()),
        legal_form: LegalForm::IdeellForening,
        categories: categories.to_vec(),
        mission: mission.into(),
        email: String::new(),
        phone: String::new(),
        website: String::new(),
        social_links: vec![],
        postal_address: String::new(),
        visiting_address: String::new(),
        member_count: None,
        target_groups: String::new(),
    }
}

pub async fn org(
    app: &TestApp,
    m: MunicipalityId,
    name: &str,
    n: u32,
    categories: &[Category],
    mission: &str,
) -> OrganisationId {
    store::create(
        &app.state.db,
        m,
        &edit(name, n, categories, mission),
        None,
        app.state.now(),
    )
    .await
    .unwrap()
}

/// Make a user a representative of an organisation.
pub async fn represent(app: &TestApp, user_id: UserId, m: MunicipalityId, organisation_id: OrganisationId) {
    sqlx::query(
        "INSERT INTO roles (user_id, role, municipality_id, organisation_id, created_at) \
         VALUES ($1, 'representative', $2, $3, $4)",
    )
    .bind(user_id)
    .bind(m)
    .bind(organisation_id)
    .bind(app.state.now())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
}

/// Record a signature in force for an organisation.
pub async fn sign(app: &TestApp, m: MunicipalityId, organisation_id: OrganisationId) {
    sqlx::query(
        "INSERT INTO signatures (municipality_id, signer_kind, organisation_id, signer_name, signed_by_name, \
         signed_by_role, signed_on, channel, created_at) \
         VALUES ($1, 'association', $2, 'x', 'Anna Ek', 'Ordförande', '2026-11-01', 'paper', $3)",
    )
    .bind(m)
    .bind(organisation_id)
    .bind(app.state.now())
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    // What the signing book does in the same transaction when an organisation signs.
    set_signed(app, organisation_id, true).await;
}

/// The signing book telling the registry whether an organisation has a signature in force.
pub async fn set_signed(app: &TestApp, organisation_id: OrganisationId, signed: bool) {
    let mut conn = app.state.db.pool.acquire().await.unwrap();
    registry::public::set_signed(&mut conn, organisation_id, signed)
        .await
        .unwrap();
}

pub fn user(id: UserId) -> CurrentUser {
    CurrentUser {
        id,
        name: "Test".into(),
        email: "t@example.se".into(),
        roles: vec![],
    }
}

/// The names in the directory's result list, in order.
pub fn result_names(body: &str) -> Vec<String> {
    let Some(start) = body.find("id=\"results\"") else {
        return vec![];
    };
    let list = &body[start..body[start..].find("</ul>").map(|e| start + e).unwrap_or(body.len())];
    list.split("<h3")
        .skip(1)
        .filter_map(|h| {
            let a = h.find("\">")? + 2;
            let b = h[a..].find("</a>")? + a;
            Some(testkit::html::text(&h[a..b]))
        })
        .collect()
}
