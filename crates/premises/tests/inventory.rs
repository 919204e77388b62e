//! The premises inventory over HTTP, on both databases: premises and rooms with every field,
//! field errors, who may manage what, and photos (checked by their bytes, limited in size,
//! served with their type, deleted).

use platform::auth::RoleKind;
use platform::features::Feature;
use premises::domain::{BookerKind, Equipment, Mode};
use testkit::{both, Backend, Client, TestApp, PASSWORD};

/// A 1×1 PNG image.
const PNG: [u8; 68] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0b, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

async fn logged_in(app: &TestApp, email: &str) -> Client {
    let c = app.client();
    c.login(email, PASSWORD).await;
    c
}

async fn staff(app: &TestApp, slug: &str) -> Client {
    let email = format!("personal@{slug}.example");
    app.user(&email, Some((RoleKind::Staff, Some(slug)))).await;
    logged_in(app, &email).await
}

fn premises_fields<'a>(owner: &'a str, name: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("owner", owner),
        ("name", name),
        ("address", "Vasagatan 17, 733 38 Sala"),
        ("area", "Centrum"),
        ("description", "Kulturhus mitt i Sala."),
        ("rules", "Lämna salen som du fann den.\nNyckel hämtas i receptionen."),
        ("contact_email", "Lokaler@Sala.se"),
    ]
}

/// Create premises through the form; returns their id.
async fn create_premises(c: &Client, owner: &str, name: &str) -> i64 {
    let done = c
        .submit("/sala/lokaler/ny", "/sala/lokaler/ny", &premises_fields(owner, name))
        .await;
    assert_eq!(done.status, 303, "{}", done.text());
    let to = done.location.unwrap();
    let id = to
        .strip_prefix("/sala/lokaler/")
        .and_then(|r| r.split('/').next())
        .unwrap();
    assert_eq!(to, format!("/sala/lokaler/{id}/redigera?sparat=ny"));
    id.parse().unwrap()
}

fn room_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "Stora salen"),
        ("capacity", "120"),
        ("equipment", "projector"),
        ("equipment", "sound"),
        ("equipment", "kitchen"),
        ("equipment_note", "Projektorn står i skåpet till vänster."),
        ("access", "step_free"),
        ("access", "hearing_loop"),
        ("access", "accessible_toilet"),
        ("access_note", "Entrén utan trappsteg är från parkeringen."),
        ("mode", "instant"),
        ("buffer_minutes", "30"),
        ("hours_1", "08:00–22:00"),
        ("hours_2", "08:00-22:00"),
        ("hours_3", "8-17"),
        ("hours_4", ""),
        ("hours_5", "10.00–23.30"),
        ("hours_6", "09:00–24:00"),
        ("hours_7", ""),
        ("price_association", "0"),
        ("price_private", "250"),
        ("price_company", ""),
    ]
}

/// Create a room through the form; returns its id.
async fn create_room(c: &Client, premises: i64, fields: &[(&str, &str)]) -> i64 {
    let path = format!("/sala/lokaler/{premises}/rum/nytt");
    let done = c.submit(&path, &path, fields).await;
    assert_eq!(done.status, 303, "{}", done.text());
    let to = done.location.unwrap();
    let id = to
        .strip_prefix("/sala/lokaler/rum/")
        .and_then(|r| r.split('/').next())
        .unwrap();
    assert_eq!(to, format!("/sala/lokaler/rum/{id}/redigera?sparat=ny"));
    id.parse().unwrap()
}

fn checked(body: &str, id: &str) -> bool {
    let at = body.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let end = at + body[at..].find('>').unwrap();
    body[at..end].contains(" checked")
}

fn value(body: &str, id: &str) -> String {
    let at = body.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let tag = &body[at..at + body[at..].find('>').unwrap()];
    if let Some(v) = tag.find("value=\"") {
        let rest = &tag[v + 7..];
        return rest[..rest.find('"').unwrap()].to_string();
    }
    // A textarea: its text.
    let rest = &body[at + tag.len() + 1..];
    rest[..rest.find("</textarea>").unwrap()].to_string()
}

