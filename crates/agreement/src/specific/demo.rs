//! The register's part of the demo data.
//!
//! Seed 001 says that agreements on a specific question, and IOPs, can be made, but names none
//! for Sala: the IOP below, its parties, period, text and document are INVENTED for the demo.

use super::domain::{Checked, Kind};
use super::files::{self, NewDocument};
use super::store;
use platform::db::Db;
use platform::MunicipalityId;

/// A one-page PDF standing for the signed agreement (invented).
const DEMO_PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Sala's invented IOP, once: with Röda korset Sala and Studieförbundet Vuxenskolan Sala (when
/// the registry's demo holds them) and Kultur och fritid.
pub async fn load(db: &Db, m: MunicipalityId, now: i64) -> anyhow::Result<()> {
    if !store::all(db, m, "", "2000-01-01").await?.is_empty() {
        return Ok(());
    }
    let organisations = registry::public::organisation_choices(db, m)
        .await?
        .into_iter()
        .filter(|(_, n)| n == "Röda korset Sala" || n == "Studieförbundet Vuxenskolan Sala")
        .map(|(id, _)| id)
        .collect();
    let department_id = platform::tenants::store::departments(db, m)
        .await?
        .into_iter()
        .find(|d| d.name == "Kultur och fritid")
        .map(|d| d.id);
    let iop = Checked {
        kind: Kind::Iop,
        title: "Språkcafé och läxhjälp på biblioteket".into(),
        subject: "Språkcafé för nyanlända och läxhjälp för barn i årskurs 4–9".into(),
        department_id,
        organisations,
        other_parties: String::new(),
        starts_on: "2026-01-01".into(),
        ends_on: Some("2028-12-31".into()),
        published: true,
        description: "Föreningarna håller språkcafé två kvällar i veckan och läxhjälp på lördagar i \
                      bibliotekets lokaler. Kommunen upplåter lokalerna och bidrar till material.\n\n\
                      (Påhittat exempel i demodata: seed 001 nämner ingen IOP i Sala.)"
            .into(),
    };
    let id = store::add(db, m, &iop, None, now).await?;
    let doc = NewDocument {
        file_name: "IOP språkcafé och läxhjälp.pdf",
        mime: "application/pdf",
        bytes: DEMO_PDF,
    };
    files::add_document(db, m, id, &doc, None, now).await?;
    Ok(())
}
