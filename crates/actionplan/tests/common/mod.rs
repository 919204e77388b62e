//! Helpers shared by the action plan's tests.

#![allow(dead_code)]

use actionplan::ids::ActivityId;
use platform::{OrganisationId, UserId};
use testkit::{Client, TestApp};

/// A small plan in the layout of seed 003 (tab-separated), with one line that cannot be placed.
pub const TABLE: &str = "Område\tMål i handlingsplanen\tArbetsgruppens förslag på aktiviteter för att nå målen i handlingsplanen.\tTid\tAnsvar\tUppföljning\n\
Nr 1 Självständighet\tSala kommun ska: Inventera lokaler.\tUpphandla ett bokningssystem.\t2020\tKultur och fritid\thösten 2020\n\
Nr 1 Självständighet\tCivilsamhället ska: Inventera lokaler.\tUppdatera registret.\t2019\t\tvåren 2020\n\
Nr 1 Självständighet\tSala kommun ska: Inventera lokaler.\tInformera om tillgänglighet.\tÅrligen eller vid behov\tKommunikationsenheten\tÅrligen\n\
Nr 2 Dialog\tSala kommun ska: Tydligare kommunicera kontaktvägar\tAnvänd sala.se som huvudkanal.\tHöst -19\tAlla chefer\tVia medborgarundersökning\n\
trasig rad\tmed bara två celler\n";

/// Import a table through the web: the preview, then the confirmation. Returns the preview.
pub async fn import(client: &Client, slug: &str, table: &str) -> testkit::Page {
    let path = format!("/{slug}/handlingsplan/import");
    let preview = client.submit(&path, &path, &[("table", table)]).await;
    assert_eq!(preview.status, 200, "{}", preview.text());
    if let Some(action) = action_of(&preview.body, "import-confirm") {
        let token = preview.csrf();
        let done = client.post_raw(&action, &[("_csrf", token.as_str())]).await;
        assert_eq!(done.status, 303, "{}", done.text());
    }
    preview
}

/// The `action` of the form with this id.
pub fn action_of(body: &str, form_id: &str) -> Option<String> {
    let at = body.find(&format!("id=\"{form_id}\""))?;
    let start = body[..at].rfind("<form")?;
    let tag = &body[start..];
    let a = tag.find("action=\"")? + 8;
    let b = tag[a..].find('"')? + a;
    Some(tag[a..b].replace("&amp;", "&"))
}

/// How many rows a table of the action plan has.
pub async fn count(app: &TestApp, table: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    n
}

pub async fn counts(app: &TestApp) -> [i64; 4] {
    [
        count(app, "actionplan_areas").await,
        count(app, "actionplan_goals").await,
        count(app, "actionplan_activities").await,
        count(app, "actionplan_plans").await,
    ]
}

/// The id of the activity whose text starts with `text`.
pub async fn activity_id(app: &TestApp, text: &str) -> ActivityId {
    let (id,): (ActivityId,) = sqlx::query_as("SELECT id FROM actionplan_activities WHERE text LIKE $1")
        .bind(format!("{text}%"))
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

/// Link an activity to a person and set its follow-up date, as the coordinator does on the
/// edit page.
pub async fn link(
    client: &Client,
    slug: &str,
    id: ActivityId,
    user: Option<UserId>,
    organisation: Option<OrganisationId>,
    follow_up_on: &str,
) {
    let path = format!("/{slug}/handlingsplan/aktivitet/{id}/redigera");
    let page = client.get(&path).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = field_value(&page.body, "f-text");
    let user = user.map(|u| u.to_string()).unwrap_or_default();
    let organisation = organisation.map(|u| u.to_string()).unwrap_or_default();
    let done = client
        .submit(
            &path,
            &path,
            &[
                ("text", text.as_str()),
                ("time_text", "Höst -19"),
                ("time_start", ""),
                ("time_end", ""),
                ("responsible_text", "Kultur och fritid"),
                ("department", ""),
                ("user", &user),
                ("organisation", &organisation),
                ("follow_up_text", "Årligen"),
                ("follow_up_on", follow_up_on),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
}

/// The text of a textarea or the value of an input, by id (HTML entities of &, <, > and ").
pub fn field_value(body: &str, id: &str) -> String {
    let Some(at) = body.find(&format!("id=\"{id}\"")) else {
        return String::new();
    };
    let start = body[..at].rfind('<').unwrap_or(at);
    let rest = &body[start..];
    let raw = if rest.starts_with("<textarea") {
        let a = rest.find('>').unwrap() + 1;
        let b = rest.find("</textarea>").unwrap();
        rest[a..b].to_string()
    } else {
        let a = rest.find("value=\"").map(|a| a + 7).unwrap_or(0);
        let b = rest[a..].find('"').map(|b| b + a).unwrap_or(a);
        rest[a..b].to_string()
    };
    raw.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
