//! Demo data: Sala's grant programmes. The seeds ask for grants (seed 003's procurement of "ett
//! nytt digitalt system för bokning av lokaler samt föreningsstöd"; seed 002's question whether
//! signing should be a criterion; seed 004's "mer än ett år i taget") but give no programme, no
//! amount and no date: the names follow the issue, the rules the research notes' municipal
//! examples (LOK-stöd, Kumla, Svenljunga, Värmdö), and the texts, budgets and periods below are
//! invented for the demo.

mod applications;
mod attendance;

use crate::activity::domain::ActivityRules;
use crate::programmes::domain::{Attachment, Eligibility, Kind, NewPeriod, NewProgramme, PeriodDates, Rules};
use crate::programmes::store::{self, ProgrammeSetup};
use chrono::NaiveDate;
use platform::db::Db;

struct DemoProgramme {
    kind: Kind,
    name: &'static str,
    description: &'static str,
    criteria: &'static str,
    signed_agreement: bool,
    /// (name, starts, ends, opens, deadline, budget in kronor)
    periods: &'static [(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        i64,
    )],
}

const PROGRAMMES: &[DemoProgramme] = &[
    DemoProgramme {
        kind: Kind::Activity,
        name: "Aktivitetsstöd",
        description: "Stöd till föreningar som har regelbunden verksamhet för barn och unga, räknat per deltagartillfälle från närvarokorten.",
        criteria: "Reglerna följer det statliga LOK-stödet. Närvaron redovisas digitalt per grupp och sammankomst.",
        signed_agreement: false,
        periods: &[
            ("Våren 2026", "2026-01-01", "2026-06-30", "2026-07-01", "2026-08-25", 1_200_000),
            ("Hösten 2026", "2026-07-01", "2026-12-31", "2026-12-01", "2027-02-25", 1_200_000),
        ],
    },
    DemoProgramme {
        kind: Kind::Premises,
        name: "Lokalbidrag",
        description: "Bidrag till föreningar som hyr eller äger lokaler för sin verksamhet.",
        criteria: "Kostnaderna styrks med hyresavtal eller hyresavier.",
        signed_agreement: false,
        periods: &[("2027", "2027-01-01", "2027-12-31", "2026-12-01", "2027-02-25", 800_000)],
    },
    DemoProgramme {
        kind: Kind::Start,
        name: "Startbidrag",
        description: "Ett bidrag en gång till en nybildad förening i Sala.",
        criteria: "Föreningen har antagit stadgar, valt styrelse och har organisationsnummer.",
        signed_agreement: false,
        periods: &[("2027", "2027-01-01", "2027-12-31", "2027-01-01", "2027-12-15", 60_000)],
    },
    DemoProgramme {
        kind: Kind::Project,
        name: "Samverkan enligt LÖK",
        description: "Projektbidrag till föreningar som genomför ett projekt tillsammans med kommunen eller andra föreningar i andan av den lokala överenskommelsen.",
        criteria: "Projektet bidrar till någon av överenskommelsens sex principer. Föreningen har signerat överenskommelsen.",
        signed_agreement: true,
        periods: &[("2027", "2027-01-01", "2027-12-31", "2026-11-01", "2027-10-31", 300_000)],
    },
    DemoProgramme {
        kind: Kind::MultiYear,
        name: "Verksamhetsbidrag 2027–2029",
        description: "Bidrag för tre år till föreningar med verksamhet som är öppen för alla i kommunen.",
        criteria: "Föreningen lämnar en verksamhetsplan för tre år och redovisar varje år.",
        signed_agreement: false,
        periods: &[("2027–2029", "2027-01-01", "2029-12-31", "2026-10-01", "2027-01-31", 2_400_000)],
    },
];

/// Loads Sala's programmes, published, with their periods; then the attendance of one sports
/// club and applications in every state ([`applications`]).
pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    let Some((sala,)): Option<(platform::MunicipalityId,)> =
        sqlx::query_as("SELECT id FROM municipalities WHERE slug = 'sala'")
            .fetch_optional(&db.pool)
            .await?
    else {
        return Ok(());
    };
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d");
    for p in PROGRAMMES {
        let mut setup = ProgrammeSetup::defaults(p.kind);
        setup.published = true;
        setup.eligibility = Eligibility {
            signed_agreement: p.signed_agreement,
            ..Eligibility::usual()
        };
        if p.kind == Kind::Activity {
            // Sala's own version of LOK (invented): 8 kr per participation, 65+ counts too.
            let mut rules = ActivityRules::lok();
            for b in &mut rules.bands {
                b.per_participant_ore = 800;
            }
            rules.bands.push(crate::activity::domain::AgeBand {
                from: 65,
                to: None,
                weekly_cap: Some(3),
                per_participant_ore: 800,
            });
            rules.excluded_activities = vec!["Bingo".into(), "Dans".into()];
            setup.rules = Rules::Activity(rules);
            setup.attachments = vec![];
        }
        if p.kind == Kind::Project {
            setup.attachments = vec![Attachment::Budget];
        }
        let id = store::create_programme(
            db,
            sala,
            &NewProgramme {
                kind: p.kind,
                name: p.name.into(),
                description: p.description.into(),
                criteria: p.criteria.into(),
            },
            &setup,
            None,
            now,
        )
        .await?;
        for (name, starts, ends, opens, deadline, kronor) in p.periods {
            let new = NewPeriod {
                name: (*name).into(),
                dates: PeriodDates {
                    starts_on: date(starts)?,
                    ends_on: date(ends)?,
                    opens_on: date(opens)?,
                    deadline: date(deadline)?,
                },
                budget_ore: kronor * 100,
            };
            store::add_period(db, sala, id, &new, None, now).await?;
        }
    }
    attendance::load(db, sala, now).await?;
    applications::load(db, sala, now).await?;
    Ok(())
}
