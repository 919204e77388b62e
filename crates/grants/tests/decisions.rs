//! The public decisions over HTTP, on both databases: a year's decisions (granted, reduced,
//! rejected, paid) with association, programme, amount and date, as a page with a year chooser
//! and as JSON; a rejection shows 0 kr and never its reason; undecided applications and other
//! years and municipalities stay out.

use crate::decided::{association, d, decided, officials, programme, proposed, yearly, Case, REASON};
use grants::applications::write::Reports;
use grants::programmes::domain::Kind;
use registry::domain::GiroKind;
use testkit::{both, Backend, TestApp};

async fn the_year_s_decisions_are_public_without_reasons(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    let operating = programme(&app, sala, Kind::Operating, "Verksamhetsbidrag").await;
    let multi = programme(&app, sala, Kind::MultiYear, "Treårigt bidrag").await;
    let people = officials(&app, sala, "sala").await;
    let bg = Some((GiroKind::Bankgiro, "5402-9681"));
    let (a, a_rep) = association(&app, sala, "sala", "Sala IF", 1, bg, "a@a.example").await;
    let (b, b_rep) = association(&app, sala, "sala", "Kören Ton", 2, bg, "b@b.example").await;
    let (c, c_rep) = association(&app, sala, "sala", "Dansföreningen", 3, bg, "c@c.example").await;
    let (e, e_rep) = association(&app, sala, "sala", "Schackklubben", 4, bg, "e@e.example").await;
    let (f, f_rep) = association(&app, sala, "sala", "Hembygdsföreningen", 5, bg, "f@f.example").await;
    let (g, g_rep) = association(&app, sala, "sala", "Scouterna", 6, bg, "g@g.example").await;

    let granted = decided(&app, sala, &yearly(&a_rep, a, operating, 2_500_000, 2_500_000), &people).await;
    decided(&app, sala, &yearly(&b_rep, b, operating, 1_000_000, 800_000), &people).await;
    decided(&app, sala, &yearly(&c_rep, c, operating, 300_000, 0), &people).await;
    proposed(&app, sala, &yearly(&e_rep, e, operating, 100_000, 100_000), &people.0).await;
    let mut last_year = yearly(&f_rep, f, operating, 200_000, 200_000);
    last_year.decided_on = d("2025-12-01");
    decided(&app, sala, &last_year, &people).await;
    let three = Case {
        applicant: &g_rep,
        organisation: g,
        programme: multi,
        applied_ore: 5_000_000,
        decided_ore: 5_000_000,
        years: 3,
        reports: Reports::Yearly {
            starts_on: d("2026-01-01"),
            months_after: 2,
        },
        decided_on: d("2026-11-20"),
    };
    decided(&app, sala, &three, &people).await;
    // One of them is paid: still a decision, published as granted.
    let staff = app.staff("sala").await;
    let page = staff.get("/sala/bidrag/utbetalningar").await;
    let ids = crate::decided::ids_of(&page.body, "2026-11-23");
    staff
        .post_raw(
            "/sala/bidrag/utbetalningar/2026-11-23",
            &[("_csrf", &page.csrf()), ("ids", &ids)],
        )
        .await;
    app.deliver().await;

    let public = app.client();
    let page = public.get("/sala/bidrag/beslut").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Beslut om bidrag 2026"), "this year by default: {text}");
    assert!(
        text.contains("4 beslut, varav 3 beviljade, totalt 83 000 kr."),
        "{text}"
    );
    // By date, then association.
    let rows = [
        "Scouterna Treårigt bidrag 50 000 kr per år i 3 år 2026-11-20 Beviljat",
        "Dansföreningen Verksamhetsbidrag 0 kr 2026-11-23 Avslag",
        "Kören Ton Verksamhetsbidrag 8 000 kr 2026-11-23 Delvis beviljat",
        "Sala IF Verksamhetsbidrag 25 000 kr 2026-11-23 Beviljat",
    ];
    let mut at = 0;
    for row in rows {
        let found = text[at..]
            .find(row)
            .unwrap_or_else(|| panic!("{row} after {at}: {text}"));
        at += found + row.len();
    }
    assert!(!text.contains("Schackklubben"), "a proposal is not a decision");
    assert!(!text.contains("Hembygdsföreningen"), "last year's");
    assert!(!page.body.contains(REASON), "reasons are the applicant's");
    assert!(
        page.body.contains("<option value=\"2025\">2025</option>"),
        "the years to choose"
    );
    assert!(page.body.contains("<option value=\"2026\" selected>2026</option>"));

    let page = public.get("/sala/bidrag/beslut?ar=2025").await;
    assert!(
        page.text()
            .contains("Hembygdsföreningen Verksamhetsbidrag 2 000 kr 2025-12-01 Beviljat"),
        "{}",
        page.text()
    );
    assert!(!page.text().contains("Sala IF"));
    assert!(public
        .get("/sala/bidrag/beslut?ar=2031")
        .await
        .text()
        .contains("Det finns inga beslut det året."));
    assert_eq!(public.get("/sala/bidrag/beslut?ar=tjugo").await.status, 404);

    let (status, json) = public.get_json("/api/v1/sala/grants/decisions?year=2026").await;
    assert_eq!(status, 200);
    assert_eq!(json["municipality"], "sala");
    assert_eq!(json["year"], 2026);
    let list = json["decisions"].as_array().unwrap();
    assert_eq!(list.len(), 4, "{json}");
    let rejected = list.iter().find(|x| x["association"] == "Dansföreningen").unwrap();
    assert_eq!(rejected["outcome"], "rejected");
    assert_eq!(rejected["amount_ore"], 0);
    assert_eq!(rejected["decided_on"], "2026-11-23");
    assert!(rejected.get("reason").is_none());
    assert!(!json.to_string().contains(REASON));
    let paid = list.iter().find(|x| x["association"] == "Sala IF").unwrap();
    assert_eq!(paid["outcome"], "granted");
    assert_eq!(paid["paid"], true);
    assert_eq!(paid["amount_ore"], 2_500_000);
    assert_eq!(paid["organisation_id"], granted.organisation_id.get());
    let reduced = list.iter().find(|x| x["association"] == "Kören Ton").unwrap();
    assert_eq!(reduced["outcome"], "reduced");
    assert_eq!(reduced["programme"], "Verksamhetsbidrag");
    let scouts = list.iter().find(|x| x["association"] == "Scouterna").unwrap();
    assert_eq!(scouts["years"], 3);
    let (_, json) = public.get_json("/api/v1/sala/grants/decisions?year=2025").await;
    assert_eq!(json["decisions"].as_array().unwrap().len(), 1);
    let (status, _) = public.get_json("/api/v1/sala/grants/decisions?year=x").await;
    assert_eq!(status, 404);

    // Another municipality has its own (none).
    let _ = orebro;
    assert!(public
        .get("/orebro/bidrag/beslut")
        .await
        .text()
        .contains("Det finns inga beslut det året."));
    let (_, json) = public.get_json("/api/v1/orebro/grants/decisions").await;
    assert_eq!(json["decisions"].as_array().unwrap().len(), 0);
    app.stop().await;
}

both!(the_year_s_decisions_are_public_without_reasons);
