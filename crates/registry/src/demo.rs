//! The registry's demo data: a populated Sala directory (IKS, whose representative is the demo
//! account `forening.sala@demo.overens.example`, with a full profile), a few organisations in
//! Örebro and Luleå, and the daily reminder job. The organisationsnummer are made up but valid.

use crate::domain::{luhn_digit, Category, Feature, LegalForm, OrgNumber};
use crate::parts::store::{add_contact, add_premises, NewContact, NewPremises};
use crate::profile::store;
use crate::store::{ProfileEdit, Profiles};
use platform::db::{Db, Update};
use platform::{MunicipalityId, OrganisationId};

const DAY: i64 = 24 * 3600;

/// A valid organisationsnummer from nine digits.
fn number(nine: &str) -> anyhow::Result<OrgNumber> {
    let d: Vec<u8> = nine.bytes().map(|b| b.wrapping_sub(b'0')).collect();
    let s = format!("{}-{}{}", &nine[..6], &nine[6..], luhn_digit(&d));
    OrgNumber::parse(&s).map_err(|e| anyhow::anyhow!("demo number {s}: {e:?}"))
}

struct Demo {
    name: &'static str,
    nine: &'static str,
    form: LegalForm,
    categories: &'static [Category],
    mission: &'static str,
    target_groups: &'static str,
    members: Option<i64>,
    visiting: &'static str,
    website: &'static str,
    /// Days since the data was last confirmed (none: never, registered that long ago).
    confirmed_days_ago: Option<i64>,
    premises: Option<(&'static str, &'static str, i64, &'static str, &'static [Feature])>,
    contact: Option<(&'static str, &'static str)>,
}