async fn staff_creates_premises_and_a_room_with_every_field(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let c = staff(&app, "sala").await;

    // Nothing yet; the form offers the municipality as owner.
    let list = c.get("/sala/lokaler/hantera/lokaler").await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains("Du har inga lokaler ännu."), "{}", list.text());
    let form = c.get("/sala/lokaler/ny").await;
    assert!(
        form.body
            .contains("<option value=\"municipality\">Sala kommun (kommunens egen lokal)</option>"),
        "{}",
        form.body
    );

    let id = create_premises(&c, "municipality", "Täljstenen").await;
    let edit = c.get(&format!("/sala/lokaler/{id}/redigera?sparat=ny")).await;
    assert_eq!(edit.status, 200);
    let text = edit.text();
    assert!(text.contains("Lokalen är sparad."), "{text}");
    assert!(text.contains("Lokalen har inga rum ännu."), "{text}");
    assert_eq!(value(&edit.body, "f-name"), "Täljstenen");
    assert_eq!(value(&edit.body, "f-address"), "Vasagatan 17, 733 38 Sala");
    assert_eq!(value(&edit.body, "f-area"), "Centrum");
    assert_eq!(value(&edit.body, "f-description"), "Kulturhus mitt i Sala.");
    assert_eq!(
        value(&edit.body, "f-rules"),
        "Lämna salen som du fann den.\nNyckel hämtas i receptionen."
    );
    assert_eq!(value(&edit.body, "f-contact_email"), "lokaler@sala.se");
    let p = premises::inventory::store::premises_one(&app.state.db, sala, premises::ids::PremisesId::new(id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.organisation_id, None);

    let list = c.get("/sala/lokaler/hantera/lokaler").await.text();
    assert!(list.contains("Täljstenen Sala kommun Vasagatan 17"), "{list}");

    // A room with every field, read back on its edit page and from the store.
    let room = create_room(&c, id, &room_fields()).await;
    let page = c.get(&format!("/sala/lokaler/rum/{room}/redigera?sparat=ny")).await;
    assert_eq!(page.status, 200);
    let b = &page.body;
    assert!(page.text().contains("Rummet är sparat. Nu kan du lägga till foton."));
    assert_eq!(value(b, "f-name"), "Stora salen");
    assert_eq!(value(b, "f-capacity"), "120");
    for (code, on) in [
        ("projector", true),
        ("screen", false),
        ("sound", true),
        ("kitchen", true),
        ("piano", false),
    ] {
        assert_eq!(checked(b, &format!("f-equipment-{code}")), on, "{code}");
    }
    for (code, on) in [
        ("step_free", true),
        ("lift", false),
        ("hearing_loop", true),
        ("accessible_toilet", true),
        ("parking", false),
    ] {
        assert_eq!(checked(b, &format!("f-access-{code}")), on, "{code}");
    }
    assert_eq!(value(b, "f-equipment_note"), "Projektorn står i skåpet till vänster.");
    assert_eq!(value(b, "f-access_note"), "Entrén utan trappsteg är från parkeringen.");
    assert!(checked(b, "f-mode-instant"));
    assert!(!checked(b, "f-mode"));
    assert_eq!(value(b, "f-buffer_minutes"), "30");
    let hours: Vec<String> = (1..=7).map(|d| value(b, &format!("f-hours_{d}"))).collect();
    assert_eq!(
        hours,
        [
            "08:00–22:00",
            "08:00–22:00",
            "08:00–17:00",
            "",
            "10:00–23:30",
            "09:00–24:00",
            ""
        ]
    );
    assert_eq!(value(b, "f-price_association"), "0");
    assert_eq!(value(b, "f-price_private"), "250");
    assert_eq!(value(b, "f-price_company"), "");

    let r = premises::inventory::store::room(&app.state.db, sala, premises::ids::RoomId::new(room))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(r.premises_id.get(), id);
    assert_eq!(r.capacity, 120);
    assert_eq!(
        Equipment::of_bits(r.equipment),
        [Equipment::Projector, Equipment::Sound, Equipment::Kitchen]
    );
    assert_eq!(
        premises::domain::features_of_bits(r.access),
        [Feature::StepFree, Feature::AccessibleToilet, Feature::HearingLoop]
    );
    assert_eq!(r.mode, Mode::Instant);
    assert_eq!(r.buffer_minutes, 30);
    assert_eq!(r.prices.for_kind(BookerKind::Association), Some(0));
    assert_eq!(r.prices.for_kind(BookerKind::Private), Some(250));
    assert_eq!(r.prices.for_kind(BookerKind::Company), None);
    assert_eq!(r.hours.0[3], None);
    assert_eq!(r.hours.0[5], Some((540, 1440)));

    // The premises' page lists the room; the room can be changed.
    let edit = c.get(&format!("/sala/lokaler/{id}/redigera")).await.text();
    assert!(edit.contains("Stora salen (120 personer)"), "{edit}");
    let mut changed = room_fields();
    changed.retain(|(k, v)| *k != "mode" && !(*k == "equipment" && *v == "kitchen"));
    changed.push(("mode", "request"));
    for f in changed.iter_mut() {
        if f.0 == "price_company" {
            f.1 = "600";
        }
        if f.0 == "hours_1" {
            f.1 = "";
        }
    }
    let path = format!("/sala/lokaler/rum/{room}/redigera");
    let done = c.submit(&path, &path, &changed).await;
    assert_eq!(done.status, 303, "{}", done.text());
    let r = premises::inventory::store::room(&app.state.db, sala, premises::ids::RoomId::new(room))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(r.mode, Mode::Request);
    assert_eq!(
        Equipment::of_bits(r.equipment),
        [Equipment::Projector, Equipment::Sound]
    );
    assert_eq!(r.prices.company, Some(600));
    assert_eq!(r.hours.0[0], None);
    assert_eq!(r.hours.0[1], Some((480, 1320)));

    // And the premises too.
    let path = format!("/sala/lokaler/{id}/redigera");
    let mut fields = premises_fields("", "Kulturhuset Täljstenen");
    fields.retain(|(k, _)| *k != "owner");
    let done = c.submit(&path, &path, &fields).await;
    assert_eq!(done.status, 303, "{}", done.text());
    let saved = c.get(&done.location.unwrap()).await.text();
    assert!(saved.contains("Ändringarna är sparade."), "{saved}");
    assert!(saved.contains("Ändra Kulturhuset Täljstenen"), "{saved}");

    // Every change is in the audit log.
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action IN ('premises.save', 'premises.room.save')")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
    assert_eq!(n, 4);
    app.stop().await;
}

