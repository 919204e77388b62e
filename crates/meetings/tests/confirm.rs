//! Public registration does not tell who is registered and does not hold a seat for an address
//! nobody confirmed: every registration gets the same answer ("check your e-mail"), and it counts
//! once the link in the mail is used.

use crate::common::*;
use testkit::{both, Backend, TestApp};

async fn a_registration_answers_alike_and_counts_once_confirmed_by_email(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, meeting) = sala_with_meeting(&app, "").await;
    let path = format!("/sala/moten/{meeting}/anmalan");
    let fields = person("Anna Andersson", "anna@example.se", "civil_society");
    let first = app.client().submit(&path, &path, &fields).await;
    assert_eq!(first.status, 200);
    assert!(
        !first.body.contains("/avanmalan/"),
        "a link to the registration on the page"
    );
    assert!(first.text().contains("anna@example.se"), "{}", first.text());
    assert_eq!(
        statuses(&app, meeting).await,
        (0, 0, 0),
        "counted before it was confirmed"
    );

    // The link in the mail confirms it.
    let mail = app.deliver().await;
    let body = &mail
        .iter()
        .find(|m| m.0 == "anna@example.se")
        .expect("a mail to Anna")
        .2;
    let at = body.find("/sala/moten/bekrafta/").expect("a confirmation link");
    let link: String = body[at..].chars().take_while(|c| !c.is_whitespace()).collect();
    let anna = app.client();
    let page = anna.get(&link).await;
    assert_eq!(page.status, 200);
    let done = anna.post_raw(&link, &[("_csrf", page.csrf().as_str())]).await;
    assert_eq!(done.status, 200);
    assert!(done.text().contains("Du är anmäld"), "{}", done.text());
    assert!(
        done.body.contains("/avanmalan/"),
        "the confirmed page has the cancellation link"
    );
    assert_eq!(statuses(&app, meeting).await, (1, 0, 0));
    // The link works once.
    let again = anna.post_raw(&link, &[("_csrf", page.csrf().as_str())]).await;
    assert_eq!(statuses(&app, meeting).await, (1, 0, 0));
    assert_ne!(again.status, 500);

    // Someone else tries the same address: the same answer as for an address never seen, and
    // Anna is told by mail.
    let second = app.client().submit(&path, &path, &fields).await;
    let fresh = app
        .client()
        .submit(&path, &path, &person("Ny Person", "ny@example.se", "guest"))
        .await;
    assert_eq!(second.status, fresh.status);
    assert_eq!(
        second.text().replace("anna@example.se", "ADDRESS"),
        fresh.text().replace("ny@example.se", "ADDRESS"),
        "the answer tells that the address is registered"
    );
    let mail = app.deliver().await;
    assert!(
        mail.iter()
            .any(|m| m.0 == "anna@example.se" && m.1.starts_with("Du är redan anmäld")),
        "{mail:?}"
    );
    assert_eq!(statuses(&app, meeting).await, (1, 0, 0));
}

both!(a_registration_answers_alike_and_counts_once_confirmed_by_email,);
