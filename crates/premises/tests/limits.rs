//! Who may book as what, how much one booker may hold and how many photos a room keeps, on
//! both databases. The test clock starts Monday 2026-11-23 09:00 UTC.

use crate::common::{active, book, representative, room, signed_in, RoomSpec};
use crate::inventory::Uploader;
use platform::auth::RoleKind;
use testkit::{both, Backend, TestApp};

both!(
    another_municipalitys_association_cannot_book_here,
    a_room_keeps_at_most_twenty_photos,
    a_photo_loses_where_it_was_taken,
    a_private_person_holds_a_bounded_number_of_bookings,
    bookings_sent_at_once_stop_at_the_limit,
);

fn private<'a>(date: &'a str, until: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("datum", date),
        ("fran", "18:00"),
        ("till", "20:00"),
        ("personer", "10"),
        ("bokare", "private"),
        ("namn", "Anna Berg"),
        ("upprepa_till", until),
    ]
}

/// A private person cannot hold a room every week for a year (instant booking): at most ten
/// upcoming bookings, none more than 180 days ahead. An association is not bound by this.
async fn a_private_person_holds_a_bounded_number_of_bookings(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, hall) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    app.user("anna@example.se", None).await;
    let anna = app.client();
    anna.login("anna@example.se", testkit::PASSWORD).await;

    let year = book(&anna, "sala", hall, &private("2026-12-01", "2027-11-30")).await;
    assert_eq!(year.status, 422, "{}", year.text());
    assert!(year.text().contains("högst 10 kommande bokningar"), "{}", year.text());
    assert!(active(&app, hall).await.is_empty());

    let far = book(&anna, "sala", hall, &private("2027-09-01", "")).await;
    assert_eq!(far.status, 422, "{}", far.text());
    assert!(far.text().contains("högst 180 dagar framåt"), "{}", far.text());

    // Ten weeks are fine; the eleventh booking is not.
    let ten = book(&anna, "sala", hall, &private("2026-12-01", "2027-02-02")).await;
    assert_eq!(ten.status, 303, "{}", ten.text());
    assert_eq!(active(&app, hall).await.len(), 10);
    let more = book(&anna, "sala", hall, &private("2027-03-01", "")).await;
    assert_eq!(more.status, 422, "{}", more.text());
    assert_eq!(active(&app, hall).await.len(), 10);

    // An association books its season.
    let (choir, org) = representative(&app, "kor@example.se", "sala", "Sala kammarkör").await;
    let bokare = format!("org:{org}");
    let mut season = private("2026-12-02", "2027-05-26");
    season[4] = ("bokare", &bokare);
    let p = book(&choir, "sala", hall, &season).await;
    assert_eq!(p.status, 303, "{}", p.text());
    app.forget_jobs(); // the confirmations are `booking`'s to check
    app.stop().await;
}

/// A private person who holds nine bookings sends twenty more at the same moment (two browser
/// tabs, a script): the limit is counted inside the booking's write transaction, with the
/// booker's lock held, so exactly one is stored and the other nineteen are told the limit.
async fn bookings_sent_at_once_stop_at_the_limit(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, hall) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    app.user("anna@example.se", None).await;
    let anna = app.client();
    anna.login("anna@example.se", testkit::PASSWORD).await;
    // Nine Tuesdays, 2026-12-01 to 2027-01-26.
    let nine = book(&anna, "sala", hall, &private("2026-12-01", "2027-01-26")).await;
    assert_eq!(nine.status, 303, "{}", nine.text());
    assert_eq!(active(&app, hall).await.len(), 9);

    let path = format!("/sala/lokaler/rum/{hall}/boka");
    let token = anna.get(&path).await.csrf();
    let dates: Vec<String> = (1..=20).map(|d| format!("2027-02-{d:02}")).collect();
    let attempts = dates.iter().map(|date| {
        let (anna, path, token) = (&anna, &path, &token);
        async move {
            anna.post_raw(
                path,
                &[
                    ("_csrf", token.as_str()),
                    ("datum", date.as_str()),
                    ("fran", "18:00"),
                    ("till", "20:00"),
                    ("personer", "10"),
                    ("bokare", "private"),
                    ("namn", "Anna Berg"),
                ],
            )
            .await
        }
    });
    let pages = futures::future::join_all(attempts).await;
    let statuses: Vec<u16> = pages.iter().map(|p| p.status).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 303).count(), 1, "{statuses:?}");
    let refused = pages
        .iter()
        .filter(|p| p.status == 422 && p.text().contains("högst 10 kommande bokningar"))
        .count();
    assert_eq!(refused, 19, "{statuses:?}");
    assert_eq!(active(&app, hall).await.len(), 10);
    app.forget_jobs(); // the confirmations are `booking`'s to check
    app.stop().await;
}

