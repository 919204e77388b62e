//! The inventory's limits and checks, as plain functions: what premises, rooms and photos must
//! be before they are saved, and who manages what.

use super::store::{PremisesInput, RoomInput};
use crate::domain::{self, Equipment, Hours, Mode, Prices};
use platform::auth::CurrentUser;
use platform::rules::{self, Email, Invalid};
use platform::upload::FILE_MAX;
use platform::MunicipalityId;
use platform::OrganisationId;

// --- Limits and checks (plain functions) ---

pub const NAME_MAX: usize = 200;
pub const ADDRESS_MAX: usize = 200;
pub const AREA_MAX: usize = 100;
pub const TEXT_MAX: usize = 4000;
pub const NOTE_MAX: usize = 1000;
pub const ALT_MAX: usize = 300;
/// The largest photo form read to its end. A photo may be at most [`FILE_MAX`]; a larger one
/// (a phone's photo is often 2–6 MB) is still read up to this size and dropped, so that the
/// browser shows the page that says the file is too large instead of a broken connection.
pub const PHOTO_BODY_MAX: usize = 8 * FILE_MAX;
/// The photos a room keeps: enough to show it, not a photo archive.
pub const PHOTOS_MAX: usize = 20;
pub const CAPACITY_MAX: i64 = 100_000;
pub const PRICE_MAX: i64 = 1_000_000;

/// Why a value of the inventory's forms was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Rule(Invalid),
    Owner,
    Capacity,
    Buffer,
    Mode,
    Hours,
    Price,
}

impl Problem {
    pub fn message(self, tr: &platform::i18n::Tr) -> String {
        match self {
            Problem::Rule(why) => match why.limit() {
                Some(n) => tr.ta(why.message_id(), &[("n", &n)]),
                None => tr.t(why.message_id()),
            },
            Problem::Owner | Problem::Mode => tr.t("err-choose"),
            Problem::Capacity => tr.t("premises-inv-err-capacity"),
            Problem::Buffer => tr.t("premises-inv-err-buffer"),
            Problem::Hours => tr.t("premises-inv-err-hours"),
            Problem::Price => tr.t("premises-inv-err-price"),
        }
    }
}

pub type Problems = Vec<(String, Problem)>;

pub fn optional_line(s: &str, max: usize) -> Result<String, Invalid> {
    if s.trim().is_empty() {
        Ok(String::new())
    } else {
        rules::line(s, max)
    }
}

/// The premises' form as posted. The owner is chosen once, at creation (the edit form has none).
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct PremisesForm {
    pub owner: String,
    pub name: String,
    pub address: String,
    pub area: String,
    pub description: String,
    pub rules: String,
    pub contact_email: String,
}

/// The premises' fields, checked. The owner is not among them: it is chosen once, at creation.
pub fn check_premises(f: &PremisesForm) -> Result<PremisesInput, Problems> {
    let mut problems = vec![];
    let mut take = |name: &str, r: Result<String, Invalid>| match r {
        Ok(v) => v,
        Err(why) => {
            problems.push((name.to_string(), Problem::Rule(why)));
            String::new()
        }
    };
    let p = PremisesInput {
        organisation_id: None,
        name: take("name", rules::line(&f.name, NAME_MAX)),
        address: take("address", optional_line(&f.address, ADDRESS_MAX)),
        area: take("area", optional_line(&f.area, AREA_MAX)),
        description: take("description", rules::text(&f.description, TEXT_MAX)),
        rules: take("rules", rules::text(&f.rules, TEXT_MAX)),
        contact_email: take(
            "contact_email",
            Email::parse(&f.contact_email).map(|e| e.as_str().to_string()),
        ),
    };
    if problems.is_empty() {
        Ok(p)
    } else {
        Err(problems)
    }
}

/// A whole number in `min..=max`, or None. Spaces (as in "1 500") are allowed.
pub fn number(s: &str, min: i64, max: i64) -> Option<i64> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    s.parse::<i64>().ok().filter(|n| (min..=max).contains(n))
}

/// The names of the opening hours' fields, Monday first.
pub const HOURS_FIELDS: [&str; 7] = [
    "hours_1", "hours_2", "hours_3", "hours_4", "hours_5", "hours_6", "hours_7",
];

/// The price fields, one per kind of booker, in the order of [`domain::BookerKind::ALL`].
pub const PRICE_FIELDS: [&str; 3] = ["price_association", "price_private", "price_company"];