async fn mistakes_are_shown_at_their_fields(backend: Backend) {
    let app = TestApp::start(backend).await;
    app.municipality("sala", "Sala kommun").await;
    let c = staff(&app, "sala").await;

    // Premises without a name or a contact address.
    let mut fields = premises_fields("municipality", "");
    fields.retain(|(k, _)| *k != "contact_email");
    fields.push(("contact_email", "inte en adress"));
    let refused = c.submit("/sala/lokaler/ny", "/sala/lokaler/ny", &fields).await;
    assert_eq!(refused.status, 422);
    let text = refused.text();
    assert!(text.contains("Något behöver rättas innan du kan gå vidare"), "{text}");
    assert!(text.contains("Namn: Fyll i fältet."), "{text}");
    assert!(text.contains("Skriv en e-postadress"), "{text}");
    assert_eq!(value(&refused.body, "f-address"), "Vasagatan 17, 733 38 Sala");

    let id = create_premises(&c, "municipality", "Täljstenen").await;
    let path = format!("/sala/lokaler/{id}/rum/nytt");
    let mut bad = room_fields();
    for f in bad.iter_mut() {
        match f.0 {
            "hours_1" => f.1 = "22-08",
            "price_private" => f.1 = "-5",
            "capacity" => f.1 = "0",
            "buffer_minutes" => f.1 = "300",
            _ => {}
        }
    }
    let refused = c.submit(&path, &path, &bad).await;
    assert_eq!(refused.status, 422);
    let text = refused.text();
    for expected in [
        "Måndag: Skriv tiden som 08:00–22:00, där rummet stänger efter att det öppnar.",
        "Privatperson: Skriv ett pris i hela kronor, 0 eller mer, eller lämna fältet tomt.",
        "Antal personer: Skriv ett antal personer, minst 1.",
        "Skriv ett antal minuter mellan 0 och 240.",
    ] {
        assert!(text.contains(expected), "{expected} missing in {text}");
    }
    // Each field is marked and keeps what was typed, the rest too.
    let b = &refused.body;
    assert!(b.contains("id=\"f-hours_1-error\""));
    assert!(b.contains("aria-describedby=\"f-hours_1-hint f-hours_1-error\""));
    assert!(b.contains("id=\"f-price_private-error\""));
    assert!(b.contains("href=\"#f-hours_1\""));
    assert_eq!(value(b, "f-hours_1"), "22-08");
    assert_eq!(value(b, "f-price_private"), "-5");
    assert!(checked(b, "f-equipment-kitchen"));
    assert!(checked(b, "f-access-hearing_loop"));
    assert!(checked(b, "f-mode-instant"));
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM premises_rooms")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    assert_eq!(n, 0);

    // A booking mode that is not one of the two.
    let mut bad = room_fields();
    bad.retain(|(k, _)| *k != "mode");
    bad.push(("mode", "ibland"));
    let refused = c.submit(&path, &path, &bad).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Hur rummet bokas: Välj ett av alternativen."));
    assert!(refused.body.contains("href=\"#f-mode\""));
    app.stop().await;
}