const SALA: &[Demo] = &[
    Demo {
        name: "Sala hembygdsförening",
        nine: "817600123",
        form: LegalForm::IdeellForening,
        categories: &[Category::Kultur],
        mission: "Vi vårdar Salabygdens historia, driver hembygdsgården i Väsby och ordnar midsommarfirande, hantverksdagar och föredrag om bygdens silvergruva.",
        target_groups: "Alla som är intresserade av bygdens historia",
        members: Some(420),
        visiting: "Väsby kungsgård, Sala",
        website: "https://www.example.se/sala-hembygd",
        confirmed_days_ago: Some(40),
        premises: Some(("Hembygdsgården", "Väsby kungsgård, Sala", 80, "Kök, kakelugn, projektor", &[Feature::GroundFloor, Feature::Parking])),
        contact: Some(("Karin Lindqvist", "Ordförande")),
    },
    Demo {
        name: "Sala IF fotbollsförening",
        nine: "817600234",
        form: LegalForm::IdeellForening,
        categories: &[Category::Idrott, Category::BarnUnga],
        mission: "Idrottsförening med fotboll för barn, ungdomar och vuxna. Vi tror på glädje, gemenskap och att alla får vara med i fotbollsträningen.",
        target_groups: "Barn och unga 6–19 år, seniorlag",
        members: Some(310),
        visiting: "Lärkans idrottsplats, Sala",
        website: "",
        confirmed_days_ago: Some(100),
        premises: None,
        contact: Some(("Johan Berg", "Kansliansvarig")),
    },
    Demo {
        name: "Sala simsällskap",
        nine: "817600345",
        form: LegalForm::IdeellForening,
        categories: &[Category::Idrott],
        mission: "Simskola, simträning och tävlingssimning i Sala sim- och sporthall. Simkunnighet för alla barn i kommunen är vårt mål.",
        target_groups: "Barn från fyra år, ungdomar, motionärer",
        members: Some(260),
        visiting: "",
        website: "",
        confirmed_days_ago: None,
        premises: None,
        contact: None,
    },
    Demo {
        name: "Salabygdens scoutkår",
        nine: "817600456",
        form: LegalForm::IdeellForening,
        categories: &[Category::BarnUnga, Category::Fritid],
        mission: "Scouting med friluftsliv, läger och ledarskapsutbildning. Vi möts varje vecka i scoutstugan och i naturen runt Sala.",
        target_groups: "Barn och unga 8–25 år",
        members: Some(95),
        visiting: "Scoutstugan, Ekebyvägen, Sala",
        website: "",
        confirmed_days_ago: Some(200),
        premises: Some(("Scoutstugan", "Ekebyvägen 12, Sala", 40, "Kök, eldstad, kanoter att låna", &[Feature::Parking])),
        contact: Some(("Lena Holm", "Kårordförande")),
    },
    Demo {
        name: "PRO Sala",
        nine: "817600567",
        form: LegalForm::IdeellForening,
        categories: &[Category::Pensionarer, Category::Social],
        mission: "Pensionärsförening som ordnar studiecirklar, friskvård, resor och samkväm, och som bevakar pensionärernas intressen i kommunen.",
        target_groups: "Pensionärer",
        members: Some(780),
        visiting: "Norrmannsgatan 5, Sala",
        website: "",
        confirmed_days_ago: Some(20),
        premises: Some(("PRO-lokalen", "Norrmannsgatan 5, Sala", 60, "Kök, hörslinga, projektor", &[Feature::StepFree, Feature::GroundFloor, Feature::AccessibleToilet, Feature::HearingLoop])),
        contact: Some(("Bengt Åkesson", "Ordförande")),
    },
    Demo {
        name: "SPF Seniorerna Sala",
        nine: "817600678",
        form: LegalForm::IdeellForening,
        categories: &[Category::Pensionarer],
        mission: "Seniorförening med boule, stavgång, bokcirklar och månadsmöten med föredrag.",
        target_groups: "Seniorer",
        members: Some(510),
        visiting: "",
        website: "",
        confirmed_days_ago: Some(500),
        premises: None,
        contact: None,
    },
    Demo {
        name: "Svenska kyrkan Sala församling",
        nine: "252004567",
        form: LegalForm::Trossamfund,
        categories: &[Category::Trossamfund, Category::Social],
        mission: "Församlingen firar gudstjänst, driver öppen förskola, körverksamhet och diakonalt arbete för människor i utsatta situationer.",
        target_groups: "Alla i Sala",
        members: None,
        visiting: "Kristina kyrka, Sala",
        website: "",
        confirmed_days_ago: Some(60),
        premises: Some(("Församlingshemmet", "Kyrkogatan 6, Sala", 150, "Kök, flygel, hörslinga", &[Feature::StepFree, Feature::Lift, Feature::AccessibleToilet, Feature::HearingLoop])),
        contact: None,
    },
    Demo {
        name: "Naturskyddsföreningen Sala-Heby",
        nine: "817600789",
        form: LegalForm::IdeellForening,
        categories: &[Category::Miljo, Category::Fritid],
        mission: "Naturvandringar, fågelskådning och miljöarbete. Vi vill att fler upptäcker naturen runt Sala och engagerar sig i miljöfrågor.",
        target_groups: "Alla naturintresserade",
        members: Some(230),
        visiting: "",
        website: "",
        confirmed_days_ago: None,
        premises: None,
        contact: None,
    },
    Demo {
        name: "Studieförbundet Vuxenskolan Sala",
        nine: "817600890",
        form: LegalForm::IdeellForening,
        categories: &[Category::Utbildning, Category::Kultur],
        mission: "Studiecirklar, kulturarrangemang och folkbildning. Vi stöttar föreningar med utbildning i föreningskunskap och styrelsearbete.",
        target_groups: "Vuxna och föreningar",
        members: None,
        visiting: "Bergmansgatan 4, Sala",
        website: "",
        confirmed_days_ago: Some(10),
        premises: Some(("Studielokalen", "Bergmansgatan 4, Sala", 25, "Whiteboard, skärm, wifi", &[Feature::StepFree, Feature::GroundFloor])),
        contact: None,
    },
    Demo {
        name: "Röda korset Sala",
        nine: "817600901",
        form: LegalForm::IdeellForening,
        categories: &[Category::Social],
        mission: "Social verksamhet: läxhjälp, språkcafé, besöksverksamhet och krisstöd. Välkommen som frivillig!",
        target_groups: "Nyanlända, äldre, barnfamiljer",
        members: Some(140),
        visiting: "",
        website: "",
        confirmed_days_ago: Some(300),
        premises: None,
        contact: None,
    },
    Demo {
        name: "Sala kammarkör",
        nine: "817601012",
        form: LegalForm::IdeellForening,
        categories: &[Category::Kultur],
        mission: "Körsång på hög nivå med konserter i Sala och Västmanland. Vi sjunger allt från medeltida musik till nyskrivna verk.",
        target_groups: "Sångare med körvana",
        members: Some(32),
        visiting: "",
        website: "",
        confirmed_days_ago: Some(90),
        premises: None,
        contact: None,
    },
    Demo {
        name: "Sala ridklubb",
        nine: "817601123",
        form: LegalForm::IdeellForening,
        categories: &[Category::Idrott, Category::BarnUnga],
        mission: "Ridskola och tävlingsridning. Ridhuset har ramp och tillgänglig toalett, och vi har ridterapi för personer med funktionsnedsättning.",
        target_groups: "Barn, unga och vuxna",
        members: Some(280),
        visiting: "Ridvägen 1, Sala",
        website: "",
        confirmed_days_ago: Some(150),
        premises: Some(("Ridhuset", "Ridvägen 1, Sala", 100, "Läktare, cafeteria", &[Feature::StepFree, Feature::AccessibleToilet, Feature::Parking])),
        contact: None,
    },
    Demo {
        name: "Ängshagens schacksällskap",
        nine: "817601234",
        form: LegalForm::IdeellForening,
        categories: &[Category::Intresse],
        mission: "Schack för alla åldrar: klubbkvällar, turneringar och schackskola för nybörjare.",
        target_groups: "Alla som vill spela schack",
        members: Some(28),
        visiting: "",
        website: "",
        confirmed_days_ago: Some(30),
        premises: None,
        contact: None,
    },
];

