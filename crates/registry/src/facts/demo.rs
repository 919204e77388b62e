//! The grant facts of the Sala demo associations: payout accounts, board sizes, annual meetings
//! in February and March 2026 and statutes for most. A few lack something (statutes, an account,
//! a meeting date, a big enough board), so that the grants' eligibility checks have failures to
//! show. The bankgiro and plusgiro numbers are invented: they pass the Luhn check and are not
//! meant to be anyone's account.

use crate::domain::{Giro, GiroKind};
use crate::facts::domain::{check_statutes, FactsEdit};
use crate::facts::store::{save_statutes, write_facts, NewStatutes};
use chrono::NaiveDate;
use platform::db::Db;
use platform::{MunicipalityId, OrganisationId};
use GiroKind::{Bankgiro as Bg, Plusgiro as Pg};

/// A one-page PDF that says "Stadgar - exempel i demodata".
const STATUTES_PDF: &[u8] = include_bytes!("demo_statutes.pdf");

struct Facts {
    name: &'static str,
    giro: Option<(GiroKind, &'static str)>,
    board: Option<u32>,
    meeting: Option<&'static str>,
    statutes: bool,
}

const fn facts(
    name: &'static str,
    giro: Option<(GiroKind, &'static str)>,
    board: Option<u32>,
    meeting: Option<&'static str>,
    statutes: bool,
) -> Facts {
    Facts {
        name,
        giro,
        board,
        meeting,
        statutes,
    }
}

#[rustfmt::skip]
const SALA: &[Facts] = &[
    facts("IKS – Ideell Kultur i Sala", Some((Bg, "5476-3214")), Some(7), Some("2026-03-12"), true),
    facts("Sala hembygdsförening", Some((Bg, "5381-7425")), Some(9), Some("2026-03-08"), true),
    facts("Sala IF fotbollsförening", Some((Bg, "5612-0983")), Some(7), Some("2026-02-22"), true),
    // No statutes on file.
    facts("Sala simsällskap", Some((Pg, "1836543-7")), Some(5), Some("2026-03-01"), false),
    facts("Salabygdens scoutkår", Some((Pg, "4419027-0")), Some(6), Some("2026-03-15"), true),
    facts("PRO Sala", Some((Bg, "5730-4610")), Some(9), Some("2026-02-18"), true),
    // Confirmed last in 2025, before this year's annual meeting.
    facts("SPF Seniorerna Sala", Some((Bg, "5874-2032")), Some(7), Some("2026-03-20"), true),
    // A board of two and no statutes.
    facts("Naturskyddsföreningen Sala-Heby", Some((Pg, "9072416-2")), Some(2), Some("2026-03-05"), false),
    facts("Studieförbundet Vuxenskolan Sala", Some((Bg, "5921-8362")), Some(7), Some("2026-03-10"), true),
    // No date of the last annual meeting.
    facts("Röda korset Sala", Some((Bg, "6015-2741")), Some(5), None, true),
    facts("Sala kammarkör", Some((Pg, "263051-5")), Some(3), Some("2026-02-28"), true),
    // No payout account.
    facts("Sala ridklubb", None, Some(7), Some("2026-03-03"), true),
    // No statutes on file.
    facts("Ängshagens schacksällskap", Some((Bg, "5198-4375")), Some(3), Some("2026-03-25"), false),
];

async fn id_of(db: &Db, m: MunicipalityId, name: &str) -> anyhow::Result<Option<OrganisationId>> {
    let found: Option<(OrganisationId,)> =
        sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2")
            .bind(m)
            .bind(name)
            .fetch_optional(&db.pool)
            .await?;
    Ok(found.map(|(id,)| id))
}

/// Give Sala's demo associations their grant facts (the profiles exist already).
pub(crate) async fn load(db: &Db, sala: MunicipalityId, now: i64) -> anyhow::Result<()> {
    let mime = check_statutes(STATUTES_PDF).map_err(|e| anyhow::anyhow!("demo statutes: {e:?}"))?;
    for f in SALA {
        let Some(id) = id_of(db, sala, f.name).await? else {
            continue;
        };
        let giro = match f.giro {
            Some((kind, number)) => {
                Some(Giro::parse(kind, number).map_err(|e| anyhow::anyhow!("demo giro {number}: {e:?}"))?)
            }
            None => None,
        };
        let edit = FactsEdit {
            giro,
            board_members: f.board,
            annual_meeting_on: f
                .meeting
                .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d"))
                .transpose()?,
        };
        let mut conn = db.pool.acquire().await?;
        write_facts(&mut conn, id, &edit).await?;
        drop(conn);
        if f.statutes {
            let file_name = format!("Stadgar {}.pdf", f.name);
            let file = NewStatutes {
                file_name: &file_name,
                mime,
                bytes: STATUTES_PDF,
            };
            save_statutes(db, sala, id, &file, None, now).await?;
        }
    }
    Ok(())
}