async fn each_manages_only_their_own_premises(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    app.municipality("orebro", "Örebro kommun").await;
    let c = staff(&app, "sala").await;
    let municipal = create_premises(&c, "municipality", "Täljstenen").await;
    let municipal_room = create_room(&c, municipal, &room_fields()).await;

    // A representative creates premises for their organisation, not the municipality's.
    let (_, iks) = app
        .representative("rep@iks.example", "sala", "IKS, Ideell Kultur i Sala")
        .await;
    let rep = logged_in(&app, "rep@iks.example").await;
    let form = rep.get("/sala/lokaler/ny").await;
    assert_eq!(form.status, 200);
    assert!(!form.body.contains("value=\"municipality\""), "{}", form.body);
    assert!(form
        .body
        .contains(&format!("<option value=\"{iks}\">IKS, Ideell Kultur i Sala</option>")));
    let refused = rep
        .submit(
            "/sala/lokaler/ny",
            "/sala/lokaler/ny",
            &premises_fields("municipality", "Vårt hus"),
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Ägare: Välj ett av alternativen."));
    let own = create_premises(&rep, &iks.to_string(), "IKS-huset").await;
    let p = premises::inventory::store::premises_one(&app.state.db, sala, premises::ids::PremisesId::new(own))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.organisation_id, Some(iks));
    let own_room = create_room(&rep, own, &room_fields()).await;
    assert_eq!(
        rep.get(&format!("/sala/lokaler/rum/{own_room}/redigera")).await.status,
        200
    );

    // Another organisation's premises and the municipality's are not theirs.
    let (_, other_org) = app.representative("rep@scout.example", "sala", "Sala scoutkår").await;
    let scout = logged_in(&app, "rep@scout.example").await;
    let scout_premises = create_premises(&scout, &other_org.to_string(), "Scoutstugan").await;
    for path in [
        format!("/sala/lokaler/{municipal}/redigera"),
        format!("/sala/lokaler/{municipal}/rum/nytt"),
        format!("/sala/lokaler/rum/{municipal_room}/redigera"),
        format!("/sala/lokaler/{scout_premises}/redigera"),
    ] {
        assert_eq!(rep.get(&path).await.status, 403, "{path}");
    }
    let token = rep.get("/sala/lokaler/ny").await.csrf();
    let mut fields = premises_fields("", "Kapat");
    fields.push(("_csrf", &token));
    let denied = rep
        .post_raw(&format!("/sala/lokaler/{municipal}/redigera"), &fields)
        .await;
    assert_eq!(denied.status, 403);
    let mut fields = room_fields();
    fields.push(("_csrf", &token));
    let denied = rep
        .post_raw(&format!("/sala/lokaler/rum/{municipal_room}/redigera"), &fields)
        .await;
    assert_eq!(denied.status, 403);
    let p = premises::inventory::store::premises_one(&app.state.db, sala, premises::ids::PremisesId::new(municipal))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.name, "Täljstenen");

    // Their list shows only their own.
    let list = rep.get("/sala/lokaler/hantera/lokaler").await.text();
    assert!(list.contains("IKS-huset"), "{list}");
    assert!(!list.contains("Täljstenen") && !list.contains("Scoutstugan"), "{list}");
    // Staff see the municipality's, not the associations'.
    let list = c.get("/sala/lokaler/hantera/lokaler").await.text();
    assert!(list.contains("Täljstenen") && !list.contains("IKS-huset"), "{list}");
    // Staff cannot change an association's premises.
    assert_eq!(c.get(&format!("/sala/lokaler/{own}/redigera")).await.status, 403);

    // Staff of another municipality: 403 here, 404 under their own municipality's address.
    let orebro = staff(&app, "orebro").await;
    assert_eq!(
        orebro.get(&format!("/sala/lokaler/{municipal}/redigera")).await.status,
        403
    );
    assert_eq!(orebro.get("/sala/lokaler/hantera/lokaler").await.status, 403);
    assert_eq!(orebro.get("/sala/lokaler/ny").await.status, 403);
    for path in [
        format!("/orebro/lokaler/{municipal}/redigera"),
        format!("/orebro/lokaler/{municipal}/rum/nytt"),
        format!("/orebro/lokaler/rum/{municipal_room}/redigera"),
    ] {
        assert_eq!(orebro.get(&path).await.status, 404, "{path}");
    }
    let token = orebro.get("/orebro/lokaler/ny").await.csrf();
    let mut fields = premises_fields("", "Kapat");
    fields.push(("_csrf", &token));
    assert_eq!(
        orebro
            .post_raw(&format!("/orebro/lokaler/{municipal}/redigera"), &fields)
            .await
            .status,
        404
    );

    // Without an account: to the login page.
    let anon = app.client();
    let page = anon.get("/sala/lokaler/hantera/lokaler").await;
    assert_eq!(page.status, 303);
    assert!(page.location.unwrap().starts_with("/konto/logga-in"));
    // An account without a role here may not add premises.
    app.user("vem@example.se", None).await;
    let nobody = logged_in(&app, "vem@example.se").await;
    assert_eq!(nobody.get("/sala/lokaler/ny").await.status, 403);
    assert_eq!(nobody.get("/sala/lokaler/hantera/lokaler").await.status, 403);

    // A coordinator manages every premises of the municipality.
    app.user("samordnare@sala.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let coord = logged_in(&app, "samordnare@sala.example").await;
    assert_eq!(coord.get(&format!("/sala/lokaler/{own}/redigera")).await.status, 200);
    app.stop().await;
}

