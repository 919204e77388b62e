//! The demo's applications: Sala's associations applying to its programmes, one in every
//! state a case goes through, made through the same writes as the pages (create, save, submit,
//! co-sign, take, note, ask for completion, propose, decide, pay).
//!
//! The seeds give no application: the associations are the registry demo's, and the purposes,
//! amounts, notes, reasons and decision dates below are invented for the demo. Who does what
//! is invented too: Magnus Gunnarsson (the demo's staff account, Kultur och fritid) handles
//! the cases and Jane Allansson (the coordinator) holds the decision role. Isa Österberg, the
//! demo's association account, applies for IKS herself; the other associations have no demo
//! account, so their applications are entered by the coordinator on their behalf, as a
//! municipality's staff do when they help an association apply (seed 004).

use super::attendance::CLUB;
use crate::applications::domain::reports_of;
use crate::applications::form::{Details, Stored};
use crate::applications::store::{self, Application};
use crate::applications::write::{self, Answers, Decision, WriteError};
use crate::ids::ApplicationId;
use crate::programmes::domain::Rules;
use crate::programmes::store::{self as programmes, Period, Programme};
use chrono::NaiveDate;
use platform::auth::CurrentUser;
use platform::db::{self, Db};
use platform::{MunicipalityId, OrganisationId};

