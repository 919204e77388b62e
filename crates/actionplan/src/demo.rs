//! Sala's action plan in the demo: seed 003 imported through the importer, the plan's adoption,
//! a few statuses and progress notes, follow-up dates and links, one working group, and each area
//! linked to the principle whose name it bears.

use crate::activities::domain::{ActivityEdit, Note};
use crate::activities::store as activities;
use crate::domain::{Links, PlanEdit, Status};
use crate::groups::store as groups;
use crate::store;
use chrono::NaiveDate;
use platform::auth::CurrentUser;
use platform::db::Db;
use platform::{DepartmentId, MunicipalityId, UserId};

/// Seed 003 as it came (the table of Sala's action plan).
pub const SEED_003: &str = include_str!("../tests/data/seed003.txt");

async fn user(db: &Db, email: &str) -> anyhow::Result<Option<CurrentUser>> {
    let found: Option<(UserId, String, String)> = sqlx::query_as("SELECT id, name, email FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(&db.pool)
        .await?;
    Ok(found.map(|(id, name, email)| CurrentUser {
        id,
        name,
        email,
        roles: vec![],
    }))
}

pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    let Some((sala,)): Option<(MunicipalityId,)> = sqlx::query_as("SELECT id FROM municipalities WHERE slug = 'sala'")
        .fetch_optional(&db.pool)
        .await?
    else {
        return Ok(());
    };
    let parsed = crate::table::parse_text(SEED_003);
    store::import(db, sala, &parsed.plan, None, now).await?;
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d");
    // Seed 001, "Kort bakgrund": "7 juni 2018, kommunstyrelsen i Sala kommun beslutar, för Sala
    // kommuns räkning, att anta den gemensamt framtagna handlingsplanen." The title is invented
    // (the seeds call it "handlingsplanen"); the period is read from seed 003's Tid column, whose
    // times run from 2019 to 2020, as no seed states it.
    store::save_plan(
        db,
        sala,
        &PlanEdit {
            title: "Handlingsplan för den lokala överenskommelsen".into(),
            period_start: Some(2019),
            period_end: Some(2020),
            adopted_by: "kommunstyrelsen".into(),
            adopted_on: Some(date("2018-06-07")?),
            // Seed 001, "Kort info om principer, handlingsplan och IOP".
            intro: "Handlingsplanen innehåller åtgärder för att utveckla den samverkan vi vill ha. Handlingsplanen kommer att ses över regelbundet och gemensamt. Den behöver inte signeras.".into(),
        },
        None,
        now,
    )
    .await?;
    let Some(plan) = store::current_plan(db, sala).await? else {
        return Ok(());
    };
    let full = activities::full(db, sala, plan.id).await?;
    let staff = user(db, "personal.sala@demo.overens.example").await?;
    let coordinator = user(db, "samordnare.sala@demo.overens.example").await?;
    let department: Option<(DepartmentId,)> =
        sqlx::query_as("SELECT id FROM departments WHERE municipality_id = $1 AND name = 'Kultur och fritid'")
            .bind(sala)
            .fetch_optional(&db.pool)
            .await?;
    let today = NaiveDate::parse_from_str(&platform::format::date(now), "%Y-%m-%d")?;
    // The first activities get links, follow-up dates (one soon, one past) and progress.
    let plans: [(Status, &str, i64); 4] = [
        (
            Status::Done,
            "Upphandlingen är klar och det nya bokningssystemet är i drift.",
            60,
        ),
        (
            Status::Ongoing,
            "Föreningarna har fått en påminnelse om att uppdatera registret.",
            10,
        ),
        (Status::Paused, "Väntar på det nya bokningssystemet.", -20),
        (
            Status::Ongoing,
            "Kontaktpersonerna för föreningsstöd finns nu på sala.se.",
            120,
        ),
    ];
    if let Some(author) = staff.as_ref().or(coordinator.as_ref()) {
        for (a, (status, text, days)) in full.activities.iter().zip(plans) {
            let edit = ActivityEdit {
                text: a.text.clone(),
                time_text: a.time_text.clone(),
                time_start: None,
                time_end: None,
                responsible_text: a.responsible_text.clone(),
                links: Links {
                    department_id: department.map(|d| d.0),
                    user_id: staff.as_ref().map(|u| u.id),
                    organisation_id: None,
                },
                follow_up_text: a.follow_up_text.clone(),
                follow_up_on: Some(today + chrono::Duration::days(days)),
            };
            activities::edit_activity(db, sala, a.id, &edit, author, now)
                .await
                .map_err(|e| anyhow::anyhow!("demo activity: {e}"))?;
            let note = Note {
                status,
                text: text.to_string(),
                noted_on: today,
            };
            activities::record_note(db, sala, a.id, &note, author, now).await?;
        }
    }
    let area = full.areas.first().map(|a| a.id);
    groups::create_group(
        db,
        sala,
        &groups::NewGroup {
            name: "Arbetsgrupp 1: Självständighet",
            description: "Följer upp målen om lokaler och föreningsstöd.",
            area_id: area,
            goal_id: None,
            convener: staff.as_ref().map(|u| u.id),
        },
        None,
        now,
    )
    .await
    .map_err(|e| anyhow::anyhow!("demo group: {e}"))?;
    // Seed 003 names each area after the principle of its number ("Nr 1 Självständighet",
    // "Nr 2 Dialog", … "Nr 6 Mångfald"), so each area works on that principle of the agreement.
    let in_force = agreement::public::principles_in_force(db, sala).await?;
    for a in &full.areas {
        let n = i64::from(a.number);
        if in_force.iter().any(|p| p.position == n) {
            crate::principles::store::set(db, sala, a.id, &[n], None, now).await?;
        }
    }
    Ok(())
}
