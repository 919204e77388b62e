//! The benchmark's synthetic grants data (`grants::synth`, run by `overens synth`) is what the
//! pages read: the handler it makes signs in with its password and sees the period's queue
//! with every application counted, the budget line summing the decisions and proposals, the
//! case numbers in the order the applications came, and the series going on after them. The
//! period's tally, which the database keeps with every change, agrees with the applications
//! after the bulk load and after a handler's steps.

use crate::support::step;
use grants::ids::{ApplicationId, PeriodId};
use grants::programmes::domain::format_kronor;
use grants::synth::{fill, Plan, PASSWORD, STAFF_EMAIL};
use platform::db::Db;
use platform::MunicipalityId;
use testkit::{both, Backend, Client, TestApp};

type Tally = Vec<(String, i64, i64, i64)>;

/// The period's tally (its rows that count something) and the same counted from the
/// applications.
async fn tallies(db: &Db, m: MunicipalityId, period: PeriodId) -> (Tally, Tally) {
    let kept: Tally = sqlx::query_as(
        "SELECT status, applications, decided_ore, proposed_ore FROM grants_period_tally \
         WHERE municipality_id = $1 AND period_id = $2 AND applications <> 0 ORDER BY status",
    )
    .bind(m)
    .bind(period)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let counted: Tally = sqlx::query_as(
        "SELECT status, COUNT(*), CAST(COALESCE(SUM(decided_ore), 0) AS BIGINT), \
         CAST(COALESCE(SUM(proposed_ore), 0) AS BIGINT) FROM grants_applications \
         WHERE municipality_id = $1 AND period_id = $2 GROUP BY status ORDER BY status",
    )
    .bind(m)
    .bind(period)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    (kept, counted)
}

/// An amount as the page's text reads (its non-breaking spaces folded like any space).
fn kr(ore: i64) -> String {
    format_kronor(ore).replace('\u{a0}', " ")
}

/// The municipality's first application (by id) at a status.
async fn first_at(db: &Db, m: MunicipalityId, status: &str) -> ApplicationId {
    let (id,): (ApplicationId,) =
        sqlx::query_as("SELECT MIN(id) FROM grants_applications WHERE municipality_id = $1 AND status = $2")
            .bind(m)
            .bind(status)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    id
}

async fn synthetic_period_shows_in_the_queue(backend: Backend) {
    let app = TestApp::start(backend).await;
    let db = &app.state.db;
    let m = app.municipality("syn-storby", "Storby").await;
    // The one synthetic municipality has no organisations yet: all 200 are added.
    let counts = fill(
        db,
        &Plan {
            applications: 200,
            seed: 7,
        },
        app.state.now(),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(counts.municipality, m);
    assert_eq!((counts.applications, counts.organisations_added), (200, 200));
    assert_eq!(counts.by_status.values().sum::<usize>(), 200);
    assert!(counts.by_status.len() >= 6, "{:?}", counts.by_status);

    // What the database holds agrees with what fill says it made.
    let (n, decided, proposed, handled): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), \
         CAST(COALESCE(SUM(CASE WHEN status IN ('granted', 'reduced') THEN decided_ore ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN status = 'proposed' THEN proposed_ore ELSE 0 END), 0) AS BIGINT), \
         CAST(SUM(CASE WHEN handler_user_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) \
         FROM grants_applications WHERE municipality_id = $1 AND period_id = $2",
    )
    .bind(m)
    .bind(counts.period)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!((n, decided, proposed), (200, counts.decided_ore, counts.proposed_ore));
    let submitted = counts.by_status.get("submitted").copied().unwrap_or(0) as i64;
    assert_eq!(handled, 200 - submitted, "every case past 'submitted' has a handler");
    assert!(decided > 0 && proposed > 0 && decided + proposed <= counts.budget_ore);

    let handler = Client::new(app.base.clone());
    handler.login(STAFF_EMAIL, PASSWORD).await;
    let queue = grants::paths::queue("syn-storby", counts.period);
    let page = handler.get(&queue).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    assert!(text.contains("Visar 1–50 av 200 ärenden."), "{text}");
    for line in [
        format!("Budget {}", kr(counts.budget_ore)),
        format!("Beslutat {}", kr(counts.decided_ore)),
        format!("Föreslaget, inte beslutat {}", kr(counts.proposed_ore)),
        format!("Kvar att besluta om {}", kr(counts.budget_ore - counts.decided_ore)),
        "Alla inskickade (200)".to_string(),
        format!("Inskickad ({submitted})"),
    ] {
        assert!(text.contains(&line), "{line} not in {text}");
    }
    // The test clock's applications were all sent in 2026: numbered 1–200 in the order they
    // came, the first on the first page, the last on the fourth.
    assert!(text.contains("KFN 2026/0001"), "{text}");
    let last = handler.get(&format!("{queue}?sida=4")).await.text();
    assert!(
        last.contains("Visar 151–200 av 200 ärenden.") && last.contains("KFN 2026/0200"),
        "{last}"
    );
    let granted = counts.by_status.get("granted").copied().unwrap_or(0);
    let filtered = handler.get(&format!("{queue}?status=granted")).await.text();
    assert!(
        filtered.contains(&format!("av {granted} ärenden")),
        "{granted} granted: {filtered}"
    );
    // The next application sent in 2026 gets number 201.
    let (next,): (i64,) =
        sqlx::query_as("SELECT last FROM grants_case_numbers WHERE municipality_id = $1 AND year = 2026")
            .bind(m)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(next, 200);
    // A granted case's page opens for the handler, with its decision.
    let id = first_at(db, m, "granted").await;
    let case = handler.get(&format!("/syn-storby/bidrag/ansokan/{id}")).await;
    assert_eq!(case.status, 200);
    assert!(case.text().contains("Beviljad"), "{}", case.text());

    // The tally the pages read agrees with the applications after the bulk load…
    let (kept, counted) = tallies(db, m, counts.period).await;
    assert_eq!(kept, counted);
    // …and after the handler (who also decides) takes a case, proposes in another, grants a
    // proposal in full and rejects another.
    let slug = "syn-storby";
    let taken = first_at(db, m, "submitted").await;
    assert_eq!(step(&handler, slug, taken, "ta", &[]).await.status, 303);
    let reviewed = first_at(db, m, "in-review").await;
    let proposal = step(&handler, slug, reviewed, "forslag", &[("proposed", "1000")]).await;
    assert_eq!(proposal.status, 303, "{}", proposal.text());
    let granted = first_at(db, m, "proposed").await;
    let (applied,): (i64,) = sqlx::query_as("SELECT applied_ore FROM grants_applications WHERE id = $1")
        .bind(granted)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let kronor = (applied / 100).to_string();
    let decided = step(
        &handler,
        slug,
        granted,
        "beslut",
        &[("decided", &kronor), ("reason", "")],
    )
    .await;
    assert_eq!(decided.status, 303, "{}", decided.text());
    let rejected = first_at(db, m, "proposed").await;
    let refusal = step(
        &handler,
        slug,
        rejected,
        "beslut",
        &[("decided", "0"), ("reason", "Verksamheten är inte öppen för alla.")],
    )
    .await;
    assert_eq!(refusal.status, 303, "{}", refusal.text());
    let (kept, counted) = tallies(db, m, counts.period).await;
    assert_eq!(kept, counted);
    let text = handler.get(&queue).await.text();
    let line = format!("Beslutat {}", kr(counts.decided_ore + applied));
    assert!(text.contains(&line), "{line} not in {text}");
    app.forget_jobs();
}

both!(synthetic_period_shows_in_the_queue);
