//! The read API as a whole (issue 17): its OpenAPI document names every `/api/v1` route and
//! nothing else, lists page with a cursor, answers carry an ETag and CORS, and one
//! municipality's API never shows another's data.

use serde_json::Value;
use std::collections::BTreeSet;
use testkit::browser::{Browser, Findings};
use testkit::{both, browser, Backend, TestApp};

/// `/api/v1/{slug}/…` as the router names it and as the document does: the same text.
fn routed_api_paths() -> BTreeSet<&'static str> {
    platform::route_paths(&app::capabilities())
        .into_iter()
        .filter(|p| p.starts_with("/api/v1"))
        .collect()
}

#[test]
fn the_document_names_every_api_route_and_no_other() {
    let doc = serde_json::to_value(platform::api_document(&app::capabilities())).unwrap();
    let documented: BTreeSet<&str> = doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    let routed = routed_api_paths();
    let missing: Vec<_> = routed.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "routes under /api/v1 without a #[utoipa::path] in their capability's openapi(): {missing:?}"
    );
    let stale: Vec<_> = documented.difference(&routed).collect();
    assert!(
        stale.is_empty(),
        "the document names routes that do not exist: {stale:?}"
    );
    // Every operation is a GET (the API is read only), and every schema it refers to is there.
    for (path, item) in doc["paths"].as_object().unwrap() {
        let methods: Vec<&String> = item
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "parameters")
            .collect();
        assert_eq!(methods, ["get"], "{path}");
    }
    let text = doc.to_string();
    for r in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = &r[..r.find('"').unwrap()];
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "no schema {name} in {:?}",
            doc["components"]["schemas"]
                .as_object()
                .map(|o| o.keys().collect::<Vec<_>>())
        );
    }
}

async fn the_document_is_served_as_openapi_3_1(backend: Backend) {
    let app = TestApp::start(backend).await;
    let (status, doc) = app.client().get_json("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        doc["openapi"]
    );
    for path in routed_api_paths() {
        assert!(doc["paths"].get(path).is_some(), "{path} not in the served document");
    }
    // The reference page reads the same document to people.
    let page = app.client().get("/api").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("GET /api/v1/{slug}/meetings"), "{text}");
    assert!(text.contains("signatures[].signed_on"), "{text}");
    app.stop().await;
}

