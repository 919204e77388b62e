//! Demo data: the signing book as the seeds have it.

use crate::{domain, store};
use platform::db::Db;

/// This capability's part of the demo data (loaded once, after the platform's and the
/// registry's): the signing book as it stood after Kulturnatta 2018 (seed 001: "21 april 2018
/// … erbjuds intresserade föreningar och organisationer att signera"), with a department and a
/// municipal company beside the associations (seed 002: departments and companies sign too).
/// IKS, whose representative is a demo account, is left to sign online.
pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
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
