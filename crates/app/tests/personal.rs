//! The demo's Sala association representative (Isa Österberg of IKS) and /konto, on both
//! databases: after she signs the agreement online, joins the demo's working group, registers
//! for a coming dialog meeting and records progress on an activity IKS answers for, her
//! account's export lists her signature, her contact entry, her working group, her
//! registration, her progress note and the demo's bookings; erasing the account takes her name
//! off the public signing book and the activity's public history, while IKS's signature and the
//! note stay.

use meetings::domain::MeetingForm;
use testkit::{both, Backend, Client, TestApp};

const ISA: &str = "forening.sala@demo.overens.example";
const COORDINATOR: &str = "samordnare.sala@demo.overens.example";
const IKS: &str = "IKS – Ideell Kultur i Sala";

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    c.login(email, app::demo::PASSWORD).await;
    c
}

/// A dialog meeting after the tests' clock (2026-11-23), made by the coordinator; the demo's
/// meetings are all in 2017–2018, past their registration.
async fn coming_meeting(app: &TestApp) -> meetings::ids::MeetingId {
    let db = &app.state.db;
    let now = app.state.now();
    let sala = app.municipality_id("sala").await;
    let series = meetings::store::create_series(db, sala, "Dialogmöten 2026", "", None, now)
        .await
        .unwrap();
    let form = MeetingForm {
        series: series.to_string(),
        number: "7".into(),
        title: "Dialogmöte 7, uppföljning".into(),
        theme: "Hur har handlingsplanen gått?".into(),
        date: "2026-12-10".into(),
        gathering: "18:30".into(),
        gathering_text: "fika".into(),
        start: "19:00".into(),
        end: "21:00".into(),
        place: "Täljstenen, Vasagatan 17, 733 38 Sala".into(),
        accessibility: String::new(),
        agenda: String::new(),
        contacts: "Jane Allansson".into(),
        capacity: String::new(),
        deadline: "2026-12-08".into(),
        consent_text: "Anmälan innebär godkännande av att lämnade kontaktuppgifter registreras.".into(),
        invitation_text: String::new(),
        room: String::new(),
    };
    let input = form.check(&[series]).unwrap();
    meetings::store::save_meeting(db, sala, None, &input, None, now)
        .await
        .unwrap()
        .unwrap()
}

