//! The demo's attendance: Sala IF fotbollsförening's three youth groups through 2026, read
//! through the same importer as a club system's file (the documented CSV layout). The seeds give
//! no attendance: the groups, the people (first names and a surname letter only), their birth
//! years, the training days and who was absent when are all invented, from a fixed rule, so
//! every demo has the same numbers.

use crate::activity::import::read_csv;
use crate::activity::store;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use platform::db::Db;
use platform::{MunicipalityId, OrganisationId};
use std::fmt::Write;

pub const CLUB: &str = "Sala IF fotbollsförening";

const FIRST: &[&str] = &[
    "Alva", "Elsa", "Maja", "Ella", "Wilma", "Ebba", "Saga", "Alice", "Olivia", "Selma", "Nora", "Tyra", "Liam",
    "Hugo", "Elias", "Lucas", "Oscar", "William", "Noah", "Adam", "Leo", "Alfred", "Vincent", "Axel", "Ali", "Omar",
    "Sara", "Linnea", "Isak", "Edvin",
];

/// (group, the members' birth year, their gender as the file writes it, members, leader's
/// name, leader's birth year, leader's gender)
type Group = (&'static str, i32, &'static str, usize, &'static str, i32, &'static str);
const GROUPS: &[Group] = &[
    ("F12", 2014, "Flicka", 13, "Karin L", 1984, "Flicka"),
    ("P12", 2014, "Pojke", 15, "Johan S", 1979, "Pojke"),
    ("P16", 2010, "Pojke", 12, "Ahmed K", 1990, "Pojke"),
];

/// The training days of 2026: Tuesdays and Thursdays at 18:00 for 90 minutes, in the spring
/// (13 January – 11 June, not in the sports holiday week 9 or Easter week 14) and the autumn
/// (18 August – 3 December, not in the autumn holiday week 44).
fn training_days() -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let seasons = [((2026, 1, 13), (2026, 6, 11)), ((2026, 8, 18), (2026, 12, 3))];
    for ((y0, m0, d0), (y1, m1, d1)) in seasons {
        let (Some(mut d), Some(end)) = (NaiveDate::from_ymd_opt(y0, m0, d0), NaiveDate::from_ymd_opt(y1, m1, d1))
        else {
            continue;
        };
        while d <= end {
            let week = d.iso_week().week();
            if matches!(d.weekday(), Weekday::Tue | Weekday::Thu) && !matches!(week, 9 | 14 | 44) {
                days.push(d);
            }
            d += Duration::days(1);
        }
    }
    days
}

/// The club's attendance as a club system's CSV export.
pub fn csv() -> String {
    let mut out = String::from("Grupp;Datum;Start;Minuter;Aktivitet;Roll;Id;Namn;Födelseår;Kön\n");
    for (g, (group, born, gender, members, leader, leader_born, leader_gender)) in GROUPS.iter().enumerate() {
        for (n, day) in training_days().iter().enumerate() {
            let _ = writeln!(
                out,
                "{group};{day};18:00;90;Fotboll;Ledare;L{g};{leader};{leader_born};{leader_gender}"
            );
            for i in 0..*members {
                // Each member misses about one training in five, on a fixed pattern.
                if (i * 7 + n * 3 + g) % 5 == 0 {
                    continue;
                }
                let name = FIRST[(g * 11 + i) % FIRST.len()];
                let surname = char::from(b'A' + ((i * 5 + g) % 26) as u8);
                let _ = writeln!(
                    out,
                    "{group};{day};18:00;90;Fotboll;Deltagare;{group}-{i};{name} {surname};{born};{gender}"
                );
            }
        }
    }
    out
}

async fn club(db: &Db, sala: MunicipalityId) -> anyhow::Result<Option<OrganisationId>> {
    let found: Option<(OrganisationId,)> =
        sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2")
            .bind(sala)
            .bind(CLUB)
            .fetch_optional(&db.pool)
            .await?;
    Ok(found.map(|(id,)| id))
}

/// Imports the club's year of attendance.
pub async fn load(db: &Db, sala: MunicipalityId, now: i64) -> anyhow::Result<()> {
    let Some(org) = club(db, sala).await? else {
        return Ok(());
    };
    let meetings = read_csv(csv().as_bytes(), 10).map_err(|e| anyhow::anyhow!("demo attendance: {e:?}"))?;
    store::import_meetings(db, sala, org, &meetings, None, now).await?;
    Ok(())
}
