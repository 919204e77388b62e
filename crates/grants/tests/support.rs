//! What the application tests share: an association that meets the usual requirements (made
//! through the registry's own functions), a published programme with a period open on the test
//! clock's day (2026-11-23), a decider, and reading the attachment form's action.

use chrono::NaiveDate;
use grants::ids::{ApplicationId, PeriodId, ProgrammeId};
use grants::programmes::domain::{Eligibility, Kind, NewPeriod, NewProgramme, PeriodDates};
use grants::programmes::store::{self, ProgrammeSetup};
use platform::auth::RoleKind;
use platform::{MunicipalityId, OrganisationId, UserId};
use registry::domain::{Giro, GiroKind, LegalForm, OrgNumber};
use registry::facts::domain::FactsEdit;
use registry::facts::store::{save_statutes, NewStatutes};
use registry::store::ProfileEdit;
use testkit::{Client, TestApp};

/// A small PDF (its content is what is checked, not its name).
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A valid organisationsnummer of an ideell förening made from `n`.
pub fn orgnr(n: u32) -> String {
    let nine = format!("802{:06}", n % 1_000_000);
    let digits: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
    let check = registry::domain::luhn_digit(&digits);
    let s = format!("{nine}{check}");
    format!("{}-{}", &s[..6], &s[6..])
}

/// What the association is like in the registry.
pub struct Facts {
    pub board: u32,
    pub statutes: bool,
    pub signed: bool,
}

impl Default for Facts {
    fn default() -> Self {
        Facts {
            board: 5,
            statutes: true,
            signed: false,
        }
    }
}

/// An association in the registry with an organisation number, a bankgiro, a board, an annual
/// meeting on 2026-03-14, its statutes and its profile confirmed on 2026-04-01 (within two
/// months of the meeting), as `facts` says.
pub async fn association(app: &TestApp, m: MunicipalityId, name: &str, n: u32, facts: Facts) -> OrganisationId {
    let db = &app.state.db;
    let now = app.state.now();
    let edit = ProfileEdit {
        name: name.into(),
        org_number: Some(OrgNumber::parse(&orgnr(n)).unwrap()),
        legal_form: LegalForm::IdeellForening,
        categories: vec![],
        mission: String::new(),
        email: String::new(),
        phone: String::new(),
        website: String::new(),
        social_links: vec![],
        postal_address: String::new(),
        visiting_address: String::new(),
        member_count: None,
        target_groups: String::new(),
    };
    let id = registry::profile::store::create(db, m, &edit, None, now).await.unwrap();
    let grant_facts = FactsEdit {
        giro: Some(Giro::parse(GiroKind::Bankgiro, "5381-7425").unwrap()),
        board_members: Some(facts.board),
        annual_meeting_on: Some(day("2026-03-14")),
    };
    registry::profile::store::update_with_facts(db, m, id, &edit, &grant_facts, None, now)
        .await
        .unwrap();
    if facts.statutes {
        let file = NewStatutes {
            file_name: "Stadgar.pdf",
            mime: "application/pdf",
            bytes: PDF,
        };
        save_statutes(db, m, id, &file, None, now).await.unwrap();
    }
    if facts.signed {
        let mut tx = db.write().await.unwrap();
        registry::public::set_signed(&mut tx, id, true).await.unwrap();
        tx.commit().await.unwrap();
    }
    // Confirmed on 2026-04-01 at noon, Swedish time.
    sqlx::query("UPDATE registry_profiles SET confirmed_at = $1 WHERE organisation_id = $2")
        .bind(1_775_037_600_i64)
        .bind(id)
        .execute(&db.pool)
        .await
        .unwrap();
    id
}

/// A published programme of `kind` with one period: activities in 2027, open from 2026-11-01
/// to `deadline`, with the budget in kronor.
pub async fn programme(
    app: &TestApp,
    m: MunicipalityId,
    kind: Kind,
    name: &str,
    deadline: &str,
    budget_kr: i64,
    tweak: impl FnOnce(&mut ProgrammeSetup),
) -> (ProgrammeId, PeriodId) {
    let mut setup = ProgrammeSetup::defaults(kind);
    setup.published = true;
    setup.eligibility = Eligibility::usual();
    setup.attachments = vec![];
    tweak(&mut setup);
    let new = NewProgramme {
        kind,
        name: name.into(),
        description: "Stöd till föreningar.".into(),
        criteria: "Verksamheten är öppen för alla.\nVerksamheten når barn och unga.".into(),
    };
    let db = &app.state.db;
    let now = app.state.now();
    let id = store::create_programme(db, m, &new, &setup, None, now).await.unwrap();
    let period = NewPeriod {
        name: "2027".into(),
        dates: PeriodDates {
            starts_on: day("2027-01-01"),
            ends_on: day("2027-12-31"),
            opens_on: day("2026-11-01"),
            deadline: day(deadline),
        },
        budget_ore: budget_kr * 100,
    };
    store::add_period(db, m, id, &period, None, now).await.unwrap();
    let (_, periods) = store::programme_by_id(db, m, id).await.unwrap().unwrap();
    (id, periods[0].id)
}

/// A member of the municipality's staff with the decision role, signed in.
pub async fn decider(app: &TestApp, slug: &str, email: &str) -> (Client, UserId) {
    let m = app.municipality_id(slug).await;
    let (client, id) = app.signed_in(email, Some((RoleKind::Staff, Some(slug)))).await;
    sqlx::query("INSERT INTO grants_deciders (municipality_id, user_id, created_at) VALUES ($1, $2, $3)")
        .bind(m)
        .bind(id)
        .bind(app.state.now())
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    (client, id)
}

/// Begins an application as the representative and returns its id.
pub async fn begin(rep: &Client, slug: &str, period: PeriodId, org: OrganisationId) -> ApplicationId {
    let apply = format!("/{slug}/bidrag/ansok/{period}");
    let made = rep.submit(&apply, &apply, &[("org", &org.to_string())]).await;
    assert_eq!(made.status, 303, "{}", made.text());
    let href = made.location.unwrap();
    href.rsplit('/').next().unwrap().parse().unwrap()
}

/// The application page's path.
pub fn page(slug: &str, id: ApplicationId) -> String {
    format!("/{slug}/bidrag/ansokan/{id}")
}

/// Posts a step's form from the application page (its CSRF token taken from the page).
pub async fn step(
    client: &Client,
    slug: &str,
    id: ApplicationId,
    step: &str,
    fields: &[(&str, &str)],
) -> testkit::Page {
    let p = page(slug, id);
    client.submit(&p, &format!("{p}/{step}"), fields).await
}

/// The upload form's action on the application page (it carries the CSRF token).
pub fn upload_action(body: &str) -> String {
    let at = body.find("enctype=\"multipart/form-data\"").expect("an upload form");
    let start = body[..at].rfind("action=\"").expect("the form's action") + 8;
    let end = start + body[start..].find('"').unwrap();
    body[start..end].replace("&amp;", "&")
}

/// The user as the stores see an actor (the routes check the roles; the stores record who).
pub fn actor(id: UserId) -> platform::auth::CurrentUser {
    platform::auth::CurrentUser {
        id,
        name: "Test".into(),
        email: "test@example.se".into(),
        roles: vec![],
    }
}
