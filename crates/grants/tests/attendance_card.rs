//! The web attendance card and who may see and write an association's attendance, over HTTP
//! on both databases: a card with wrong lines names them and stores nothing, a good one adds a
//! meeting and the same card again changes nothing; anonymous visitors, another association's
//! representative and another municipality's staff are kept out.

use crate::attendance::{action_of, activity_programme, count, d, page_of, FILE};
use grants::activity::store;
use testkit::{both, Backend, TestApp};

async fn the_web_card_saves_a_meeting_and_names_wrong_lines(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (rep, org) = app
        .representative_client("anna@iksala.example", "sala", "IK Sala")
        .await;
    let action = format!("{}/kort", page_of(org));
    let mut fields = vec![
        ("group", "Kör"),
        ("date", "2026-04-07"),
        ("start", "18:00"),
        ("minutes", "90"),
        ("activity", "Körsång"),
        ("leaders", "Lena Sång;1975;Flicka"),
        ("participants", "Ida Ton;2013;Flicka\nOla;13;Pojke\nMy Ek;2012;Häst"),
    ];
    let bad = rep.submit(&page_of(org), &action, &fields).await;
    assert_eq!(bad.status, 422);
    let text = bad.text();
    assert!(
        text.contains(
            "Rad 2: Skriv födelseåret med fyra siffror. Rad 3: Könet ska vara Flicka, Pojke eller Annat (eller tomt)."
        ),
        "{text}"
    );
    assert!(
        bad.body.contains(">Ida Ton;2013;Flicka\nOla;13;Pojke"),
        "what was typed stays"
    );
    assert_eq!(count(&app, "grants_attendance_meetings").await, 0);

    fields[6] = ("participants", "Ida Ton;2013;Flicka\nOla Ek;2013;Pojke\nMy Ek;2012\n");
    let saved = rep.submit(&page_of(org), &action, &fields).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let to = saved.location.unwrap();
    assert!(to.ends_with("#kort"), "{to}");
    let page = rep.get(&to).await;
    assert!(page.text().contains("Klart: 1 nya sammankomster"), "{}", page.text());
    assert!(
        page.text().contains("2026-04-07 18:00 Kör 90 Körsång 1 3 närvarokort"),
        "{}",
        page.text()
    );
    let meetings = store::meetings_of(&app.state.db, sala, org, d("2026-04-07"), d("2026-04-07"))
        .await
        .unwrap();
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].leaders[0].name, "Lena Sång");
    assert_eq!(
        meetings[0].participants[2].gender,
        grants::activity::domain::Gender::Other
    );

    let again = rep.submit(&page_of(org), &action, &fields).await;
    let page = rep.get(&again.location.unwrap()).await;
    assert!(
        page.text().contains("Ingenting ändrades: alla 1 sammankomster"),
        "{}",
        page.text()
    );
    assert_eq!(count(&app, "grants_attendance").await, 4);
    app.stop().await;
}

async fn only_the_association_and_its_municipality_see_its_attendance(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let (programme, period) = activity_programme(&app, sala).await;
    let (rep, org) = app
        .representative_client("anna@iksala.example", "sala", "IK Sala")
        .await;
    let (other, other_org) = app
        .representative_client("bo@sk.example", "sala", "Sala Schackklubb")
        .await;
    let result = format!("/sala/bidrag/{programme}/perioder/{period}/aktivitet/{org}");
    let card = [
        ("group", "A"),
        ("date", "2026-04-07"),
        ("start", "18:00"),
        ("minutes", "60"),
        ("leaders", "Bo;1970"),
    ];

    let anonymous = app.client();
    for path in [page_of(org), result.clone()] {
        let login = anonymous.get(&path).await;
        assert_eq!(login.status, 303, "{path}");
        assert!(login.location.unwrap().contains("logga-in"));
    }

    // Another association's representative: refused, and nothing written.
    assert_eq!(other.get(&page_of(org)).await.status, 403);
    assert_eq!(other.get(&result).await.status, 403);
    let posted = other
        .submit(&page_of(other_org), &format!("{}/kort", page_of(org)), &card)
        .await;
    assert_eq!(posted.status, 403);
    let own = other.get(&page_of(other_org)).await;
    let own_action = action_of(&own.body, "attendance-file");
    let (_, token) = own_action.split_once('?').unwrap();
    let upload = format!("{}/import?{token}", page_of(org));
    let posted = other
        .post_file(&upload, "file", "a.csv", FILE.as_bytes().to_vec())
        .await;
    assert_eq!(posted.status, 403);

    // Another municipality's staff: refused in Sala, and the association is not Örebro's.
    let orebro = app.staff("orebro").await;
    assert_eq!(orebro.get(&page_of(org)).await.status, 403);
    assert_eq!(orebro.get(&format!("/orebro/bidrag/narvaro/{org}")).await.status, 404);
    let elsewhere = format!("/orebro/bidrag/{programme}/perioder/{period}/aktivitet/{org}");
    assert_eq!(orebro.get(&elsewhere).await.status, 404);
    let posted = orebro
        .submit("/orebro/bidrag", &format!("/orebro/bidrag/narvaro/{org}/kort"), &card)
        .await;
    assert_eq!(posted.status, 404);
    assert_eq!(count(&app, "grants_attendance_meetings").await, 0);

    // A period of another programme, an unknown one, or no number: not found.
    assert_eq!(
        rep.get(&format!("/sala/bidrag/{programme}/perioder/999999/aktivitet/{org}"))
            .await
            .status,
        404
    );
    assert_eq!(
        rep.get(&format!("/sala/bidrag/999999/perioder/{period}/aktivitet/{org}"))
            .await
            .status,
        404
    );
    assert_eq!(rep.get("/sala/bidrag/narvaro/abc").await.status, 404);
    assert_eq!(rep.get("/sala/bidrag/narvaro/999999").await.status, 404);
    assert_eq!(rep.get(&result).await.status, 200);
    assert!(rep
        .get(&result)
        .await
        .text()
        .contains("Föreningen har inga sammankomster i perioden."));
    app.stop().await;
}

both!(
    the_web_card_saves_a_meeting_and_names_wrong_lines,
    only_the_association_and_its_municipality_see_its_attendance,
);
