//! "En dörr in" for the asker: asking without an account (checked, rate limited), the case
//! number on the receipt page and in the receipt letter over SMTP, the answer's letter and the
//! reply through its personal link into the thread, the satisfaction question after closing, the
//! published question on the form's page, and the asker's data in /konto's export and erasure.

use crate::doors_common::*;

async fn asking_without_an_account_gives_a_case_number_and_a_receipt(backend: Backend) {
    let (app, sink) = with_smtp(backend).await;
    demo(&app).await;
    let anon = app.client();
    let page = anon.get(FORM).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(
        text.contains("Bidrag och ansökningar"),
        "the topics are offered: {text}"
    );
    assert!(
        text.contains("När ska ansökan om aktivitetsstöd för hösten vara inne?"),
        "the demo's published question"
    );
    assert!(!text.contains("Ärenden i En dörr in"), "the staff's link is for staff");
    let start = anon.get("/sala/").await.text();
    assert!(start.contains("Ställ en fråga"), "the start page's panel");
    assert!(start.contains("När ska ansökan om aktivitetsstöd för hösten vara inne?"));
    // A municipality without topics has no form yet.
    let orebro = anon.get("/orebro/en-dorr-in").await.text();
    assert!(orebro.contains("Kommunen har inte öppnat En dörr in ännu."), "{orebro}");
    // Missing fields and no consent: 422, what was typed kept, nothing stored.
    let p = anon
        .submit(
            FORM,
            FORM,
            &[
                ("topic", "987654321"),
                ("question", "Min fråga om lokaler"),
                ("name", ""),
                ("email", "nej"),
            ],
        )
        .await;
    assert_eq!(p.status, 422, "{}", p.text());
    assert!(p.text().contains("Min fråga om lokaler"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_door_cases")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 4, "the demo's four");

    let number = ask(&app, &anon, "Bidrag och ansökningar", "eva@example.se").await;
    assert_eq!(number, "EDI-2026-0005", "numbered after the demo's four of 2026");
    let thanks = anon.get(&format!("/sala/en-dorr-in/tack?nr={number}")).await;
    assert!(
        thanks.text().contains("Ditt ärendenummer är EDI-2026-0005."),
        "{}",
        thanks.text()
    );
    let id = case_id(&app, &number).await;
    assert_eq!(case_status(&app, id).await, "assigned", "routed to Kultur och fritid");
    let (department,): (String,) = sqlx::query_as(
        "SELECT d.name FROM support_door_cases c JOIN departments d ON d.id = c.department_id WHERE c.id = $1",
    )
    .bind(id)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(department, "Kultur och fritid");

    app.run_jobs().await;
    let got = letters_to(&sink, "eva@example.se");
    assert_eq!(got.len(), 1, "one receipt");
    assert!(got[0].subject().contains("EDI-2026-0005"), "{}", got[0].subject());
    let body = got[0].body();
    assert!(
        testkit::smtp::squash(&body).contains(&testkit::smtp::squash("Du får svar senast 2026-11-30.")),
        "{body}"
    );
    // The department's people are told (the demo's staff of Kultur och fritid).
    let told: Vec<_> = letters_to(&sink, "personal.sala@demo.overens.example")
        .into_iter()
        .filter(|r| r.subject().contains("En dörr in"))
        .collect();
    assert_eq!(told.len(), 1, "one notice");
    assert!(
        told[0].subject().contains("Ny fråga i En dörr in: EDI-2026-0005"),
        "{}",
        told[0].subject()
    );
    assert!(told[0].body().contains(&format!("/sala/en-dorr-in/arenden/{id}")));
    // The link opens the asker's page; only its hash is stored.
    let link = link_in(&body);
    let token = link.rsplit('/').next().unwrap();
    let (stored,): (String,) = sqlx::query_as("SELECT token_hash FROM support_door_links WHERE case_id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_ne!(stored, token);
    let mine = app.client().get(&link).await;
    assert_eq!(mine.status, 200);
    assert!(mine.text().contains("Hur söker vi lokalbidrag"), "{}", mine.text());
    assert!(mine.text().contains("Tilldelad"));
    // A bogus link is a 404.
    assert_eq!(app.client().get("/sala/en-dorr-in/svar/ogiltig").await.status, 404);
    app.stop().await;
}

async fn answer_reply_close_rate_and_publish(backend: Backend) {
    let (app, sink) = with_smtp(backend).await;
    demo(&app).await;
    let anon = app.client();
    let number = ask(&app, &anon, "Bidrag och ansökningar", "eva@example.se").await;
    let id = case_id(&app, &number).await;
    let staff = staff_in(&app, "kof@sala.example", Some("Kultur och fritid")).await;
    let case = format!("{CASES}/{id}");
    let page = staff.get(&case).await;
    assert_eq!(page.status, 200, "{}", page.text());
    // An empty answer is refused.
    let p = staff.submit(&case, &format!("{case}/svar"), &[("body", " ")]).await;
    assert_eq!(p.status, 422);
    let p = staff
        .submit(
            &case,
            &format!("{case}/svar"),
            &[("body", "Lokalbidrag söks senast den 1 mars.")],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(case_status(&app, id).await, "answered");
    app.run_jobs().await;
    let got = letters_to(&sink, "eva@example.se");
    assert_eq!(got.len(), 2, "the receipt and the answer");
    let answer = got
        .iter()
        .find(|r| r.subject().contains("Svar på din fråga"))
        .expect("the answer");
    assert!(answer.body().contains("Lokalbidrag söks senast den 1 mars."));
    let link = link_in(&answer.body());

    // The asker replies through the link, without an account: the thread keeps both.
    let asker = app.client();
    let mine = asker.get(&link).await;
    assert!(mine.text().contains("Lokalbidrag söks senast den 1 mars."));
    let p = asker
        .submit(&link, &link, &[("body", "Tack! Gäller det även för hyrda lokaler?")])
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(
        case_status(&app, id).await,
        "assigned",
        "waiting for the municipality again"
    );
    app.run_jobs().await;
    let told: Vec<_> = letters_to(&sink, "kof@sala.example")
        .into_iter()
        .filter(|r| r.subject().contains("En dörr in"))
        .collect();
    assert_eq!(told.len(), 1, "the reply is told of");
    assert!(told[0].subject().contains(&number));
    let text = staff.get(&case).await.text();
    assert!(text.contains("Tack! Gäller det även för hyrda lokaler?"), "{text}");
    assert!(text.contains("Lokalbidrag söks senast den 1 mars."));

    // Closed: the asker is asked how satisfied; once.
    let p = staff.submit(&case, &format!("{case}/stang"), &[]).await;
    assert_eq!(p.status, 303);
    let mine = asker.get(&link).await.text();
    assert!(mine.contains("Hur nöjd är du?"), "{mine}");
    assert!(
        !mine.contains("Svara eller fråga vidare"),
        "no replies to a closed case"
    );
    let rate = format!("{link}/betyg");
    let p = asker.submit(&link, &rate, &[("grade", "9")]).await;
    assert_eq!(p.status, 422);
    let p = asker
        .submit(&link, &rate, &[("grade", "4"), ("comment", "Bra svar")])
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let (rating, comment): (Option<i64>, String) =
        sqlx::query_as("SELECT rating, rating_comment FROM support_door_cases WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!((rating, comment.as_str()), (Some(4), "Bra svar"));
    let p = asker
        .post_raw(&rate, &[("_csrf", &asker.get(&link).await.csrf()), ("grade", "1")])
        .await;
    assert_eq!(p.status, 400, "only once");
    assert!(staff.get(&case).await.text().contains("4/5: Bra svar"));

    // Published as a question and answer, edited: on the form's page.
    let p = staff
        .submit(
            &case,
            &format!("{case}/faq"),
            &[
                ("question", "Hur söker man lokalbidrag?"),
                ("answer", "Lokalbidrag söks senast den 1 mars."),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let form = app.client().get(FORM).await.text();
    assert!(form.contains("Hur söker man lokalbidrag?"), "{form}");
    assert!(!form.contains("Eva Exempel"));
    // The coordinator takes it down (staff may not); the form's page no longer shows it.
    let (faq,): (i64,) =
        sqlx::query_as("SELECT id FROM support_door_faq WHERE question = 'Hur söker man lokalbidrag?'")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    let remove = format!("/sala/en-dorr-in/faq/{faq}/ta-bort");
    let p = staff
        .post_raw(&remove, &[("_csrf", &staff.get(FORM).await.csrf())])
        .await;
    assert_eq!(p.status, 403);
    let coordinator = app.coordinator("sala").await;
    assert!(coordinator.get(FORM).await.text().contains("Ta bort frågan"));
    let p = coordinator.submit(FORM, &remove, &[]).await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert!(!app
        .client()
        .get(FORM)
        .await
        .text()
        .contains("Hur söker man lokalbidrag?"));
    app.run_jobs().await;
    app.stop().await;
}

async fn the_form_is_rate_limited(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let anon = app.client();
    let token = anon.get(FORM).await.csrf();
    let t = topic(&app, "Övrigt").await.to_string();
    let fields = |q: &'static str| {
        vec![
            ("topic", t.clone()),
            ("question", q.to_string()),
            ("name", "Eva".to_string()),
            ("email", "eva@example.se".to_string()),
            ("consent", "on".to_string()),
            ("_csrf", token.clone()),
        ]
    };
    for _ in 0..20 {
        let f = fields("En fråga");
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(anon.post_raw(FORM, &f).await.status, 303);
    }
    let f = fields("En för mycket");
    let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(anon.post_raw(FORM, &f).await.status, 429);
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_door_cases WHERE question = 'En för mycket'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);
    app.forget_jobs();
    app.stop().await;
}

async fn questions_asked_at_once_get_numbers_of_their_own(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let clients: Vec<Client> = (0..6).map(|_| app.client()).collect();
    let asked = futures::future::join_all(clients.iter().enumerate().map(|(i, c)| {
        ask(
            &app,
            c,
            if i % 2 == 0 { "Övrigt" } else { "Föreningsregistret" },
            "eva@example.se",
        )
    }))
    .await;
    let mut numbers = asked.clone();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 6, "{asked:?}");
    assert_eq!(numbers.first().map(String::as_str), Some("EDI-2026-0005"));
    assert_eq!(numbers.last().map(String::as_str), Some("EDI-2026-0010"));
    app.deliver().await;
    app.stop().await;
}

async fn the_askers_data_in_export_and_erasure(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let number = ask(&app, &app.client(), "Lokaler och anläggningar", "eva@example.se").await;
    let id = case_id(&app, &number).await;
    let outbox = app.deliver().await;
    let receipt = outbox
        .iter()
        .find(|(to, _, _)| to == "eva@example.se")
        .expect("the receipt");
    let link = link_in(&receipt.2);
    assert_eq!(app.client().get(&link).await.status, 200);
    let (eva, _) = app.signed_in("eva@example.se", None).await;
    let (status, data) = eva.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let cases = &data["support"]["door_cases"];
    assert_eq!(cases[0]["case"], number.as_str(), "{data}");
    assert_eq!(cases[0]["name"], "Eva Exempel");
    let account = eva.get("/konto").await;
    let erased = eva
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    // The case stays (a public record), without who asked.
    let (name, email, question): (String, String, String) =
        sqlx::query_as("SELECT asker_name, asker_email, question FROM support_door_cases WHERE id = $1")
            .bind(id)
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!((name.as_str(), email.as_str()), ("", ""));
    assert_eq!(app.client().get(&link).await.status, 404, "the personal link is gone");
    assert!(question.contains("lokalbidrag"));
    app.deliver().await;
    app.stop().await;
}

both!(
    asking_without_an_account_gives_a_case_number_and_a_receipt,
    answer_reply_close_rate_and_publish,
    the_form_is_rate_limited,
    questions_asked_at_once_get_numbers_of_their_own,
    the_askers_data_in_export_and_erasure,
);