/// How far a demo application has come.
enum Until {
    Draft,
    /// Sent, waiting for the named second board member.
    CoSignature(&'static str),
    Submitted,
    /// Taken by the handler, with an internal note.
    InReview(&'static str),
    /// The handler asked for more, by the date.
    Completion(&'static str, &'static str),
    /// The handler proposed this many kronor.
    Proposed(i64, &'static str),
    /// Decided on the date: kronor and the reason.
    Decided(&'static str, i64, &'static str),
    /// Decided (as above) and paid.
    Paid(&'static str, i64, &'static str),
}

struct DemoApplication {
    programme: &'static str,
    period: &'static str,
    association: &'static str,
    /// Made by Isa Österberg for IKS (else by the coordinator on the association's behalf).
    by_isa: bool,
    purpose: &'static str,
    /// Kronor applied for (activity support: counted from the attendance instead).
    applied: i64,
    details: Details,
    until: Until,
}

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn project(starts: &str, ends: &str) -> Details {
    Details {
        starts_on: d(starts),
        ends_on: d(ends),
        ..Details::default()
    }
}

fn demo_applications() -> Vec<DemoApplication> {
    use Until::*;
    let a = |programme, period, association, by_isa, purpose, applied, details, until| DemoApplication {
        programme,
        period,
        association,
        by_isa,
        purpose,
        applied,
        details,
        until,
    };
    vec![
        a("Aktivitetsstöd", "Våren 2026", CLUB, false,
          "Träningar för F12, P12 och P16 två kvällar i veckan, januari till juni.", 0, Details::default(),
          Paid("2026-09-15", 0, "")),
        a("Samverkan enligt LÖK", "2027", "Studieförbundet Vuxenskolan Sala", false,
          "Studiecirklar om föreningsliv för nyanlända, tillsammans med kommunens integrationsenhet.", 25_000,
          project("2027-02-01", "2027-05-31"), Decided("2026-11-20", 25_000, "")),
        a("Samverkan enligt LÖK", "2027", "Sala kammarkör", false,
          "Konsertserie i kommunens äldreboenden under våren.", 30_000,
          project("2027-03-01", "2027-06-15"), Decided("2026-11-20", 20_000,
          "Bidraget täcker konserterna i äldreboendena men inte resorna till körfestivalen, som inte är samverkan med kommunen.")),
        a("Samverkan enligt LÖK", "2027", "Naturskyddsföreningen Sala-Heby", false,
          "Naturvandringar för skolklasser.", 15_000, project("2027-04-15", "2027-06-10"),
          Decided("2026-11-20", 0,
          "Projektbidraget kräver att föreningen har signerat den lokala överenskommelsen, och föreningen har inte gjort det. Den behöver också en styrelse med minst tre ledamöter. Välkommen att söka igen när det är ordnat.")),
        a("Samverkan enligt LÖK", "2027", "IKS – Ideell Kultur i Sala", true,
          "Kulturnatt i Sala där föreningarna visar upp sig tillsammans med biblioteket och kulturskolan.", 40_000,
          project("2027-09-01", "2027-09-30"),
          Proposed(35_000, "Rimlig budget; lokalhyran ingår redan i kommunens avtal med biblioteket.")),
        a("Lokalbidrag", "2027", "Sala hembygdsförening", false,
          "Hyra, el och värme för hembygdsgården i Väsby.",
          0, Details { costs_ore: Some(4_800_000), rental_income_ore: Some(1_200_000), ..Details::default() },
          Submitted),
        a("Lokalbidrag", "2027", "PRO Sala", false,
          "Hyra för PRO-lokalen på Norrmannsgatan.",
          0, Details { costs_ore: Some(6_000_000), rental_income_ore: Some(500_000), ..Details::default() },
          InReview("Hyresavtalet gäller till 2028; hyran stämmer med avierna.")),
        a("Lokalbidrag", "2027", "Sala simsällskap", false,
          "Hyra av bassängtid i Sala sim- och sporthall.",
          0, Details { costs_ore: Some(9_000_000), ..Details::default() }, Draft),
        a("Verksamhetsbidrag 2027–2029", "2027–2029", "IKS – Ideell Kultur i Sala", true,
          "Föreningens öppna kulturverksamhet: utställningar, föreläsningar och kulturnatten.", 60_000,
          Details::default(),
          Completion("Bifoga verksamhetsplanen för 2027–2029 och budgeten för det första året.", "2026-12-20")),
        a("Verksamhetsbidrag 2027–2029", "2027–2029", "SPF Seniorerna Sala", false,
          "Träffar, studiecirklar och resor för seniorer i hela kommunen.", 40_000, Details::default(),
          CoSignature("kassor.spf@demo.overens.example")),
    ]
}

fn person(id: platform::UserId, name: String, email: String) -> CurrentUser {
    CurrentUser {
        id,
        name,
        email,
        roles: vec![],
    }
}

async fn user(db: &Db, email: &str) -> anyhow::Result<Option<CurrentUser>> {
    let found: Option<(platform::UserId, String, String)> =
        sqlx::query_as("SELECT id, name, email FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&db.pool)
            .await?;
    Ok(found.map(|(id, name, email)| person(id, name, email)))
}

async fn organisation(db: &Db, m: MunicipalityId, name: &str) -> anyhow::Result<Option<OrganisationId>> {
    let found: Option<(OrganisationId,)> =
        sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2")
            .bind(m)
            .bind(name)
            .fetch_optional(&db.pool)
            .await?;
    Ok(found.map(|(id,)| id))
}

struct Demo<'a> {
    db: &'a Db,
    m: MunicipalityId,
    now: i64,
    handler: CurrentUser,
    decider: CurrentUser,
}

impl Demo<'_> {
    async fn load(&self, id: ApplicationId) -> anyhow::Result<Application> {
        store::application_by_id(self.db, self.m, id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo application {id} vanished"))
    }

    async fn one(
        &self,
        a: &DemoApplication,
        programme: &Programme,
        period: &Period,
        org: OrganisationId,
        actor: &CurrentUser,
    ) -> anyhow::Result<()> {
        let (m, now) = (self.m, self.now);
        let id = db::write(self.db, now, async |tx| {
            write::create(tx, m, programme.id, period.id, org, "sv", actor, now).await
        })
        .await?;
        let applied_ore = match &programme.rules {
            Rules::Activity(rules) => {
                crate::activity::store::claim(self.db, m, org, rules, period.dates.starts_on, period.dates.ends_on)
                    .await?
                    .totals
                    .amount_ore
            }
            Rules::Premises(rules) => crate::programmes::domain::premises_grant(
                rules,
                a.details.costs_ore.unwrap_or(0),
                a.details.rental_income_ore.unwrap_or(0),
            ),
            _ => a.applied * 100,
        };
        let co_signer = match a.until {
            Until::CoSignature(email) => email.to_string(),
            _ => String::new(),
        };
        let answers = Answers {
            purpose: a.purpose.into(),
            applied_ore,
            years: if matches!(programme.rules, Rules::MultiYear(_)) {
                3
            } else {
                1
            },
            democracy_attested: true,
            answers: Stored {
                details: a.details.clone(),
                ..Stored::default()
            }
            .to_json(),
            co_signer_email: co_signer.clone(),
        };
        let app = self.load(id).await?;
        db::write(self.db, now, async |tx| {
            write::save(tx, m, &app, &answers, true, actor, now).await
        })
        .await?;
        if matches!(a.until, Until::Draft) {
            return Ok(());
        }
        let app = self.load(id).await?;
        // The case number's year is the year it is sent: the demo's today.
        let sent_on = platform::format::local_date(now).ok_or_else(|| anyhow::anyhow!("demo date"))?;
        let co_sign = !co_signer.is_empty();
        db::write(self.db, now, async |tx| {
            let (_, change) = write::submit(tx, m, &app, co_sign, true, "KFN", sent_on, actor, now).await?;
            Ok::<_, WriteError>(((), change))
        })
        .await?;
        if co_sign {
            return Ok(());
        }
        if matches!(a.until, Until::Submitted) {
            return Ok(());
        }
        let h = &self.handler;
        let app = self.load(id).await?;
        db::write(self.db, now, async |tx| write::take(tx, m, &app, h, now).await).await?;
        let app = self.load(id).await?;
        match a.until {
            Until::InReview(note) => {
                db::write(self.db, now, async |tx| write::note(tx, m, &app, note, h, now).await).await?;
                return Ok(());
            }
            Until::Completion(message, until) => {
                let until = d(until).ok_or_else(|| anyhow::anyhow!("demo date {until}"))?;
                db::write(self.db, now, async |tx| {
                    write::request_completion(tx, m, &app, message, until, h, now).await
                })
                .await?;
                return Ok(());
            }
            _ => {}
        }
        let (proposed, note) = match a.until {
            Until::Proposed(kr, note) => (kr * 100, note),
            Until::Decided(_, kr, _) | Until::Paid(_, kr, _) if kr > 0 => (kr * 100, ""),
            Until::Decided(..) | Until::Paid(..) if a.applied == 0 => (applied_ore, ""),
            _ => (0, ""),
        };
        db::write(self.db, now, async |tx| {
            write::propose(tx, m, &app, proposed, note, h, now).await
        })
        .await?;
        let (Until::Decided(on, _, reason) | Until::Paid(on, _, reason)) = a.until else {
            return Ok(());
        };
        let decided_on = d(on).ok_or_else(|| anyhow::anyhow!("demo date {on}"))?;
        let ends = a.details.ends_on.unwrap_or(period.dates.ends_on);
        let decision = Decision {
            amount_ore: proposed,
            reason,
            decided_on,
            reports: reports_of(&programme.rules, period.dates.starts_on, ends),
        };
        let dec = &self.decider;
        db::write(self.db, now, async |tx| {
            write::decide(tx, m, id, &decision, dec, now).await
        })
        .await?;
        if matches!(a.until, Until::Paid(..)) {
            let lists = crate::payouts::store::lists(self.db, m, decided_on).await?;
            let rows: Vec<_> = lists
                .iter()
                .flat_map(|l| l.rows.iter())
                .filter(|r| r.application_id == id && r.exportable())
                .collect();
            let mut tx = self.db.write().await?;
            crate::payouts::store::mark_paid(&mut tx, m, &rows, now).await?;
            tx.commit().await?;
        }
        Ok(())
    }
}

/// Loads the demo applications (see the module's description).
pub async fn load(db: &Db, sala: MunicipalityId, now: i64) -> anyhow::Result<()> {
    let (Some(coordinator), Some(handler), Some(isa)) = (
        user(db, "samordnare.sala@demo.overens.example").await?,
        user(db, "personal.sala@demo.overens.example").await?,
        user(db, "forening.sala@demo.overens.example").await?,
    ) else {
        return Ok(());
    };
    let c = &coordinator;
    db::write(db, now, async |tx| write::add_decider(tx, sala, c.id, c, now).await).await?;
    let all = programmes::programmes(db, sala, true).await?;
    let demo = Demo {
        db,
        m: sala,
        now,
        handler,
        decider: coordinator.clone(),
    };
    for a in demo_applications() {
        let Some((programme, periods)) = all.iter().find(|(p, _)| p.name == a.programme) else {
            continue;
        };
        let Some(period) = periods.iter().find(|p| p.name == a.period) else {
            continue;
        };
        let Some(org) = organisation(db, sala, a.association).await? else {
            continue;
        };
        let actor = if a.by_isa { &isa } else { &coordinator };
        demo.one(&a, programme, period, org, actor).await?;
    }
    // The decided project grant has a report to come: the daily reminder run starts tomorrow.
    crate::reports::reminders::schedule(db, now + crate::reports::reminders::DAY, now).await?;
    Ok(())
}
