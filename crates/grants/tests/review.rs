//! Review and decision over HTTP on both databases: a handler takes the case, keeps internal
//! notes, scores it, asks for completion (which reopens it for the applicant) and proposes; only
//! a decider decides, a rejection or a reduction needs its reason, and the letter carries it and
//! how to appeal. The period's budget holds against 100 decisions at once, and two deciders of
//! one application make one decision.

use crate::support::{actor, association, begin, decider, page, programme, step, Facts};
use grants::applications::write;
use grants::ids::{ApplicationId, PeriodId, ProgrammeId};
use grants::programmes::domain::Kind;
use platform::auth::CurrentUser;
use platform::{db, MunicipalityId, OrganisationId};
use std::sync::Arc;
use testkit::{both, Backend, Options, SmtpSink, TestApp, TestDb};

/// A sent application of a new association, made through the stores.
async fn sent(
    app: &TestApp,
    m: MunicipalityId,
    programme: ProgrammeId,
    period: PeriodId,
    org: OrganisationId,
    user: &CurrentUser,
    applied_ore: i64,
) -> ApplicationId {
    let database = &app.state.db;
    let now = app.state.now();
    let today = app.state.today();
    let id = db::write(database, now, async |tx| {
        write::create(tx, m, programme, period, org, "sv", user, now).await
    })
    .await
    .unwrap();
    let a = grants::applications::store::application_by_id(database, m, id)
        .await
        .unwrap()
        .unwrap();
    let answers = write::Answers {
        purpose: "Verksamhet för alla".into(),
        applied_ore,
        years: 1,
        democracy_attested: true,
        answers: "{}".into(),
        co_signer_email: String::new(),
    };
    db::write(database, now, async |tx| {
        write::save(tx, m, &a, &answers, true, user, now).await
    })
    .await
    .unwrap();
    let a = grants::applications::store::application_by_id(database, m, id)
        .await
        .unwrap()
        .unwrap();
    db::write(database, now, async |tx| {
        let (_, change) = write::submit(tx, m, &a, false, true, "KFN", today, user, now).await?;
        Ok::<_, write::WriteError>(((), change))
    })
    .await
    .unwrap();
    id
}