async fn the_demo_representative_exports_and_erases_everything(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let db = &app.state.db;
    let sala = app.municipality_id("sala").await;
    let isa = signed_in(&app, ISA).await;
    let coordinator = signed_in(&app, COORDINATOR).await;

    // She signs for IKS online (the demo leaves IKS to do so).
    let (iks,): (platform::OrganisationId,) =
        sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2")
            .bind(sala)
            .bind(IKS)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    let signed = isa
        .submit(
            "/sala/signeringsbok/signera",
            "/sala/signeringsbok/signera",
            &[
                ("organisation", &iks.to_string()),
                ("signed_by_name", "Isa Österberg"),
                ("signed_by_role", "Ordförande"),
                ("signed_on", "2026-11-23"),
                ("agree", "on"),
            ],
        )
        .await;
    assert_eq!(signed.status, 303, "{}", signed.text());
    assert!(app
        .client()
        .get("/sala/signeringsbok")
        .await
        .text()
        .contains("Isa Österberg"));

    // She joins the demo's working group.
    let groups = actionplan::groups::store::groups(db, sala).await.unwrap();
    let group = groups.first().expect("the demo's working group");
    let group_path = format!("/sala/handlingsplan/grupper/{}", group.id);
    let joined = isa
        .submit(&group_path, &format!("{group_path}/ga-med"), &[("consent", "on")])
        .await;
    assert_eq!(joined.status, 303, "{}", joined.text());

    // She registers for a coming dialog meeting with her account's address.
    let meeting = coming_meeting(&app).await;
    let path = format!("/sala/moten/{meeting}/anmalan");
    let registered = isa
        .submit(
            &path,
            &path,
            &[
                ("name", "Isa Österberg"),
                ("email", ISA),
                ("organisation", IKS),
                ("party", "civil_society"),
                ("dietary", "Vegetariskt"),
                ("accessibility", ""),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(registered.status, 200, "{}", registered.text());
    assert!(registered.text().contains("Du är anmäld"), "{}", registered.text());

    // The coordinator makes IKS responsible for an activity; she records its progress.
    let (_, full) = actionplan::activities::store::current_full(db, sala).await.unwrap();
    let activity = full.activities.first().expect("the demo's activities");
    let edit = format!("/sala/handlingsplan/aktivitet/{}/redigera", activity.id);
    let department = activity.links.department_id.map(|d| d.to_string()).unwrap_or_default();
    let user = activity.links.user_id.map(|u| u.to_string()).unwrap_or_default();
    let linked = coordinator
        .submit(
            &edit,
            &edit,
            &[
                ("text", activity.text.as_str()),
                ("time_text", activity.time_text.as_str()),
                ("time_start", ""),
                ("time_end", ""),
                ("responsible_text", activity.responsible_text.as_str()),
                ("department", &department),
                ("user", &user),
                ("organisation", &iks.to_string()),
                ("follow_up_text", activity.follow_up_text.as_str()),
                ("follow_up_on", ""),
            ],
        )
        .await;
    assert_eq!(linked.status, 303, "{}", linked.text());
    let history = format!("/sala/handlingsplan/aktivitet/{}", activity.id);
    let noted = isa
        .submit(
            &history,
            &history,
            &[
                ("status", "ongoing"),
                ("text", "IKS har samlat föreningarnas synpunkter."),
                ("noted_on", ""),
            ],
        )
        .await;
    assert_eq!(noted.status, 303, "{}", noted.text());
    let public = app.client().get(&history).await.text();
    assert!(
        public.contains("IKS har samlat föreningarnas synpunkter.") && public.contains("Isa Österberg"),
        "{public}"
    );

    // The export lists all of it.
    let (status, data) = isa.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let signatures = data["signing"]["signatures"].as_array().unwrap();
    assert_eq!(signatures.len(), 1, "{data}");
    assert_eq!(signatures[0]["signer"], IKS);
    assert_eq!(signatures[0]["signed_by"], "Isa Österberg");
    let contacts = data["registry"]["contacts"].as_array().unwrap();
    assert!(
        contacts.iter().any(|c| c["organisation"] == IKS && c["email"] == ISA),
        "{data}"
    );
    let plan = &data["actionplan"];
    assert_eq!(plan["working_groups"][0]["group"], group.name.as_str(), "{data}");
    assert_eq!(
        plan["progress_notes"][0]["text"],
        "IKS har samlat föreningarnas synpunkter."
    );
    assert_eq!(plan["progress_notes"][0]["author"], "Isa Österberg");
    let registrations = data["meetings"]["registrations"].as_array().unwrap();
    assert_eq!(registrations.len(), 1, "{data}");
    assert_eq!(registrations[0]["meeting"], "Dialogmöte 7, uppföljning");
    assert_eq!(registrations[0]["dietary"], "Vegetariskt");
    let bookings = data["premises"].as_array().unwrap();
    assert!(!bookings.is_empty(), "the demo's bookings for IKS: {data}");
    assert!(bookings.iter().all(|b| b["municipality"] == "Sala"), "{data}");

    // Erased: her name is off the public signing book and the activity's history; IKS's
    // signature and the note stay.
    let account = isa.get("/konto").await;
    let erased = isa
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    let book = app.client().get("/sala/signeringsbok").await.text();
    assert!(!book.contains("Isa Österberg"), "{book}");
    assert!(book.contains(IKS), "the signature stays: {book}");
    let public = app.client().get(&history).await.text();
    assert!(public.contains("IKS har samlat föreningarnas synpunkter."), "{public}");
    assert!(!public.contains("Isa Österberg"), "{public}");
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM meetings_registrations WHERE email = $1")
        .bind(ISA)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "no registration keeps her address");
    let (named,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE summary LIKE '%Isa Österberg%' OR actor_name = 'Isa Österberg'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(named, 0, "the audit trail no longer names her");
    // The meeting's mails (her confirmation) are delivered; none fails.
    app.deliver().await;
}

both!(the_demo_representative_exports_and_erases_everything);
