//! Sample values for the routes' path parameters, taken from the demo data of Sala.
//!
//! A parameter is named by the path segment before it and its own name (`moten/{id}` is a
//! meeting, `rum/{id}` a room), since `{id}` names a different thing in every capability. A
//! route with a parameter this table does not know fails the matrix test with the key to add.

use platform::db::Db;
use platform::MunicipalityId;
use std::collections::HashMap;

/// A bogus secret for the routes whose path carries a token (a login or cancellation link).
pub const TOKEN: &str = "ogiltig-lank-0123456789abcdef";

/// An id that names nothing (the value of a sample whose kind Sala holds none of: the matrix
/// then fails, naming the route).
const NOTHING: i64 = 987_654_321;

/// One parameter's sample and whether it names a stored thing of the municipality (an id):
/// another municipality's coordinator must find nothing behind Sala's ids under their own slug.
#[derive(Clone, Debug)]
pub struct Sample {
    pub value: String,
    pub is_id: bool,
    /// False when Sala holds no such thing (the sample names nothing; the matrix fails).
    pub found: bool,
}

/// A route made concrete with samples.
pub struct Concrete {
    pub path: String,
    /// A parameter names a stored thing of the municipality.
    pub has_id: bool,
    /// Every parameter names something that exists.
    pub found: bool,
}

/// What the resolvers know: the municipality, the demo representative's organisation and user.
pub struct Known<'a> {
    pub db: &'a Db,
    pub sala: MunicipalityId,
    pub iks: i64,
    pub representative: i64,
    /// The server's today (for the payout lists, which are reckoned on a day).
    pub today: chrono::NaiveDate,
}

/// The segments of a route pattern with each `{param}` keyed by the segment before it.
pub fn params(pattern: &str) -> Vec<(String, String)> {
    let segments: Vec<&str> = pattern.split('/').collect();
    segments
        .iter()
        .enumerate()
        .filter(|(_, s)| s.starts_with('{') && s.ends_with('}'))
        .map(|(i, s)| {
            let name = s.trim_matches(|c| c == '{' || c == '}').to_string();
            let prev = if i > 0 { segments[i - 1] } else { "" };
            (format!("{prev}/{{{name}}}"), name)
        })
        .collect()
}

