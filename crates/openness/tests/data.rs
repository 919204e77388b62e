//! Open data: each dataset downloads as CSV and JSON with the rows the capability holds, only
//! the municipality's own and no person's e-mail address; a download answers a conditional GET;
//! the DCAT-AP-SE catalogue parses as RDF/XML (read back by oxrdfxml) with the mandatory
//! properties, a dataset per dataset and a download URL per format that answers 200.

use crate::common::*;
use openness::data::domain::{Dataset, Format};
use std::collections::{BTreeSet, HashMap};

/// A CSV download read back with the csv crate (`;` between cells, a byte order mark first):
/// the header and the rows.
fn read_csv(body: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = body.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(body.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            rec.unwrap()
                .iter()
                .map(|c| platform::csv::uncell(c).to_string())
                .collect()
        })
        .collect();
    (header, rows)
}

async fn count(app: &TestApp, sql: &str, m: MunicipalityId) -> usize {
    let (n,): (i64,) = sqlx::query_as(sql).bind(m).fetch_one(&app.state.db.pool).await.unwrap();
    usize::try_from(n).unwrap()
}

/// How many rows each dataset of the municipality should have, from the tables themselves.
async fn expected(app: &TestApp, m: MunicipalityId) -> HashMap<Dataset, usize> {
    let db = &app.state.db;
    let grants: usize = {
        let mut n = 0;
        for y in grants::decisions::store::years(db, m).await.unwrap() {
            n += grants::decisions::store::decisions(db, m, y).await.unwrap().len();
        }
        n
    };
    HashMap::from([
        (
            Dataset::Associations,
            count(app, "SELECT COUNT(*) FROM organisations WHERE municipality_id = $1", m).await,
        ),
        (
            Dataset::Signatories,
            count(
                app,
                "SELECT COUNT(*) FROM signatures WHERE municipality_id = $1 AND withdrawn_at IS NULL",
                m,
            )
            .await,
        ),
        (
            Dataset::ActionPlan,
            actionplan::public::activities(db, m).await.unwrap().len(),
        ),
        (
            Dataset::Meetings,
            count(
                app,
                "SELECT COUNT(*) FROM meetings_meetings WHERE municipality_id = $1",
                m,
            )
            .await,
        ),
        (
            Dataset::Decisions,
            count(
                app,
                "SELECT COUNT(*) FROM openness_decisions WHERE municipality_id = $1",
                m,
            )
            .await,
        ),
        (
            Dataset::Events,
            count(
                app,
                "SELECT COUNT(*) FROM openness_events WHERE municipality_id = $1 AND status = 'approved'",
                m,
            )
            .await,
        ),
        (Dataset::GrantDecisions, grants),
        (
            Dataset::Premises,
            count(
                app,
                "SELECT COUNT(*) FROM premises_rooms r JOIN premises p ON p.id = r.premises_id \
                 WHERE r.municipality_id = $1 AND r.retired_at IS NULL AND p.retired_at IS NULL",
                m,
            )
            .await,
        ),
    ])
}

/// Every dataset of a municipality as (CSV header, CSV rows, JSON rows), after checking that
/// the two formats agree.
async fn datasets(c: &Client, slug: &str) -> HashMap<Dataset, (Vec<String>, Vec<Vec<String>>, Vec<serde_json::Value>)> {
    let mut out = HashMap::new();
    for d in Dataset::ALL {
        let csv_page = c.get(&format!("/{slug}/data/{}.csv", d.slug())).await;
        assert_eq!(csv_page.status, 200, "{d:?}");
        assert_eq!(csv_page.headers["content-type"], "text/csv; charset=utf-8");
        let (header, rows) = read_csv(&csv_page.body);
        let json_page = c.get(&format!("/{slug}/data/{}.json", d.slug())).await;
        assert_eq!(json_page.status, 200, "{d:?}");
        assert_eq!(json_page.headers["content-type"], "application/json; charset=utf-8");
        let json: Vec<serde_json::Value> = serde_json::from_str(&json_page.body).unwrap();
        assert_eq!(json.len(), rows.len(), "{d:?}: as many objects as CSV rows");
        for (object, row) in json.iter().zip(&rows) {
            let keys: BTreeSet<&str> = object.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                header.iter().map(String::as_str).collect(),
                "{d:?}: the JSON's keys are the CSV's columns"
            );
            assert_eq!(row.len(), header.len());
        }
        out.insert(d, (header, rows, json));
    }
    out
}

