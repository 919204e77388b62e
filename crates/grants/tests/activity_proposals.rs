//! Activity support through applications, on both databases: each association applies with the
//! support its attendance counts for, and the handler proposes all the period's applications
//! at once, shared by the same share when they exceed the budget; the decider decides with the
//! handler's reasons.

use crate::support::{association, begin, decider, page, programme, step, Facts};
use grants::activity::import::read_csv;
use grants::programmes::domain::Kind;
use platform::{MunicipalityId, OrganisationId};
use std::fmt::Write;
use testkit::{both, Backend, TestApp};

/// `meetings` meetings of an hour, one a week on Mondays from 4 January 2027 (within the weekly
/// caps), each with one leader (born 1990) and four participants born 2016 (10 years old in
/// 2027): 21 kr + 4 × 7,86 kr = 52,44 kr a meeting under the LOK-like default rules.
async fn attendance(app: &TestApp, m: MunicipalityId, org: OrganisationId, meetings: u32) {
    let mut csv = String::from("Grupp;Datum;Start;Minuter;Roll;Namn;Födelseår;Kön\n");
    for d in 0..meetings {
        let day = crate::support::day("2027-01-04") + chrono::Duration::weeks(i64::from(d));
        let _ = writeln!(csv, "P10;{day};17:00;60;Ledare;Lena L;1990;Flicka");
        for p in 0..4 {
            let _ = writeln!(csv, "P10;{day};17:00;60;Deltagare;Barn {p};2016;Pojke");
        }
    }
    let meetings = read_csv(csv.as_bytes(), 10).unwrap();
    grants::activity::store::import_meetings(&app.state.db, m, org, &meetings, None, app.state.now())
        .await
        .unwrap();
}

async fn the_handler_proposes_a_periods_activity_support_from_attendance(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(&app, sala, Kind::Activity, "Aktivitetsstöd", "2026-12-15", 500, |_| {}).await;
    let a = association(&app, sala, "Sala IF fotbollsförening", 1, Facts::default()).await;
    let b = association(&app, sala, "Sala simsällskap", 2, Facts::default()).await;
    attendance(&app, sala, a, 10).await;
    attendance(&app, sala, b, 5).await;
    let (rep_a, _) = app
        .representative_client("rep@if.example", "sala", "Sala IF fotbollsförening")
        .await;
    let (rep_b, _) = app
        .representative_client("rep@sim.example", "sala", "Sala simsällskap")
        .await;
    let mut ids = vec![];
    for (rep, org) in [(&rep_a, a), (&rep_b, b)] {
        let id = begin(rep, "sala", period, org).await;
        let saved = step(
            rep,
            "sala",
            id,
            "spara",
            &[("purpose", "Träning för barn"), ("democracy", "on")],
        )
        .await;
        assert_eq!(saved.status, 303, "{}", saved.text());
        assert_eq!(step(rep, "sala", id, "skicka", &[]).await.status, 303);
        ids.push(id);
    }
    // What each applies for is what its attendance counts for.
    let t = rep_a.get(&page("sala", ids[0])).await.text();
    assert!(t.contains("Sökt belopp 524,40 kr"), "{t}");
    assert!(rep_b
        .get(&page("sala", ids[1]))
        .await
        .text()
        .contains("Sökt belopp 262,20 kr"));

    let handler = app.staff("sala").await;
    let queue = format!("/sala/bidrag/handlaggning/{period}");
    assert!(handler.get(&queue).await.text().contains("Föreslå belopp ur närvaron"));
    let done = handler.submit(&queue, &format!("{queue}/aktivitetsstod"), &[]).await;
    assert_eq!(done.status, 303);
    let text = handler.get(done.location.as_deref().unwrap()).await.text();
    assert!(text.contains("2 förslag till beslut är gjorda ur närvaron."), "{text}");
    // 786,60 kr claimed against 500 kr: 63,56 % each, rounded down, within the budget.
    let proposed: Vec<(i64,)> = sqlx::query_as(
        "SELECT proposed_ore FROM grants_applications WHERE period_id = $1 AND status = 'proposed' ORDER BY id",
    )
    .bind(period)
    .fetch_all(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(proposed, vec![(33_333,), (16_666,)]);
    let staff_view = handler.get(&page("sala", ids[0])).await.text();
    assert!(staff_view.contains("Handläggarens förslag: 333,33 kr."), "{staff_view}");
    assert!(staff_view.contains("63,56 %"), "{staff_view}");

    // The decider decides with the handler's reasons already in the form.
    let (chair, _) = decider(&app, "sala", "ordforande@sala.example").await;
    let form = chair.get(&page("sala", ids[0])).await;
    assert!(
        form.body.contains("samma andel av sitt belopp: 63,56"),
        "the reason is prefilled"
    );
    let reason = "Periodens ansökningar är större än budgeten, så alla får 63,56 % av sitt belopp.";
    let decided = step(
        &chair,
        "sala",
        ids[0],
        "beslut",
        &[("decided", "333"), ("reason", reason)],
    )
    .await;
    assert_eq!(decided.status, 303, "{}", decided.text());
    assert!(rep_a
        .get(&page("sala", ids[0]))
        .await
        .text()
        .contains("Beviljad med lägre belopp"));
    app.deliver().await;
}

both!(the_handler_proposes_a_periods_activity_support_from_attendance);
