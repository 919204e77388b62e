//! A room's week as a grid: each time carries its place on the week's hour axis (rows of 30
//! minutes from the week's earliest opening), a free time its booking link, a taken one its
//! label, and today's column is marked. The test clock starts Monday 2026-11-23 09:00 UTC.

use crate::common::{book_company, room, RoomSpec};
use premises::domain::Hours;
use testkit::{both, Backend, TestApp, PASSWORD};

both!(the_week_is_a_grid_of_times);

async fn the_week_is_a_grid_of_times(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let day = Some((8 * 60, 22 * 60));
    let (_, r) = room(
        &app,
        sala,
        "Stora salen",
        RoomSpec {
            // Weekdays 08–22, Saturday 10–16, closed on Sunday.
            hours: Hours([day, day, day, day, day, Some((10 * 60, 16 * 60)), None]),
            ..RoomSpec::default()
        },
    )
    .await;
    app.user("bolaget@example.se", None).await;
    let c = app.client();
    c.login("bolaget@example.se", PASSWORD).await;
    assert_eq!(book_company(&c, r, "2026-12-01", "10:00", "12:00").await.status, 303);

    let anon = app.client();
    let page = anon.get(&format!("/sala/lokaler/rum/{r}?vecka=2026-W49")).await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    // The part of the page from `from` to the next `to`.
    let between = |body: &str, from: &str, to: &str| -> String {
        let rest = body
            .split_once(from)
            .map(|(_, r)| r)
            .unwrap_or_else(|| panic!("no {from}"));
        rest.split(to).next().unwrap_or_default().to_string()
    };
    let tuesday = between(body, "id=\"dag-2026-12-01\"", "</section>");
    // The grid runs from 08:00: the booking 10:00–12:00 is the fifth row and four rows long.
    assert!(
        tuesday.contains(r#"<li class="wk-taken wk-r1 wk-r4 wk-s4" data-row="5" data-span="4">10:00–12:00 Bokad</li>"#),
        "{tuesday}"
    );
    // The free times around it: links to the booking form, placed before and after it.
    assert!(
        tuesday.contains(&format!(
            r#"<li class="wk-free wk-r1 wk-s4" data-row="1" data-span="4"><a class="ds-link" href="/sala/lokaler/rum/{r}/boka?datum=2026-12-01&#38;fran=08:00">Boka <span class="ds-sr-only">tisdag 1 december </span>08:00–10:00</a>"#
        )),
        "{tuesday}"
    );
    assert!(
        tuesday.contains(r#"<li class="wk-free wk-r1 wk-r8 wk-s4 wk-s16" data-row="9" data-span="20">"#),
        "{tuesday}"
    );
    // Saturday opens later: its one free time starts at the grid's fifth row.
    let saturday = between(body, "id=\"dag-2026-12-05\"", "</section>");
    assert!(saturday.contains(r#"data-row="5" data-span="12""#), "{saturday}");
    // Sunday is closed.
    let sunday = between(body, "id=\"dag-2026-12-06\"", "</section>");
    assert!(sunday.contains("Stängt") && !sunday.contains("<li"), "{sunday}");
    // The hour axis is for the eye alone, from the earliest opening to the latest closing.
    let axis = between(body, "<div class=\"week-axis\"", "</div>");
    assert!(axis.contains("aria-hidden=\"true\""), "{axis}");
    assert!(
        axis.contains("<span>08:00</span>") && axis.contains("<span>21:00</span>"),
        "{axis}"
    );
    assert!(!axis.contains("07:00") && !axis.contains("22:00"), "{axis}");
    // Read as text, each day is still its heading and its list of times.
    let text = page.text();
    assert!(
        text.contains("tisdag 1 december Boka tisdag 1 december 08:00–10:00 (ledigt) 10:00–12:00 Bokad Boka tisdag 1 december 12:00–22:00 (ledigt)"),
        "{text}"
    );
    // No day of that week is today; this week's Monday is.
    assert!(!body.contains("aria-current=\"date\""));
    let now = anon.get(&format!("/sala/lokaler/rum/{r}?vecka=2026-W48")).await.body;
    assert_eq!(now.matches("aria-current=\"date\"").count(), 1);
    assert!(
        now.contains(r#"<section aria-labelledby="dag-2026-11-23" aria-current="date">"#),
        "{now}"
    );
    app.deliver().await;
    app.stop().await;
}
