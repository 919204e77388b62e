//! Applying and handling in a real browser (headless Chromium): no axe-core violations on any
//! page of an application's life (the applicant's, the handler's and the decider's, with
//! their forms' errors), the queues and the delegation page; and an application made with the
//! keyboard alone, from the programme page to the receipt.

use crate::support::{association, decider, programme, Facts};
use grants::programmes::domain::{Attachment, Kind};
use grants::programmes::questions::{Question, QuestionKind};
use testkit::browser::{Browser, Findings};
use testkit::{browser, Backend, TestApp, PASSWORD};

async fn click(browser: &Browser, selector: &str, then: &str) {
    browser.click(selector).await;
    browser.wait_for_text(then).await;
}

async fn log_out(browser: &Browser) {
    browser.click("form[action='/konto/logga-ut'] button").await;
    browser
        .js(
            "return document.querySelector(\"form[action='/konto/logga-ut']\") === null;",
            vec![],
        )
        .await;
    browser.wait_for_text("Logga in").await;
}

async fn application_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Project,
        "Samverkan enligt LÖK",
        "2026-12-15",
        300_000,
        |s| {
            s.attachments = vec![Attachment::Budget];
            s.questions = vec![Question {
                id: "q1".into(),
                label: "Vilka samverkar ni med?".into(),
                kind: QuestionKind::Choice,
                options: vec!["Kommunen".into(), "Andra föreningar".into()],
                required: true,
                hint: String::new(),
            }];
        },
    )
    .await;
    association(&app, sala, "Sala hembygdsförening", 1, Facts::default()).await;
    app.representative("rep@hembygd.example", "sala", "Sala hembygdsförening")
        .await;
    app.user(
        "handlaggare@sala.example",
        Some((platform::auth::RoleKind::Staff, Some("sala"))),
    )
    .await;
    app.user(
        "samordnare@sala.example",
        Some((platform::auth::RoleKind::Coordinator, Some("sala"))),
    )
    .await;
    decider(&app, "sala", "ordforande@sala.example").await;
    let browser = Browser::start().await;
    let mut f = Findings::default();

    browser.log_in(&app, "rep@hembygd.example").await;
    f.visit(
        &browser,
        &app,
        "/sala/bidrag/mina",
        "Föreningarna har inga ansökningar ännu.",
    )
    .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/bidrag/ansok/{period}"),
        "Börja en ansökan för",
    )
    .await;
    click(&browser, "#associations button", "Utkast, inte inskickad").await;
    f.check(&browser, "a new draft").await;
    let path = browser.path().await;
    let id = path.rsplit('/').next().unwrap().to_string();
    let page = format!("/sala/bidrag/ansokan/{id}");
    browser
        .js(
            "document.querySelector('#f-starts_on').value = '2027-05-01';\
             document.querySelector('#f-ends_on').value = '2027-04-01';",
            vec![],
        )
        .await;
    click(
        &browser,
        "#answers-form button[type=submit]",
        "Projektet kan inte sluta innan det börjar.",
    )
    .await;
    f.check(&browser, "the application form with errors").await;
    click(
        &browser,
        "#submit button[type=submit]",
        "Det här saknas innan ansökan kan skickas in",
    )
    .await;
    f.check(&browser, "a submission refused with what is missing").await;
    // An upload without a file chosen.
    click(&browser, "form[enctype] button[type=submit]", "Filen är tom.").await;
    f.check(&browser, "an upload refused").await;
    // The rest of the form filled in (the file through the HTTP test's path: a browser's file
    // chooser is not driven here), then sent.
    let rep = app.client();
    rep.login("rep@hembygd.example", PASSWORD).await;
    let token = rep.get(&page).await.csrf();
    let saved = rep
        .post_raw(
            &format!("{page}/spara"),
            &[
                ("_csrf", &token),
                ("purpose", "Bygdedag"),
                ("starts_on", "2027-05-01"),
                ("ends_on", "2027-05-31"),
                ("amount", "20000"),
                ("democracy", "on"),
                ("q-q1", "Kommunen"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let action = crate::support::upload_action(&rep.get(&page).await.body);
    rep.post_multipart(
        &action,
        &[("kind", "budget")],
        "file",
        "Budget.pdf",
        crate::support::PDF.to_vec(),
    )
    .await;
    browser.goto(&app.url(&page)).await;
    click(&browser, "#submit button[type=submit]", "Ansökan är inskickad").await;
    f.check(&browser, "a sent application as the applicant").await;
    f.visit(&browser, &app, "/sala/bidrag/mina", "KFN 2026/0001").await;

    log_out(&browser).await;
    browser.log_in(&app, "handlaggare@sala.example").await;
    f.visit(&browser, &app, "/sala/bidrag/handlaggning", "Samverkan enligt LÖK")
        .await;
    f.visit(
        &browser,
        &app,
        &format!("/sala/bidrag/handlaggning/{period}"),
        "KFN 2026/0001",
    )
    .await;
    f.visit(&browser, &app, &page, "Ta ärendet").await;
    click(&browser, "#take button[type=submit]", "Du handlägger nu ärendet.").await;
    f.check(&browser, "a case in review").await;
    click(&browser, "#completion-form button[type=submit]", "Något behöver rättas").await;
    f.check(&browser, "the completion form with errors").await;
    browser.goto(&app.url(&page)).await;
    browser
        .js("document.querySelector('#f-proposed').value = 'mycket';", vec![])
        .await;
    click(&browser, "#propose button[type=submit]", "Skriv beloppet i hela kronor").await;
    f.check(&browser, "the proposal form with errors").await;
    browser
        .js("document.querySelector('#f-proposed').value = '15000';", vec![])
        .await;
    click(
        &browser,
        "#propose button[type=submit]",
        "Förslaget till beslut är sparat.",
    )
    .await;

    log_out(&browser).await;
    browser.log_in(&app, "ordforande@sala.example").await;
    f.visit(&browser, &app, &page, "Fatta beslutet").await;
    click(&browser, "#decide button[type=submit]", "ska alltid motiveras").await;
    f.check(&browser, "the decision form with errors").await;
    browser
        .js(
            "document.querySelector('#f-reason').value = 'Budgeten räcker inte till hela beloppet.';",
            vec![],
        )
        .await;
    click(&browser, "#decide button[type=submit]", "Beslutet är fattat").await;
    f.check(&browser, "a decided application").await;

    log_out(&browser).await;
    browser.log_in(&app, "samordnare@sala.example").await;
    f.visit(
        &browser,
        &app,
        "/sala/bidrag/beslutsfattare",
        "Personer med beslutsrätt",
    )
    .await;
    browser
        .js("document.querySelector('#f-prefix').value = '<KFN>';", vec![])
        .await;
    click(
        &browser,
        "form[aria-labelledby=prefix-heading] button",
        "Använd högst 20 bokstäver",
    )
    .await;
    f.check(&browser, "the prefix form with its error").await;
    browser.close().await;
    f.assert_none();
    app.deliver().await;
    app.stop().await;
}

async fn an_application_made_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (programme_id, _) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    association(&app, sala, "PRO Sala", 2, Facts::default()).await;
    app.representative("rep@pro.example", "sala", "PRO Sala").await;
    let browser = Browser::start().await;
    browser.goto(&app.url(&format!("/sala/bidrag/{programme_id}"))).await;
    let f = browser
        .tab_until(40, |f| f.tag == "a" && f.text == "Ansök för 2027")
        .await;
    assert!(f.focus_visible(), "the link shows its focus");
    browser.enter().await;
    browser.wait_for_text("E-postadress").await;
    browser.tab_until(25, |f| f.id == "f-email").await;
    browser.type_text("rep@pro.example").await;
    browser.tab_until(2, |f| f.id == "f-password").await;
    browser.type_text(PASSWORD).await;
    browser.enter().await;
    browser.wait_for_text("Välj vilken förening som söker").await;

    let f = browser
        .tab_until(40, |f| f.tag == "button" && f.text.contains("PRO Sala"))
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Utkast, inte inskickad").await;
    let f = browser.tab_until(60, |f| f.id == "f-purpose").await;
    assert_eq!(f.label, "Vad ni söker pengar till");
    browser.type_text("Träffar och studiecirklar för pensionärer").await;
    browser.tab_until(3, |f| f.id == "f-amount").await;
    browser.type_text("2 000").await;
    let f = browser.tab_until(3, |f| f.id == "f-democracy").await;
    assert!(f.focus_visible(), "the checkbox shows its focus");
    browser.type_text(" ").await;
    browser.tab_until(5, |f| f.tag == "button" && f.text == "Spara").await;
    browser.enter().await;
    browser.wait_for_text("Ansökan är sparad.").await;
    assert!(browser.text().await.contains("Föreningen uppfyller kraven."));
    let f = browser
        .tab_until(80, |f| f.tag == "button" && f.text == "Skicka in ansökan")
        .await;
    assert!(f.focus_visible(), "the button shows its focus");
    browser.enter().await;
    browser.wait_for_text("Ansökan är inskickad").await;
    assert_eq!(browser.text_of("#status").await.trim(), "Inskickad");
    assert!(browser.text().await.contains("KFN 2026/0001"));
    browser.close().await;
    let mail = app.deliver().await;
    assert!(mail
        .iter()
        .any(|(to, subject, _)| to == "rep@pro.example" && subject.contains("KFN 2026/0001")));
    app.stop().await;
}

browser!(
    application_pages_have_no_accessibility_violations,
    an_application_made_with_the_keyboard_alone,
);