async fn a_handler_proposes_and_a_decider_decides_with_reasons(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    let org = association(&app, sala, "Sala IF fotbollsförening", 1, Facts::default()).await;
    let (rep, _) = app
        .representative_client("rep@salaif.example", "sala", "Sala IF fotbollsförening")
        .await;
    let id = begin(&rep, "sala", period, org).await;
    let fields = [
        ("purpose", "Fotboll för barn"),
        ("amount", "30000"),
        ("democracy", "on"),
    ];
    step(&rep, "sala", id, "spara", &fields).await;
    assert_eq!(step(&rep, "sala", id, "skicka", &[]).await.status, 303);
    app.deliver().await;

    let handler = app.staff("sala").await;
    let queue = handler.get(&format!("/sala/bidrag/handlaggning/{period}")).await;
    assert_eq!(queue.status, 200);
    let text = queue.text();
    assert!(
        text.contains("KFN 2026/0001") && text.contains("Sala IF fotbollsförening"),
        "{text}"
    );
    assert!(text.contains("Kvar att besluta om 100 000 kr"), "{text}");

    assert_eq!(step(&handler, "sala", id, "ta", &[]).await.status, 303);
    let note = step(
        &handler,
        "sala",
        id,
        "anteckning",
        &[("note", "Ringde kassören om medlemsantalet.")],
    )
    .await;
    assert_eq!(note.status, 303);
    let score = step(&handler, "sala", id, "poang", &[("score-1", "4"), ("score-2", "")]).await;
    assert_eq!(score.status, 303);
    let staff_view = handler.get(&page("sala", id)).await;
    assert!(staff_view.text().contains("Ringde kassören om medlemsantalet."));
    assert!(staff_view.body.contains("<option value=\"4\" selected>4</option>"));
    // Internal notes never reach the applicant.
    assert!(!rep.get(&page("sala", id)).await.text().contains("Ringde kassören"));

    // A completion request reopens the application for the applicant, with its own deadline.
    let completion = step(
        &handler,
        "sala",
        id,
        "komplettering",
        &[
            ("message", "Bifoga verksamhetsplanen för 2027."),
            ("deadline", "2026-12-31"),
        ],
    )
    .await;
    assert_eq!(completion.status, 303, "{}", completion.text());
    let mail = app.deliver().await;
    assert!(
        mail.iter().any(|(to, subject, body)| to == "rep@salaif.example"
            && subject.contains("Komplettera")
            && body.contains("Bifoga verksamhetsplanen för 2027.")),
        "{mail:?}"
    );
    let text = rep.get(&page("sala", id)).await.text();
    assert!(
        text.contains("Komplettering begärd") && text.contains("2026-12-31"),
        "{text}"
    );
    let fields = [
        ("purpose", "Fotboll för barn, med plan"),
        ("amount", "30000"),
        ("democracy", "on"),
    ];
    assert_eq!(step(&rep, "sala", id, "spara", &fields).await.status, 303);
    assert_eq!(step(&rep, "sala", id, "skicka", &[]).await.status, 303);
    app.deliver().await;
    assert_eq!(step(&handler, "sala", id, "ta", &[]).await.status, 303);
    let proposed = step(
        &handler,
        "sala",
        id,
        "forslag",
        &[
            ("proposed", "20000"),
            ("proposal_note", "Budgeten räcker inte till hela beloppet."),
        ],
    )
    .await;
    assert_eq!(proposed.status, 303);

    // A handler proposes but cannot decide.
    let refused = step(&handler, "sala", id, "beslut", &[("decided", "20000"), ("reason", "")]).await;
    assert_eq!(refused.status, 403);
    assert!(!handler.get(&page("sala", id)).await.text().contains("Fatta beslutet"));

    let (chair, _) = decider(&app, "sala", "ordforande@sala.example").await;
    let page_text = chair.get(&page("sala", id)).await.text();
    assert!(
        page_text.contains("Handläggarens förslag: 20 000 kr. Budgeten räcker inte"),
        "{page_text}"
    );
    // Less than applied for, without a reason: refused.
    let no_reason = step(&chair, "sala", id, "beslut", &[("decided", "20000"), ("reason", " ")]).await;
    assert_eq!(no_reason.status, 422);
    assert!(no_reason
        .text()
        .contains("Ett avslag eller ett lägre belopp än det sökta ska alltid motiveras."));
    let decided = step(
        &chair,
        "sala",
        id,
        "beslut",
        &[
            ("decided", "20000"),
            ("reason", "Periodens budget räcker till två tredjedelar."),
        ],
    )
    .await;
    assert_eq!(decided.status, 303, "{}", decided.text());

    let text = rep.get(&page("sala", id)).await.text();
    assert!(text.contains("Beviljad med lägre belopp"), "{text}");
    assert!(
        text.contains("Skäl: Periodens budget räcker till två tredjedelar."),
        "{text}"
    );
    assert!(
        text.contains("laglighetsprövning") && text.contains("inom tre veckor"),
        "{text}"
    );
    let mail = app.deliver().await;
    let letter = mail
        .iter()
        .find(|(to, subject, _)| to == "rep@salaif.example" && subject.contains("lägre belopp"))
        .unwrap_or_else(|| panic!("{mail:?}"));
    assert!(letter.2.contains("20\u{a0}000\u{a0}kr"), "{}", letter.2);
    assert!(
        letter.2.contains("Skäl: Periodens budget räcker till två tredjedelar."),
        "{}",
        letter.2
    );
    assert!(letter.2.contains("laglighetsprövning"), "{}", letter.2);
    let queue = handler.get(&format!("/sala/bidrag/handlaggning/{period}")).await.text();
    assert!(
        queue.contains("Beslutat 20 000 kr") && queue.contains("Kvar att besluta om 80 000 kr"),
        "{queue}"
    );
    // Decided once: a second decision is refused in words.
    let again = step(&chair, "sala", id, "beslut", &[("decided", "30000"), ("reason", "")]).await;
    assert_eq!(again.status, 422);
}