fn column<'a>(set: &'a (Vec<String>, Vec<Vec<String>>, Vec<serde_json::Value>), name: &str) -> Vec<&'a str> {
    let i = set
        .0
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    set.1.iter().map(|r| r[i].as_str()).collect()
}

async fn the_datasets_hold_what_the_capabilities_hold(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let sala = app.municipality_id("sala").await;
    let orebro = app.municipality_id("orebro").await;
    // A decision of Örebro's that Sala's data must not show.
    add(
        &app,
        orebro,
        &checked(
            Body::Council,
            "",
            "2026-02-03",
            "Örebros eget beslut om föreningsstöd",
            Category::Other,
            &[],
        ),
    )
    .await;
    let anon = app.client();
    let all = datasets(&anon, "sala").await;
    let want = expected(&app, sala).await;
    for d in Dataset::ALL {
        assert_eq!(all[&d].1.len(), want[&d], "{d:?}: every row, and only Sala's");
        assert!(want[&d] > 0, "{d:?}: the demo has some");
    }

    // The rows are the capabilities' own: names, titles, days.
    let names: BTreeSet<String> =
        sqlx::query_as::<_, (String,)>("SELECT name FROM organisations WHERE municipality_id = $1")
            .bind(sala)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.0)
            .collect();
    let shown: BTreeSet<String> = column(&all[&Dataset::Associations], "name")
        .into_iter()
        .map(str::to_string)
        .collect();
    assert_eq!(shown, names);
    assert!(shown.contains("IKS – Ideell Kultur i Sala"), "{shown:?}");
    let titles: BTreeSet<String> =
        sqlx::query_as::<_, (String,)>("SELECT title FROM openness_decisions WHERE municipality_id = $1")
            .bind(sala)
            .fetch_all(&app.state.db.pool)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.0)
            .collect();
    let decisions = &all[&Dataset::Decisions];
    assert_eq!(
        column(decisions, "title")
            .into_iter()
            .map(str::to_string)
            .collect::<BTreeSet<_>>(),
        titles
    );
    assert!(!titles.contains("Örebros eget beslut om föreningsstöd"));
    let first = &decisions.2[0];
    assert!(
        first["url"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{}/sala/beslut/", app.base)),
        "{first}"
    );
    for r in &all[&Dataset::Meetings].2 {
        let at = r["starts_at"].as_str().unwrap();
        assert!(at.ends_with("+01:00") || at.ends_with("+02:00"), "Swedish time: {at}");
    }
    for r in &all[&Dataset::GrantDecisions].2 {
        assert!(
            ["granted", "reduced", "rejected"].contains(&r["outcome"].as_str().unwrap()),
            "{r}"
        );
    }

    // Örebro's own data is Örebro's: its decision is there, Sala's associations are not.
    let o = datasets(&anon, "orebro").await;
    assert!(column(&o[&Dataset::Decisions], "title").contains(&"Örebros eget beslut om föreningsstöd"));
    let theirs: BTreeSet<&str> = column(&o[&Dataset::Associations], "name").into_iter().collect();
    assert!(theirs.iter().all(|n| !names.contains(*n)), "{theirs:?}");
    let want = expected(&app, orebro).await;
    for d in Dataset::ALL {
        assert_eq!(o[&d].1.len(), want[&d], "Örebro's {d:?}");
    }

    // No e-mail address of a person (users, the registry's contact people) is in any dataset
    // of either municipality; no dataset has an address at all.
    let emails: Vec<(String,)> = sqlx::query_as("SELECT email FROM users UNION SELECT email FROM registry_contacts")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let emails: Vec<String> = emails.into_iter().map(|e| e.0).filter(|e| e.contains('@')).collect();
    assert!(emails.len() > 5, "{emails:?}");
    for slug in ["sala", "orebro"] {
        for d in Dataset::ALL {
            for f in Format::ALL {
                let body = anon
                    .get(&format!("/{slug}/data/{}.{}", d.slug(), f.extension()))
                    .await
                    .body;
                assert!(!body.contains('@'), "{slug} {d:?} {f:?} holds an address: {body}");
            }
        }
    }
    app.stop().await;
}