const OREBRO: &[Demo] = &[Demo {
    name: "Örebro konstförening",
    nine: "817700123",
    form: LegalForm::IdeellForening,
    categories: &[Category::Kultur],
    mission: "Konstföreningen ordnar utställningar, konstresor och konstlotterier för medlemmarna.",
    target_groups: "Konstintresserade",
    members: Some(350),
    visiting: "",
    website: "",
    confirmed_days_ago: Some(30),
    premises: None,
    contact: None,
}];

const LULEA: &[Demo] = &[
    Demo {
        name: "Luleå idrottsallians",
        nine: "817800123",
        form: LegalForm::IdeellForening,
        categories: &[Category::Idrott],
        mission: "Samarbete mellan idrottsföreningarna i Luleå kring anläggningar, utbildning och föreningsstöd.",
        target_groups: "Idrottsföreningar",
        members: None,
        visiting: "",
        website: "",
        confirmed_days_ago: Some(60),
        premises: None,
        contact: None,
    },
    Demo {
        name: "Föreningen Norrbottens kulturarv",
        nine: "817800234",
        form: LegalForm::IdeellForening,
        categories: &[Category::Kultur, Category::Intresse],
        mission: "Vi dokumenterar och berättar om kulturarvet i Norrbotten genom vandringar, skrifter och föredrag.",
        target_groups: "Alla",
        members: Some(120),
        visiting: "",
        website: "",
        confirmed_days_ago: None,
        premises: None,
        contact: None,
    },
];

fn edit_of(d: &Demo) -> anyhow::Result<ProfileEdit> {
    Ok(ProfileEdit {
        name: d.name.into(),
        org_number: Some(number(d.nine)?),
        legal_form: d.form,
        categories: d.categories.to_vec(),
        mission: d.mission.into(),
        email: String::new(),
        phone: String::new(),
        website: d.website.into(),
        social_links: vec![],
        postal_address: String::new(),
        visiting_address: d.visiting.into(),
        member_count: d.members,
        target_groups: d.target_groups.into(),
    })
}

async fn municipality(db: &Db, slug: &str) -> anyhow::Result<Option<MunicipalityId>> {
    Ok(platform::tenants::store::by_slug(db, slug).await?.map(|m| m.id))
}

/// Mark the organisation's data confirmed at `at`.
async fn confirmed(db: &Db, id: OrganisationId, at: i64) -> anyhow::Result<()> {
    let mut conn = db.pool.acquire().await?;
    Update::table(Profiles::Table)
        .set(Profiles::ConfirmedAt, at)
        .filter(Profiles::OrganisationId, id)
        .run(&mut conn)
        .await?;
    Ok(())
}