/// The route with every parameter replaced by its sample (`slug` by `slug`), or the keys missing.
pub async fn concrete(k: &Known<'_>, pattern: &str, slug: &str) -> Result<Concrete, Vec<String>> {
    let mut resolved: HashMap<String, String> = HashMap::new();
    let mut missing = vec![];
    let mut has_id = false;
    let mut found = true;
    for (key, name) in params(pattern) {
        if name == "slug" {
            continue;
        }
        match sample(k, pattern, &key, &resolved).await {
            Some(s) => {
                has_id |= s.is_id;
                found &= s.found;
                resolved.insert(key, s.value);
            }
            None => missing.push(key),
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    let segments: Vec<String> = pattern
        .split('/')
        .enumerate()
        .map(|(i, s)| {
            if s == "{slug}" {
                return slug.to_string();
            }
            if s.starts_with('{') {
                let prev = pattern.split('/').nth(i - 1).unwrap_or("");
                return resolved[&format!("{prev}/{s}")].clone();
            }
            s.to_string()
        })
        .collect();
    Ok(Concrete {
        path: segments.join("/"),
        has_id,
        found,
    })
}

async fn first(db: &Db, sql: &str, binds: &[i64]) -> Option<i64> {
    let mut q = sqlx::query_as::<_, (i64,)>(sql);
    for b in binds {
        q = q.bind(*b);
    }
    q.fetch_optional(&db.pool).await.expect("sample query").map(|r| r.0)
}

fn id(v: Option<i64>) -> Option<Sample> {
    Some(Sample {
        value: v.unwrap_or(NOTHING).to_string(),
        is_id: true,
        found: v.is_some(),
    })
}

fn plain(v: impl ToString) -> Option<Sample> {
    Some(Sample {
        value: v.to_string(),
        is_id: false,
        found: true,
    })
}

/// The sample for one parameter (`key` as from [`params`]); None when the key is unknown.
async fn sample(k: &Known<'_>, pattern: &str, key: &str, done: &HashMap<String, String>) -> Option<Sample> {
    let db = k.db;
    let m = k.sala.get();
    let iks = k.iks;
    let num = |key: &str| done.get(key).and_then(|v| v.parse::<i64>().ok()).unwrap_or(NOTHING);
    match key {
        // The platform's links: a token that names nothing.
        "verifiera/{token}" | "bekrafta/{token}" | "lank/{token}" | "aterstall/{token}" | "avanmalan/{token}" | "avregistrera/{token}"
        | "svar/{token}" => {
            Some(Sample {
                value: TOKEN.into(),
                is_id: false,
                found: true,
            })
        }
        // The typeface's files.
        "fonts/{file}" => plain("inter-latin-wght-normal.woff2"),
        // Open data: a dataset's download.
        "data/{name}" => plain("foreningar.csv"),
        // Agreement.
        "version/{n}" | "versions/{n}" => plain(
            first(db, "SELECT number FROM agreement_versions WHERE municipality_id = $1 AND status = 'adopted' ORDER BY number", &[m])
                .await
                .unwrap_or(1),
        ),
        "tidslinje/{id}" => id(first(db, "SELECT id FROM agreement_timeline WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        "remiss/{id}" => id(first(
            db,
            "SELECT id FROM agreement_consultations WHERE municipality_id = $1 ORDER BY CASE status WHEN 'published' THEN 0 ELSE 1 END, id",
            &[m],
        )
        .await),
        // A published specific agreement (the demo's invented IOP) and its document.
        "sarskilda/{id}" => id(first(
            db,
            "SELECT id FROM agreement_specific WHERE municipality_id = $1 AND published = 1 ORDER BY id",
            &[m],
        )
        .await),
        "dokument/{doc}" => id(first(
            db,
            "SELECT id FROM agreement_specific_documents WHERE municipality_id = $1 AND specific_id = $2 ORDER BY id",
            &[m, num("sarskilda/{id}")],
        )
        .await),
        "synpunkt/{item}" => id(first(
            db,
            "SELECT i.id FROM agreement_consultation_items i JOIN agreement_consultations c ON c.id = i.consultation_id \
             WHERE i.municipality_id = $1 ORDER BY CASE c.status WHEN 'open' THEN 0 ELSE 1 END, i.id",
            &[m],
        )
        .await),
        "princip/{id}" => id(first(
            db,
            "SELECT p.id FROM agreement_principles p JOIN agreement_versions v ON v.id = p.version_id \
             WHERE p.municipality_id = $1 ORDER BY CASE v.status WHEN 'draft' THEN 0 ELSE 1 END, p.id",
            &[m],
        )
        .await),
        "atagande/{id}" => id(first(
            db,
            "SELECT c.id FROM agreement_commitments c JOIN agreement_versions v ON v.id = c.version_id \
             WHERE c.municipality_id = $1 ORDER BY CASE v.status WHEN 'draft' THEN 0 ELSE 1 END, c.id",
            &[m],
        )
        .await),
        // Signing book: a signature still standing.
        "signeringsbok/{id}" => id(first(
            db,
            "SELECT id FROM signatures WHERE municipality_id = $1 AND withdrawn_at IS NULL ORDER BY id",
            &[m],
        )
        .await),
        // Registry: the demo representative's association.
        "foreningar/{id}" | "organisations/{id}" | "narvaro/{org}" | "aktivitet/{org}" => id(Some(iks)),
        "ansokningar/{id}" => id(first(db, "SELECT id FROM registry_join_requests WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        // An import checked and waiting for confirmation (made by matrix/fill.rs).
        "import/{id}" if pattern.contains("/foreningar/") => id(first(
            db,
            "SELECT id FROM registry_import_drafts WHERE municipality_id = $1 ORDER BY id",
            &[m],
        )
        .await),
        // An area of the plan, and a principle of the agreement in force by its number.
        "omrade/{id}" => id(first(db, "SELECT id FROM actionplan_areas WHERE municipality_id = $1 ORDER BY number", &[m]).await),
        "princip/{n}" => plain(1),
        "import/{id}" if pattern.contains("/handlingsplan/") => id(first(
            db,
            "SELECT id FROM actionplan_import_drafts WHERE municipality_id = $1 ORDER BY id",
            &[m],
        )
        .await),
        "kontakter/{cid}" => id(first(db, "SELECT id FROM registry_contacts WHERE organisation_id = $1 ORDER BY id", &[iks]).await),
        "lokaler/{pid}" => id(first(db, "SELECT id FROM registry_premises WHERE organisation_id = $1 ORDER BY id", &[iks]).await),
        // Action plan.
        "mal/{id}" => id(first(db, "SELECT id FROM actionplan_goals WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        "aktivitet/{id}" => id(first(
            db,
            "SELECT id FROM actionplan_activities WHERE municipality_id = $1 \
             ORDER BY CASE WHEN responsible_organisation_id = $2 THEN 0 ELSE 1 END, id",
            &[m, iks],
        )
        .await),
        "grupper/{id}" => id(first(db, "SELECT id FROM actionplan_groups WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        // The current plan (a period's page shows any of the municipality's plans).
        "period/{id}" => id(first(db, "SELECT id FROM actionplan_plans WHERE municipality_id = $1 ORDER BY id DESC", &[m]).await),
        // Meetings.
        "moten/{id}" if pattern.ends_with("/anteckningar") => id(first(
            db,
            "SELECT meeting_id FROM meetings_minutes WHERE municipality_id = $1 AND published_at IS NOT NULL ORDER BY meeting_id",
            &[m],
        )
        .await),
        "moten/{id}" => id(first(db, "SELECT id FROM meetings_meetings WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        "serier/{id}" => id(first(db, "SELECT id FROM meetings_series WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        "arbetsgrupper/{group}" => id(first(db, "SELECT id FROM actionplan_groups WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        // Support's "En dörr in": Sala's published question (the demo's) and its first topic.
        "faq/{id}" => id(first(db, "SELECT id FROM support_door_faq WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        "amnen/{id}" if pattern.starts_with("/{slug}/en-dorr-in/") => id(first(
            db,
            "SELECT id FROM support_door_topics WHERE municipality_id = $1 ORDER BY id",
            &[m],
        )
        .await),
        // A topic proposed for a meeting by IKS's representative, made by matrix/fill.rs.
        "amnen/{id}" => id(first(
            db,
            "SELECT id FROM meetings_topics WHERE municipality_id = $1 AND status = 'proposed' ORDER BY id",
            &[m],
        )
        .await),
        // A document of a meeting (public), added by matrix/fill.rs.
        "dokument/{id}" => id(first(
            db,
            "SELECT id FROM meetings_documents WHERE municipality_id = $1 AND part = 'meeting' ORDER BY id",
            &[m],
        )
        .await),
        // Premises: the municipality's own premises and rooms; a booking of the representative.
        "lokaler/{id}" => id(first(
            db,
            "SELECT id FROM premises WHERE municipality_id = $1 ORDER BY CASE WHEN organisation_id IS NULL THEN 0 ELSE 1 END, id",
            &[m],
        )
        .await),
        "rum/{id}" => id(first(
            db,
            "SELECT r.id FROM premises_rooms r JOIN premises p ON p.id = r.premises_id WHERE r.municipality_id = $1 \
             ORDER BY CASE WHEN p.organisation_id IS NULL THEN 0 ELSE 1 END, \
             CASE WHEN EXISTS (SELECT 1 FROM premises_photos f WHERE f.room_id = r.id) THEN 0 ELSE 1 END, r.id",
            &[m],
        )
        .await),
        "foton/{photo}" | "foto/{photo}" => id(first(
            db,
            "SELECT id FROM premises_photos WHERE municipality_id = $1 AND room_id = $2 ORDER BY id",
            &[m, num("rum/{id}")],
        )
        .await),
        "bokningar/{id}" => id(first(
            db,
            "SELECT id FROM premises_bookings WHERE municipality_id = $1 ORDER BY CASE WHEN user_id = $2 THEN 0 ELSE 1 END, id",
            &[m, k.representative],
        )
        .await),
        "sasong/{id}" => id(first(db, "SELECT id FROM premises_seasons WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        // Grants.
        // A decided grants application, published into openness' decisions feed.
        "bidrag/{id}" if pattern.starts_with("/{slug}/beslut/") => id(first(
            db,
            "SELECT id FROM grants_applications WHERE municipality_id = $1 AND decided_on IS NOT NULL ORDER BY id",
            &[m],
        )
        .await),
        "bidrag/{id}" if pattern.contains("/aktivitet") => id(first(
            db,
            "SELECT id FROM grants_programmes WHERE municipality_id = $1 AND kind = 'activity' ORDER BY id",
            &[m],
        )
        .await
        .or(first(db, "SELECT id FROM grants_programmes WHERE municipality_id = $1 ORDER BY id", &[m]).await)),
        "bidrag/{id}" => id(first(
            db,
            "SELECT id FROM grants_programmes WHERE municipality_id = $1 ORDER BY CASE WHEN published = 1 THEN 0 ELSE 1 END, id",
            &[m],
        )
        .await),
        "perioder/{period}" => id(first(
            db,
            "SELECT id FROM grants_periods WHERE municipality_id = $1 AND programme_id = $2 ORDER BY id",
            &[m, num("bidrag/{id}")],
        )
        .await),
        "ansok/{id}" | "handlaggning/{id}" => id(first(
            db,
            "SELECT p.id FROM grants_periods p JOIN grants_programmes g ON g.id = p.programme_id \
             WHERE p.municipality_id = $1 AND g.published = 1 ORDER BY p.deadline DESC, p.id",
            &[m],
        )
        .await),
        "ansokan/{id}" if pattern.contains("/redovisning/") => id(first(
            db,
            "SELECT i.application_id FROM grants_installments i JOIN grants_applications a ON a.id = i.application_id \
             WHERE i.municipality_id = $1 AND i.report_due_on IS NOT NULL \
             ORDER BY CASE WHEN a.organisation_id = $2 THEN 0 ELSE 1 END, i.id",
            &[m, iks],
        )
        .await),
        "ansokan/{id}" if pattern.contains("/bilagor/") => id(first(
            db,
            "SELECT t.application_id FROM grants_attachments t JOIN grants_applications a ON a.id = t.application_id \
             WHERE t.municipality_id = $1 ORDER BY CASE WHEN a.organisation_id = $2 THEN 0 ELSE 1 END, t.id",
            &[m, iks],
        )
        .await),
        "ansokan/{id}" => id(first(
            db,
            "SELECT id FROM grants_applications WHERE municipality_id = $1 \
             ORDER BY CASE WHEN organisation_id = $2 THEN 0 ELSE 1 END, \
             CASE status WHEN 'draft' THEN 0 WHEN 'completion-requested' THEN 1 ELSE 2 END, id",
            &[m, iks],
        )
        .await),
        "bilagor/{file}" => id(first(
            db,
            "SELECT id FROM grants_attachments WHERE municipality_id = $1 AND application_id = $2 ORDER BY id",
            &[m, num("ansokan/{id}")],
        )
        .await),
        "redovisning/{year}" => plain(
            first(
                db,
                "SELECT year_index FROM grants_installments WHERE application_id = $1 AND report_due_on IS NOT NULL ORDER BY year_index",
                &[num("ansokan/{id}")],
            )
            .await
            .unwrap_or(1),
        ),
        // The day of a payout list with rows that can be paid.
        "utbetalningar/{day}" => {
            let lists = grants::payouts::store::lists(db, k.sala, k.today)
                .await
                .expect("payout lists");
            let list = lists
                .iter()
                .find(|l| l.exportable().next().is_some())
                .or(lists.first());
            Some(Sample {
                value: list
                    .map(|l| l.payable_on)
                    .unwrap_or(k.today)
                    .format("%Y-%m-%d")
                    .to_string(),
                is_id: false,
                found: list.is_some(),
            })
        }
        "{day}/{format}" => plain("csv"),
        // Openness: a decision of the feed (Sala's demo has them) and its attachment (made by
        // matrix/fill.rs).
        "beslut/{id}" => id(first(db, "SELECT id FROM openness_decisions WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        "hantera/{id}" if pattern.starts_with("/{slug}/beslut/") => id(first(
            db,
            "SELECT id FROM openness_decisions WHERE municipality_id = $1 ORDER BY id",
            &[m],
        )
        .await),
        // The event calendar: an event of IKS (the demo representative's, approved) and one
        // that waits for the coordinator (Sala hembygdsförening's, in the demo).
        "evenemang/{id}" => id(first(
            db,
            "SELECT id FROM openness_events WHERE municipality_id = $1 AND organisation_id = $2 \
             AND status = 'approved' ORDER BY id",
            &[m, iks],
        )
        .await),
        "granska/{id}" => id(first(
            db,
            "SELECT id FROM openness_events WHERE municipality_id = $1 \
             ORDER BY CASE status WHEN 'pending' THEN 0 ELSE 1 END, id",
            &[m],
        )
        .await),
        "bilaga/{file}" => id(first(
            db,
            "SELECT a.id FROM openness_decision_attachments a WHERE a.municipality_id = $1 AND a.decision_id = $2 ORDER BY a.id",
            &[m, num(if pattern.contains("/hantera/") { "hantera/{id}" } else { "beslut/{id}" })],
        )
        .await),
        // Openness' newsletters: Sala's demo newsletter (sent), and for the coordinator's pages
        // a draft if there is one.
        "nyhetsbrev/{id}" => id(first(
            db,
            "SELECT id FROM openness_newsletters WHERE municipality_id = $1 AND status = 'sent' ORDER BY id",
            &[m],
        )
        .await),
        "hantera/{id}" if pattern.starts_with("/{slug}/nyhetsbrev/") => id(first(
            db,
            "SELECT id FROM openness_newsletters WHERE municipality_id = $1 \
             ORDER BY CASE status WHEN 'draft' THEN 0 ELSE 1 END, id",
            &[m],
        )
        .await),
        // Openness' news: Sala's demo news item (matrix/fill.rs gives it an image) and IKS's story.
        "nyheter/{id}" => id(first(
            db,
            "SELECT id FROM openness_news WHERE municipality_id = $1 AND kind = 'news' ORDER BY id",
            &[m],
        )
        .await),
        "hantera/{id}" if pattern.starts_with("/{slug}/nyheter/") => id(first(
            db,
            "SELECT id FROM openness_news WHERE municipality_id = $1 AND kind = 'story' ORDER BY id",
            &[m],
        )
        .await),
        "mina/{id}" => id(first(
            db,
            "SELECT id FROM openness_news WHERE municipality_id = $1 AND organisation_id = $2 ORDER BY id",
            &[m, iks],
        )
        .await),
        // Support's idea bank: Sala's first demo idea ("Dialog om lokaler"), which has the
        // demo's comment.
        "ideer/{id}" => id(first(db, "SELECT id FROM support_ideas WHERE municipality_id = $1 ORDER BY id", &[m]).await),
        "kommentarer/{comment}" => id(first(
            db,
            "SELECT id FROM support_idea_comments WHERE municipality_id = $1 ORDER BY id",
            &[m],
        )
        .await),
        // Support's "En dörr in": the demo's waiting case of Kultur och fritid, the department of
        // the demo's staff (who may see it); its first topic is above, before the meetings'.
        "arenden/{id}" => id(first(
            db,
            "SELECT id FROM support_door_cases WHERE municipality_id = $1 AND status = 'assigned' ORDER BY id",
            &[m],
        )
        .await),
        _ => None,
    }
}
