//! What the idea bank's tests share: the demo (Sala's agreement in force, dialog meeting 6, the
//! action plan, Örebro, and the demo's four ideas), submitting an idea through the form, and
//! small reads.

pub use platform::auth::RoleKind;
pub use platform::MunicipalityId;
pub use support::ids::IdeaId;
pub use testkit::{both, Backend, Client, TestApp};

pub const LIST: &str = "/sala/ideer";
pub const NEW: &str = "/sala/ideer/ny";

/// Load the demo (Sala, Örebro, their accounts, meetings, plan and Sala's ideas).
pub async fn demo(app: &TestApp) -> MunicipalityId {
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    app.municipality_id("sala").await
}

/// The idea form as sent, with changes.
pub fn idea_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("title", "Gemensam materialbank"),
        (
            "description",
            "Föreningar lånar ut tält, bord och ljudanläggning till varandra.",
        ),
        ("principle", "3"),
        ("category", "samverkan"),
        ("area", "Sala tätort"),
    ];
    for (k, val) in changes {
        if let Some(f) = v.iter_mut().find(|f| f.0 == *k) {
            f.1 = val;
        } else {
            v.push((k, val));
        }
    }
    v
}

/// Submit an idea through the form; its id.
pub async fn submit(c: &Client, changes: &[(&str, &str)]) -> IdeaId {
    let p = c.submit(NEW, NEW, &idea_form(changes)).await;
    assert_eq!(p.status, 303, "{}", p.text());
    id_of(&p)
}

/// The id in the address a form sends the visitor to.
pub fn id_of(p: &testkit::Page) -> IdeaId {
    let to = p.location.clone().expect("a redirect");
    let path = to.split(['?', '#']).next().unwrap();
    let id = path.rsplit('/').next().unwrap();
    IdeaId::new(id.parse().unwrap())
}

/// Post one of an idea page's forms (the page's CSRF token).
pub async fn on_idea(c: &Client, id: IdeaId, action: &str, fields: &[(&str, &str)]) -> testkit::Page {
    c.submit(&format!("{LIST}/{id}"), &format!("{LIST}/{id}/{action}"), fields)
        .await
}

/// An idea's status as stored.
pub async fn status_of(app: &TestApp, id: IdeaId) -> String {
    let (s,): (String,) = sqlx::query_as("SELECT status FROM support_ideas WHERE id = $1")
        .bind(id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    s
}

/// Sala's dialog meeting 6 (the demo's).
pub async fn meeting_six(app: &TestApp, m: MunicipalityId) -> i64 {
    meetings::public::meetings(&app.state.db, m, "sala")
        .await
        .unwrap()
        .into_iter()
        .find(|mt| mt.number == Some(6))
        .expect("the demo's meeting 6")
        .id
        .get()
}

/// An activity of Sala's action plan (the demo's first).
pub async fn an_activity(app: &TestApp, m: MunicipalityId) -> actionplan::public::Activity {
    actionplan::public::activities(&app.state.db, m)
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("the demo's plan has activities")
}

/// The demo idea with this title.
pub async fn demo_idea(app: &TestApp, title: &str) -> IdeaId {
    let (id,): (IdeaId,) = sqlx::query_as("SELECT id FROM support_ideas WHERE title = $1")
        .bind(title)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}
