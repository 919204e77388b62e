//! News and good examples over HTTP on both databases: who may publish, an association's story
//! through draft, sending and approval, tenancy, Markdown made safe, the image's text
//! alternative, the Atom feed read back with `feed-rs` and its conditional GET, and the
//! account's export and erasure.

use crate::common::*;

const NEWS: &str = "/sala/nyheter";
const HANDLE: &str = "/sala/nyheter/hantera";
const MINE: &str = "/sala/nyheter/mina";

/// A PNG by its first bytes (the content is what is checked).
const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1, 8,
    6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
];

fn item<'a>(title: &'a str, body: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("lead", "En kort ingress."),
        ("body", body),
        ("category", "mangfald"),
        ("principle_5", "on"),
        ("published_on", ""),
    ]
}

/// The id at the end of the address the writer is sent to.
fn id_in(p: &testkit::Page) -> String {
    let to = p.location.clone().expect("a redirect");
    to.split('?').next().unwrap().rsplit('/').next().unwrap().to_string()
}

async fn publish(staff: &Client, title: &str, body: &str) -> String {
    let p = staff.submit(HANDLE, HANDLE, &item(title, body)).await;
    assert_eq!(p.status, 303, "{}", p.text());
    id_in(&p)
}

/// A story written by the representative's client for the association.
async fn story(rep: &Client, org: OrganisationId, title: &str) -> String {
    let org = org.to_string();
    let mut fields = item(title, "Vi sjunger tillsammans.");
    fields.push(("organisation", &org));
    let p = rep.submit(MINE, MINE, &fields).await;
    assert_eq!(p.status, 303, "{}", p.text());
    id_in(&p)
}

async fn roles_and_the_way_of_a_story(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    // Anonymous, a resident and a representative cannot publish news.
    let anon = app.client();
    let p = anon.get(HANDLE).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().starts_with("/konto/logga-in"));
    let (resident, _) = app.signed_in("invanare@example.se", None).await;
    let (rep, org) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    for c in [&resident, &rep] {
        assert_eq!(c.get(HANDLE).await.status, 403);
        assert_eq!(c.submit(NEWS, HANDLE, &item("Nej", "")).await.status, 403);
    }
    assert_eq!(resident.get(MINE).await.status, 403);

    // Staff publish news: public at once.
    let staff = app.staff("sala").await;
    let news = publish(&staff, "Ny mötesplats för föreningar", "Välkomna!").await;
    let list = anon.get(NEWS).await.text();
    assert!(list.contains("Ny mötesplats för föreningar"), "{list}");
    assert_eq!(anon.get(&format!("{NEWS}/{news}")).await.status, 200);

    // The association's story: a draft, not public.
    let s = story(&rep, org, "Sångkväll på fem språk").await;
    let page = format!("{NEWS}/{s}");
    assert_eq!(anon.get(&page).await.status, 404);
    assert!(!anon.get(NEWS).await.text().contains("Sångkväll"));
    assert!(rep.get(MINE).await.text().contains("Utkast"));
    // Another association cannot see or change it.
    let (other, _) = app
        .representative_client("rep@annan.example", "sala", "Sala Schackklubb")
        .await;
    let own = format!("{MINE}/{s}");
    assert_eq!(other.get(&own).await.status, 404);
    assert_eq!(other.submit(MINE, &own, &item("Kapad", "")).await.status, 404);
    assert_eq!(other.submit(MINE, &format!("{own}/skicka"), &[]).await.status, 404);
    // The association changes and sends it; it waits; staff approve it.
    let p = rep
        .submit(&own, &own, &item("Sångkväll på fem språk!", "Alla är välkomna."))
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let p = rep.submit(&own, &format!("{own}/skicka"), &[]).await;
    assert_eq!(p.status, 303);
    assert!(rep.get(MINE).await.text().contains("Väntar på granskning"));
    assert_eq!(anon.get(&page).await.status, 404);
    // Sent, it cannot be changed by the association any more.
    let p = rep.submit(&own, &own, &item("Ändrad", "")).await;
    assert!(p.location.unwrap_or_default().contains("inte-nu"));
    let manage = staff.get(HANDLE).await.text();
    assert!(manage.contains("Väntar på granskning"), "{manage}");
    let p = staff.submit(HANDLE, &format!("{HANDLE}/{s}/godkann"), &[]).await;
    assert_eq!(p.status, 303);
    let shown = anon.get(&page).await;
    assert_eq!(shown.status, 200);
    assert!(shown.text().contains("Gott exempel från IKS"), "{}", shown.text());
    assert!(anon
        .get(&format!("{NEWS}?typ=goda-exempel"))
        .await
        .text()
        .contains("Sångkväll på fem språk!"));
    assert!(!anon
        .get(&format!("{NEWS}?typ=nyheter"))
        .await
        .text()
        .contains("Sångkväll"));

    // A declined story says why to the association.
    let d = story(&rep, org, "Ett andra exempel").await;
    rep.submit(MINE, &format!("{MINE}/{d}/skicka"), &[]).await;
    let refused = staff
        .submit(HANDLE, &format!("{HANDLE}/{d}/avsla"), &[("reason", "")])
        .await;
    assert_eq!(refused.status, 422);
    let p = staff
        .submit(
            HANDLE,
            &format!("{HANDLE}/{d}/avsla"),
            &[("reason", "Lägg till en bild.")],
        )
        .await;
    assert_eq!(p.status, 303);
    assert!(rep.get(MINE).await.text().contains("Lägg till en bild."));
    assert_eq!(anon.get(&format!("{NEWS}/{d}")).await.status, 404);
    assert_eq!(audit_count(&app, "openness.news.story.approve").await, 1);
    app.stop().await;
}

