//! The register of specific agreements and IOPs over HTTP on both databases.

use crate::common::*;
use agreement::ids::SpecificId;
use platform::OrganisationId;

/// A small PDF (its content is what is checked, not its name).
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

const LIST: &str = "/sala/overenskommelse/sarskilda";

/// The form as sent, with the given changes.
fn form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("kind", "iop"),
        ("title", "Språkcafé på biblioteket"),
        ("subject", "Språkcafé för nyanlända"),
        ("department", ""),
        ("organisation_1", ""),
        ("organisation_2", ""),
        ("organisation_3", ""),
        ("organisation_4", ""),
        ("other_parties", ""),
        ("starts_on", "2026-01-01"),
        ("ends_on", ""),
        ("description", ""),
        ("published", "on"),
    ];
    for (k, val) in changes {
        if let Some(f) = v.iter_mut().find(|f| f.0 == *k) {
            f.1 = val;
        } else {
            v.push((k, val));
        }
    }
    v.retain(|f| !(f.0 == "published" && f.1.is_empty()));
    v
}

/// The id at the end of the address the coordinator is sent to after adding.
fn id_of(p: &testkit::Page) -> SpecificId {
    let to = p.location.clone().expect("a redirect");
    let id = to.split('?').next().unwrap().rsplit('/').next().unwrap();
    SpecificId::new(id.parse().unwrap())
}

/// The first link on the page whose address starts with `prefix`.
fn link_starting(html: &str, prefix: &str) -> Option<String> {
    let start = html.find(&format!("href=\"{prefix}"))? + "href=\"".len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_string())
}

/// The upload form's action (its CSRF token in the query) on the coordinator's page.
async fn upload_action(c: &Client, id: SpecificId) -> String {
    let body = c.get(&format!("{M}/sarskilda/{id}")).await.body;
    let at = body.find("/dokument?_csrf=").expect("the upload form");
    let start = body[..at].rfind("action=\"").unwrap() + "action=\"".len();
    let end = at + body[at..].find('"').unwrap();
    body[start..end].replace("&amp;", "&")
}

async fn sala_with_parties(app: &TestApp) -> (MunicipalityId, OrganisationId, String) {
    let sala = app.municipality("sala", "Sala").await;
    let (_, org) = app
        .representative("rep@rodakorset.example", "sala", "Röda korset Sala")
        .await;
    let dep = platform::tenants::store::add_department(&app.state.db, sala, "Kultur och fritid", None, app.state.now())
        .await
        .unwrap()
        .unwrap();
    (sala, org, dep.to_string())
}

async fn coordinators_keep_the_register_and_the_public_reads_the_published(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, org, dep) = sala_with_parties(&app).await;
    let org = org.to_string();
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;

    let p = post(
        &c,
        &format!("{M}/sarskilda"),
        &form(&[
            ("department", &dep),
            ("organisation_1", &org),
            ("other_parties", "Sala församling\n"),
            ("description", "Två kvällar i veckan."),
        ]),
    )
    .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let iop = id_of(&p);
    let p = post(
        &c,
        &format!("{M}/sarskilda"),
        &form(&[
            ("kind", "specific"),
            ("title", "Utkast om spontanidrott"),
            ("other_parties", "Sala innebandyklubb"),
            ("published", ""),
        ]),
    )
    .await;
    assert_eq!(p.status, 303);
    let draft = id_of(&p);
    let edit = c.get(&format!("{M}/sarskilda/{draft}")).await;
    assert!(edit.text().contains("Status: Utkast"), "{}", edit.text());

    // The public list shows the published one, not the draft.
    let list = app.client().get(LIST).await;
    assert_eq!(list.status, 200);
    let text = list.text();
    assert!(text.contains("Språkcafé på biblioteket"));
    assert!(text.contains("IOP (idéburet offentligt partnerskap)"));
    assert!(text.contains("Gäller"));
    assert!(
        text.contains("Kultur och fritid, Röda korset Sala, Sala församling"),
        "{text}"
    );
    assert!(!text.contains("Utkast om spontanidrott"));
    assert_eq!(app.client().get(&format!("{LIST}/{draft}")).await.status, 404);

    // Its page, with the parties linked to the registry.
    let page = app.client().get(&format!("{LIST}/{iop}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("href=\"/sala/foreningar/{org}\"")));
    assert!(page.text().contains("Från 2026-01-01, tills vidare"));
    assert!(page.text().contains("Två kvällar i veckan."));

    // The agreement's page links the register.
    assert!(app
        .client()
        .get("/sala/overenskommelse")
        .await
        .body
        .contains("href=\"/sala/overenskommelse/sarskilda\""));

    // Filters by kind and status.
    let count = |q: &'static str| {
        let app = &app;
        async move { app.client().get(&format!("{LIST}?{q}")).await.text() }
    };
    assert!(count("typ=specific").await.contains("Inga överenskommelser matchar."));
    assert!(count("typ=iop&status=in_force").await.contains("En överenskommelse."));
    assert!(count("status=ended").await.contains("Inga överenskommelser matchar."));
    assert!(
        count("status=draft").await.contains("En överenskommelse."),
        "a draft is never a filter"
    );

    // A document: a PDF is kept and public; a text file is refused.
    let action = upload_action(&c, iop).await;
    let p = c.post_file(&action, "file", "Avtal IOP.pdf", PDF.to_vec()).await;
    assert_eq!(p.status, 303, "{}", p.text());
    let p = c.post_file(&action, "file", "avtal.pdf", b"bara text".to_vec()).await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Filen är inte en PDF eller Office-fil."));
    let page = app.client().get(&format!("{LIST}/{iop}")).await;
    let link = link_starting(&page.body, &format!("{LIST}/{iop}/dokument/")).expect("a document link");
    let file = app.client().get(&link).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert_eq!(file.body.as_bytes(), PDF);

    // Ending it: shown as ended from today.
    assert_eq!(post(&c, &format!("{M}/sarskilda/{iop}/avsluta"), &[]).await.status, 303);
    assert!(count("status=ended").await.contains("En överenskommelse."));
    let page = app.client().get(&format!("{LIST}/{iop}")).await.text();
    assert!(
        page.contains("Avslutad") && page.contains("2026-01-01 – 2026-11-23"),
        "{page}"
    );

    // Removing the draft.
    assert_eq!(
        post(&c, &format!("{M}/sarskilda/{draft}/ta-bort"), &[]).await.status,
        303
    );
    assert_eq!(c.get(&format!("{M}/sarskilda/{draft}")).await.status, 404);

    assert_eq!(audit_count(&app, "agreement.specific.add").await, 2);
    assert_eq!(audit_count(&app, "agreement.specific.document.add").await, 1);
    assert_eq!(audit_count(&app, "agreement.specific.end").await, 1);
    assert_eq!(audit_count(&app, "agreement.specific.remove").await, 1);
    app.stop().await;
}

