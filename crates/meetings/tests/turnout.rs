//! Turnout: registrations name the registry's associations (matched by name), and each meeting
//! and each year shows the share of the registry's associations that registered or came (seed
//! 004: "minst en representant från minst 90% av föreningarna?"); on both databases.

use crate::common::*;
use testkit::{both, Backend, TestApp};

async fn with_organisation<'a>(name: &'a str, email: &'a str, organisation: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut fields = person(name, email, "civil_society");
    for f in fields.iter_mut() {
        if f.0 == "organisation" {
            f.1 = organisation;
        }
    }
    fields
}

async fn each_meeting_and_year_shows_the_share_of_associations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    for (email, name) in [
        ("iks@example.se", "IKS – Ideell Kultur i Sala"),
        ("bk@example.se", "Sala Brukshundklubb"),
        ("vif@example.se", "Västerfärnebo IF"),
        ("hb@example.se", "Sala Hembygdsförening"),
    ] {
        app.representative(email, "sala", name).await;
    }
    let public = app.client();
    let page = public.get(&format!("/sala/moten/{meeting}")).await.text();
    assert!(
        !page.contains("föreningar i registret"),
        "no registration, no share: {page}"
    );

    // Written as people write: other case, a comma for the dash, extra spaces; one unknown.
    for (name, email, organisation) in [
        ("Anna Andersson", "anna@example.se", "iks,  ideell kultur i sala"),
        ("Bo Berg", "bo@example.se", "IKS – Ideell Kultur i Sala"),
        ("Carl Carlsson", "carl@example.se", "Sala brukshundklubb"),
        ("Dora Dahl", "dora@example.se", "Sala kulturskola"),
    ] {
        let fields = with_organisation(name, email, organisation).await;
        let r = register_with(&app, &public, meeting, &fields).await;
        assert_eq!(r.status, 200, "{}", r.text());
    }
    let page = public.get(&format!("/sala/moten/{meeting}")).await.text();
    assert!(
        page.contains("2 av 4 föreningar i registret (50 %) är anmälda."),
        "{page}"
    );
    let turnout = public.get("/sala/moten/deltagande").await;
    assert_eq!(turnout.status, 200);
    let text = turnout.text();
    assert!(text.contains("Föreningsregistret har 4 föreningar."), "{text}");
    assert!(text.contains("2026 1 2 50 %"), "{text}");

    // Attendance recorded: only Carl came, so one association took part.
    let c = coordinator(&app, "sala").await;
    let (carl,): (i64,) = sqlx::query_as("SELECT id FROM meetings_registrations WHERE email = 'carl@example.se'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let participants = format!("/sala/moten/{meeting}/deltagare");
    let present = format!("present-{carl}");
    let saved = c
        .submit(&participants, &participants, &[(present.as_str(), "on")])
        .await;
    assert!(saved.text().contains("Närvaron är sparad."), "{}", saved.text());
    let page = public.get(&format!("/sala/moten/{meeting}")).await.text();
    assert!(page.contains("1 av 4 föreningar i registret (25 %) deltog."), "{page}");
    let text = public.get("/sala/moten/deltagande").await.text();
    assert!(text.contains("2026 1 1 25 %"), "{text}");

    // Another municipality's page counts only its own.
    app.municipality("orebro", "Örebro kommun").await;
    let other = public.get("/orebro/moten/deltagande").await.text();
    assert!(
        other.contains("Föreningsregistret har 0 föreningar.")
            && other.contains("Ingen förening i registret har anmält sig till ett möte ännu."),
        "{other}"
    );
    app.deliver().await;
}

async fn erasing_a_participant_keeps_their_association_in_the_count(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    app.representative("iks@example.se", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let public = app.client();
    let fields = with_organisation("Anna Andersson", "anna@example.se", "IKS, Ideell Kultur i Sala").await;
    assert_eq!(register_with(&app, &public, meeting, &fields).await.status, 200);
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM meetings_registrations")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    // A year after the meeting its participants' details are cleared (the retention sweep).
    app.clock.advance(chrono::Duration::days(400));
    let cleared = meetings::privacy::store::sweep(&app.state.db, app.state.now())
        .await
        .unwrap();
    assert_eq!(cleared, 1);
    let (name, organisation): (String, Option<i64>) =
        sqlx::query_as("SELECT name, organisation_id FROM meetings_registrations WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(name, "", "the name is gone");
    assert!(organisation.is_some(), "the association stays");
    let page = public.get(&format!("/sala/moten/{meeting}")).await.text();
    assert!(
        page.contains("1 av 1 föreningar i registret (100 %) är anmälda."),
        "{page}"
    );
    app.deliver().await;
}

both!(
    each_meeting_and_year_shows_the_share_of_associations,
    erasing_a_participant_keeps_their_association_in_the_count,
);
