//! The consultation group (remissgrupp): joining needs consent, leaving is one button, only the
//! coordinator sees and removes members (others 403, another municipality's coordinator sees
//! none of Sala's), only the coordinator opens a consultation and every member is invited by
//! e-mail over the SMTP test server, and the membership in /konto's export and gone after
//! erasure.

use crate::common::*;

pub const GROUP: &str = "/sala/remissgrupp";

async fn joining_needs_consent_and_leaving_is_one_button(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    // A visitor reads what the group is and is asked to log in.
    let anon = app.client().get(GROUP).await;
    assert_eq!(anon.status, 200);
    assert!(anon.text().contains("Logga in för att gå med"), "{}", anon.text());
    let p = app
        .client()
        .post_raw(&format!("{GROUP}/ga-med"), &[("consent", "on")])
        .await;
    assert_ne!(p.status, 303, "no join without an account or a form token");

    let (anna, _) = app.signed_in("anna@example.se", None).await;
    assert!(anna.get(GROUP).await.text().contains("Gå med i remissgruppen"));
    // Without the box ticked: refused, not stored.
    let p = anna
        .submit(GROUP, &format!("{GROUP}/ga-med"), &[("organisation", "IKS")])
        .await;
    assert_eq!(p.status, 422, "{}", p.text());
    assert!(p.text().contains("Kryssa i rutan för att gå med."));
    assert_eq!(count(&app).await, 0);
    // With consent: a member for the association.
    let p = anna
        .submit(
            GROUP,
            &format!("{GROUP}/ga-med"),
            &[("organisation", "IKS – Ideell Kultur i Sala"), ("consent", "on")],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let page = anna.get(GROUP).await.text();
    assert!(
        page.contains("Du är med i remissgruppen för IKS – Ideell Kultur i Sala"),
        "{page}"
    );
    assert!(!page.contains("Medlemmar"), "only the coordinator sees the members");
    assert_eq!(count(&app).await, 1);
    // Leaving: one button.
    let p = anna.submit(GROUP, &format!("{GROUP}/lamna"), &[]).await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(count(&app).await, 0);
    assert!(anna.get(GROUP).await.text().contains("Gå med i remissgruppen"));
    app.stop().await;
}

async fn only_the_coordinator_sees_and_removes_members(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, anna_id) = app.signed_in("anna@example.se", None).await;
    anna.submit(
        GROUP,
        &format!("{GROUP}/ga-med"),
        &[("organisation", "Sala Schackklubb"), ("consent", "on")],
    )
    .await;
    let (staff, _) = app
        .signed_in("hl@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    let p = staff
        .submit(GROUP, &format!("{GROUP}/ga-med"), &[("consent", "on")])
        .await;
    assert_eq!(p.status, 303, "staff join as well: {}", p.text());
    assert!(staff.get(GROUP).await.text().contains("Du är med i remissgruppen."));

    let coordinator = app.coordinator("sala").await;
    let page = coordinator.get(GROUP).await.text();
    assert!(page.contains("Medlemmar"), "{page}");
    assert!(page.contains("Sala Schackklubb"));
    assert!(page.contains("anna@example.se"));
    // Others may not remove: staff and a member 403.
    let remove = format!("{GROUP}/medlemmar/ta-bort");
    let member = anna_id.to_string();
    for c in [&anna, &staff] {
        let p = c
            .post_raw(&remove, &[("_csrf", &c.get(GROUP).await.csrf()), ("member", &member)])
            .await;
        assert_eq!(p.status, 403);
    }
    assert_eq!(count(&app).await, 2);
    // Another municipality's coordinator: none of Sala's members, and nothing to remove.
    let orebro = app.coordinator("orebro").await;
    let page = orebro.get("/orebro/remissgrupp").await.text();
    assert!(!page.contains("anna@example.se"), "{page}");
    let p = orebro
        .post_raw(
            "/orebro/remissgrupp/medlemmar/ta-bort",
            &[
                ("_csrf", &orebro.get("/orebro/remissgrupp").await.csrf()),
                ("member", &member),
            ],
        )
        .await;
    assert_eq!(p.status, 404);
    assert_eq!(count(&app).await, 2);
    // The coordinator removes Anna.
    let p = coordinator.submit(GROUP, &remove, &[("member", &member)]).await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(count(&app).await, 1);
    assert!(!coordinator.get(GROUP).await.text().contains("anna@example.se"));
    assert!(anna.get(GROUP).await.text().contains("Gå med i remissgruppen"));
    app.stop().await;
}

async fn the_membership_in_the_export_and_gone_after_erasure(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    anna.submit(
        GROUP,
        &format!("{GROUP}/ga-med"),
        &[("organisation", "Sala Schackklubb"), ("consent", "on")],
    )
    .await;
    let (status, data) = anna.get_json("/konto/export").await;
    assert_eq!(status, 200);
    let g = &data["support"]["consultation_group"][0];
    assert_eq!(g["organisation"], "Sala Schackklubb", "{data}");
    assert_eq!(g["municipality"], "Sala", "{data}");
    let account = anna.get("/konto").await;
    let erased = anna
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    assert_eq!(count(&app).await, 0);
    app.stop().await;
}

async fn only_the_coordinator_opens_a_consultation_and_every_member_is_invited(backend: Backend) {
    let app = TestApp::start(backend).await;
    demo(&app).await;
    let new = format!("{GROUP}/ny");
    let (anna, _) = app.signed_in("anna@example.se", None).await;
    anna.submit(
        GROUP,
        &format!("{GROUP}/ga-med"),
        &[("organisation", "Sala Schackklubb"), ("consent", "on")],
    )
    .await;
    let (staff, _) = app
        .signed_in("hl@sala.example", Some((RoleKind::Staff, Some("sala"))))
        .await;
    staff
        .submit(GROUP, &format!("{GROUP}/ga-med"), &[("consent", "on")])
        .await;
    let (bo, _) = app.signed_in("bo@example.se", None).await;
    app.deliver().await;
    let today = app.state.today();
    let deadline = (today + chrono::Days::new(14)).format("%Y-%m-%d").to_string();
    let yesterday = (today - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let fields = |deadline: &str| {
        vec![
            ("title".to_string(), "Riktlinjer för lokalbidrag".to_string()),
            (
                "question".to_string(),
                "Vad tycker er förening om förslaget?".to_string(),
            ),
            ("documents".to_string(), "https://sala.example/forslag.pdf".to_string()),
            ("deadline".to_string(), deadline.to_string()),
        ]
    };
    // A member, staff and a person outside the group: 403 on the form and on opening.
    for c in [&anna, &staff, &bo] {
        assert_eq!(c.get(&new).await.status, 403);
        let csrf = c.get(GROUP).await.csrf();
        let mut form: Vec<(&str, &str)> = vec![("_csrf", csrf.as_str())];
        let f = fields(&deadline);
        form.extend(f.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(c.post_raw(&new, &form).await.status, 403);
    }
    // Another municipality's coordinator opens in their own group only.
    let orebro = app.coordinator("orebro").await;
    assert_eq!(orebro.get(&new).await.status, 403);
    let coordinator = app.coordinator("sala").await;
    assert!(coordinator.get(GROUP).await.text().contains("Öppna en remiss"));
    // Refused: a day that has passed, and no links among the documents.
    let f = fields(&yesterday);
    let mut form: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    form[2].1 = "inte en länk";
    let p = coordinator.submit(&new, &new, &form).await;
    assert_eq!(p.status, 422, "{}", p.text());
    assert!(p.text().contains("Sista svarsdag kan inte ha passerat."));
    assert!(p.text().contains("Skriv bara länkar"));
    assert_eq!(opened(&app).await, 0);
    // (Only the accounts' own letters so far, none about a consultation.)
    assert!(app.deliver().await.iter().all(|(_, s, _)| !s.contains("Riktlinjer")));
    // Opened: one letter to each member, none to others.
    let f = fields(&deadline);
    let form: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let p = coordinator.submit(&new, &new, &form).await;
    assert_eq!(p.status, 303, "{}", p.text());
    assert_eq!(opened(&app).await, 1);
    let outbox: Vec<_> = app
        .deliver()
        .await
        .into_iter()
        .filter(|(_, subject, _)| subject.starts_with("Remiss från Sala"))
        .collect();
    let mut to: Vec<&str> = outbox.iter().map(|(to, _, _)| to.as_str()).collect();
    to.sort_unstable();
    assert_eq!(to, ["anna@example.se", "hl@sala.example"], "{outbox:?}");
    for (_, subject, body) in &outbox {
        assert!(subject.contains("Riktlinjer för lokalbidrag"), "{subject}");
        assert!(body.contains(&deadline), "{body}");
        assert!(body.contains("/sala/remissgrupp"), "{body}");
    }
    // Members see it listed; a person outside the group does not.
    assert!(anna.get(GROUP).await.text().contains("Riktlinjer för lokalbidrag"));
    assert!(!bo.get(GROUP).await.text().contains("Riktlinjer för lokalbidrag"));
    assert!(!orebro.get("/orebro/remissgrupp").await.text().contains("Riktlinjer"));
    app.stop().await;
}

/// How many consultations are stored, all municipalities.
async fn opened(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_consultations")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

/// How many members the groups have, all municipalities.
async fn count(app: &TestApp) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM support_consultation_members")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

both!(
    joining_needs_consent_and_leaving_is_one_button,
    only_the_coordinator_sees_and_removes_members,
    the_membership_in_the_export_and_gone_after_erasure,
    only_the_coordinator_opens_a_consultation_and_every_member_is_invited,
);