async fn the_form_says_what_is_wrong(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, _, _) = sala_with_parties(&app).await;
    app.municipality("orebro", "Örebro").await;
    let (_, theirs) = app
        .representative("rep@konst.example", "orebro", "Örebro konstförening")
        .await;
    let theirs = theirs.to_string();
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;

    // No title, no party, an end before the start.
    let p = post(
        &c,
        &format!("{M}/sarskilda"),
        &form(&[("title", ""), ("ends_on", "2025-12-31")]),
    )
    .await;
    assert_eq!(p.status, 422);
    let text = p.text();
    assert!(text.contains("Fyll i fältet."), "{text}");
    assert!(text.contains("Välj minst en förening eller skriv en annan part."));
    assert!(text.contains("Slutdatum kan inte vara före startdatum."));
    // Another municipality's association, an unknown kind, a date that is not one.
    let p = post(
        &c,
        &format!("{M}/sarskilda"),
        &form(&[("organisation_2", &theirs), ("kind", "avtal"), ("starts_on", "1 jan")]),
    )
    .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Välj ett av alternativen."));
    assert!(p.text().contains("Skriv ett datum som 2018-02-26."));
    assert!(app
        .client()
        .get(LIST)
        .await
        .text()
        .contains("Inga överenskommelser matchar."));
    assert_eq!(audit_count(&app, "agreement.specific.add").await, 0);
    app.stop().await;
}

async fn another_municipality_finds_nothing(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala_with_parties(&app).await;
    app.municipality("orebro", "Örebro").await;
    let c = coordinator(&app, "samordnare@sala.se", "sala").await;
    let p = post(
        &c,
        &format!("{M}/sarskilda"),
        &form(&[("other_parties", "Sala församling")]),
    )
    .await;
    let id = id_of(&p);
    let action = upload_action(&c, id).await;
    assert_eq!(c.post_file(&action, "file", "a.pdf", PDF.to_vec()).await.status, 303);
    let page = app.client().get(&format!("{LIST}/{id}")).await;
    let doc = link_starting(&page.body, &format!("{LIST}/{id}/dokument/")).unwrap();
    let doc = doc.rsplit('/').next().unwrap().to_string();

    let other = coordinator(&app, "samordnare@orebro.se", "orebro").await;
    let theirs = "/orebro/overenskommelse/hantera/sarskilda";
    assert_eq!(other.get(&format!("{theirs}/{id}")).await.status, 404);
    let ours = |path: String| {
        let other = &other;
        async move { other.submit("/orebro/overenskommelse", &path, &[]).await }
    };
    assert_eq!(ours(format!("{theirs}/{id}")).await.status, 404);
    assert_eq!(ours(format!("{theirs}/{id}/avsluta")).await.status, 404);
    assert_eq!(ours(format!("{theirs}/{id}/ta-bort")).await.status, 404);
    assert_eq!(ours(format!("{theirs}/{id}/dokument/{doc}/ta-bort")).await.status, 404);
    assert_eq!(
        other
            .get(&format!("/orebro/overenskommelse/sarskilda/{id}"))
            .await
            .status,
        404
    );
    assert_eq!(
        other
            .get(&format!("/orebro/overenskommelse/sarskilda/{id}/dokument/{doc}"))
            .await
            .status,
        404
    );
    // Under Sala's address they are not Sala's coordinator.
    assert_eq!(other.get(&format!("{M}/sarskilda/{id}")).await.status, 403);
    // Sala's entry is untouched.
    assert_eq!(app.client().get(&format!("{LIST}/{id}")).await.status, 200);
    app.stop().await;
}

both!(
    coordinators_keep_the_register_and_the_public_reads_the_published,
    the_form_says_what_is_wrong,
    another_municipality_finds_nothing,
);
