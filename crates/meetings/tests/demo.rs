//! The meetings in the demo (seeds 000–002), on both databases.

use crate::common::{parse_ics, prop};
use testkit::{both, Backend, TestApp};

async fn the_demo_has_salas_dialog_meetings_and_orebros_council(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let anon = app.client();

    // Sala: dialog meetings 1–6 on the dates of seed 001's timeline.
    let (_, json) = anon.get_json("/api/v1/sala/meetings").await;
    let meetings = json["meetings"].as_array().unwrap();
    let numbered: Vec<(i64, String)> = meetings
        .iter()
        .map(|m| {
            (
                m["number"].as_i64().unwrap(),
                m["starts_at"].as_str().unwrap()[..10].to_string(),
            )
        })
        .collect();
    assert_eq!(
        numbered,
        [
            (1, "2017-05-31".to_string()),
            (2, "2017-09-05".into()),
            (3, "2017-11-21".into()),
            (4, "2018-01-30".into()),
            (5, "2018-05-14".into()),
            (6, "2018-09-20".into()),
        ]
    );
    let id = |n: i64| {
        meetings.iter().find(|m| m["number"] == n).unwrap()["id"]
            .as_i64()
            .unwrap()
    };

    // Meeting 5's notes with the groups' answers (seed 000).
    let five = anon.get(&format!("/sala/moten/{}/anteckningar", id(5))).await;
    assert_eq!(five.status, 200);
    let text = five.text();
    for expected in [
        "Synpunkter och förbättringsförslag",
        "1 Är tiden rimlig för handlingsplanen?",
        "De flesta tycker att tiden är rimlig",
        "Dialog om lokaler",
        "2 Behöver den inledande texten förbättras?",
        "Skriv ut vilka de sex principerna är!",
        "Nästa dialogmöte bestämdes till den 20 september 2018.",
    ] {
        assert!(text.contains(expected), "missing {expected}: {text}");
    }

    // Meeting 6's invitation (seed 001).
    let six = anon.get(&format!("/sala/moten/{}/inbjudan", id(6))).await.text();
    for expected in [
        "Välkommen till dialogmöte nr 6!",
        "torsdag 2018-09-20",
        "kl 18:30–19:00 samling och fika (kaffe/the och smörgås)",
        "kl 19:00–21:00 dialog",
        "Hörslinga finns i föreläsningssalen.",
        "Anmäl dig senast 2018-09-18",
        "isa.osterberg.tarna@folkbildning.net",
        "Kort bakgrund",
    ] {
        assert!(six.contains(expected), "missing {expected}: {six}");
    }

    // Örebro's council of 2017-02-16 with its minutes, working groups and next meeting (seed 002).
    let (_, json) = anon.get_json("/api/v1/orebro/meetings").await;
    let council = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["starts_at"].as_str().unwrap().starts_with("2017-02-16"))
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let minutes = anon.get(&format!("/orebro/moten/{council}/anteckningar")).await.text();
    for expected in [
        "Lennart Bondeson (KD)",
        "Per-Inge Hellman, Västerås kommun",
        "Inga invändningar",
        "Riktlinjer för lokaler",
        "Bjuda in Malin Sandell",
        "2 maj kl. 18-20 på Föreningarnas hus",
        "Anna Fogel",
    ] {
        assert!(minutes.contains(expected), "missing {expected}: {minutes}");
    }
    let feed = anon.get("/orebro/moten/kalender.ics").await;
    let cal = parse_ics(&feed.body);
    assert_eq!(cal.events.len(), 2);
    assert!(prop(&cal.events[0].properties, "SUMMARY").starts_with("Samverkansrådet"));
}

both!(the_demo_has_salas_dialog_meetings_and_orebros_council);