async fn add(db: &Db, m: MunicipalityId, list: &[Demo], now: i64) -> anyhow::Result<()> {
    for d in list {
        // Registered long ago enough for the freshness rule to have something to say.
        let registered = now - 600 * DAY;
        let id = store::create(db, m, &edit_of(d)?, None, registered).await?;
        if let Some(days) = d.confirmed_days_ago {
            confirmed(db, id, now - days * DAY).await?;
        }
        if let Some((name, address, capacity, equipment, features)) = d.premises {
            let p = NewPremises {
                name: name.into(),
                address: address.into(),
                capacity: Some(capacity),
                equipment: equipment.into(),
                features: features.to_vec(),
            };
            add_premises(db, m, id, &p, None, now).await?;
        }
        if let Some((name, role)) = d.contact {
            let c = NewContact {
                name: name.into(),
                role: role.into(),
                email: String::new(),
                phone: String::new(),
                is_public: true,
            };
            add_contact(db, m, id, &c, None, now).await?;
        }
    }
    Ok(())
}

/// Load the demo directory (the platform's demo has made the municipalities, IKS and
/// Föreningarnas hus already).
pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    if let Some(sala) = municipality(db, "sala").await? {
        let iks: Option<(OrganisationId,)> =
            sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2")
                .bind(sala)
                .bind("IKS – Ideell Kultur i Sala")
                .fetch_optional(&db.pool)
                .await?;
        if let Some((iks,)) = iks {
            let e = ProfileEdit {
                name: "IKS – Ideell Kultur i Sala".into(),
                org_number: Some(number("802470123")?),
                legal_form: LegalForm::IdeellForening,
                categories: vec![Category::Kultur, Category::BarnUnga],
                mission: "IKS är en paraplyförening för kulturföreningar i Sala. Vi ordnar kulturfestivalen, \
                          teaterverkstäder och musikcaféer, och vi tog initiativet till överenskommelsen mellan \
                          civilsamhället och Sala kommun."
                    .into(),
                email: "info@iks.example".into(),
                phone: "0224-123 45".into(),
                website: "https://www.iks.example".into(),
                social_links: vec!["https://www.facebook.com/iks.example".into()],
                postal_address: "Box 12, 733 21 Sala".into(),
                visiting_address: "Kulturhuset, Väsbygatan 3, Sala".into(),
                member_count: Some(34),
                target_groups: "Kulturföreningar, barn och unga, alla som vill skapa".into(),
            };
            store::update(db, sala, iks, &e, None, now).await?;
            confirmed(db, iks, now - 45 * DAY).await?;
            for (name, role, email, public) in [
                (
                    "Isa Österberg",
                    "Ordförande",
                    "forening.sala@demo.overens.example",
                    true,
                ),
                ("Per Sjöberg", "Kassör", "per.sjoberg@iks.example", false),
            ] {
                let c = NewContact {
                    name: name.into(),
                    role: role.into(),
                    email: email.into(),
                    phone: String::new(),
                    is_public: public,
                };
                add_contact(db, sala, iks, &c, None, now).await?;
            }
            let p = NewPremises {
                name: "Kulturhusets studio".into(),
                address: "Väsbygatan 3, Sala".into(),
                capacity: Some(45),
                equipment: "Scen, ljudanläggning, ljusrigg, kök".into(),
                features: vec![
                    Feature::StepFree,
                    Feature::GroundFloor,
                    Feature::AccessibleToilet,
                    Feature::HearingLoop,
                ],
            };
            add_premises(db, sala, iks, &p, None, now).await?;
        }
        add(db, sala, SALA, now).await?;
        crate::facts::demo::load(db, sala, now).await?;
    }
    if let Some(orebro) = municipality(db, "orebro").await? {
        add(db, orebro, OREBRO, now).await?;
    }
    if let Some(lulea) = municipality(db, "lulea").await? {
        add(db, lulea, LULEA, now).await?;
    }
    crate::reminders::schedule(db, now + DAY, now).await?;
    Ok(())
}
