//! Synthetic grants data for the queue benchmark (issue 13): in one large synthetic
//! municipality (`syn-…`, made by `overens synth`; the one with the most organisations), a
//! published operating-grant programme, a period with a budget, and one application from each
//! of `applications` of its organisations, sent, with case numbers in the order they came and
//! their statuses spread over the whole review (submitted, in review, completion asked,
//! proposed, granted, reduced, rejected), amounts, handlers and decisions. Five handlers (staff)
//! review them; the first, [`STAFF_EMAIL`], also decides and signs in with [`PASSWORD`].
//!
//! The rows go in with multi-row INSERTs in one transaction; they are the rows the writes of
//! [`crate::applications::write`] would leave (a granted or reduced decision has its first
//! year's installment; the case-number series continues after the last one given). When the
//! municipality has fewer organisations than applications, the missing ones are added (with a
//! valid organisationsnummer, without a registry profile). Deterministic for a given seed and
//! `now`.

use crate::applications::domain::{case_number, Status};
use crate::ids::{PeriodId, ProgrammeId};
use crate::programmes::domain::{Kind, NewPeriod, NewProgramme, PeriodDates};
use crate::programmes::store::{self as programmes, ProgrammeSetup};
use chrono::{Datelike, Duration, NaiveDate};
use platform::auth::hash_password;
use platform::db::{Backend, Db};
use platform::{MunicipalityId, OrganisationId, UserId};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, HashMap};

/// The handler the benchmark signs in as: staff of the municipality, with the decision role.
pub const STAFF_EMAIL: &str = "handlaggare.1@bidrag.syn.overens.example";
/// The password of the synthetic handlers (the same as `overens synth`'s other accounts).
pub const PASSWORD: &str = "syntetiskt-losenord";
/// How many handlers share the cases.
const HANDLERS: usize = 5;
const PROGRAMME: &str = "Verksamhetsbidrag";

#[derive(Clone, Debug)]
pub struct Plan {
    pub applications: usize,
    pub seed: u64,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            applications: 5_000,
            seed: 2026,
        }
    }
}

/// What was made.
#[derive(Debug, PartialEq, Eq)]
pub struct Counts {
    pub municipality: MunicipalityId,
    pub slug: String,
    pub programme: ProgrammeId,
    pub period: PeriodId,
    pub applications: usize,
    /// Organisations added to the municipality to have one per application.
    pub organisations_added: usize,
    pub budget_ore: i64,
    /// Decided (granted and reduced) and proposed, as the queue's budget line sums them.
    pub decided_ore: i64,
    pub proposed_ore: i64,
    /// Applications per status.
    pub by_status: BTreeMap<&'static str, usize>,
}

