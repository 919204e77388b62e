//! The coordinator's "send reminders" button sends the reminders due now for the coordinator's
//! own municipality — not nothing (the daily run is queued for later), and not other
//! municipalities' reminders.

use crate::common::{org, represent};
use platform::auth::RoleKind;
use testkit::{both, Backend, TestApp};

async fn the_reminder_button_sends_now_for_its_own_municipality_only(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let orebro = app.municipality("orebro", "Örebro").await;
    let koren = org(&app, sala, "Brukets kör", 1, &[], "").await;
    let bandy = org(&app, orebro, "Örebro bandy", 2, &[], "").await;
    let (_, rep_sala) = app.signed_in("rep@koren.example", None).await;
    represent(&app, rep_sala, sala, koren).await;
    let (_, rep_orebro) = app.signed_in("rep@bandy.example", None).await;
    represent(&app, rep_orebro, orebro, bandy).await;

    // Thirteen months later both are stale; the daily run last ran an hour ago and runs
    // again tomorrow.
    app.clock.advance(chrono::Duration::days(396));
    let now = app.state.now();
    sqlx::query("UPDATE jobs SET run_at = $1 WHERE kind = 'registry.reminders' AND status = 'pending'")
        .bind(now + 23 * 3600)
        .execute(&app.state.db.pool)
        .await
        .unwrap();
    let (coord, _) = app
        .signed_in("samordnare@sala.se", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let page = coord
        .submit("/sala/foreningar/inaktuella", "/sala/foreningar/paminnelser", &[])
        .await;
    assert_eq!(page.status, 303);
    let mail = app.deliver().await;
    let to: Vec<&str> = mail.iter().map(|m| m.0.as_str()).collect();
    assert!(to.contains(&"rep@koren.example"), "the button sent nothing: {to:?}");
    assert!(
        !to.contains(&"rep@bandy.example"),
        "a coordinator in Sala sent Örebro's reminders: {to:?}"
    );
}

both!(the_reminder_button_sends_now_for_its_own_municipality_only,);