/// A client of its own that can send a file and a text field together, logged in.
pub(crate) struct Uploader {
    base: String,
    http: reqwest::Client,
}

impl Uploader {
    pub(crate) async fn login(app: &TestApp, email: &str) -> Uploader {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let u = Uploader {
            base: app.base.clone(),
            http,
        };
        let page = u.get("/konto/logga-in").await.1;
        let token = testkit::csrf_token(&page).unwrap();
        let res = u
            .http
            .post(format!("{}/konto/logga-in", u.base))
            .form(&[
                ("_csrf", token.as_str()),
                ("email", email),
                ("password", PASSWORD),
                ("next", "/konto"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        u
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let res = self.http.get(format!("{}{path}", self.base)).send().await.unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// The upload form's action on a room's page (it carries the CSRF token).
    pub(crate) async fn action(&self, room: i64) -> String {
        let body = self.get(&format!("/sala/lokaler/rum/{room}/redigera")).await.1;
        let needle = format!("action=\"/sala/lokaler/rum/{room}/foton?");
        let at = body.find(&needle).unwrap() + "action=\"".len();
        let a = &body[at..at + body[at..].find('"').unwrap()];
        a.replace("&amp;", "&")
    }

    pub(crate) async fn upload(
        &self,
        action: &str,
        name: &str,
        mime: &str,
        bytes: Vec<u8>,
        alt: &str,
    ) -> (u16, String, String) {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str(mime)
            .unwrap();
        let form = reqwest::multipart::Form::new()
            .part("file", part)
            .text("alt", alt.to_string());
        let res = self
            .http
            .post(format!("{}{action}", self.base))
            .multipart(form)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        (status, location, res.text().await.unwrap_or_default())
    }
}

async fn photos_are_checked_stored_served_and_deleted(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let c = staff(&app, "sala").await;
    let id = create_premises(&c, "municipality", "Täljstenen").await;
    let room = create_room(&c, id, &room_fields()).await;
    let up = Uploader::login(&app, "personal@sala.example").await;
    let action = up.action(room).await;
    assert!(
        action.starts_with(&format!("/sala/lokaler/rum/{room}/foton?_csrf=")),
        "{action}"
    );
    let count = || async {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM premises_photos")
            .fetch_one(&app.state.db.pool)
            .await
            .unwrap();
        n
    };

    // A real PNG, whatever the browser calls it.
    let alt = "Stora salen med stolar i rader och en scen";
    let (status, location, body) = up
        .upload(&action, "salen.bin", "application/octet-stream", PNG.to_vec(), alt)
        .await;
    assert_eq!(status, 303, "{body}");
    assert_eq!(location, format!("/sala/lokaler/rum/{room}/redigera?sparat=foto#foton"));
    let photos = premises::inventory::store::photos(&app.state.db, sala, premises::ids::RoomId::new(room))
        .await
        .unwrap();
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0].alt, alt);
    let src = format!("/sala/lokaler/rum/{room}/foto/{}", photos[0].id);
    let page = c.get(&format!("/sala/lokaler/rum/{room}/redigera?sparat=foto")).await;
    assert!(page.text().contains("Fotot är uppladdat."));
    assert!(
        page.body.contains(&format!("<img src=\"{src}\" alt=\"{alt}\"")),
        "{}",
        page.body
    );

    // Served to anyone with its type, no sniffing, cacheable.
    let res = reqwest::get(app.url(&src)).await.unwrap();
    assert_eq!(res.status(), 200);
    let h = |n: &str| res.headers().get(n).unwrap().to_str().unwrap().to_string();
    assert_eq!(h("content-type"), "image/png");
    assert_eq!(h("x-content-type-options"), "nosniff");
    assert_eq!(h("cache-control"), "public, max-age=86400");
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG.as_slice());
    // Not under another municipality, nor under another room.
    app.municipality("orebro", "Örebro kommun").await;
    assert_eq!(
        reqwest::get(app.url(&format!("/orebro/lokaler/rum/{room}/foto/{}", photos[0].id)))
            .await
            .unwrap()
            .status(),
        404
    );
    let other_room = create_room(&c, id, &room_fields()).await;
    assert_eq!(
        reqwest::get(app.url(&format!("/sala/lokaler/rum/{other_room}/foto/{}", photos[0].id)))
            .await
            .unwrap()
            .status(),
        404
    );

    // A JPEG and a WebP are taken too, by their bytes.
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    jpeg.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02]);
    jpeg.extend_from_slice(&[0; 40]);
    let (status, _, body) = up.upload(&action, "foto.jpg", "image/jpeg", jpeg, "Entrén").await;
    assert_eq!(status, 303, "{body}");
    let mut webp = b"RIFF\x24\0\0\0WEBPVP8 ".to_vec();
    webp.extend_from_slice(&[0; 40]);
    let (status, _, body) = up.upload(&action, "foto.webp", "image/webp", webp, "Köket").await;
    assert_eq!(status, 303, "{body}");
    let types: Vec<(String,)> = sqlx::query_as("SELECT content_type FROM premises_photos ORDER BY id")
        .fetch_all(&app.state.db.pool)
        .await
        .unwrap();
    let types: Vec<&str> = types.iter().map(|t| t.0.as_str()).collect();
    assert_eq!(types, ["image/png", "image/jpeg", "image/webp"]);

    // Text named .png and sent as image/png is refused, with the reason, in Swedish.
    let (status, _, body) = up
        .upload(
            &action,
            "salen.png",
            "image/png",
            b"Det h\xc3\xa4r \xc3\xa4r text.".to_vec(),
            alt,
        )
        .await;
    assert_eq!(status, 422);
    let text = testkit::text(&body);
    assert!(
        text.contains("Foto: Filen är inte en bild i formatet JPEG, PNG eller WebP."),
        "{text}"
    );
    assert!(body.contains("id=\"f-file-error\""));
    assert!(body.contains(&format!("value=\"{alt}\"")), "the description is kept");

    // A file over 1 MB is refused.
    let mut big = PNG.to_vec();
    big.resize(platform::upload::FILE_MAX + 1, 0);
    let (status, _, body) = up.upload(&action, "stor.png", "image/png", big, alt).await;
    assert_eq!(status, 422);
    assert!(
        testkit::text(&body).contains("Filen är för stor. Den får vara högst 1 MB."),
        "{}",
        testkit::text(&body)
    );
    // A phone's photo, far over the limit: the same answer, not a broken connection.
    let mut huge = PNG.to_vec();
    huge.resize(6 * platform::upload::FILE_MAX, 0);
    let (status, _, body) = up.upload(&action, "enorm.png", "image/png", huge, alt).await;
    assert_eq!(status, 422);
    assert!(testkit::text(&body).contains("Filen är för stor."));
    // Exactly 1 MiB is fine.
    let mut just = PNG.to_vec();
    just.resize(platform::upload::FILE_MAX, 0);
    let (status, _, body) = up.upload(&action, "precis.png", "image/png", just, "Scenen").await;
    assert_eq!(status, 303, "{}", testkit::text(&body));

    // A photo needs its description.
    let (status, _, body) = up.upload(&action, "salen.png", "image/png", PNG.to_vec(), "  ").await;
    assert_eq!(status, 422);
    assert!(
        testkit::text(&body).contains("Beskrivning av fotot: Fyll i fältet."),
        "{}",
        testkit::text(&body)
    );
    assert_eq!(count().await, 4);
    // Each upload is in the audit trail, with who made it (issue 15).
    let pool = app.state.db.pool.clone();
    let audited = |action: &'static str| {
        let pool = pool.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND entity = 'premises_photo' \
             AND actor_name <> '' AND actor_user_id IS NOT NULL",
            )
            .bind(action)
            .fetch_one(&pool)
            .await
            .unwrap();
            n
        }
    };
    assert_eq!(audited("premises.photo.add").await, 4);

    // Only who manages the room may add photos.
    let (_, _) = app.representative("rep@iks.example", "sala", "IKS").await;
    let rep = Uploader::login(&app, "rep@iks.example").await;
    let rep_action = {
        let body = rep.get("/sala/lokaler/hantera/lokaler").await.1;
        let token = testkit::csrf_token(&body).unwrap_or_default();
        format!("/sala/lokaler/rum/{room}/foton?_csrf={token}")
    };
    let (status, _, _) = rep.upload(&rep_action, "x.png", "image/png", PNG.to_vec(), "x").await;
    assert_eq!(status, 403);
    assert_eq!(count().await, 4);

    // Deleting a photo.
    let path = format!("/sala/lokaler/rum/{room}/redigera");
    let done = c
        .submit(
            &path,
            &format!("/sala/lokaler/rum/{room}/foton/{}/ta-bort", photos[0].id),
            &[],
        )
        .await;
    assert_eq!(done.status, 303);
    let after = c.get(&done.location.unwrap()).await.text();
    assert!(after.contains("Fotot är borttaget."), "{after}");
    assert_eq!(count().await, 3);
    assert_eq!(reqwest::get(app.url(&src)).await.unwrap().status(), 404);
    assert_eq!(audited("premises.photo.delete").await, 1);
    // Twice is a 404.
    let again = c
        .submit(
            &path,
            &format!("/sala/lokaler/rum/{room}/foton/{}/ta-bort", photos[0].id),
            &[],
        )
        .await;
    assert_eq!(again.status, 404);
    assert_eq!(audited("premises.photo.delete").await, 1);
    assert_eq!(audited("premises.photo.add").await, 4);
    app.stop().await;
}

both!(
    staff_creates_premises_and_a_room_with_every_field,
    mistakes_are_shown_at_their_fields,
    each_manages_only_their_own_premises,
    photos_are_checked_stored_served_and_deleted,
);
