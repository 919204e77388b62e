//! The agreement's pages in a real browser (headless Chromium) with axe-core: no violations of
//! WCAG 2.1 A and AA on the agreement, a version, the timeline, the open consultation with its
//! comment form (signed in, also with an error), the published compilation, and the
//! coordinator's pages.

use crate::common::{consultation, draft, store, Backend, RoleKind, TestApp};
use testkit::browser::{Browser, Findings, Locator};

async fn log_out(browser: &Browser) {
    browser
        .client()
        .find(Locator::Css("form[action='/konto/logga-ut'] button"))
        .await
        .expect("logout button")
        .click()
        .await
        .expect("log out");
    browser.wait_for_text("Logga in").await;
}

async fn the_agreements_pages_have_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala").await;
    let lulea = app.municipality("lulea", "Luleå").await;
    app.municipality("orebro", "Örebro").await;
    agreement::demo(&app.state.db, app.state.now()).await.unwrap();
    app.user("samordnare@lulea.se", Some((RoleKind::Coordinator, Some("lulea"))))
        .await;
    app.user("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    // Isa represents an association of Luleå, so she may comment there; a resident with no role
    // reads the consultation and is told why there is no form.
    app.representative("isa@iks.example", "lulea", "IKS Luleå").await;
    app.user("boende@example.se", None).await;
    let db = &app.state.db;
    let published = consultation::consultations(db, lulea).await.unwrap()[0].id;

    let browser = Browser::start().await;
    let mut found = Findings::default();
    // Public pages.
    found
        .visit(&browser, &app, "/sala/overenskommelse", "Självständighet och oberoende")
        .await;
    found
        .visit(&browser, &app, "/sala/overenskommelse/version/1", "kommunfullmäktige")
        .await;
    found
        .visit(&browser, &app, "/sala/overenskommelse/tidslinje", "Kulturnatta")
        .await;
    found
        .visit(&browser, &app, "/lulea/overenskommelse/remiss", "Tillit")
        .await;
    found
        .visit(
            &browser,
            &app,
            &format!("/lulea/overenskommelse/remiss/{published}"),
            "BRA!",
        )
        .await;
    found
        .visit(&browser, &app, "/lulea/overenskommelse", "inte antagit")
        .await;

    // Luleå's coordinator: the draft, a principle, a commitment, adopting, the timeline, the
    // consultations; then opens a new consultation.
    browser.log_in(&app, "samordnare@lulea.se").await;
    let draft = store::draft(db, lulea).await.unwrap().unwrap();
    let contents = store::contents(db, lulea, draft.id).await.unwrap();
    let principle = contents[0].principle.id;
    let commitment = contents[0].parties[0].commitments[0].id;
    let m = "/lulea/overenskommelse/hantera";
    found.visit(&browser, &app, m, "Versioner").await;
    found.visit(&browser, &app, &format!("{m}/utkast"), "Inledning").await;
    found
        .visit(
            &browser,
            &app,
            &format!("{m}/princip/{principle}"),
            "Lägg till åtagande",
        )
        .await;
    found
        .visit(&browser, &app, &format!("{m}/atagande/{commitment}"), "Åtagandets text")
        .await;
    found
        .visit(&browser, &app, &format!("{m}/anta"), "Beslutande organ")
        .await;
    found
        .visit(&browser, &app, &format!("{m}/tidslinje"), "Lägg till händelse")
        .await;
    found
        .visit(&browser, &app, &format!("{m}/remiss"), "Öppna remissen")
        .await;
    found
        .visit(&browser, &app, &format!("{m}/remiss/{published}"), "Sammanställning")
        .await;

    // The draft's principle form sent with errors.
    browser.goto(&app.url(&format!("{m}/utkast"))).await;
    browser
        .client()
        .find(Locator::Css("form[action$='/utkast/principer'] button[type=submit]"))
        .await
        .expect("add principle button")
        .click()
        .await
        .expect("send the empty form");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the draft with errors").await;

    browser.goto(&app.url(&format!("{m}/remiss"))).await;
    let c = browser.client();
    c.find(Locator::Css("#f-title"))
        .await
        .expect("title field")
        .send_keys("Andra remissen")
        .await
        .expect("type title");
    c.find(Locator::Css("form[action$='/remiss'] button[type=submit]"))
        .await
        .expect("open button")
        .click()
        .await
        .expect("open the consultation");
    browser.wait_for_text("Remissen är öppnad").await;
    found.check(&browser, "an open consultation, coordinator's view").await;
    log_out(&browser).await;

    // Someone without a role in Luleå reads the open consultation without a form.
    browser.log_in(&app, "boende@example.se").await;
    found
        .visit(
            &browser,
            &app,
            "/lulea/overenskommelse/remiss",
            "Bara den som har en roll i kommunen",
        )
        .await;
    assert!(browser
        .client()
        .find(Locator::Css("form[action*='/remiss/synpunkt/']"))
        .await
        .is_err());
    log_out(&browser).await;

    // A participant comments, once wrongly (empty), once rightly.
    browser.log_in(&app, "isa@iks.example").await;
    found
        .visit(&browser, &app, "/lulea/overenskommelse/remiss", "Skicka synpunkten")
        .await;
    browser
        .client()
        .find(Locator::Css("form[action*='/remiss/synpunkt/'] button[type=submit]"))
        .await
        .expect("comment button")
        .click()
        .await
        .expect("send an empty comment");
    browser.wait_for_text("Något behöver rättas").await;
    found.check(&browser, "the consultation with a comment error").await;
    let c = browser.client();
    c.find(Locator::Css("form[action*='/remiss/synpunkt/'] textarea"))
        .await
        .expect("comment field")
        .send_keys("Tydlig agenda för träffarna")
        .await
        .expect("type comment");
    c.find(Locator::Css("form[action*='/remiss/synpunkt/'] button[type=submit]"))
        .await
        .expect("comment button")
        .click()
        .await
        .expect("send the comment");
    browser.wait_for_text("Tack! Din synpunkt").await;
    found.check(&browser, "the consultation after a comment").await;
    log_out(&browser).await;

    // Sala's coordinator on a fresh draft from the adopted version.
    browser.log_in(&app, "samordnare@sala.se").await;
    browser.goto(&app.url("/sala/overenskommelse/hantera")).await;
    browser
        .client()
        .find(Locator::Css("form[action$='/nytt-utkast'] button"))
        .await
        .expect("new draft button")
        .click()
        .await
        .expect("start a draft");
    browser.wait_for_text("Ett nytt utkast är skapat").await;
    found.check(&browser, "Sala's new draft").await;
    found
        .visit(&browser, &app, "/sala/overenskommelse", "Hantera överenskommelsen")
        .await;

    // The same pages in English, switched with the button in the header.
    let button = browser
        .client()
        .find(Locator::Css("form[action='/sprak'] button"))
        .await
        .expect("the language button");
    button.click().await.expect("switch to English");
    browser.wait_for_text("Log out").await;
    found
        .visit(&browser, &app, "/sala/overenskommelse", "Civil society's commitments")
        .await;
    found
        .visit(
            &browser,
            &app,
            "/sala/overenskommelse/tidslinje",
            "Timeline of the process",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            "/lulea/overenskommelse/remiss",
            "Only people with a role in the municipality",
        )
        .await;
    found
        .visit(
            &browser,
            &app,
            "/sala/overenskommelse/hantera/utkast",
            "Add a principle",
        )
        .await;

    found.assert_none();
    browser.close().await;
    app.stop().await;
}