/// Sala (and Örebro) with one decision of the board.
async fn sala_with_a_decision(backend: Backend) -> (TestApp, MunicipalityId) {
    let app = TestApp::start(backend).await;
    let (m, _) = sala(&app).await;
    add(
        &app,
        m,
        &checked(Body::Board, "", "2026-04-01", "Bidrag till hyror", Category::Other, &[]),
    )
    .await;
    (app, m)
}

async fn downloads_answer_conditional_gets_and_only_known_names(backend: Backend) {
    let (app, sala) = sala_with_a_decision(backend).await;
    let anon = app.client();
    let first = anon.get("/sala/data/beslut.json").await;
    assert_eq!(first.status, 200);
    let tag = first.headers["etag"].to_str().unwrap().to_string();
    let http = reqwest::Client::new();
    let url = app.url("/sala/data/beslut.json");
    let again = |tag: String| {
        let req = http.get(&url).header("if-none-match", tag);
        async move { req.send().await.unwrap() }
    };
    let r = again(tag.clone()).await;
    assert_eq!(r.status(), 304);
    assert!(r.bytes().await.unwrap().is_empty());
    // A change is a new tag.
    add(
        &app,
        sala,
        &checked(Body::Board, "", "2026-04-02", "Lokalbidrag", Category::Other, &[]),
    )
    .await;
    let r = again(tag).await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("Lokalbidrag"));
    let csv = anon.get("/sala/data/beslut.csv").await;
    assert_eq!(
        csv.headers["content-disposition"],
        "attachment; filename=\"sala-beslut.csv\""
    );
    for bad in ["okand.csv", "beslut.xml", "beslut", "beslut.csv.json", ".json"] {
        assert_eq!(anon.get(&format!("/sala/data/{bad}")).await.status, 404, "{bad}");
    }
    assert_eq!(anon.get("/ingen-kommun/data/beslut.csv").await.status, 404);
    app.stop().await;
}

/// The triples of an RDF/XML document as (subject, predicate, object) in N-Triples' spelling.
fn triples(xml: &str) -> Vec<(String, String, String)> {
    oxrdfxml::RdfXmlParser::new()
        .for_slice(xml)
        .map(|t| {
            let t = t.expect("well-formed RDF/XML");
            (
                t.subject.to_string(),
                t.predicate.as_str().to_string(),
                t.object.to_string(),
            )
        })
        .collect()
}

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const XSD_DATE: &str = "^^<http://www.w3.org/2001/XMLSchema#date>";

struct Graph(Vec<(String, String, String)>);

impl Graph {
    fn objects(&self, s: &str, p: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|t| t.0 == s && t.1 == p)
            .map(|t| t.2.as_str())
            .collect()
    }

    fn of_type(&self, class: &str) -> Vec<&str> {
        let class = format!("<{class}>");
        self.0
            .iter()
            .filter(|t| t.1 == RDF_TYPE && t.2 == class)
            .map(|t| t.0.as_str())
            .collect()
    }

    fn one(&self, s: &str, p: &str) -> &str {
        let o = self.objects(s, p);
        assert_eq!(o.len(), 1, "{s} {p}: {o:?}");
        o[0]
    }

    /// A title or description in Swedish and English.
    fn both_languages(&self, s: &str, p: &str) {
        let o = self.objects(s, p);
        assert!(o.iter().any(|v| v.ends_with("@sv")), "{s} {p}: {o:?}");
        assert!(o.iter().any(|v| v.ends_with("@en")), "{s} {p}: {o:?}");
    }
}