/// Rows of `cols` placeholders each, numbered from $1.
fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (0..cols).map(|c| format!("${}", r * cols + c + 1)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A valid organisationsnummer of an ideell förening for an added organisation: it starts with
/// 89, which `overens synth`'s own numbers (8 followed by the serial) never do below 90 million.
fn added_org_number(k: usize) -> String {
    let nine = format!("89{}{:06}", 2 + (k / 1_000_000) % 8, k % 1_000_000);
    let digits: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
    let check = registry::domain::luhn_digit(&digits);
    format!("{}-{}{check}", &nine[..6], &nine[6..])
}

/// Per hundred applications: how many stand at each status.
const SPREAD: &[(Status, u32)] = &[
    (Status::Submitted, 30),
    (Status::InReview, 25),
    (Status::CompletionRequested, 4),
    (Status::Proposed, 15),
    (Status::Granted, 14),
    (Status::Reduced, 4),
    (Status::Rejected, 8),
];

const PURPOSES: &[&str] = &[
    "Föreningens löpande verksamhet under året: träningar, möten och ledarutbildning.",
    "Verksamhet för barn och unga varje vecka, läger på sommaren och en öppen dag för nya medlemmar.",
    "Drift av föreningslokalen och de öppna kvällarna för alla åldrar.",
    "Studiecirklar, föreläsningar och resor för medlemmarna.",
    "Ungdomsverksamhet, tävlingar och utbildning av nya ledare.",
];

/// One application before it is written.
struct App {
    organisation: OrganisationId,
    applicant: Option<UserId>,
    status: Status,
    case_number: String,
    purpose: &'static str,
    applied_ore: i64,
    submitted_at: i64,
    handler: Option<UserId>,
    completion: Option<(&'static str, String)>,
    proposed_ore: Option<i64>,
    decided_ore: Option<i64>,
    reason: &'static str,
    decided: Option<(String, i64)>,
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Fill the largest synthetic municipality with a programme, a period and its applications.
/// Nothing is made when `plan.applications` is 0.
pub async fn fill(db: &Db, plan: &Plan, now: i64) -> anyhow::Result<Option<Counts>> {
    if plan.applications == 0 {
        return Ok(None);
    }
    let mut rng = StdRng::seed_from_u64(plan.seed ^ 0x5eed_0013);
    let found: Option<(MunicipalityId, String, String)> = sqlx::query_as(
        "SELECT m.id, m.slug, m.name FROM municipalities m LEFT JOIN organisations o ON o.municipality_id = m.id \
         WHERE m.slug LIKE 'syn-%' GROUP BY m.id, m.slug, m.name ORDER BY COUNT(o.id) DESC, m.id LIMIT 1",
    )
    .fetch_optional(&db.pool)
    .await?;
    let Some((m, slug, name)) = found else {
        anyhow::bail!("no synthetic municipality (syn-…) to put the grants in: make them first");
    };
    let today = platform::format::local_date(now).ok_or_else(|| anyhow::anyhow!("no date for {now}"))?;
    let hash = hash_password(PASSWORD)?;

    let mut tx = db.write().await?;
    // One organisation per application, added where the municipality has too few.
    let have: Vec<(OrganisationId,)> =
        sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 ORDER BY id LIMIT $2")
            .bind(m)
            .bind(i64::try_from(plan.applications)?)
            .fetch_all(&mut *tx)
            .await?;
    let mut organisations: Vec<OrganisationId> = have.into_iter().map(|r| r.0).collect();
    let missing: Vec<usize> = (organisations.len()..plan.applications).collect();
    for chunk in missing.chunks(200) {
        let sql = format!(
            "INSERT INTO organisations (municipality_id, name, org_number, created_at) VALUES {} RETURNING id",
            placeholders(chunk.len(), 4)
        );
        let mut q = sqlx::query_as::<_, (OrganisationId,)>(&sql);
        for k in chunk {
            q = q
                .bind(m)
                .bind(format!("{name}s förening {}", k + 1))
                .bind(added_org_number(*k))
                .bind(now);
        }
        let mut ids: Vec<OrganisationId> = q.fetch_all(&mut *tx).await?.into_iter().map(|r| r.0).collect();
        ids.sort();
        registry::public::index_organisations(&mut tx, &ids).await?;
        organisations.extend(ids);
    }
    // The representatives `overens synth` made for some of them apply for their association.
    let reps: Vec<(OrganisationId, UserId)> = sqlx::query_as(
        "SELECT organisation_id, MIN(user_id) FROM roles WHERE municipality_id = $1 AND role = 'representative' \
         GROUP BY organisation_id",
    )
    .bind(m)
    .fetch_all(&mut *tx)
    .await?;
    let reps: HashMap<OrganisationId, UserId> = reps.into_iter().collect();

    // The handlers: staff of the municipality; the first also decides.
    let sql = format!(
        "INSERT INTO users (email, name, password_hash, email_verified_at, created_at) VALUES {} RETURNING id, email",
        placeholders(HANDLERS, 5)
    );
    let mut q = sqlx::query_as::<_, (UserId, String)>(&sql);
    for k in 1..=HANDLERS {
        q = q
            .bind(format!("handlaggare.{k}@bidrag.syn.overens.example"))
            .bind(format!("Handläggare {k} {name}"))
            .bind(hash.clone())
            .bind(now)
            .bind(now);
    }
    let mut handlers = q.fetch_all(&mut *tx).await?;
    handlers.sort_by(|a, b| a.1.cmp(&b.1));
    let handlers: Vec<UserId> = handlers.into_iter().map(|(id, _)| id).collect();
    let decider = *handlers.first().ok_or_else(|| anyhow::anyhow!("no handler made"))?;
    let sql = format!(
        "INSERT INTO roles (user_id, role, municipality_id, created_at) VALUES {}",
        placeholders(handlers.len(), 4)
    );
    let mut q = sqlx::query(&sql);
    for h in &handlers {
        q = q.bind(*h).bind("staff").bind(m).bind(now);
    }
    q.execute(&mut *tx).await?;
    sqlx::query("INSERT INTO grants_deciders (municipality_id, user_id, created_at) VALUES ($1, $2, $3)")
        .bind(m)
        .bind(decider)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO grants_settings (municipality_id, case_prefix, updated_at) VALUES ($1, 'KFN', $2) \
         ON CONFLICT (municipality_id) DO NOTHING",
    )
    .bind(m)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;

    // The applications, sent between the period's opening (ten weeks ago) and its deadline (two
    // weeks ago); handled, proposed and decided since.
    let opens_on = today - Duration::days(70);
    let deadline = today - Duration::days(14);
    let first_sent = now - 70 * 86_400;
    let last_sent = now - 15 * 86_400;
    let mut apps: Vec<App> = Vec::with_capacity(plan.applications);
    let total: u32 = SPREAD.iter().map(|(_, n)| n).sum();
    for org in &organisations {
        let mut x = rng.gen_range(0..total);
        let mut status = Status::Submitted;
        for (s, n) in SPREAD {
            if x < *n {
                status = *s;
                break;
            }
            x -= n;
        }
        let applied_ore = rng.gen_range(10..=400_i64) * 500 * 100;
        let handler = (status != Status::Submitted).then(|| handlers[rng.gen_range(0..handlers.len())]);
        // Proposed amounts: what was applied for, or less in steps of 500 kr.
        let less = |rng: &mut StdRng| (applied_ore * rng.gen_range(50..100) / 100 / 50_000).max(1) * 50_000;
        let (proposed_ore, decided_ore, reason) = match status {
            Status::Proposed => (
                Some(if rng.gen_bool(0.7) { applied_ore } else { less(&mut rng) }),
                None,
                "",
            ),
            Status::Granted => (Some(applied_ore), Some(applied_ore), ""),
            Status::Reduced => {
                let amount = less(&mut rng).min(applied_ore - 50_000);
                (
                    Some(amount),
                    Some(amount),
                    "Budgeten räcker inte till hela beloppet; bidraget är beräknat på verksamheten för barn och unga.",
                )
            }
            Status::Rejected => (
                Some(0),
                Some(0),
                "Verksamheten uppfyller inte bidragsformens krav på öppen verksamhet för kommunens invånare.",
            ),
            _ => (None, None, ""),
        };
        let decided = decided_ore.map(|_| {
            let days = rng.gen_range(0..12);
            (
                day(today - Duration::days(days)),
                now - days * 86_400 - rng.gen_range(0..28_800),
            )
        });
        let completion = (status == Status::CompletionRequested).then(|| {
            (
                "Bifoga årsmötesprotokollet med styrelsens sammansättning.",
                day(today + Duration::days(14)),
            )
        });
        apps.push(App {
            organisation: *org,
            applicant: reps.get(org).copied(),
            status,
            case_number: String::new(),
            purpose: PURPOSES[rng.gen_range(0..PURPOSES.len())],
            applied_ore,
            submitted_at: rng.gen_range(first_sent..=last_sent),
            handler,
            completion,
            proposed_ore,
            decided_ore,
            reason,
            decided,
        });
    }
    // Case numbers in the order the applications came, per year, as submitting gives them.
    apps.sort_by_key(|a| a.submitted_at);
    let mut last: BTreeMap<i32, u32> = BTreeMap::new();
    for a in &mut apps {
        let year = platform::format::local_date(a.submitted_at).map_or(today.year(), |d| d.year());
        let n = last.entry(year).or_insert(0);
        *n += 1;
        a.case_number = case_number("KFN", year, *n);
    }
    let (mut by_status, mut decided_ore, mut proposed_ore) = (BTreeMap::new(), 0, 0);
    for a in &apps {
        *by_status.entry(<&str>::from(a.status)).or_insert(0) += 1;
        match a.status {
            Status::Granted | Status::Reduced => decided_ore += a.decided_ore.unwrap_or(0),
            Status::Proposed => proposed_ore += a.proposed_ore.unwrap_or(0),
            _ => {}
        }
    }
    // A budget of about half of what was applied for, in whole 100 000 kr, never below what
    // is decided and proposed.
    let applied: i64 = apps.iter().map(|a| a.applied_ore).sum();
    let step = 10_000_000;
    let budget_ore = ((applied / 2).max(decided_ore + proposed_ore) / step + 1) * step;

    let programme = programmes::create_programme(
        db,
        m,
        &NewProgramme {
            kind: Kind::Operating,
            name: PROGRAMME.into(),
            description: "Årligt bidrag till föreningarnas löpande verksamhet.".into(),
            criteria: "Verksamheten är öppen för alla.\nFöreningen har verksamhet för barn och unga.\nFöreningen är demokratiskt uppbyggd.".into(),
        },
        &ProgrammeSetup {
            published: true,
            ..ProgrammeSetup::defaults(Kind::Operating)
        },
        None,
        now,
    )
    .await?;
    let next_year = today.year() + 1;
    let period = programmes::add_period(
        db,
        m,
        programme,
        &NewPeriod {
            name: next_year.to_string(),
            dates: PeriodDates {
                starts_on: NaiveDate::from_ymd_opt(next_year, 1, 1).ok_or_else(|| anyhow::anyhow!("no year"))?,
                ends_on: NaiveDate::from_ymd_opt(next_year, 12, 31).ok_or_else(|| anyhow::anyhow!("no year"))?,
                opens_on,
                deadline,
            },
            budget_ore,
        },
        None,
        now,
    )
    .await?;

    let mut tx = db.write().await?;
    // About a thousand values a statement: SQLite (through sqlx) finds each value's place by
    // name, at a cost in proportion to the statement's values.
    const COLUMNS: usize = 24;
    for chunk in apps.chunks(40) {
        let sql = format!(
            "INSERT INTO grants_applications (municipality_id, programme_id, period_id, organisation_id, status, \
             case_number, purpose, applied_ore, democracy_attested, created_by_user_id, submitted_at, \
             handler_user_id, completion_message, completion_deadline, proposed_ore, proposal_note, \
             proposed_by_user_id, decided_ore, decision_reason, decided_on, decided_at, decided_by_user_id, \
             created_at, updated_at) VALUES {}",
            placeholders(chunk.len(), COLUMNS)
        );
        let mut q = sqlx::query(&sql);
        for a in chunk {
            let proposed_by = a.proposed_ore.and(a.handler);
            let updated = a.decided.as_ref().map_or(a.submitted_at, |d| d.1);
            q = q
                .bind(m)
                .bind(programme)
                .bind(period)
                .bind(a.organisation)
                .bind(<&str>::from(a.status))
                .bind(a.case_number.clone())
                .bind(a.purpose)
                .bind(a.applied_ore)
                .bind(1_i64)
                .bind(a.applicant)
                .bind(a.submitted_at)
                .bind(a.handler)
                .bind(a.completion.as_ref().map_or("", |c| c.0))
                .bind(a.completion.as_ref().map(|c| c.1.clone()))
                .bind(a.proposed_ore)
                .bind(if a.proposed_ore.is_some() {
                    "Föreslås enligt riktlinjerna."
                } else {
                    ""
                })
                .bind(proposed_by)
                .bind(a.decided_ore)
                .bind(a.reason)
                .bind(a.decided.as_ref().map(|d| d.0.clone()))
                .bind(a.decided.as_ref().map(|d| d.1))
                .bind(a.decided.as_ref().map(|_| decider))
                .bind(a.submitted_at - 3_600)
                .bind(updated);
        }
        q.execute(&mut *tx).await?;
    }
    // A granted or reduced decision's first (only) year, payable.
    sqlx::query(
        "INSERT INTO grants_installments (municipality_id, application_id, year_index, amount_ore) \
         SELECT municipality_id, id, 1, decided_ore FROM grants_applications \
         WHERE municipality_id = $1 AND period_id = $2 AND status IN ('granted', 'reduced')",
    )
    .bind(m)
    .bind(period)
    .execute(&mut *tx)
    .await?;
    // The case-number series goes on after the last number given.
    for (year, n) in &last {
        sqlx::query(
            "INSERT INTO grants_case_numbers (municipality_id, year, last) VALUES ($1, $2, $3) \
             ON CONFLICT (municipality_id, year) DO UPDATE SET last = $3",
        )
        .bind(m)
        .bind(i64::from(*year))
        .bind(i64::from(*n))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    if db.backend == Backend::Postgres {
        // Statistics for the planner, as autovacuum leaves them a while after a bulk load.
        sqlx::query("VACUUM (ANALYZE) organisations, users, roles, grants_applications, grants_installments")
            .execute(&db.pool)
            .await?;
    }
    Ok(Some(Counts {
        municipality: m,
        slug,
        programme,
        period,
        applications: apps.len(),
        organisations_added: missing.len(),
        budget_ore,
        decided_ore,
        proposed_ore,
        by_status,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_organisation_numbers_are_valid_and_distinct() {
        let a = added_org_number(0);
        let b = added_org_number(4_999);
        assert_ne!(a, b);
        for n in [a, b, added_org_number(1_234_567)] {
            assert!(registry::domain::OrgNumber::parse(&n).is_ok(), "{n}");
            assert!(n.starts_with("89"), "{n}");
        }
        assert_eq!(placeholders(2, 2), "($1, $2), ($3, $4)");
    }

    #[test]
    fn the_spread_covers_a_hundred() {
        assert_eq!(SPREAD.iter().map(|(_, n)| n).sum::<u32>(), 100);
    }
}
