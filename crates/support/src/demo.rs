//! The support capability's part of the demo data: Sala's idea bank, from seed 000's group
//! answers at dialog meeting 5 (2018-05-14, "Synpunkter och förbättringsförslag").
//!
//! From the seed, in its own words: the titles are the headings of the table "Övriga synpunkter
//! som noterats på förslaget till handlingsplan" ("Dialog om lokaler", "Utbildning i
//! föreningsteknik och ledarskap", "Eget föreningsforum med föreningsregister på Facebook 2018")
//! and the point one group wanted more time for ("dialog och nätverksutbyte föreningar
//! emellan"); each description is the seed's cell under that heading, or its sentence.
//!
//! INVENTED for the demo (the seeds say none of it): that the demo representative of IKS
//! submitted them, their categories and principles, the area, who supports them, the one
//! comment, and where each stands: "Dialog om lokaler" on the agenda of dialog meeting 6
//! (2018-09-20, in the meetings' demo), "Utbildning i föreningsteknik och ledarskap" carried by
//! the action plan's activity on training association people (seed 003, Kvalitet: "Ansvarig
//! tjänsteperson ser över rutiner och möjligheter för stöd och utbildning …"), the network
//! idea under preparation, the forum new. No letters are sent for the demo's status changes.

use crate::ideas::domain::{Category, Checked, Target};
use crate::ideas::store;
use platform::db::Db;
use platform::tenants::store as tenants;
use platform::{MunicipalityId, UserId};

/// Sala's ideas, once.
pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    let Some(m) = tenants::by_slug(db, "sala").await? else {
        return Ok(());
    };
    if !store::latest(db, m.id, 1).await?.is_empty() {
        return Ok(());
    }
    let Some(submitter) = user(db, "forening.sala@demo.overens.example").await? else {
        return Ok(());
    };
    let principles: Vec<i64> = agreement::public::principles_in_force(db, m.id)
        .await?
        .into_iter()
        .map(|p| p.position)
        .collect();
    let principle = |n: i64| principles.contains(&n).then_some(n);
    let ideas = [
        Checked {
            title: "Dialog om lokaler".into(),
            description: "Finns tillgängliga lokaler för alla föreningar att låna - som är anpassade? Läggs ut på \
                          hemsidan. Något som inte passar alla föreningar är att ”hyra ut” sina lokaler."
                .into(),
            principle: principle(2),
            category: Category::Premises,
            area: "Sala tätort".into(),
        },
        Checked {
            title: "Utbildning i föreningsteknik och ledarskap".into(),
            description: "För punkterna under principerna ”Dialog” och ”Kvalitet” är styrgrupp viktig.".into(),
            principle: principle(3),
            category: Category::Training,
            area: String::new(),
        },
        Checked {
            title: "Dialog och nätverksutbyte föreningar emellan".into(),
            description: "En grupp uttrycker att punkten ”dialog och nätverksutbyte föreningar emellan” och \
                          punkten ”inventera och dokumentera idéer om utveckling för samhället” behöver mer tid \
                          för att sammanställa."
                .into(),
            principle: principle(2),
            category: Category::Collaboration,
            area: String::new(),
        },
        Checked {
            title: "Eget föreningsforum med föreningsregister på Facebook 2018".into(),
            description: "Gruppen sätts samman av kommunen och vi vill att civilsamhället ska ingå.".into(),
            principle: principle(5),
            category: Category::Information,
            area: String::new(),
        },
    ];
    let mut ids = vec![];
    for c in &ideas {
        ids.push(store::add(db, m.id, submitter, c, None, now).await?);
    }
    // Supports (invented): the coordinator and the staff member of Sala's demo.
    for email in [
        "samordnare.sala@demo.overens.example",
        "personal.sala@demo.overens.example",
    ] {
        if let Some(u) = user(db, email).await? {
            for (k, id) in ids.iter().enumerate() {
                // The forum idea gets no support; the first gets both.
                if k < 3 && !(k == 2 && email.starts_with("personal")) {
                    sqlx::query(
                        "INSERT INTO support_idea_supports (idea_id, municipality_id, user_id, created_at) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(*id)
                    .bind(m.id)
                    .bind(u)
                    .bind(now)
                    .execute(&db.pool)
                    .await?;
                }
            }
        }
    }
    // A comment (invented), said so in its text.
    if let Some(staff) = user(db, "personal.sala@demo.overens.example").await? {
        sqlx::query(
            "INSERT INTO support_idea_comments (idea_id, municipality_id, user_id, body, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(ids[0])
        .bind(m.id)
        .bind(staff)
        .bind(
            "Kultur och fritid ser gärna över vilka lokaler som kan lånas ut. \
             (Påhittad kommentar i demodata: seeds nämner ingen sådan.)",
        )
        .bind(now)
        .execute(&db.pool)
        .await?;
    }
    // Where they stand (invented).
    let six = meetings::public::meetings(db, m.id, &m.slug)
        .await?
        .into_iter()
        .find(|mt| mt.number == Some(6))
        .map(|mt| mt.id);
    if let Some(six) = six {
        status(db, m.id, &m.slug, ids[0], Target::OnAgenda(six), now).await?;
    }
    let training = actionplan::public::activities(db, m.id)
        .await?
        .into_iter()
        .find(|a| {
            a.text
                .contains("utbildning av befintliga och potentiella föreningsaktörer")
        })
        .map(|a| a.id);
    if let Some(a) = training {
        status(db, m.id, &m.slug, ids[1], Target::Activity(a), now).await?;
    }
    status(db, m.id, &m.slug, ids[2], Target::Preparing, now).await?;
    Ok(())
}

/// A demo account's id by its address.
async fn user(db: &Db, email: &str) -> Result<Option<UserId>, sqlx::Error> {
    let row: Option<(UserId,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|r| r.0))
}

/// Move a demo idea, without a letter.
async fn status(
    db: &Db,
    m: MunicipalityId,
    slug: &str,
    id: crate::ids::IdeaId,
    to: Target,
    now: i64,
) -> anyhow::Result<()> {
    platform::db::write(db, now, async |tx| {
        let (_, change) = store::change_status(tx, m, slug, id, &to, None, now).await?;
        Ok::<_, store::StoreError>(((), change))
    })
    .await?;
    Ok(())
}
