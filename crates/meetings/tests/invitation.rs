//! The invitation letter (seed 001): its public and printable pages, and the e-mail to chosen
//! lists through a real SMTP server, each with an unsubscribe link that works, on both
//! databases.

use crate::common::*;
use std::sync::Arc;
use testkit::{both, Backend, Options, SmtpSink, TestApp, TestDb};

async fn the_invitation_letter_is_public_printable_and_mailed_to_lists_with_unsubscribe(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = TestApp::start_with(
        Arc::new(TestDb::new(backend).await),
        Options {
            smtp_port: Some(sink.port),
            configure: None,
        },
    )
    .await;
    let (sala, meeting) = sala_with_meeting(&app, "").await;
    let pool = &app.state.db.pool;
    let now = app.state.now();
    // The agreement's timeline (seed 001's "Kort bakgrund").
    for (on, title) in [
        ("2017-05-31", "Första dialogmötet"),
        ("2018-02-28", "Kommunfullmäktige antar de sex principerna"),
        ("2027-06-01", "Något som inte har hänt ännu"),
    ] {
        sqlx::query(
            "INSERT INTO agreement_timeline (municipality_id, happened_on, kind, title, created_at, updated_at) \
             VALUES ($1, $2, 'other', $3, $4, $4)",
        )
        .bind(sala)
        .bind(on)
        .bind(title)
        .bind(now)
        .execute(pool)
        .await
        .unwrap();
    }
    // A registry contact (listed with consent), a signing organisation's representative, and
    // a participant of an earlier meeting.
    let (_, iks) = app
        .representative("ordforande@iks.example", "sala", "IKS, Ideell Kultur i Sala")
        .await;
    sqlx::query(
        "INSERT INTO registry_contacts (organisation_id, name, email, consent_at, created_at) VALUES ($1, 'Kim', 'Kim@Forening.example', $2, $2)",
    )
    .bind(iks)
    .bind(now)
    .execute(pool)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO signatures (municipality_id, signer_kind, organisation_id, signer_name, signed_by_name, signed_by_role, signed_on, channel, created_at) \
         VALUES ($1, 'association', $2, 'IKS', 'Ordförande', 'Ordförande', '2018-04-21', 'paper', $3)",
    )
    .bind(sala)
    .bind(iks)
    .bind(now)
    .execute(pool)
    .await
    .unwrap();
    let series: (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series")
        .fetch_one(pool)
        .await
        .unwrap();
    let mut five = meeting_six(series.0, "");
    five.number = "5".into();
    five.title = "Dialogmöte 5 - Handlingsplan".into();
    five.date = "2026-12-01".into();
    five.deadline = String::new();
    let five = meetings::store::save_meeting(&app.state.db, sala, None, &five.check(&[series.0]).unwrap(), None, now)
        .await
        .unwrap()
        .unwrap();
    register(&app, &app.client(), five, "Tidigare", "tidigare@example.se", "guest").await;
    app.run_jobs().await;
    let before = sink.received().len();

    // The public letter.
    let public = app.client();
    let page = public.get(&format!("/sala/moten/{meeting}/inbjudan")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for expected in [
        "Till föreningar i Sala kommun och till representanter för Sala kommun",
        "Tillsammans för framtidens Sala – dialogmöten",
        "Välkommen till dialogmöte nr 6!",
        "Nu ska vi bilda arbetsgrupper",
        "torsdag 2026-12-10",
        "kl 18:30–19:00 samling och fika (kaffe/the och smörgås)",
        "kl 19:00–21:00 dialog",
        "Täljstenen, Vasagatan 17, 733 38 Sala",
        "Hörslinga finns i föreläsningssalen.",
        "Anmäl dig senast 2026-12-08",
        "Anmälan innebär godkännande",
        "jane.allansson@sala.se",
        "Kort bakgrund",
        "2017-05-31: Första dialogmötet",
        "2018-02-28: Kommunfullmäktige antar de sex principerna",
        "2026-12-10: Dialogmöte 6, arbete med handlingsplan",
    ] {
        assert!(text.contains(expected), "missing {expected}: {text}");
    }
    assert!(!text.contains("Något som inte har hänt ännu"));
    assert!(!text.contains("Skicka inbjudan med e-post"));
    let print = public.get(&format!("/sala/moten/{meeting}/inbjudan/utskrift")).await;
    assert!(print.body.contains("/sala/moten/utskrift.css"));
    assert!(print.text().contains("kl 19:00–21:00 dialog"));

    // Sending is the coordinator's.
    let send = format!("/sala/moten/{meeting}/inbjudan/skicka");
    assert_ne!(public.get(&send).await.status, 200);
    let c = coordinator(&app, "sala").await;
    let form = c.get(&send).await.text();
    assert!(form.contains("Kontaktpersoner i föreningsregistret (1)"), "{form}");
    assert!(form.contains("De som har signerat överenskommelsen (2)"), "{form}");
    assert!(form.contains("Deltagare i tidigare möten (1)"), "{form}");
    let sent = c
        .submit(
            &send,
            &send,
            &[("contacts", "on"), ("signatories", "on"), ("participants", "on")],
        )
        .await;
    // kim@ is on two lists but gets one mail.
    assert!(
        sent.text().contains("Inbjudan skickas till 3 mottagare."),
        "{}",
        sent.text()
    );
    app.run_jobs().await;
    let got: Vec<_> = sink.received().into_iter().skip(before).collect();
    let mut to: Vec<String> = got.iter().map(|m| m.to[0].clone()).collect();
    to.sort();
    assert_eq!(
        to,
        ["kim@forening.example", "ordforande@iks.example", "tidigare@example.se"]
    );
    let kim = got.iter().find(|m| m.to[0] == "kim@forening.example").unwrap();
    let body = kim.body();
    assert!(body.contains("kl 19:00–21:00 dialog"), "{body}");
    assert!(body.contains("Kort bakgrund"), "{body}");
    let at = body.find("/sala/moten/avregistrera/").expect("an unsubscribe link");
    let link: String = body[at..].chars().take_while(|c| !c.is_whitespace()).collect();
    let other = got.iter().find(|m| m.to[0] == "tidigare@example.se").unwrap().body();
    assert!(!other.contains(&link), "each address has its own link");

    // Kim unsubscribes and is left out next time.
    let p = public.get(&link).await;
    assert!(p.text().contains("kim@forening.example"), "{}", p.text());
    let token = p.csrf();
    assert_eq!(public.post_raw(&link, &[("_csrf", token.as_str())]).await.status, 303);
    assert!(public.get(&link).await.text().contains("får inga fler inbjudningar"));
    let again = c
        .submit(&send, &send, &[("contacts", "on"), ("signatories", "on")])
        .await;
    assert!(
        again.text().contains("Inbjudan skickas till 1 mottagare."),
        "{}",
        again.text()
    );
    assert_eq!(public.get("/sala/moten/avregistrera/gissat").await.status, 404);
    app.deliver().await;
}

both!(the_invitation_letter_is_public_printable_and_mailed_to_lists_with_unsubscribe);