/// A room's form, checked. `all` holds every posted pair (checkbox groups repeat their name).
pub fn check_room(all: &[(String, String)]) -> Result<RoomInput, Problems> {
    let get = |name: &str| {
        all.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let values = |name: &str| {
        all.iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    let mut problems: Problems = vec![];
    let mut bad = |name: &str, p: Problem| problems.push((name.to_string(), p));
    let name = rules::line(get("name"), NAME_MAX).unwrap_or_else(|why| {
        bad("name", Problem::Rule(why));
        String::new()
    });
    let capacity = number(get("capacity"), 1, CAPACITY_MAX).unwrap_or_else(|| {
        bad("capacity", Problem::Capacity);
        0
    });
    let equipment_note = rules::text(get("equipment_note"), NOTE_MAX).unwrap_or_else(|why| {
        bad("equipment_note", Problem::Rule(why));
        String::new()
    });
    let access_note = rules::text(get("access_note"), NOTE_MAX).unwrap_or_else(|why| {
        bad("access_note", Problem::Rule(why));
        String::new()
    });
    let mode = Mode::parse(get("mode"));
    if mode.is_none() {
        bad("mode", Problem::Mode);
    }
    let buffer = get("buffer_minutes");
    let buffer_minutes = if buffer.trim().is_empty() {
        0
    } else {
        number(buffer, 0, domain::MAX_BUFFER_MINUTES).unwrap_or_else(|| {
            bad("buffer_minutes", Problem::Buffer);
            0
        })
    };
    let mut hours = Hours::default();
    for (i, field) in HOURS_FIELDS.iter().enumerate() {
        match Hours::parse_day(get(field)) {
            Ok(day) => hours.0[i] = day,
            Err(domain::BadHours) => bad(field, Problem::Hours),
        }
    }
    let mut price = |field: &str| {
        let v = get(field);
        if v.trim().is_empty() {
            None
        } else {
            let n = number(v, 0, PRICE_MAX);
            if n.is_none() {
                bad(field, Problem::Price);
            }
            n
        }
    };
    let prices = Prices {
        association: price(PRICE_FIELDS[0]),
        private: price(PRICE_FIELDS[1]),
        company: price(PRICE_FIELDS[2]),
    };
    let input = RoomInput {
        name,
        capacity,
        equipment: Equipment::bits_of(values("equipment")),
        equipment_note,
        access: domain::feature_bits_of(values("access")),
        access_note,
        mode,
        buffer_minutes,
        prices,
        hours,
    };
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(problems)
    }
}

/// The type of an image by its first bytes (JPEG, PNG or WebP), whatever its name says.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// The rooms a user manages: all the municipality's own (staff) and their organisations'.
pub fn manages(user: &CurrentUser, municipality_id: MunicipalityId, organisation_id: Option<OrganisationId>) -> bool {
    match organisation_id {
        None => user.is_staff(municipality_id),
        Some(o) => user.represents(o) || user.is_coordinator(municipality_id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use platform::features::Feature;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(k, x)| (k.to_string(), x.to_string())).collect()
    }

    #[test]
    fn images_are_known_by_their_first_bytes() {
        assert_eq!(image_type(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some("image/jpeg"));
        assert_eq!(image_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("image/png"));
        assert_eq!(image_type(b"RIFF\x24\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(image_type(b"RIFF\x24\0\0\0WAVEfmt "), None);
        assert_eq!(image_type(b"hej, det h\xc3\xa4r \xc3\xa4r text"), None);
        assert_eq!(image_type(b"\x89PN"), None);
        assert_eq!(image_type(b""), None);
    }

    #[test]
    fn a_room_with_every_field() {
        let r = check_room(&pairs(&[
            ("name", " Stora salen "),
            ("capacity", "120"),
            ("equipment", "projector"),
            ("equipment", "kitchen"),
            ("equipment_note", "Projektorn finns i skåpet."),
            ("access", "step_free"),
            ("access", "hearing_loop"),
            ("access_note", ""),
            ("mode", "instant"),
            ("buffer_minutes", "30"),
            ("hours_1", "08:00–22:00"),
            ("hours_2", "8-17"),
            ("hours_7", ""),
            ("price_association", "0"),
            ("price_private", "1 500"),
            ("price_company", ""),
        ]))
        .unwrap();
        assert_eq!(r.name, "Stora salen");
        assert_eq!(r.capacity, 120);
        assert_eq!(
            Equipment::of_bits(r.equipment),
            [Equipment::Projector, Equipment::Kitchen]
        );
        assert_eq!(
            domain::features_of_bits(r.access),
            [Feature::StepFree, Feature::HearingLoop]
        );
        assert_eq!(r.mode, Some(Mode::Instant));
        assert_eq!(r.buffer_minutes, 30);
        assert_eq!(r.hours.0[0], Some((480, 1320)));
        assert_eq!(r.hours.0[1], Some((480, 1020)));
        assert_eq!(r.hours.0[6], None);
        assert_eq!(
            r.prices,
            Prices {
                association: Some(0),
                private: Some(1500),
                company: None
            }
        );
    }

    #[test]
    fn a_room_with_mistakes_names_each_field() {
        let e = check_room(&pairs(&[
            ("name", ""),
            ("capacity", "0"),
            ("mode", "sometimes"),
            ("buffer_minutes", "241"),
            ("hours_1", "22-08"),
            ("hours_3", "morgon"),
            ("price_private", "-5"),
            ("price_company", "10.5"),
        ]))
        .unwrap_err();
        let fields: Vec<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "name",
                "capacity",
                "mode",
                "buffer_minutes",
                "hours_1",
                "hours_3",
                "price_private",
                "price_company"
            ]
        );
    }

    #[test]
    fn premises_need_a_name_and_a_contact() {
        let e = check_premises(&PremisesForm {
            address: "Vasagatan 17".into(),
            ..PremisesForm::default()
        })
        .unwrap_err();
        assert_eq!(
            e,
            [
                ("name".to_string(), Problem::Rule(Invalid::Required)),
                ("contact_email".to_string(), Problem::Rule(Invalid::Required))
            ]
        );
        let ok = check_premises(&PremisesForm {
            name: "Täljstenen".into(),
            contact_email: "Lokaler@Sala.se".into(),
            ..PremisesForm::default()
        })
        .unwrap();
        assert_eq!(ok.contact_email, "lokaler@sala.se");
    }
}