async fn another_municipality_gets_404(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    let staff = app.staff("sala").await;
    let id = publish(&staff, "Sala-nytt", "Text").await;
    let orebro = app.coordinator("orebro").await;
    for path in [
        format!("/orebro/nyheter/{id}"),
        format!("/orebro/nyheter/{id}/bild"),
        format!("/orebro/nyheter/hantera/{id}"),
    ] {
        assert_eq!(orebro.get(&path).await.status, 404, "{path}");
    }
    for path in [
        format!("/orebro/nyheter/hantera/{id}"),
        format!("/orebro/nyheter/hantera/{id}/godkann"),
    ] {
        let p = orebro.submit("/orebro/nyheter/hantera", &path, &item("x", "")).await;
        assert_eq!(p.status, 404, "{path}");
    }
    assert!(!app.client().get("/orebro/nyheter").await.text().contains("Sala-nytt"));
    app.stop().await;
}

async fn markdown_is_rendered_and_html_is_not(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    let staff = app.staff("sala").await;
    let id = publish(
        &staff,
        "Markdown",
        "Det här är **viktigt**.\n\n<script>alert('x')</script>\n\n[farlig](javascript:alert(1))",
    )
    .await;
    let body = app.client().get(&format!("{NEWS}/{id}")).await.body;
    assert!(body.contains("<strong>viktigt</strong>"), "{body}");
    assert!(!body.contains("<script>alert"), "{body}");
    assert!(body.contains("&lt;script&gt;"), "{body}");
    assert!(!body.contains("javascript:alert"), "{body}");
    app.stop().await;
}

/// The image form's action (its CSRF token in the query) on an edit page.
async fn image_action(c: &Client, page: &str) -> String {
    let body = c.get(page).await.body;
    let at = body.find("/bild?_csrf=").expect("the image form");
    let start = body[..at].rfind("action=\"").unwrap() + "action=\"".len();
    let end = at + body[at..].find('"').unwrap();
    body[start..end].replace("&amp;", "&")
}