async fn a_comment_is_made_with_the_keyboard_alone(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let db = &app.state.db;
    let now = app.state.now();
    let draft = draft::start_draft(db, sala, &["Dialog".to_string()], None, now)
        .await
        .unwrap();
    let principle = store::contents(db, sala, draft.id).await.unwrap()[0].principle.id;
    let commitment = draft::CommitmentInput {
        party: agreement::domain::Party::Municipality,
        number: None,
        heading: "",
        body: "Kommunen kallar till två dialogträffar varje år.",
    };
    draft::add_commitment(db, sala, principle, &commitment, None, now)
        .await
        .unwrap();
    let cid = consultation::open_consultation(db, sala, "Remiss", "", None, now)
        .await
        .unwrap();
    app.representative("isa@iks.example", "sala", "IKS").await;

    let browser = Browser::start().await;
    browser.log_in(&app, "isa@iks.example").await;
    browser.goto(&app.url("/sala/overenskommelse/remiss")).await;
    let f = browser
        .tab_until(40, |f| f.tag == "textarea" && f.id.starts_with("comment-"))
        .await;
    assert!(f.focus_visible(), "the comment field shows no focus: {f:?}");
    assert!(f.label.contains("Din synpunkt på åtagande 1"), "label: {}", f.label);
    browser.type_text("Teman och en tydlig agenda, tack").await;
    let f = browser.tab_until(2, |f| f.tag == "button").await;
    assert!(f.text.starts_with("Skicka synpunkten"), "{f:?}");
    assert!(f.focus_visible(), "the button shows no focus: {f:?}");
    browser.enter().await;
    browser.wait_for_text("Tack! Din synpunkt är mottagen.").await;
    let comments = consultation::comments(db, sala, cid).await.unwrap();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].body, "Teman och en tydlig agenda, tack");
    browser.close().await;
    app.stop().await;
}

testkit::browser!(
    the_agreements_pages_have_no_accessibility_violations,
    a_comment_is_made_with_the_keyboard_alone
);
