//! Synthetic data at national scale for benchmarks: hundreds of municipalities, each with
//! departments, organisations (with valid organisationsnummer), a coordinator, staff and
//! association representatives. Deterministic for a given seed.

use platform::auth::hash_password;
use platform::db::Db;
use platform::rules::slugify;
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use registry::domain::{Category, LegalForm};
use registry::store::{BulkProfile, ProfileEdit};
use std::collections::HashSet;

pub struct Plan {
    pub municipalities: usize,
    pub organisations: usize,
    /// One representative per this many organisations.
    pub orgs_per_representative: usize,
    pub staff_per_municipality: usize,
    pub seed: u64,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            municipalities: 290,
            organisations: 300_000,
            orgs_per_representative: 5,
            staff_per_municipality: 5,
            seed: 2026,
        }
    }
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub municipalities: usize,
    pub departments: usize,
    pub organisations: usize,
    pub users: usize,
    pub premises: usize,
    pub signatures: usize,
}

const PREFIXES: &[&str] = &[
    "Norr", "Söder", "Väster", "Öster", "Berg", "Sjö", "Ek", "Björk", "Gran", "Lind", "Hög", "Mal", "Stor", "Lill",
    "Sand", "Sten", "Vall", "Åker", "Äng", "Ör",
];
const SUFFIXES: &[&str] = &[
    "köping", "by", "holm", "sund", "vik", "ås", "å", "berga", "hamn", "torp", "fors", "tuna", "stad", "dal", "näs",
];
const DEPARTMENTS: &[&str] = &[
    "Kommunstyrelsens förvaltning",
    "Kultur och fritid",
    "HR",
    "IT-enheten",
    "Kommunikationsenheten",
    "Medborgarkontoret",
];
const KINDS: &[&str] = &[
    "idrottsförening",
    "hembygdsförening",
    "scoutkår",
    "körförening",
    "pensionärsförening",
    "fotbollsklubb",
    "schacksällskap",
    "kulturförening",
    "naturskyddsförening",
    "ridklubb",
    "föräldraförening",
    "missionsförsamling",
    "teaterförening",
    "konstförening",
    "friluftsförening",
    "brukshundklubb",
    "bygdegårdsförening",
    "ungdomsförening",
    "skytteförening",
    "folkdanslag",
];

/// What each kind of organisation in [`KINDS`] does: its registry categories and mission
/// sentences (with the Swedish compound words the directory search is benchmarked on).
fn profile_of(kind: &str) -> (&'static [Category], &'static str) {
    use Category::*;
    match kind {
        "idrottsförening" => (&[Idrott, BarnUnga], "Idrottsföreningen erbjuder fotbollsträning, friidrott och motionsgrupper för barn, ungdomar och vuxna."),
        "hembygdsförening" => (&[Kultur], "Hembygdsföreningen vårdar bygdens historia, driver hembygdsgården och ordnar midsommarfirande och hantverksdagar."),
        "scoutkår" => (&[BarnUnga, Fritid], "Scoutkåren erbjuder friluftsliv, lägerverksamhet och ledarskapsutbildning för barn och unga."),
        "körförening" => (&[Kultur], "Körföreningen sjunger körsång i flera stämmor och ger konserter i kyrkor och konsertlokaler."),
        "pensionärsförening" => (&[Pensionarer, Social], "Pensionärsföreningen ordnar studiecirklar, friskvård, bussresor och samkväm för seniorer."),
        "fotbollsklubb" => (&[Idrott, BarnUnga], "Fotbollsklubben har ungdomslag, damlag och herrlag och driver fotbollsskola på sommarlovet."),
        "schacksällskap" => (&[Intresse], "Schacksällskapet har klubbkvällar, schackturneringar och schackskola för nybörjare."),
        "kulturförening" => (&[Kultur], "Kulturföreningen arrangerar teaterföreställningar, musikcaféer och kulturfestivaler."),
        "naturskyddsförening" => (&[Miljo, Fritid], "Naturskyddsföreningen ordnar naturvandringar, fågelskådning och miljöarbete i närområdet."),
        "ridklubb" => (&[Idrott, BarnUnga], "Ridklubben driver ridskola, tävlingsridning och ridterapi i eget ridhus."),
        "föräldraförening" => (&[BarnUnga, Utbildning], "Föräldraföreningen stöttar skolan med läxhjälp, skolavslutningar och fritidsaktiviteter."),
        "missionsförsamling" => (&[Trossamfund, Social], "Missionsförsamlingen firar gudstjänster och driver barnverksamhet, körverksamhet och soppkök."),
        "teaterförening" => (&[Kultur, BarnUnga], "Teaterföreningen sätter upp amatörteater och håller teaterkurser för unga."),
        "konstförening" => (&[Kultur], "Konstföreningen ordnar konstutställningar, konstresor och konstlotterier."),
        "friluftsförening" => (&[Fritid, Miljo], "Friluftsföreningen ordnar skidturer, kanotturer och vandringsläger året runt."),
        "brukshundklubb" => (&[Intresse, Fritid], "Brukshundklubben håller valpkurser, lydnadsträning och hundutställningar."),
        "bygdegårdsförening" => (&[Kultur, Fritid], "Bygdegårdsföreningen driver bygdegården som samlingslokal för fester, möten och studiecirklar."),
        "ungdomsförening" => (&[BarnUnga, Fritid], "Ungdomsföreningen driver fritidsgård, e-sportkvällar och sommarläger för ungdomar."),
        "skytteförening" => (&[Idrott], "Skytteföreningen bedriver sportskytte, luftgevärsskytte och skyttetävlingar."),
        _ => (&[Kultur, Fritid], "Folkdanslaget dansar folkdans, spelar folkmusik och uppträder vid midsommarfirande."),
    }
}

