//! Demo premises: Sala's Täljstenen (Vasagatan 17, where the dialog meetings are held) and a
//! few association premises that lend rooms to others, with bookings in the weeks around the
//! demo's start: single and weekly ones, confirmed, and a request waiting for an answer.

use crate::booking::store;
use crate::domain::{self, BookerKind, Equipment, Hours, Mode, Prices, Status};
use crate::ids::RoomId;
use crate::inventory::store::{self as inventory, PremisesInput, RoomInput};
use chrono::Duration;
use platform::db::Db;
use platform::features::Feature;
use platform::{MunicipalityId, OrganisationId, UserId};

async fn id_by<I>(db: &Db, sql: &str, key: &str) -> anyhow::Result<Option<I>>
where
    I: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + Send + Unpin,
{
    let row: Option<(I,)> = sqlx::query_as(sql).bind(key).fetch_optional(&db.pool).await?;
    Ok(row.map(|r| r.0))
}

fn hours(weekdays: (i64, i64), weekend: Option<(i64, i64)>) -> Hours {
    let mut h = Hours::default();
    for (i, day) in h.0.iter_mut().enumerate() {
        *day = if i < 5 { Some(weekdays) } else { weekend };
    }
    h
}

struct DemoRoom {
    name: &'static str,
    capacity: i64,
    equipment: &'static [Equipment],
    access: &'static [Feature],
    access_note: &'static str,
    mode: Mode,
    buffer: i64,
    prices: Prices,
    hours: Hours,
}

async fn premises(
    db: &Db,
    sala: MunicipalityId,
    organisation: Option<OrganisationId>,
    p: PremisesInput,
    rooms: Vec<DemoRoom>,
    now: i64,
) -> anyhow::Result<Vec<RoomId>> {
    let input = PremisesInput {
        organisation_id: organisation,
        ..p
    };
    let id = inventory::save_premises(db, sala, None, &input, None, now)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo premises not saved"))?;
    let mut ids = vec![];
    for r in rooms {
        let input = RoomInput {
            name: r.name.to_string(),
            capacity: r.capacity,
            equipment: r.equipment.iter().fold(0, |a, e| a | e.bit()),
            equipment_note: String::new(),
            access: r.access.iter().fold(0, |a, f| a | domain::feature_bit(*f)),
            access_note: r.access_note.to_string(),
            mode: Some(r.mode),
            buffer_minutes: r.buffer,
            prices: r.prices,
            hours: r.hours,
        };
        let room = inventory::save_room(db, sala, id, None, &input, None, now)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo room not saved"))?;
        ids.push(room);
    }
    Ok(ids)
}

/// One demo booking, or `weeks` of them weekly with a series row, written like a real one but
/// without e-mail; the database still refuses overlaps.
#[allow(clippy::too_many_arguments)]
async fn booking(
    db: &Db,
    sala: MunicipalityId,
    room: RoomId,
    weeks: i64,
    who: (Option<UserId>, Option<OrganisationId>, BookerKind, &str),
    purpose: &str,
    people: i64,
    date: chrono::NaiveDate,
    (from, to): (i64, i64),
    buffer: i64,
    status: Status,
    now: i64,
) -> anyhow::Result<()> {
    let mut slots = vec![];
    for w in 0..weeks {
        let d = date + Duration::days(7 * w);
        if let (Ok(starts_at), Ok(ends_at)) = (domain::local(d, from), domain::local(d, to)) {
            slots.push(domain::Slot {
                date: d,
                starts_at,
                ends_at,
                blocks_until: ends_at + buffer * 60,
            });
        }
    }
    let input = store::BookingInput {
        user_id: who.0,
        organisation_id: who.1,
        kind: who.2,
        booker_name: who.3.to_string(),
        email: "bokning@demo.overens.example".to_string(),
        purpose: purpose.to_string(),
        attendees: people,
        public_title: None,
    };
    let series = weeks > 1;
    let mut tx = db.write().await?;
    if let Err(dates) = store::write_slots(&mut tx, sala, room, &input, &slots, series, status, None, now).await? {
        anyhow::bail!("demo booking meets another on {dates:?}");
    }
    tx.commit().await?;
    Ok(())
}

