//! Demo data from the seed documents: Sala (seeds 000, 001, 003), Örebro (seed 002) and Luleå
//! (seed 004), with one account per role. Loaded once per database; later capabilities add
//! their parts of the seeds here.

use crate::users::{self, NewUser};
use platform::auth::RoleKind;
use platform::db::Db;
use platform::tenants::branding::domain::check_colour;
use platform::tenants::branding::store as branding;
use platform::tenants::store::{self as tenants, NewMunicipality};

/// The password of every demo account (printed by `overens demo`).
pub const PASSWORD: &str = "demo-losenord";

pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub role: RoleKind,
    pub municipality: Option<&'static str>,
    pub department: Option<&'static str>,
    pub organisation: Option<&'static str>,
}

pub const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: "drift@demo.overens.example",
        name: "Drift Demo",
        role: RoleKind::Operator,
        municipality: None,
        department: None,
        organisation: None,
    },
    DemoAccount {
        email: "samordnare.sala@demo.overens.example",
        name: "Jane Allansson",
        role: RoleKind::Coordinator,
        municipality: Some("sala"),
        department: Some("Kommunstyrelsens förvaltning"),
        organisation: None,
    },
    DemoAccount {
        email: "personal.sala@demo.overens.example",
        name: "Magnus Gunnarsson",
        role: RoleKind::Staff,
        municipality: Some("sala"),
        department: Some("Kultur och fritid"),
        organisation: None,
    },
    DemoAccount {
        email: "forening.sala@demo.overens.example",
        name: "Isa Österberg",
        role: RoleKind::Representative,
        municipality: Some("sala"),
        department: None,
        organisation: Some("IKS – Ideell Kultur i Sala"),
    },
    DemoAccount {
        email: "samordnare.orebro@demo.overens.example",
        name: "Helena Astvald",
        role: RoleKind::Coordinator,
        municipality: Some("orebro"),
        department: None,
        organisation: None,
    },
    DemoAccount {
        email: "samordnare.lulea@demo.overens.example",
        name: "Samordnare Luleå",
        role: RoleKind::Coordinator,
        municipality: Some("lulea"),
        department: None,
        organisation: None,
    },
];

struct DemoMunicipality {
    slug: &'static str,
    name: &'static str,
    intro: &'static str,
    contact_name: &'static str,
    contact_email: &'static str,
    contact_phone: &'static str,
    website: &'static str,
    /// The colour of its header band: invented for the demo, not the municipality's own.
    brand_colour: &'static str,
    /// A welcome text for its start page: invented for the demo.
    welcome: &'static str,
    departments: &'static [&'static str],
    organisations: &'static [&'static str],
}

const MUNICIPALITIES: &[DemoMunicipality] = &[
    DemoMunicipality {
        slug: "sala",
        name: "Sala",
        intro: "Från föreningen IKS, Ideell Kultur i Sala, kom förslaget att civilsamhällets organisationer, tillsammans med Sala kommun, ska arbeta fram en överenskommelse om samarbete. Förslaget resulterade i ett beslut i kommunfullmäktige – att inleda dialog med civilsamhället om hur vi ska ta det här vidare tillsammans!\n\n\
Sex lokala principer för samverkan mellan civilsamhället i Sala och Sala kommun beskriver kortfattat hur vi vill att vårt samarbete ska vara. De delar av civilsamhället som väljer att ansluta sig gör det genom att skriva i signeringsboken. Signering innebär att man ställer upp på principerna.\n\n\
Handlingsplanen innehåller åtgärder för att utveckla den samverkan vi vill ha. Den ses över regelbundet och gemensamt. Både principerna och handlingsplanen gäller hela det organiserade civilsamhället och hela kommunen.",
        contact_name: "Jane Allansson, Kommunstyrelsens förvaltning",
        contact_email: "jane.allansson@sala.se",
        contact_phone: "0224-74 70 13",
        website: "https://www.sala.se/civilsam",
        // Invented for the demo (colour and text), not the municipality's own.
        brand_colour: "#1d5a8a",
        welcome: "Välkommen till Salas sida om samverkan mellan kommunen och civilsamhället! Här hittar du överenskommelsen, handlingsplanen och mötena.",
        departments: &["Kommunstyrelsens förvaltning", "Kultur och fritid", "HR", "IT-enheten", "Kommunikationsenheten", "Medborgarkontoret"],
        organisations: &["IKS – Ideell Kultur i Sala"],
    },
    DemoMunicipality {
        slug: "orebro",
        name: "Örebro",
        intro: "I Samverkansrådet möts civilsamhället, kommunens tjänstepersoner och politiken för att utveckla samarbetet utifrån Örebros lokala överenskommelse.\n\n\
Rådet arbetar fram en handlingsplan utifrån överenskommelsen, med arbetsgrupper för handlingsplanen och för riktlinjer för lokaler. Inte bara föreningarna utan även förvaltningarna och de kommunala bolagen kan skriva under överenskommelsen.",
        contact_name: "Helena Astvald",
        contact_email: "",
        contact_phone: "",
        website: "",
        // Invented for the demo (colour and text), not the municipality's own.
        brand_colour: "#8a1c2b",
        welcome: "Välkommen till Samverkansrådet i Örebro. Här följer du arbetet med den lokala överenskommelsen och handlingsplanen.",
        departments: &["Kultur och fritid"],
        organisations: &["Föreningarnas hus"],
    },
    DemoMunicipality {
        slug: "lulea",
        name: "Luleå",
        intro: "Luleå kommun och det civila samhället arbetar för en lokal överenskommelse. Förslagen till åtaganden för kommunen och för det civila samhället under de sex principerna för samverkan har diskuterats i en arbetsgrupp med representanter för båda parter.",
        contact_name: "",
        contact_email: "",
        contact_phone: "",
        website: "",
        // Invented for the demo (colour and text), not the municipality's own.
        brand_colour: "#1e5e3b",
        welcome: "Välkommen! Här samlar Luleå kommun och civilsamhället arbetet med en lokal överenskommelse.",
        departments: &["Fritidsförvaltningen", "Kulturförvaltningen", "Kundcenter"],
        organisations: &[],
    },
];

