//! The signing book (signeringsbok): signatures of organisations, departments and companies.
//!
//! A representative signs online for an organisation they represent; the coordinator records
//! the paper book's signatures (associations, municipal departments, municipal companies and
//! others); the public sees the signatories in force as a page, a CSV file and JSON; a
//! signature is withdrawn, never deleted, so the history stays.
//!
//! Other capabilities ask [`in_force_for_organisation`] whether an organisation has signed.

pub mod domain;
pub mod ids;
mod personal;
pub mod public;
mod routes;
pub mod store;

pub use domain::{Channel, Signature, SignerKind};
pub use ids::SignatureId;
pub use store::in_force_for_organisation;

use platform::db::{Db, Migrations};
use platform::i18n::Messages;
use platform::{Capability, NavItem};

pub static MIGRATIONS: Migrations = Migrations {
    name: "signing",
    sqlite: &sqlx::migrate!("migrations/sqlite"),
    postgres: &sqlx::migrate!("migrations/postgres"),
};

pub static MESSAGES: Messages = Messages {
    name: "signing",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

pub static CAPABILITY: Capability = Capability {
    name: "signing",
    migrations: &MIGRATIONS,
    messages: &MESSAGES,
    nav: &[NavItem {
        path: "signeringsbok",
        message_id: "nav-signing",
    }],
    router: routes::router,
    jobs: |w| w,
    personal: Some(&personal::PERSONAL),
};

/// This capability's part of the demo data (loaded once, after the platform's and the
/// registry's): the signing book as it stood after Kulturnatta 2018 (seed 001: "21 april 2018
/// … erbjuds intresserade föreningar och organisationer att signera"), with a department and a
/// municipal company beside the associations (seed 002: departments and companies sign too).
/// IKS, whose representative is a demo account, is left to sign online.
pub async fn demo(db: &Db, now: i64) -> anyhow::Result<()> {
    use domain::{PaperSigner, PaperSigning, SignedBy};
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d");
    // (municipality, [(department, role, date)], [(kind, name, role, date)])
    type Book<'a> = &'a [(
        &'a str,
        &'a [(&'a str, &'a str, &'a str)],
        &'a [(&'a str, &'a str, &'a str, &'a str)],
    )];
    let book: Book = &[
        (
            "sala",
            &[("Kultur och fritid", "Förvaltningschef", "2018-05-02")],
            &[
                ("company", "Salabostäder AB", "Vd", "2018-05-15"),
                ("other", "Sala Frivilligcentral", "Samordnare", "2018-04-21"),
            ],
        ),
        (
            "orebro",
            &[("Kultur och fritid", "Förvaltningschef", "2017-03-01")],
            &[("company", "Örebrobostäder AB", "Vd", "2017-03-15")],
        ),
    ];
    let representatives = ["IKS – Ideell Kultur i Sala"];
    for (slug, departments, named) in book {
        let Some((municipality_id,)): Option<(platform::MunicipalityId,)> =
            sqlx::query_as("SELECT id FROM municipalities WHERE slug = $1")
                .bind(*slug)
                .fetch_optional(&db.pool)
                .await?
        else {
            continue;
        };
        let mut signings = vec![];
        // Up to eight of the municipality's organisations, signed in the paper book at
        // Kulturnatta.
        let organisations: Vec<(platform::OrganisationId, String)> =
            sqlx::query_as("SELECT id, name FROM organisations WHERE municipality_id = $1 ORDER BY id")
                .bind(municipality_id)
                .fetch_all(&db.pool)
                .await?;
        let signers = [
            "Anna Lindqvist",
            "Erik Berg",
            "Maria Holm",
            "Johan Ek",
            "Sara Nyström",
            "Per Åberg",
            "Lena Öhman",
            "Karin Sjö",
        ];
        let wanted = organisations
            .iter()
            .filter(|(_, n)| !representatives.contains(&n.as_str()));
        for ((id, _), by) in wanted.zip(signers) {
            signings.push((PaperSigner::Organisation(*id), by, "Ordförande", "2018-04-21"));
        }
        for (department, role, on) in departments.iter() {
            let found: Option<(platform::DepartmentId,)> =
                sqlx::query_as("SELECT id FROM departments WHERE municipality_id = $1 AND name = $2")
                    .bind(municipality_id)
                    .bind(*department)
                    .fetch_optional(&db.pool)
                    .await?;
            if let Some((id,)) = found {
                signings.push((PaperSigner::Department(id), "Kim Lundberg", role, on));
            }
        }
        for (kind, name, role, on) in named.iter() {
            let signer = if *kind == "company" {
                PaperSigner::Company(name.to_string())
            } else {
                PaperSigner::Other(name.to_string())
            };
            signings.push((signer, "Alex Sandberg", role, on));
        }
        for (signer, by, role, on) in signings {
            let signing = PaperSigning {
                signer,
                by: SignedBy {
                    name: by.to_string(),
                    role: role.to_string(),
                    on: date(on)?,
                },
            };
            store::record_paper(db, municipality_id, &signing, None, None, now)
                .await
                .map_err(|e| anyhow::anyhow!("demo signature: {e:?}"))?;
        }
    }
    Ok(())
}