pub async fn load(db: &Db, now: i64) -> anyhow::Result<()> {
    let Some(sala) = id_by::<MunicipalityId>(db, "SELECT id FROM municipalities WHERE slug = $1", "sala").await? else {
        return Ok(());
    };
    let org = |name: &'static str| async move {
        let row: Option<(OrganisationId,)> =
            sqlx::query_as("SELECT id FROM organisations WHERE municipality_id = $1 AND name = $2")
                .bind(sala)
                .bind(name)
                .fetch_optional(&db.pool)
                .await?;
        anyhow::Ok(row.map(|r| r.0))
    };
    let iks = org("IKS – Ideell Kultur i Sala").await?;
    let hembygd = org("Sala hembygdsförening").await?;
    let pro = org("PRO Sala").await?;
    let rep = id_by::<UserId>(
        db,
        "SELECT id FROM users WHERE email = $1",
        "forening.sala@demo.overens.example",
    )
    .await?;

    let talj = premises(
        db,
        sala,
        None,
        PremisesInput {
            name: "Täljstenen".into(),
            address: "Vasagatan 17, 733 38 Sala".into(),
            area: "Sala tätort".into(),
            description: "Kommunens mötes- och föreläsningslokaler vid Stora torget. Här hålls dialogmötena.".into(),
            rules: "Lämna lokalen som ni fann den. Nyckel hämtas i receptionen. Ingen alkohol.".into(),
            contact_email: "personal.sala@demo.overens.example".into(),
            ..PremisesInput::default()
        },
        vec![
            DemoRoom {
                name: "Föreläsningssalen",
                capacity: 80,
                equipment: &[
                    Equipment::Projector,
                    Equipment::Screen,
                    Equipment::Sound,
                    Equipment::Wifi,
                ],
                access: &[
                    Feature::StepFree,
                    Feature::GroundFloor,
                    Feature::AccessibleToilet,
                    Feature::HearingLoop,
                ],
                access_note: "Lokalen ligger i markplan. Handikapptoalett finns. Hörslinga finns i föreläsningssalen.",
                mode: Mode::Request,
                buffer: 30,
                prices: Prices {
                    association: Some(0),
                    private: Some(300),
                    company: Some(650),
                },
                hours: hours((480, 1320), Some((540, 1020))),
            },
            DemoRoom {
                name: "Grupprum Silvret",
                capacity: 12,
                equipment: &[Equipment::Screen, Equipment::Wifi, Equipment::Whiteboard],
                access: &[Feature::StepFree, Feature::GroundFloor, Feature::AccessibleToilet],
                access_note: "",
                mode: Mode::Instant,
                buffer: 15,
                prices: Prices {
                    association: Some(0),
                    private: Some(100),
                    company: Some(250),
                },
                hours: hours((480, 1320), Some((540, 1020))),
            },
        ],
        now,
    )
    .await?;
    let mut lent = vec![];
    if let Some(h) = hembygd {
        lent.extend(
            premises(
                db,
                sala,
                Some(h),
                PremisesInput {
                    name: "Hembygdsgården".into(),
                    address: "Väsby kungsgård, Sala".into(),
                    area: "Sala tätort".into(),
                    description: "Föreningens gård lånas ut till andra föreningar för möten och fester.".into(),
                    rules: "Föreningar i Sala lånar gratis mot att de städar efter sig.".into(),
                    contact_email: "hembygd@demo.overens.example".into(),
                    ..PremisesInput::default()
                },
                vec![DemoRoom {
                    name: "Stora stugan",
                    capacity: 80,
                    equipment: &[Equipment::Kitchen, Equipment::Projector],
                    access: &[Feature::GroundFloor, Feature::Parking],
                    access_note: "Tröskel vid entrén.",
                    mode: Mode::Request,
                    buffer: 60,
                    prices: Prices {
                        association: Some(0),
                        private: Some(200),
                        company: None,
                    },
                    hours: hours((600, 1320), Some((600, 1380))),
                }],
                now,
            )
            .await?,
        );
    }
    if let Some(p) = pro {
        lent.extend(
            premises(
                db,
                sala,
                Some(p),
                PremisesInput {
                    name: "PRO-lokalen".into(),
                    address: "Norrmannsgatan 5, Sala".into(),
                    area: "Sala tätort".into(),
                    description: "Samlingssal med kök. Andra föreningar får låna den när PRO inte har möte.".into(),
                    rules: String::new(),
                    contact_email: "pro@demo.overens.example".into(),
                    ..PremisesInput::default()
                },
                vec![DemoRoom {
                    name: "Samlingssalen",
                    capacity: 60,
                    equipment: &[Equipment::Kitchen, Equipment::Projector, Equipment::Piano],
                    access: &[
                        Feature::StepFree,
                        Feature::GroundFloor,
                        Feature::AccessibleToilet,
                        Feature::HearingLoop,
                    ],
                    access_note: "",
                    mode: Mode::Instant,
                    buffer: 0,
                    prices: Prices {
                        association: Some(0),
                        private: None,
                        company: None,
                    },
                    hours: hours((540, 1260), None),
                }],
                now,
            )
            .await?,
        );
    }
    if let Some(i) = iks {
        premises(
            db,
            sala,
            Some(i),
            PremisesInput {
                name: "IKS ateljé".into(),
                address: "Fabriksgatan 3, Sala".into(),
                area: "Sala tätort".into(),
                description: "Ateljé och replokal som IKS delar med andra kulturföreningar.".into(),
                rules: "Instrument och verktyg lånas bara efter överenskommelse.".into(),
                contact_email: "forening.sala@demo.overens.example".into(),
                ..PremisesInput::default()
            },
            vec![DemoRoom {
                name: "Replokalen",
                capacity: 15,
                equipment: &[Equipment::Sound, Equipment::Piano, Equipment::Stage],
                access: &[Feature::Lift],
                access_note: "Hiss till andra våningen.",
                mode: Mode::Request,
                buffer: 15,
                prices: Prices {
                    association: Some(50),
                    private: Some(150),
                    company: None,
                },
                hours: hours((960, 1320), Some((600, 1200))),
            }],
            now,
        )
        .await?;
    }

    // An open season for the hall: three associations apply, two of them for the same evening.
    let football = org("Sala IF fotbollsförening").await?;
    let applicants: Vec<crate::seasons::store::DemoApplicant> = [
        (pro, "PRO Sala", "pro@demo.overens.example"),
        (football, "Sala IF fotbollsförening", "fotboll@demo.overens.example"),
        (iks, "IKS – Ideell Kultur i Sala", "forening.sala@demo.overens.example"),
    ]
    .into_iter()
    .filter_map(|(id, name, email)| {
        id.map(|organisation_id| crate::seasons::store::DemoApplicant {
            organisation_id,
            name,
            email,
        })
    })
    .collect();
    crate::seasons::store::demo(db, sala, talj[0], &applicants, now).await?;

    // Bookings around the demo's week.
    let monday = domain::monday_of(domain::local_date(now));
    let day = |weeks: i64, wd: i64| monday + Duration::days(7 * weeks + wd);
    let (big, small) = (talj[0], talj[1]);
    let pro_who = (None, pro, BookerKind::Association, "PRO Sala");
    let iks_who = (rep, iks, BookerKind::Association, "IKS – Ideell Kultur i Sala");
    // PRO's weekly study circle in Silvret, Tuesdays 10–12, ten weeks.
    booking(
        db,
        sala,
        small,
        10,
        pro_who,
        "Studiecirkel: släktforskning",
        10,
        day(0, 1),
        (600, 720),
        15,
        Status::Confirmed,
        now,
    )
    .await?;
    booking(
        db,
        sala,
        big,
        1,
        iks_who,
        "Konsert med elever från kulturskolan",
        70,
        day(0, 3),
        (1080, 1260),
        30,
        Status::Confirmed,
        now,
    )
    .await?;
    booking(
        db,
        sala,
        big,
        1,
        iks_who,
        "Öppet möte om kulturstöd",
        40,
        day(1, 2),
        (1080, 1200),
        30,
        Status::Requested,
        now,
    )
    .await?;
    booking(
        db,
        sala,
        small,
        1,
        (None, None, BookerKind::Private, "Anna Berg"),
        "Släktträff",
        8,
        day(0, 5),
        (600, 900),
        15,
        Status::Confirmed,
        now,
    )
    .await?;
    if let Some(stuga) = lent.first() {
        booking(
            db,
            sala,
            *stuga,
            1,
            iks_who,
            "Höstfest för medlemmar",
            60,
            day(1, 5),
            (1080, 1380),
            60,
            Status::Confirmed,
            now,
        )
        .await?;
    }
    Ok(())
}
