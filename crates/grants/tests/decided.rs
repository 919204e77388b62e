//! Decided grants for the payout, decision and report tests, made through the applications'
//! own writes in write transactions (create → save → submit → take → propose → decide), with
//! associations registered in the registry (organisation number, bankgiro or plusgiro).

use chrono::NaiveDate;
use grants::applications::store::{self as applications, Application};
use grants::applications::write::{self, Answers, Decision, Reports};
use grants::ids::{ApplicationId, PeriodId, ProgrammeId};
use grants::programmes::domain::{Kind, NewPeriod, NewProgramme, PeriodDates};
use grants::programmes::store::{self as programmes, ProgrammeSetup};
use platform::auth::{CurrentUser, RoleKind};
use platform::db;
use platform::{MunicipalityId, OrganisationId, UserId};
use registry::domain::{Giro, GiroKind, LegalForm, OrgNumber};
use registry::facts::domain::FactsEdit;
use registry::store::ProfileEdit;
use testkit::TestApp;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The day every test starts on (testkit's clock).
pub fn today() -> NaiveDate {
    d("2026-11-23")
}

/// A valid organisationsnummer made from `n`.
pub fn orgnr(n: u32) -> String {
    let nine = format!("802{:06}", n % 1_000_000);
    let digits: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
    let s = format!("{nine}{}", registry::domain::luhn_digit(&digits));
    format!("{}-{}", &s[..6], &s[6..])
}

/// A programme of the municipality with one period (2026) and its budget.
pub async fn programme(app: &TestApp, m: MunicipalityId, kind: Kind, name: &str) -> (ProgrammeId, PeriodId) {
    let new = NewProgramme {
        kind,
        name: name.into(),
        description: String::new(),
        criteria: String::new(),
    };
    let mut setup = ProgrammeSetup::defaults(kind);
    setup.published = true;
    let db = &app.state.db;
    let id = programmes::create_programme(db, m, &new, &setup, None, app.state.now())
        .await
        .unwrap();
    let period = NewPeriod {
        name: "2026".into(),
        dates: PeriodDates {
            starts_on: d("2026-01-01"),
            ends_on: d("2026-12-31"),
            opens_on: d("2026-10-01"),
            deadline: d("2026-12-15"),
        },
        budget_ore: 1_000_000_000,
    };
    let period = programmes::add_period(db, m, id, &period, None, app.state.now())
        .await
        .unwrap();
    (id, period)
}

/// An association in the registry with its organisation number (from `n`) and account, and
/// a representative (`email`) who is the applicant.
pub async fn association(
    app: &TestApp,
    m: MunicipalityId,
    slug: &str,
    name: &str,
    n: u32,
    giro: Option<(GiroKind, &str)>,
    email: &str,
) -> (OrganisationId, CurrentUser) {
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
    let db = &app.state.db;
    let now = app.state.now();
    let org = registry::profile::store::create(db, m, &edit, None, now).await.unwrap();
    let facts = FactsEdit {
        giro: giro.map(|(k, number)| Giro::parse(k, number).unwrap()),
        board_members: Some(5),
        annual_meeting_on: Some(d("2026-03-14")),
    };
    registry::profile::store::update_with_facts(db, m, org, &edit, &facts, None, now)
        .await
        .unwrap();
    let (user, found) = app.representative(email, slug, name).await;
    assert_eq!(found, org);
    (org, person(user, email))
}

pub fn person(id: UserId, email: &str) -> CurrentUser {
    CurrentUser {
        id,
        name: format!("Test {email}"),
        email: email.into(),
        roles: vec![],
    }
}

/// A handler and a decider of the municipality (staff; the decider holds the decision role).
pub async fn officials(app: &TestApp, m: MunicipalityId, slug: &str) -> (CurrentUser, CurrentUser) {
    let h = format!("handlare@{slug}.example");
    let b = format!("beslut@{slug}.example");
    let handler = app.user(&h, Some((RoleKind::Staff, Some(slug)))).await;
    let decider = app.user(&b, Some((RoleKind::Staff, Some(slug)))).await;
    let decider = person(decider, &b);
    db::write(&app.state.db, app.state.now(), async |tx| {
        write::add_decider(tx, m, decider.id, &decider, app.state.now()).await
    })
    .await
    .unwrap();
    (person(handler, &h), decider)
}

/// What a test decides about an application.
pub struct Case<'a> {
    pub applicant: &'a CurrentUser,
    pub organisation: OrganisationId,
    pub programme: (ProgrammeId, PeriodId),
    pub applied_ore: i64,
    pub decided_ore: i64,
    pub years: u32,
    pub reports: Reports,
    pub decided_on: NaiveDate,
}