async fn the_catalogue_is_dcat_ap_se(backend: Backend) {
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let anon = app.client();
    let page = anon.get("/sala/data/katalog").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.headers["content-type"], "application/rdf+xml; charset=utf-8");
    let g = Graph(triples(&page.body));

    let catalogs = g.of_type(&format!("{DCAT}Catalog"));
    assert_eq!(catalogs, vec![format!("<{}/sala/data/katalog>", app.base)]);
    let catalog = catalogs[0];
    g.both_languages(catalog, &format!("{DCT}title"));
    g.both_languages(catalog, &format!("{DCT}description"));
    let publisher = g.one(catalog, &format!("{DCT}publisher"));
    assert_eq!(
        g.objects(publisher, RDF_TYPE),
        vec!["<http://xmlns.com/foaf/0.1/Agent>"]
    );
    assert_eq!(g.one(publisher, "http://xmlns.com/foaf/0.1/name"), "\"Sala\"");
    assert!(g
        .one(catalog, &format!("{DCT}license"))
        .contains("publicdomain/zero/1.0"));

    let datasets = g.of_type(&format!("{DCAT}Dataset"));
    assert_eq!(datasets.len(), Dataset::ALL.len());
    let listed = g.objects(catalog, &format!("{DCAT}dataset"));
    assert_eq!(
        listed.iter().collect::<BTreeSet<_>>(),
        datasets.iter().collect::<BTreeSet<_>>()
    );
    for d in &datasets {
        g.both_languages(d, &format!("{DCT}title"));
        g.both_languages(d, &format!("{DCT}description"));
        assert_eq!(g.one(d, &format!("{DCT}publisher")), publisher);
        let contact = g.one(d, &format!("{DCAT}contactPoint"));
        assert_eq!(
            g.objects(contact, RDF_TYPE),
            vec!["<http://www.w3.org/2006/vcard/ns#Organization>"]
        );
        assert_eq!(
            g.one(contact, "http://www.w3.org/2006/vcard/ns#hasEmail"),
            "<mailto:jane.allansson@sala.se>"
        );
        let theme = g.one(d, &format!("{DCAT}theme"));
        assert!(
            theme.starts_with("<http://publications.europa.eu/resource/authority/data-theme/"),
            "{theme}"
        );
        assert!(g.one(d, &format!("{DCT}issued")).ends_with(XSD_DATE));
        assert!(g.one(d, &format!("{DCT}modified")).ends_with(XSD_DATE));
        assert!(!g.objects(d, &format!("{DCT}language")).is_empty());
        let distributions = g.objects(d, &format!("{DCAT}distribution"));
        assert_eq!(distributions.len(), 2, "{d}");
        for dist in distributions {
            assert_eq!(g.objects(dist, RDF_TYPE), vec![format!("<{DCAT}Distribution>")]);
            assert!(!g.objects(dist, &format!("{DCAT}accessURL")).is_empty());
            assert!(g.one(dist, &format!("{DCT}license")).contains("publicdomain/zero/1.0"));
            assert!(g.one(dist, &format!("{DCT}format")).contains("/file-type/"));
            let media = g.one(dist, &format!("{DCAT}mediaType"));
            let url = g.one(dist, &format!("{DCAT}downloadURL"));
            let path = url
                .trim_start_matches('<')
                .trim_end_matches('>')
                .strip_prefix(&app.base)
                .expect("on this site");
            let got = anon.get(path).await;
            assert_eq!(got.status, 200, "{path}");
            let mime = got.headers["content-type"]
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_string();
            assert!(media.ends_with(&format!("/{mime}>")), "{media} for {mime}");
        }
    }
    app.stop().await;
}

async fn the_page_lists_every_dataset_with_its_links(backend: Backend) {
    let (app, _) = sala_with_a_decision(backend).await;
    let page = app.client().get("/sala/data").await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for name in [
        "Föreningar",
        "Undertecknare av överenskommelsen",
        "Beslut om bidrag",
        "Lokaler",
        "CC0 1.0",
    ] {
        assert!(text.contains(name), "{name}: {text}");
    }
    assert!(text.contains("1 rad"), "{text}");
    for d in Dataset::ALL {
        for f in Format::ALL {
            assert!(page
                .body
                .contains(&format!("href=\"/sala/data/{}.{}\"", d.slug(), f.extension())));
        }
    }
    assert!(page.body.contains("href=\"/sala/data/katalog\""));
    app.stop().await;
}

both!(
    the_datasets_hold_what_the_capabilities_hold,
    downloads_answer_conditional_gets_and_only_known_names,
    the_catalogue_is_dcat_ap_se,
    the_page_lists_every_dataset_with_its_links,
);

/// The page of open data in a real browser with axe-core: no violations of WCAG 2.1 A and AA,
/// with the demo's data in every dataset.
async fn the_data_page_has_no_accessibility_violations(backend: Backend) {
    use testkit::browser::{Browser, Findings};
    let app = TestApp::start(backend).await;
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let browser = Browser::start().await;
    let mut found = Findings::default();
    found.visit(&browser, &app, "/sala/data", "Fritt att använda").await;
    found.assert_none();
    browser.close().await;
    app.stop().await;
}

testkit::browser!(the_data_page_has_no_accessibility_violations);