async fn an_image_needs_its_text_alternative(backend: Backend) {
    let app = TestApp::start(backend).await;
    sala(&app).await;
    let staff = app.staff("sala").await;
    let id = publish(&staff, "Med bild", "Text").await;
    let edit = format!("{HANDLE}/{id}");
    let action = image_action(&staff, &edit).await;
    let p = staff
        .post_multipart(&action, &[("alt", "")], "file", "bild.png", PNG.to_vec())
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("Skriv en bildbeskrivning"), "{}", p.text());
    let p = staff
        .post_multipart(
            &action,
            &[("alt", "Text")],
            "file",
            "bild.gif",
            b"GIF89a......".to_vec(),
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.text().contains("PNG- eller JPEG"), "{}", p.text());
    let p = staff
        .post_multipart(
            &action,
            &[("alt", "Barn som sjunger i en kör")],
            "file",
            "bild.png",
            PNG.to_vec(),
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.text());
    let page = app.client().get(&format!("{NEWS}/{id}")).await.body;
    assert!(
        page.contains(&format!(
            "src=\"/sala/nyheter/{id}/bild\" alt=\"Barn som sjunger i en kör\""
        )),
        "{page}"
    );
    let img = reqwest::get(app.url(&format!("{NEWS}/{id}/bild"))).await.unwrap();
    assert_eq!(img.status(), 200);
    assert_eq!(img.headers()["content-type"], "image/png");
    app.stop().await;
}

async fn the_atom_feed_parses_and_answers_304(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, org) = sala(&app).await;
    let staff = app.staff("sala").await;
    publish(&staff, "Första nyheten", "Text & mer").await;
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let hidden = story(&rep, org, "Ett utkast").await;
    let list = app.client().get(NEWS).await.body;
    assert!(
        list.contains("<link rel=\"alternate\" type=\"application/atom+xml\""),
        "{list}"
    );
    let res = reqwest::get(app.url("/sala/nyheter/atom")).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let modified = res.headers()["last-modified"].to_str().unwrap().to_string();
    let body = res.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).unwrap();
    let titles: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect();
    assert_eq!(titles, vec!["Första nyheten".to_string()]);
    let link = &feed.entries[0].links[0].href;
    assert!(
        link.starts_with("http") && !link.ends_with(&format!("/{hidden}")),
        "{link}"
    );
    let c = reqwest::Client::new();
    let again = c
        .get(app.url("/sala/nyheter/atom"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    let since = c
        .get(app.url("/sala/nyheter/atom"))
        .header("if-modified-since", &modified)
        .send()
        .await
        .unwrap();
    assert_eq!(since.status(), 304);
    app.stop().await;
}

async fn export_and_erasure_keep_the_story_without_the_name(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (_, org) = sala(&app).await;
    let (rep, _) = app
        .representative_client("rep@iks.example", "sala", "IKS – Ideell Kultur i Sala")
        .await;
    let s = story(&rep, org, "Vår berättelse").await;
    rep.submit(MINE, &format!("{MINE}/{s}/skicka"), &[]).await;
    let staff = app.staff("sala").await;
    staff.submit(HANDLE, &format!("{HANDLE}/{s}/godkann"), &[]).await;
    let (name,): (String,) = sqlx::query_as("SELECT name FROM users WHERE email = 'rep@iks.example'")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let page = format!("{NEWS}/{s}");
    assert!(app.client().get(&page).await.text().contains(&name));

    let (status, data) = rep.get_json("/konto/export").await;
    assert_eq!(status, 200);
    assert_eq!(data["openness"]["news_stories"][0]["title"], "Vår berättelse", "{data}");

    let account = rep.get("/konto").await;
    let erased = rep
        .post_raw("/konto/radera", &[("_csrf", &account.csrf()), ("confirm", "on")])
        .await;
    assert_eq!(erased.status, 200, "{}", erased.text());
    let shown = app.client().get(&page).await;
    assert_eq!(shown.status, 200);
    assert!(shown.text().contains("Vår berättelse"));
    assert!(!shown.text().contains(&name), "{}", shown.text());
    app.stop().await;
}

both!(roles_and_the_way_of_a_story);
both!(another_municipality_gets_404);
both!(markdown_is_rendered_and_html_is_not);
both!(an_image_needs_its_text_alternative);
both!(the_atom_feed_parses_and_answers_304);
both!(export_and_erasure_keep_the_story_without_the_name);