/// Follow `next` from the first page with `limit`, checking the `Link` header says the same.
async fn walk(http: &reqwest::Client, app: &TestApp, first: &str, key: &str) -> (Vec<Value>, usize) {
    let mut items = vec![];
    let mut pages = 0;
    let mut at = first.to_string();
    loop {
        let res = http.get(app.url(&at)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{at}");
        let link = res.headers().get("link").map(|v| v.to_str().unwrap().to_string());
        let body: Value = res.json().await.unwrap();
        pages += 1;
        items.extend(body[key].as_array().unwrap().iter().cloned());
        match body["next"].as_str() {
            Some(next) => {
                assert_eq!(link.as_deref(), Some(format!("<{next}>; rel=\"next\"").as_str()));
                at = next.to_string();
            }
            None => {
                assert!(link.is_none(), "a Link on the last page: {link:?}");
                break;
            }
        }
    }
    (items, pages)
}

async fn lists_page_with_a_cursor_and_see_every_item_once(backend: Backend) {
    let app = TestApp::start(backend).await;
    app::demo::load(&app.state.db, app.state.now()).await.unwrap();
    let http = reqwest::Client::new();
    for (list, key) in [
        ("/api/v1/sala/meetings", "meetings"),
        ("/api/v1/sala/signatures", "signatures"),
    ] {
        let (_, whole) = app.client().get_json(&format!("{list}?limit=500")).await;
        let whole = whole[key].as_array().unwrap().clone();
        assert!(
            whole.len() >= 3,
            "{list}: the demo has too few to page: {}",
            whole.len()
        );
        let (walked, pages) = walk(&http, &app, &format!("{list}?limit=2"), key).await;
        assert_eq!(pages, whole.len().div_ceil(2), "{list}");
        let ids: Vec<i64> = walked.iter().map(|i| i["id"].as_i64().unwrap()).collect();
        let unique: BTreeSet<i64> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{list}: an item twice: {ids:?}");
        assert_eq!(walked, whole, "{list}: the pages together are the list");
    }
    // A cursor or limit that is none is a 400 in the API's error form.
    let res = http
        .get(app.url("/api/v1/sala/meetings?after=nonsense"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let (status, _) = app.client().get_json("/api/v1/sala/meetings?limit=0").await;
    assert_eq!(status, 400);
    app.stop().await;
}

async fn answers_carry_an_etag_and_a_match_is_304(backend: Backend) {
    let app = TestApp::start(backend).await;
    app::demo::load(&app.state.db, app.state.now()).await.unwrap();
    let http = reqwest::Client::new();
    for path in [
        "/api/v1/sala/meetings",
        "/api/v1/municipalities",
        "/api/v1/openapi.json",
    ] {
        let first = http.get(app.url(path)).send().await.unwrap();
        assert_eq!(first.status(), 200);
        let tag = first.headers()["etag"].to_str().unwrap().to_string();
        assert!(tag.starts_with('"'), "{tag}");
        assert_eq!(first.headers()["cache-control"], "no-cache");
        let again = http
            .get(app.url(path))
            .header("if-none-match", &tag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(again.headers()["etag"].to_str().unwrap(), tag);
        assert!(again.text().await.unwrap().is_empty());
        let other = http
            .get(app.url(path))
            .header("if-none-match", "\"x\"")
            .send()
            .await
            .unwrap();
        assert_eq!(other.status(), 200);
    }
    // A change is a new tag.
    let before = http.get(app.url("/api/v1/sala")).send().await.unwrap().headers()["etag"].clone();
    sqlx::query("UPDATE municipalities SET welcome = 'Hej' WHERE slug = 'sala'")
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let after = http.get(app.url("/api/v1/sala")).send().await.unwrap().headers()["etag"].clone();
    assert_ne!(before, after);
    app.stop().await;
}

async fn cors_opens_the_read_api_and_nothing_else(backend: Backend) {
    let app = TestApp::start(backend).await;
    app::demo::load(&app.state.db, app.state.now()).await.unwrap();
    let http = reqwest::Client::new();
    let origin = "https://karta.example.org";
    let res = http
        .get(app.url("/api/v1/sala/meetings"))
        .header("origin", origin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    assert!(res.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .contains("etag"));
    // A preflight answers for GET, and never offers a write.
    let pre = http
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/sala/meetings"))
        .header("origin", origin)
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert_eq!(pre.status(), 200);
    let allowed = pre.headers()["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(allowed.contains("GET") && !allowed.contains("POST"), "{allowed}");
    // An error answer keeps the header, so a client on another site can read the problem.
    for (path, status) in [
        ("/api/v1/sala/organisations/999999999", 404),
        ("/api/v1/sala/meetings?after=nonsense", 400),
    ] {
        let res = http.get(app.url(path)).header("origin", origin).send().await.unwrap();
        assert_eq!(res.status(), status, "{path}");
        assert_eq!(res.headers()["content-type"], "application/problem+json", "{path}");
        assert_eq!(res.headers()["access-control-allow-origin"], "*", "{path}");
    }
    // Pages are not opened to other sites, nor their error pages.
    for path in ["/sala/", "/sala/moten", "/api", "/sala/moten/999999999"] {
        let res = http.get(app.url(path)).header("origin", origin).send().await.unwrap();
        assert!(res.headers().get("access-control-allow-origin").is_none(), "{path}");
    }
    app.stop().await;
}

async fn one_municipality_never_shows_anothers_data(backend: Backend) {
    let app = TestApp::start(backend).await;
    app::demo::load(&app.state.db, app.state.now()).await.unwrap();
    let http = reqwest::Client::new();
    let (_, sala) = app.client().get_json("/api/v1/sala/organisations").await;
    let iks = sala["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"].as_str().unwrap().contains("IKS"))
        .expect("IKS in Sala's register")["id"]
        .as_i64()
        .unwrap();
    let (status, _) = app
        .client()
        .get_json(&format!("/api/v1/orebro/organisations/{iks}"))
        .await;
    assert_eq!(status, 404, "Sala's association through Örebro's API");
    let (orebro, _) = walk(&http, &app, "/api/v1/orebro/signatures?limit=1", "signatures").await;
    let (sala_signatures, _) = walk(&http, &app, "/api/v1/sala/signatures?limit=1", "signatures").await;
    for s in &orebro {
        assert!(!sala_signatures.iter().any(|x| x["id"] == s["id"]), "{s}");
    }
    let (_, meetings) = app.client().get_json("/api/v1/orebro/meetings").await;
    let text = meetings.to_string();
    assert!(!text.contains("/sala/"), "Sala's meetings in Örebro's list: {text}");
    // An unknown municipality is a 404 in the API's error form, not a page.
    let res = http.get(app.url("/api/v1/finns-inte/meetings")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    app.stop().await;
}

both!(
    the_document_is_served_as_openapi_3_1,
    lists_page_with_a_cursor_and_see_every_item_once,
    answers_carry_an_etag_and_a_match_is_304,
    cors_opens_the_read_api_and_nothing_else,
    one_municipality_never_shows_anothers_data,
);

async fn the_reference_page_has_no_accessibility_violations(backend: Backend) {
    let app = TestApp::start(backend).await;
    let browser = Browser::start().await;
    let mut found = Findings::default();
    found.visit(&browser, &app, "/api", "GET /api/v1/{slug}/meetings").await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

browser!(the_reference_page_has_no_accessibility_violations);