const TARGET_GROUPS: &[&str] = &[
    "Barn och unga",
    "Alla åldrar",
    "Seniorer",
    "Familjer",
    "Nyanlända",
    "Personer med funktionsnedsättning",
];

/// Luhn check digit over the nine first digits of an organisationsnummer (the registry's rule).
pub fn luhn_digit(digits: &[u8; 9]) -> u8 {
    registry::domain::luhn_digit(digits)
}

/// A valid organisationsnummer for a non-profit association (starting with 8), made from `n`.
/// The third digit is 2 or more, as in every organisationsnummer (below 2 it would be a
/// personal identity number, which the registry refuses).
pub fn org_number(n: u32) -> String {
    let mut d = [0u8; 9];
    d[0] = 8;
    let mut x = n % 100_000_000;
    for slot in d[1..].iter_mut().rev() {
        *slot = (x % 10) as u8;
        x /= 10;
    }
    d[2] = 2 + d[2] % 8;
    let check = luhn_digit(&d);
    let s: String = d.iter().map(|v| char::from(b'0' + v)).collect();
    format!("{}-{}{}", &s[..6], &s[6..], check)
}

fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (0..cols).map(|c| format!("${}", r * cols + c + 1)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fill the database. Existing rows are kept; municipality slugs get a `syn-` prefix so the
/// demo's municipalities never collide.
pub async fn fill(db: &Db, plan: &Plan, now: i64) -> anyhow::Result<Counts> {
    let mut rng = StdRng::seed_from_u64(plan.seed);
    let hash = hash_password("syntetiskt-losenord")?;
    let mut counts = Counts::default();

    // Municipalities.
    let mut names = vec![];
    let mut slugs = HashSet::new();
    'outer: for round in 0.. {
        for p in PREFIXES {
            for s in SUFFIXES {
                if names.len() == plan.municipalities {
                    break 'outer;
                }
                let name = if round == 0 {
                    format!("{p}{s}")
                } else {
                    format!("{p}{s} {}", round + 1)
                };
                let mut slug = format!("syn-{}", slugify(&name));
                let mut k = 2;
                while !slugs.insert(slug.clone()) {
                    slug = format!("syn-{}-{k}", slugify(&name));
                    k += 1;
                }
                names.push((name, slug));
            }
        }
    }
    let mut tx = db.write().await?;
    let mut municipality_ids = vec![];
    for chunk in names.chunks(200) {
        let sql = format!(
            "INSERT INTO municipalities (slug, name, intro, created_at) VALUES {} RETURNING id, slug",
            placeholders(chunk.len(), 4)
        );
        let mut q = sqlx::query_as::<_, (MunicipalityId, String)>(&sql);
        for (name, slug) in chunk {
            q = q
                .bind(slug.clone())
                .bind(name.clone())
                .bind(format!("{name} kommuns lokala överenskommelse med civilsamhället."))
                .bind(now);
        }
        let mut rows = q.fetch_all(&mut *tx).await?;
        rows.sort_by_key(|(_, slug)| chunk.iter().position(|(_, s)| s == slug));
        municipality_ids.extend(rows.into_iter().map(|(id, _)| id));
    }
    counts.municipalities = municipality_ids.len();

    // Departments.
    let dept_rows: Vec<(MunicipalityId, &str)> = municipality_ids
        .iter()
        .flat_map(|m| DEPARTMENTS.iter().map(move |d| (*m, *d)))
        .collect();
    let mut first_department = std::collections::HashMap::new();
    for chunk in dept_rows.chunks(300) {
        let sql = format!(
            "INSERT INTO departments (municipality_id, name, created_at) VALUES {} RETURNING id, municipality_id",
            placeholders(chunk.len(), 3)
        );
        let mut q = sqlx::query_as::<_, (DepartmentId, MunicipalityId)>(&sql);
        for (m, d) in chunk {
            q = q.bind(*m).bind(*d).bind(now);
        }
        for (id, m) in q.fetch_all(&mut *tx).await? {
            first_department.entry(m).or_insert(id);
        }
        counts.departments += chunk.len();
    }

    // Organisations, spread evenly with some municipalities larger than others.
    let per = plan.organisations / plan.municipalities.max(1);
    let mut org_rows: Vec<(MunicipalityId, String, String, &'static str)> = Vec::with_capacity(plan.organisations);
    let mut serial = 0u32;
    for (i, m) in municipality_ids.iter().enumerate() {
        let n = if i + 1 == municipality_ids.len() {
            plan.organisations - org_rows.len()
        } else {
            per
        };
        let place = &names[i].0;
        for j in 0..n {
            serial += 1;
            let kind = KINDS[rng.gen_range(0..KINDS.len())];
            let name = format!("{place}s {kind} {}", j + 1);
            org_rows.push((*m, name, org_number(serial), kind));
        }
    }
    let mut representative_orgs: Vec<(OrganisationId, MunicipalityId)> = vec![];
    for chunk in org_rows.chunks(300) {
        let sql = format!(
            "INSERT INTO organisations (municipality_id, name, org_number, created_at) VALUES {} RETURNING id, municipality_id",
            placeholders(chunk.len(), 4)
        );
        let mut q = sqlx::query_as::<_, (OrganisationId, MunicipalityId)>(&sql);
        for (m, name, number, _) in chunk {
            q = q.bind(*m).bind(name.clone()).bind(number.clone()).bind(now);
        }
        let mut profiles = Vec::with_capacity(chunk.len());
        for (k, (id, m)) in q.fetch_all(&mut *tx).await?.into_iter().enumerate() {
            if (counts.organisations + k) % plan.orgs_per_representative.max(1) == 0 {
                representative_orgs.push((id, m));
            }
            // The registry profile: categories and a mission sentence by kind; a fifth not
            // confirmed in over a year, for the freshness report.
            let Some((_, name, _, kind)) = chunk.get(k) else {
                continue;
            };
            let (categories, mission) = profile_of(kind);
            let days: i64 = rng.gen_range(0..500);
            profiles.push(BulkProfile {
                organisation_id: id,
                municipality_id: m,
                edit: ProfileEdit {
                    name: name.clone(),
                    org_number: None,
                    legal_form: if kind.ends_with("församling") {
                        LegalForm::Trossamfund
                    } else {
                        LegalForm::IdeellForening
                    },
                    categories: categories.to_vec(),
                    mission: mission.to_string(),
                    email: String::new(),
                    phone: String::new(),
                    website: String::new(),
                    social_links: vec![],
                    postal_address: String::new(),
                    visiting_address: String::new(),
                    member_count: Some(rng.gen_range(5..800)),
                    target_groups: TARGET_GROUPS[rng.gen_range(0..TARGET_GROUPS.len())].to_string(),
                },
                confirmed_at: Some(now - days * 24 * 3600),
                updated_at: now,
            });
        }
        registry::store::bulk_profiles(&mut tx, &profiles).await?;
        counts.organisations += chunk.len();
    }

    // Users: a coordinator and staff per municipality, representatives for some organisations.
    struct U {
        email: String,
        name: String,
        role: &'static str,
        municipality: Option<MunicipalityId>,
        department: Option<DepartmentId>,
        organisation: Option<OrganisationId>,
    }
    let mut people = vec![];
    for (i, m) in municipality_ids.iter().enumerate() {
        people.push(U {
            email: format!("samordnare.{i}@syn.overens.example"),
            name: format!("Samordnare {}", names[i].0),
            role: "coordinator",
            municipality: Some(*m),
            department: first_department.get(m).copied(),
            organisation: None,
        });
        for s in 0..plan.staff_per_municipality {
            people.push(U {
                email: format!("personal.{i}.{s}@syn.overens.example"),
                name: format!("Tjänsteperson {s} {}", names[i].0),
                role: "staff",
                municipality: Some(*m),
                department: first_department.get(m).copied(),
                organisation: None,
            });
        }
    }
    for (k, (org, m)) in representative_orgs.iter().enumerate() {
        people.push(U {
            email: format!("forening.{k}@syn.overens.example"),
            name: format!("Företrädare {k}"),
            role: "representative",
            municipality: Some(*m),
            department: None,
            organisation: Some(*org),
        });
    }
    for chunk in people.chunks(250) {
        let sql = format!(
            "INSERT INTO users (email, name, password_hash, email_verified_at, created_at) VALUES {} RETURNING id, email",
            placeholders(chunk.len(), 5)
        );
        let mut q = sqlx::query_as::<_, (UserId, String)>(&sql);
        for u in chunk {
            q = q
                .bind(u.email.clone())
                .bind(u.name.clone())
                .bind(hash.clone())
                .bind(now)
                .bind(now);
        }
        let ids: std::collections::HashMap<String, UserId> = q
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|(id, e)| (e, id))
            .collect();
        let sql = format!(
            "INSERT INTO roles (user_id, role, municipality_id, department_id, organisation_id, created_at) VALUES {}",
            placeholders(chunk.len(), 6)
        );
        let mut q = sqlx::query(&sql);
        for u in chunk {
            let id = ids
                .get(&u.email)
                .copied()
                .ok_or_else(|| anyhow::anyhow!("user {} was not created", u.email))?;
            q = q
                .bind(id)
                .bind(u.role)
                .bind(u.municipality)
                .bind(u.department)
                .bind(u.organisation)
                .bind(now);
        }
        q.execute(&mut *tx).await?;
        counts.users += chunk.len();
    }
    // Own premises for one organisation in five, with accessibility features spread over them,
    // and the agreement signed by one in three: the directory's filters have something to
    // find. Set-based, over the synthetic municipalities only.
    let synthetic = "SELECT o.id FROM organisations o JOIN municipalities m ON m.id = o.municipality_id \
                     WHERE m.slug LIKE 'syn-%'";
    let premises = sqlx::query(&format!(
        "INSERT INTO registry_premises (organisation_id, position, name, address, capacity, equipment, step_free, \
         ground_floor, lift, accessible_toilet, hearing_loop, parking, created_at) \
         SELECT id, 0, 'Föreningslokalen', '', 10 + id % 90, 'Kök, projektor', \
         CASE WHEN id % 2 = 0 THEN 1 ELSE 0 END, CASE WHEN id % 3 = 0 THEN 1 ELSE 0 END, \
         CASE WHEN id % 4 = 0 THEN 1 ELSE 0 END, CASE WHEN id % 7 = 0 THEN 1 ELSE 0 END, \
         CASE WHEN id % 6 = 0 THEN 1 ELSE 0 END, CASE WHEN id % 3 = 1 THEN 1 ELSE 0 END, $1 \
         FROM organisations WHERE id % 5 = 0 AND id IN ({synthetic})"
    ))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let signatures = sqlx::query(&format!(
        "INSERT INTO signatures (municipality_id, signer_kind, organisation_id, signer_name, signed_by_name, \
         signed_by_role, signed_on, channel, created_at) \
         SELECT municipality_id, 'association', id, name, 'Styrelsens ordförande', 'Ordförande', '2019-03-01', \
         'paper', $1 FROM organisations WHERE id % 3 = 0 AND id IN ({synthetic})"
    ))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    // The directory's "signed" flag, which the signing book sets through the registry when a
    // signature is made one at a time.
    sqlx::query(&format!(
        "UPDATE registry_profiles SET signed = 1 WHERE organisation_id IN \
         (SELECT organisation_id FROM signatures WHERE withdrawn_at IS NULL AND organisation_id IN ({synthetic}))"
    ))
    .execute(&mut *tx)
    .await?;
    counts.premises = premises.rows_affected() as usize;
    counts.signatures = signatures.rows_affected() as usize;
    tx.commit().await?;
    // PostgreSQL's planner needs statistics, which autovacuum would gather a while after a
    // bulk load like this one; gather them now, as a running instance has them. Not on SQLite:
    // there ANALYZE also samples the FTS5 index's own tables, and with those samples FTS5
    // prepares its internal statements again for every search (measured: a third of the
    // server's CPU, 1,302 instead of 2,387 searches a second).
    if db.backend == platform::db::Backend::Postgres {
        sqlx::query("ANALYZE").execute(&db.pool).await?;
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_numbers_pass_the_luhn_check() {
        // A published example: 802002-4280 is a valid organisationsnummer.
        assert_eq!(luhn_digit(&[8, 0, 2, 0, 0, 2, 4, 2, 8]), 0);
        let n = org_number(12345);
        assert_eq!(n.len(), 11);
        assert_eq!(&n[6..7], "-");
        let digits: Vec<u8> = n.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
        let first: [u8; 9] = digits[..9].try_into().unwrap();
        assert_eq!(luhn_digit(&first), digits[9]);
        assert_ne!(org_number(1), org_number(2));
    }

    #[test]
    fn placeholders_number_every_cell() {
        assert_eq!(placeholders(2, 2), "($1, $2), ($3, $4)");
    }
}
