//! The decisions feed in a real browser (headless Chromium) with axe-core: no violations of
//! WCAG 2.1 A and AA on the public list (also filtered and on its second page), a decision's
//! page (also withdrawn), staff's list with its form (also sent with errors) and a decision's
//! edit page (also with a refused attachment).

use crate::common::*;
use testkit::browser::{Browser, Findings, Locator};

async fn the_decisions_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, _) = sala(&app).await;
    // The demo's decisions (two from seed 001, one invented with IKS), and enough for two pages.
    openness::demo(&app.state.db, app.state.now()).await.unwrap();
    for i in 0..20 {
        let on = format!("2019-04-{:02}", i + 1);
        add(
            &app,
            m,
            &checked(Body::Board, "", &on, &format!("Beslut {i}"), Category::Other, &[]),
        )
        .await;
    }
    let seeded = store::latest(&app.state.db, m, &Default::default(), 100).await.unwrap();
    let board = seeded
        .iter()
        .find(|d| d.meeting_on == "2018-06-07")
        .expect("seed 001's decision of the board");
    let committee = seeded
        .iter()
        .find(|d| d.body == Body::Committee)
        .expect("the invented one");
    assert_eq!(committee.organisations.len(), 1, "the demo names IKS");
    store::withdraw(
        &app.state.db,
        m,
        board.id,
        "Ersatt av ett nytt beslut.",
        None,
        app.state.now(),
    )
    .await
    .unwrap();
    app.user("handlaggare@sala.se", Some((RoleKind::Staff, Some("sala"))))
        .await;

    let browser = Browser::start().await;
    let mut found = Findings::default();
    found.visit(&browser, &app, LIST, "Följ besluten").await;
    found
        .visit(&browser, &app, &format!("{LIST}?sida=2"), "Sida 2 av 2")
        .await;
    found
        .visit(
            &browser,
            &app,
            &format!("{LIST}?organ=kommunstyrelsen&tagg=princip-5&ar=2018"),
            "Ett beslut.",
        )
        .await;
    found
        .visit(&browser, &app, &format!("{LIST}?tagg=budget"), "Inga beslut matchar.")
        .await;
    found
        .visit(
            &browser,
            &app,
            &format!("{LIST}/{}", committee.id),
            "Berörda föreningar",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            &format!("{LIST}/{}", board.id),
            "Ersatt av ett nytt beslut.",
        )
        .await;

    browser.log_in(&app, "handlaggare@sala.se").await;
    found.visit(&browser, &app, MANAGE, "Registrera ett beslut").await;
    browser
        .client()
        .find(Locator::Css("form[action$='/beslut/hantera'] button[type=submit]"))
        .await
        .expect("the record button")
        .click()
        .await
        .expect("send the form");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "staff's form with errors").await;

    found
        .visit(
            &browser,
            &app,
            &format!("{MANAGE}/{}", committee.id),
            "Återkalla beslutet",
        )
        .await;
    browser
        .client()
        .find(Locator::Css("#attachment-form button[type=submit]"))
        .await
        .expect("the upload button")
        .click()
        .await
        .expect("send no file");
    browser.wait_for_text("Välj en fil att ladda upp.").await;
    found.check(&browser, "the attachment form with an error").await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

testkit::browser!(the_decisions_pages_have_no_accessibility_violations);

/// News and good examples with axe-core: the public list (also filtered to stories), a news
/// item with its picture, staff's page with the publishing form (also sent empty), an item's
/// edit page, and a representative's own stories with the writing form.
async fn the_news_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (m, _) = sala(&app).await;
    // The demo's news item and IKS's good example (both invented, said so in demo.rs).
    openness::demo(&app.state.db, app.state.now()).await.unwrap();
    let (item,): (i64,) = sqlx::query_as(
        "SELECT id FROM openness_news WHERE municipality_id = $1 AND organisation_id IS NULL ORDER BY id LIMIT 1",
    )
    .bind(m)
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    app.user("handlaggare@sala.se", Some((RoleKind::Staff, Some("sala"))))
        .await;
    app.representative("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;

    let browser = Browser::start().await;
    let mut found = Findings::default();
    found
        .visit(&browser, &app, "/sala/nyheter", "Nyheter och goda exempel")
        .await;
    found
        .visit(
            &browser,
            &app,
            "/sala/nyheter?typ=goda-exempel",
            "Nyheter och goda exempel",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            &format!("/sala/nyheter/{item}"),
            "Nu samlar vi nyheter och goda exempel",
        )
        .await;

    browser.log_in(&app, "handlaggare@sala.se").await;
    found
        .visit(&browser, &app, "/sala/nyheter/hantera", "Publicera en nyhet")
        .await;
    browser
        .client()
        .find(Locator::Css("form[action$='/nyheter/hantera'] button[type=submit]"))
        .await
        .expect("the publish button")
        .click()
        .await
        .expect("send the form");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the news form with errors").await;
    found
        .visit(
            &browser,
            &app,
            &format!("/sala/nyheter/hantera/{item}"),
            "Text och ämnen",
        )
        .await;
    browser.close().await;

    let browser = Browser::start().await;
    browser.log_in(&app, "rep@iks.example").await;
    found
        .visit(&browser, &app, "/sala/nyheter/mina", "Skriv en berättelse")
        .await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

testkit::browser!(the_news_pages_have_no_accessibility_violations);