/// A phone's JPEG: JFIF, EXIF with a GPS position, then the scan.
fn jpeg_with_gps() -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    j.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    let exif = b"Exif\0\0GPSLatitude 59.92 N GPSLongitude 16.60 E";
    j.extend_from_slice(&[0xFF, 0xE1, 0x00, (exif.len() + 2) as u8]);
    j.extend_from_slice(exif);
    j.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0xAB, 0xCD, 0xFF, 0xD9]);
    j
}

async fn a_photo_loses_where_it_was_taken(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, hall) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    signed_in(&app, "personal@sala.example", RoleKind::Staff, "sala").await;
    let up = Uploader::login(&app, "personal@sala.example").await;
    let action = up.action(hall.get()).await;
    let (status, _, body) = up
        .upload(&action, "salen.jpg", "image/jpeg", jpeg_with_gps(), "Salen")
        .await;
    assert_eq!(status, 303, "{body}");
    let photos = premises::inventory::store::photos(&app.state.db, sala, hall)
        .await
        .unwrap();
    let res = reqwest::get(app.url(&format!("/sala/lokaler/rum/{hall}/foto/{}", photos[0].id)))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let served = res.bytes().await.unwrap().to_vec();
    assert!(served.starts_with(&[0xFF, 0xD8]));
    assert!(!served.windows(3).any(|w| w == b"GPS"), "the position is gone");
    assert!(served.ends_with(&[0xAB, 0xCD, 0xFF, 0xD9]), "the image is kept");
    app.stop().await;
}

const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

async fn a_room_keeps_at_most_twenty_photos(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let (_, hall) = room(&app, sala, "Stora salen", RoomSpec::default()).await;
    signed_in(&app, "personal@sala.example", RoleKind::Staff, "sala").await;
    for i in 0..20 {
        premises::inventory::store::add_photo(
            &app.state.db,
            sala,
            hall,
            "image/png",
            PNG,
            &format!("Foto {i}"),
            None,
            0,
        )
        .await
        .unwrap();
    }
    let up = Uploader::login(&app, "personal@sala.example").await;
    let action = up.action(hall.get()).await;
    let (status, _, body) = up
        .upload(&action, "foto.png", "image/png", PNG.to_vec(), "En till")
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        testkit::text(&body).contains("Rummet har redan 20 foton"),
        "{}",
        testkit::text(&body)
    );
    let n = premises::inventory::store::photos(&app.state.db, sala, hall)
        .await
        .unwrap()
        .len();
    assert_eq!(n, 20);
    app.stop().await;
}

/// A representative of an Örebro association books a Sala room: not as the association (it is
/// not Sala's), neither offered on the form nor accepted when posted.
async fn another_municipalitys_association_cannot_book_here(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    app.municipality("orebro", "Örebro kommun").await;
    let (rep, org) = representative(&app, "ordf@orebroif.example", "orebro", "Örebro IF").await;
    let (_, hall) = room(&app, sala, "Stora salen", RoomSpec::default()).await;

    let form = rep.get(&format!("/sala/lokaler/rum/{hall}/boka")).await;
    assert_eq!(form.status, 200, "{}", form.text());
    assert!(!form.body.contains(&format!("org:{org}")), "{}", form.body);
    assert!(!form.text().contains("Örebro IF"), "{}", form.text());

    let bokare = format!("org:{org}");
    let p = book(
        &rep,
        "sala",
        hall,
        &[
            ("datum", "2026-12-12"),
            ("fran", "12:00"),
            ("till", "14:00"),
            ("personer", "10"),
            ("bokare", &bokare),
            ("namn", ""),
        ],
    )
    .await;
    assert_eq!(p.status, 422, "{}", p.text());
    assert!(active(&app, hall).await.is_empty());
    app.stop().await;
}