async fn a_rejection_needs_a_reason_and_a_decision_fits_the_budget(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (programme_id, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        10_000,
        |_| {},
    )
    .await;
    let (rep_id, _) = app.representative("rep@pro.example", "sala", "PRO Sala").await;
    let org = association(&app, sala, "Studieförbundet Vuxenskolan Sala", 2, Facts::default()).await;
    let user = actor(rep_id);
    let id = sent(&app, sala, programme_id, period, org, &user, 1_500_000).await;
    let handler = app.staff("sala").await;
    step(&handler, "sala", id, "ta", &[]).await;
    step(&handler, "sala", id, "forslag", &[("proposed", "15000")]).await;
    let (chair, _) = decider(&app, "sala", "chef@sala.example").await;
    // 15 000 kr does not fit a budget of 10 000 kr.
    let over = step(&chair, "sala", id, "beslut", &[("decided", "15000"), ("reason", "")]).await;
    assert_eq!(over.status, 422);
    assert!(
        over.text()
            .contains("Beslutet ryms inte i periodens budget: 10 000 kr finns kvar."),
        "{}",
        over.text()
    );
    let no_reason = step(&chair, "sala", id, "beslut", &[("decided", "0"), ("reason", "")]).await;
    assert_eq!(no_reason.status, 422);
    let rejected = step(
        &chair,
        "sala",
        id,
        "beslut",
        &[("decided", "0"), ("reason", "Verksamheten bedrivs inte i kommunen.")],
    )
    .await;
    assert_eq!(rejected.status, 303);
    let mail = app.deliver().await;
    assert!(
        mail.iter()
            .any(|(_, subject, body)| subject.contains("avslag")
                && body.contains("Verksamheten bedrivs inte i kommunen."))
    );
}

async fn the_budget_holds_against_a_hundred_decisions_at_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    // 100 proposals of 15 000 kr against 1 000 000 kr: 66 fit (990 000 kr), the 67th does not.
    let (programme_id, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        1_000_000,
        |_| {},
    )
    .await;
    let (rep_id, _) = app.representative("rep@many.example", "sala", "Förening 0").await;
    let user = actor(rep_id);
    let staff_id = app
        .user(
            "handlaggare@sala.example",
            Some((platform::auth::RoleKind::Staff, Some("sala"))),
        )
        .await;
    let staff = actor(staff_id);
    let database = &app.state.db;
    let now = app.state.now();
    let mut ids = Vec::new();
    for n in 0..100 {
        let org = association(&app, sala, &format!("Förening nr {n}"), 100 + n, Facts::default()).await;
        let id = sent(&app, sala, programme_id, period, org, &user, 1_500_000).await;
        let a = grants::applications::store::application_by_id(database, sala, id)
            .await
            .unwrap()
            .unwrap();
        db::write(database, now, async |tx| write::take(tx, sala, &a, &staff, now).await)
            .await
            .unwrap();
        let a = grants::applications::store::application_by_id(database, sala, id)
            .await
            .unwrap()
            .unwrap();
        db::write(database, now, async |tx| {
            write::propose(tx, sala, &a, 1_500_000, "", &staff, now).await
        })
        .await
        .unwrap();
        ids.push(id);
    }
    let (chair, _) = decider(&app, "sala", "ordforande@sala.example").await;
    let token = chair.get(&page("sala", ids[0])).await.csrf();
    let chair = std::sync::Arc::new(chair);
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            let chair = chair.clone();
            let token = token.clone();
            let path = format!("{}/beslut", page("sala", *id));
            tokio::spawn(async move {
                chair
                    .post_raw(&path, &[("_csrf", &token), ("decided", "15000"), ("reason", "")])
                    .await
                    .status
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    let granted = statuses.iter().filter(|s| **s == 303).count();
    let refused = statuses.iter().filter(|s| **s == 422).count();
    assert_eq!((granted, refused), (66, 34), "{statuses:?}");
    let (sum, n): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(decided_ore), 0) AS BIGINT), COUNT(*) FROM grants_applications \
         WHERE period_id = $1 AND status = 'granted'",
    )
    .bind(period)
    .fetch_one(&database.pool)
    .await
    .unwrap();
    assert_eq!((sum, n), (99_000_000, 66));
    app.forget_jobs();
}