/// Load the demo data unless this database already has it. Returns whether it loaded now.
pub async fn load(db: &Db, now: i64) -> anyhow::Result<bool> {
    let done: Option<(String,)> = sqlx::query_as("SELECT value FROM instance_settings WHERE key = 'demo_loaded'")
        .fetch_optional(&db.pool)
        .await?;
    if done.is_some() {
        return Ok(false);
    }
    for m in MUNICIPALITIES {
        let id = match tenants::by_slug(db, m.slug).await? {
            Some(existing) => existing.id,
            None => {
                let new = NewMunicipality {
                    slug: m.slug,
                    name: m.name,
                    intro: m.intro,
                    contact_name: m.contact_name,
                    contact_email: m.contact_email,
                    contact_phone: m.contact_phone,
                    website: m.website,
                };
                tenants::create(db, &new, None, now).await?
            }
        };
        // The demo's invented colour and welcome text, checked as the profile form checks them.
        let colour = check_colour(m.brand_colour)
            .map_err(|p| anyhow::anyhow!("the demo colour of {} is refused: {p:?}", m.name))?
            .unwrap_or_default();
        branding::save_profile(db, id, &colour, m.welcome, None, now).await?;
        for d in m.departments {
            tenants::add_department(db, id, d, None, now).await?;
        }
        for o in m.organisations {
            let mut conn = db.pool.acquire().await?;
            let (org,): (platform::OrganisationId,) = sqlx::query_as(
                "INSERT INTO organisations (municipality_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(id)
            .bind(*o)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
            // Its search entry, by the registry's one normalisation.
            registry::public::index_organisations(&mut conn, &[org]).await?;
        }
    }
    for a in ACCOUNTS {
        users::add(
            db,
            &NewUser {
                email: a.email,
                name: a.name,
                password: PASSWORD,
                role: Some(a.role),
                municipality: a.municipality,
                department: a.department,
                organisation: a.organisation,
            },
            now,
        )
        .await?;
    }
    // Each capability's part, in an order where what is referred to exists first.
    // The registry first: the agreement's register of specific agreements names its associations.
    registry::demo(db, now).await?;
    agreement::demo(db, now).await?;
    signing::demo(db, now).await?;
    actionplan::demo(db, now).await?;
    meetings::demo(db, now).await?;
    premises::demo(db, now).await?;
    grants::demo(db, now).await?;
    openness::demo(db, now).await?;
    // After the meetings and the action plan: the ideas link to meeting 6 and an activity.
    support::demo(db, now).await?;
    sqlx::query("INSERT INTO instance_settings (key, value) VALUES ('demo_loaded', $1)")
        .bind(now.to_string())
        .execute(&db.pool)
        .await?;
    Ok(true)
}

/// Whether this database holds the demo (its marker or any of its accounts, whose password is
/// published): `serve` refuses such a database unless the run is the demo.
pub async fn present(db: &Db) -> anyhow::Result<bool> {
    let marker: Option<(String,)> = sqlx::query_as("SELECT value FROM instance_settings WHERE key = 'demo_loaded'")
        .fetch_optional(&db.pool)
        .await?;
    if marker.is_some() {
        return Ok(true);
    }
    for a in ACCOUNTS {
        let found: Option<(i64,)> = sqlx::query_as("SELECT 1 FROM users WHERE email = $1")
            .bind(a.email)
            .fetch_optional(&db.pool)
            .await?;
        if found.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}