async fn load(app: &TestApp, m: MunicipalityId, id: ApplicationId) -> Application {
    applications::application_by_id(&app.state.db, m, id)
        .await
        .unwrap()
        .unwrap()
}

/// An application taken from a draft to a proposal through the applications' writes.
pub async fn proposed(app: &TestApp, m: MunicipalityId, c: &Case<'_>, handler: &CurrentUser) -> ApplicationId {
    let db = &app.state.db;
    let now = app.state.now();
    let (programme, period) = c.programme;
    let id = db::write(db, now, async |tx| {
        write::create(tx, m, programme, period, c.organisation, "sv", c.applicant, now).await
    })
    .await
    .unwrap();
    let answers = Answers {
        purpose: "Träningar och cuper för barn och unga.".into(),
        applied_ore: c.applied_ore,
        years: c.years,
        democracy_attested: true,
        answers: "{}".into(),
        co_signer_email: String::new(),
    };
    let a = load(app, m, id).await;
    db::write(db, now, async |tx| {
        write::save(tx, m, &a, &answers, true, c.applicant, now).await
    })
    .await
    .unwrap();
    let a = load(app, m, id).await;
    db::write(db, now, async |tx| {
        write::submit(tx, m, &a, false, true, "KFN", today(), c.applicant, now).await
    })
    .await
    .unwrap();
    let a = load(app, m, id).await;
    db::write(db, now, async |tx| write::take(tx, m, &a, handler, now).await)
        .await
        .unwrap();
    let a = load(app, m, id).await;
    db::write(db, now, async |tx| {
        write::propose(tx, m, &a, c.decided_ore, "Föreslås enligt riktlinjerna.", handler, now).await
    })
    .await
    .unwrap();
    id
}

/// The reason a test's decider writes when the amount is less than applied for.
pub const REASON: &str = "Föreningen bedriver ingen verksamhet för barn och unga.";

/// An application decided as the case says; returns it as stored.
pub async fn decided(
    app: &TestApp,
    m: MunicipalityId,
    c: &Case<'_>,
    (handler, decider): &(CurrentUser, CurrentUser),
) -> Application {
    let id = proposed(app, m, c, handler).await;
    let now = app.state.now();
    let reason = if c.decided_ore < c.applied_ore { REASON } else { "" };
    let decision = Decision {
        amount_ore: c.decided_ore,
        reason,
        decided_on: c.decided_on,
        reports: c.reports,
    };
    db::write(&app.state.db, now, async |tx| {
        write::decide(tx, m, id, &decision, decider, now).await
    })
    .await
    .unwrap();
    load(app, m, id).await
}

/// The one-year case of an operating grant decided today, without reports.
pub fn yearly<'a>(
    applicant: &'a CurrentUser,
    organisation: OrganisationId,
    programme: (ProgrammeId, PeriodId),
    applied_ore: i64,
    decided_ore: i64,
) -> Case<'a> {
    Case {
        applicant,
        organisation,
        programme,
        applied_ore,
        decided_ore,
        years: 1,
        reports: Reports::None,
        decided_on: today(),
    }
}

/// The value of the hidden `ids` field of the payout form of the day's list.
pub fn ids_of(body: &str, day: &str) -> String {
    let action = format!("action=\"/sala/bidrag/utbetalningar/{day}\"");
    let at = body.find(&action).unwrap_or_else(|| panic!("no form for {day}"));
    let rest = &body[at..];
    let v = rest.find("name=\"ids\" value=\"").unwrap() + 18;
    let end = rest[v..].find('"').unwrap() + v;
    rest[v..end].to_string()
}

/// The installments of an application: (year, paid_at, payout_reference).
pub async fn installments(app: &TestApp, id: ApplicationId) -> Vec<(i64, Option<i64>, String)> {
    sqlx::query_as("SELECT year_index, paid_at, payout_reference FROM grants_installments WHERE application_id = $1 ORDER BY year_index")
        .bind(id)
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap()
}