async fn two_deciders_at_once_make_one_decision(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (programme_id, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    let (rep_id, _) = app.representative("rep@two.example", "sala", "Förening 0").await;
    let user = actor(rep_id);
    let org = association(&app, sala, "Naturskyddsföreningen Sala-Heby", 3, Facts::default()).await;
    let id = sent(&app, sala, programme_id, period, org, &user, 1_000_000).await;
    let handler = app.staff("sala").await;
    step(&handler, "sala", id, "ta", &[]).await;
    step(&handler, "sala", id, "forslag", &[("proposed", "10000")]).await;
    let (a, _) = decider(&app, "sala", "a@sala.example").await;
    let (b, _) = decider(&app, "sala", "b@sala.example").await;
    let path = format!("{}/beslut", page("sala", id));
    let (ta, tb) = (
        a.get(&page("sala", id)).await.csrf(),
        b.get(&page("sala", id)).await.csrf(),
    );
    let fa = [("_csrf", ta.as_str()), ("decided", "10000"), ("reason", "")];
    let fb = [("_csrf", tb.as_str()), ("decided", "10000"), ("reason", "")];
    let (ra, rb) = tokio::join!(a.post_raw(&path, &fa), b.post_raw(&path, &fb));
    let mut statuses = [ra.status, rb.status];
    statuses.sort();
    assert_eq!(statuses, [303, 422], "{} / {}", ra.text(), rb.text());
    let refused = if ra.status == 422 { ra.text() } else { rb.text() };
    assert!(
        refused.contains("Ärendet är redan beslutat av någon annan."),
        "{refused}"
    );
    let (decisions,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'grants.application.grant' AND entity_id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(decisions, 1);
    let mail = app.deliver().await;
    assert_eq!(
        mail.iter().filter(|(_, s, _)| s.contains("beviljat")).count(),
        1,
        "{mail:?}"
    );
}

async fn the_coordinator_delegates_the_decision_and_sets_the_prefix(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let coordinator = app.coordinator("sala").await;
    let staff_id = app
        .user(
            "chef@sala.example",
            Some((platform::auth::RoleKind::Staff, Some("sala"))),
        )
        .await;
    let handler = app.staff("sala").await;
    assert_eq!(handler.get("/sala/bidrag/beslutsfattare").await.status, 403);
    let page_ = coordinator.get("/sala/bidrag/beslutsfattare").await;
    assert_eq!(page_.status, 200);
    assert!(page_.text().contains("Ingen har beslutsrätt ännu."));
    let added = coordinator
        .submit(
            "/sala/bidrag/beslutsfattare",
            "/sala/bidrag/beslutsfattare",
            &[("action", "add"), ("user", &staff_id.to_string())],
        )
        .await;
    assert_eq!(added.status, 303);
    let text = coordinator.get("/sala/bidrag/beslutsfattare").await.text();
    assert!(text.contains("Test chef@sala.example"), "{text}");
    let bad = coordinator
        .submit(
            "/sala/bidrag/beslutsfattare",
            "/sala/bidrag/beslutsfattare",
            &[("action", "prefix"), ("prefix", "<KFN>")],
        )
        .await;
    assert_eq!(bad.status, 422);
    let ok = coordinator
        .submit(
            "/sala/bidrag/beslutsfattare",
            "/sala/bidrag/beslutsfattare",
            &[("action", "prefix"), ("prefix", "KFN Sala")],
        )
        .await;
    assert_eq!(ok.status, 303);
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    let org = association(&app, sala, "Sala kammarkör", 4, Facts::default()).await;
    let (rep, _) = app
        .representative_client("rep@kor.example", "sala", "Sala kammarkör")
        .await;
    let id = begin(&rep, "sala", period, org).await;
    step(
        &rep,
        "sala",
        id,
        "spara",
        &[("purpose", "Konserter"), ("amount", "2000"), ("democracy", "on")],
    )
    .await;
    step(&rep, "sala", id, "skicka", &[]).await;
    assert!(rep.get(&page("sala", id)).await.text().contains("KFN Sala 2026/0001"));
    app.deliver().await;
    // Another municipality's staff member cannot be made Sala's decider.
    app.municipality("orebro", "Örebro").await;
    let other = app
        .user(
            "x@orebro.example",
            Some((platform::auth::RoleKind::Staff, Some("orebro"))),
        )
        .await;
    let forged = coordinator
        .submit(
            "/sala/bidrag/beslutsfattare",
            "/sala/bidrag/beslutsfattare",
            &[("action", "add"), ("user", &other.to_string())],
        )
        .await;
    assert_eq!(forged.status, 400);
}

async fn the_receipt_and_the_decision_go_out_over_smtp(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = TestApp::start_with(
        Arc::new(TestDb::new(backend).await),
        Options {
            smtp_port: Some(sink.port),
            configure: None,
        },
    )
    .await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    let org = association(&app, sala, "Salabygdens scoutkår", 4, Facts::default()).await;
    let (rep, _) = app
        .representative_client("ledare@scout.example", "sala", "Salabygdens scoutkår")
        .await;
    let id = begin(&rep, "sala", period, org).await;
    step(
        &rep,
        "sala",
        id,
        "spara",
        &[("purpose", "Läger"), ("amount", "8000"), ("democracy", "on")],
    )
    .await;
    assert_eq!(step(&rep, "sala", id, "skicka", &[]).await.status, 303);
    let handler = app.staff("sala").await;
    step(&handler, "sala", id, "ta", &[]).await;
    step(&handler, "sala", id, "forslag", &[("proposed", "0")]).await;
    let (chair, _) = decider(&app, "sala", "ordforande@sala.example").await;
    let rejected = step(
        &chair,
        "sala",
        id,
        "beslut",
        &[("decided", "0"), ("reason", "Lägret hålls utanför kommunen.")],
    )
    .await;
    assert_eq!(rejected.status, 303);
    app.run_jobs().await;
    let got: Vec<_> = sink
        .received()
        .into_iter()
        .filter(|m| m.to == ["ledare@scout.example"])
        .collect();
    assert_eq!(got.len(), 2, "a receipt and the decision");
    assert_eq!(got[0].subject(), "Vi har tagit emot er ansökan KFN 2026/0001");
    assert!(
        got[0].body().contains("Sökt belopp: 8 000 kr") || got[0].body().contains("Sökt belopp: 8\u{a0}000\u{a0}kr"),
        "{}",
        got[0].body()
    );
    assert_eq!(got[1].subject(), "Beslut om Verksamhetsbidrag: avslag (KFN 2026/0001)");
    let body = got[1].body();
    assert!(body.contains("Skäl: Lägret hålls utanför kommunen."), "{body}");
    assert!(
        body.contains("laglighetsprövning") && body.contains("förvaltningsrätten"),
        "{body}"
    );
}

both!(
    a_handler_proposes_and_a_decider_decides_with_reasons,
    a_rejection_needs_a_reason_and_a_decision_fits_the_budget,
    the_budget_holds_against_a_hundred_decisions_at_once,
    two_deciders_at_once_make_one_decision,
    the_coordinator_delegates_the_decision_and_sets_the_prefix,
    the_receipt_and_the_decision_go_out_over_smtp,
);
