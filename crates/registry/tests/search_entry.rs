//! The registry's search entry: one normalisation whichever way an organisation comes in
//! (registering, editing, import, the synthetic data, the demo and other rows made outside the
//! registry), and on SQLite an operator's `ANALYZE` does not bring back the statistics on the
//! full-text index's own tables that slow every search.

use crate::common::*;
use platform::MunicipalityId;
use registry::domain::{Category, Filters, LegalForm, OrgNumber, SearchQuery};
use registry::exchange::domain::ImportRow;
use registry::store::{self as registry_store, BulkProfile};
use std::sync::Arc;
use testkit::{both, Backend, Options, TestApp};

const NAME: &str = "Sala Idrottsförening";

/// A row in the platform's organisations table, as the demo and grants' synthetic data write it.
async fn raw_organisation(app: &TestApp, m: MunicipalityId, name: &str) -> platform::OrganisationId {
    let (id,): (platform::OrganisationId,) = sqlx::query_as(
        "INSERT INTO organisations (municipality_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(m)
    .bind(name)
    .bind(app.state.now())
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    id
}

async fn the_same_name_is_found_the_same_way_by_every_path(backend: Backend) {
    let app = TestApp::start(backend).await;
    let db = &app.state.db;
    let now = app.state.now();
    let mut slugs = vec![];
    let mut ids = vec![];

    // Registering.
    let m = app.municipality("via-ny", "Ny").await;
    ids.push(org(&app, m, NAME, 1, &[], "").await);
    slugs.push("via-ny");

    // Editing: renamed from another name.
    let m = app.municipality("via-andring", "Ändring").await;
    let id = org(&app, m, "Gamla namnet", 2, &[], "").await;
    registry::profile::store::update(db, m, id, &edit(NAME, 2, &[], ""), None, now)
        .await
        .unwrap();
    ids.push(id);
    slugs.push("via-andring");

    // Import (the coordinator's CSV).
    let m = app.municipality("via-import", "Import").await;
    let uid = app.user("samordnare@import.example", None).await;
    let row = ImportRow {
        line: 2,
        org_number: OrgNumber::parse(&orgnr(3)).unwrap(),
        name: NAME.into(),
        legal_form: LegalForm::IdeellForening,
        categories: vec![],
        mission: String::new(),
        email: String::new(),
        phone: String::new(),
        website: String::new(),
        postal_address: String::new(),
        visiting_address: String::new(),
        member_count: None,
        target_groups: String::new(),
    };
    registry::exchange::store::import(db, m, vec![row], &user(uid), now)
        .await
        .unwrap();
    let (id,): (platform::OrganisationId,) = sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1")
        .bind(m)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    ids.push(id);
    slugs.push("via-import");

    // The synthetic national data (`overens synth`): organisations in bulk, then their profiles.
    let m = app.municipality("via-synt", "Synt").await;
    let id = raw_organisation(&app, m, NAME).await;
    let mut tx = db.write().await.unwrap();
    registry_store::bulk_profiles(
        &mut tx,
        &[BulkProfile {
            organisation_id: id,
            municipality_id: m,
            edit: edit(NAME, 4, &[], ""),
            confirmed_at: None,
            updated_at: now,
        }],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    ids.push(id);
    slugs.push("via-synt");

    // The demo and other rows made outside the registry: the platform's table, then the
    // registry's index function.
    let m = app.municipality("via-demo", "Demo").await;
    let id = raw_organisation(&app, m, NAME).await;
    let mut conn = db.pool.acquire().await.unwrap();
    registry::public::index_organisations(&mut conn, &[id]).await.unwrap();
    drop(conn);
    ids.push(id);
    slugs.push("via-demo");

    // One search entry, whichever the path.
    let mut entries = vec![];
    for id in &ids {
        let (name, body): (String, String) =
            sqlx::query_as("SELECT search_name, search_body FROM registry_profiles WHERE organisation_id = $1")
                .bind(*id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        entries.push((name, body));
    }
    for (slug, e) in slugs.iter().zip(&entries) {
        assert_eq!(e, &entries[0], "{slug} wrote another entry than registering does");
    }
    assert_eq!(entries[0].0, "sala idrottsförening förening");

    // The same queries find it in the directory, whichever the path.
    let visitor = app.client();
    for slug in &slugs {
        for q in [
            "idrott",
            "Idrottsföreningen",
            "förening",
            "SALA idrottsförening",
            "sala",
        ] {
            let p = visitor.get(&format!("/{slug}/foreningar?q={}", urlencoding(q))).await;
            assert_eq!(p.status, 200);
            assert_eq!(result_names(&p.body), vec![NAME.to_string()], "{slug}: q={q}");
        }
        let p = visitor.get(&format!("/{slug}/foreningar?q=kör")).await;
        assert!(result_names(&p.body).is_empty(), "{slug}");
    }
    app.stop().await;
}

fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Rows of the planner's statistics on the FTS5 index's own tables (SQLite).
async fn fts_statistics(app: &TestApp) -> i64 {
    let mut n = 0;
    for stat in ["sqlite_stat1", "sqlite_stat4"] {
        let exists: Option<(String,)> = sqlx::query_as("SELECT name FROM sqlite_schema WHERE name = $1")
            .bind(stat)
            .fetch_optional(&app.state.db.pool)
            .await
            .unwrap();
        if exists.is_some() {
            let (c,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {stat} WHERE tbl LIKE 'registry_fts%'"))
                .fetch_one(&app.state.db.pool)
                .await
                .unwrap();
            n += c;
        }
    }
    n
}

/// An operator runs `ANALYZE` (or `PRAGMA optimize`) on a live installation. On SQLite that
/// samples the FTS5 index's own tables, and FTS5 then prepares its statements again on every
/// search (the directory benchmark: a third of the CPU). After a restart those statistics are
/// gone and the search's plan is the one it had before.
async fn analyze_then_restart_keeps_the_search_plan(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    for i in 0..40 {
        let cats = if i % 2 == 0 { vec![Category::Idrott] } else { vec![] };
        org(
            &app,
            sala,
            &format!("Förening nummer {i}"),
            100 + i,
            &cats,
            "Idrott och friluftsliv",
        )
        .await;
    }
    let f = Filters {
        query: SearchQuery::parse("idrott"),
        category: Some(Category::Idrott),
        page: 1,
        ..Filters::default()
    };
    let before = registry_store::search_plan(&app.state.db, sala, &f).await.unwrap();
    let (found, total) = registry_store::search(&app.state.db, sala, &f).await.unwrap();
    assert_eq!((found.len(), total), (20, 20));

    for statement in ["ANALYZE", "PRAGMA optimize"] {
        if backend == Backend::Postgres && statement.starts_with("PRAGMA") {
            continue;
        }
        sqlx::query(statement).execute(&app.state.db.pool).await.unwrap();
    }
    if backend == Backend::Sqlite {
        assert!(fts_statistics(&app).await > 0, "ANALYZE sampled the FTS5 tables");
    }
    let db: Arc<testkit::TestDb> = app.db.clone();
    app.stop().await;

    let app = TestApp::start_with(db, Options::default()).await;
    if backend == Backend::Sqlite {
        assert_eq!(
            fts_statistics(&app).await,
            0,
            "the FTS5 tables' statistics are gone after the restart"
        );
    }
    let after = registry_store::search_plan(&app.state.db, sala, &f).await.unwrap();
    assert!(!after.is_empty());
    if backend == Backend::Sqlite {
        // The choice of the page (the full-text matches first, each profile by its key, never
        // the municipality's whole index) is the one before ANALYZE. The outer join of the twenty
        // rows may change with the profiles' own statistics, which are kept.
        let matches = |plan: &[String]| -> Vec<String> {
            let end = plan
                .iter()
                .position(|l| l.starts_with("SCAN (subquery"))
                .unwrap_or(plan.len());
            plan[..end].to_vec()
        };
        assert_eq!(
            matches(&after),
            matches(&before),
            "the search's plan is the one before ANALYZE: {after:?}"
        );
        let page = matches(&after);
        let f = page.iter().position(|l| l == "SCAN f").expect("the matches come first");
        assert!(
            page[f + 1].starts_with("SEARCH p USING INTEGER PRIMARY KEY"),
            "{after:?}"
        );
        assert!(
            !after.iter().any(|l| l.contains("registry_profiles_municipality")),
            "{after:?}"
        );
        assert!(after.iter().any(|l| l.contains("VIRTUAL TABLE")), "{after:?}");
    }
    let (found, total) = registry_store::search(&app.state.db, sala, &f).await.unwrap();
    assert_eq!((found.len(), total), (20, 20));
    app.stop().await;
}

both!(
    the_same_name_is_found_the_same_way_by_every_path,
    analyze_then_restart_keeps_the_search_plan,
);
