//! What the demo of Sala does not hold but a route names, made before the matrix runs, the way
//! a user makes it: through the real forms, as the person who would. Without these the
//! samples of those routes would name nothing and the matrix would prove little there.
//!
//! - a consultation on a new draft of the agreement, commented on by the demo representative,
//!   closed and published; and a second one left open for comments;
//! - a resident's request to join IKS, which IKS's representative answers;
//! - an import of associations and one of the action plan, checked and left as drafts for the
//!   matrix's coordinator (a draft is only theirs to confirm);
//! - a photo of the municipality's first room, uploaded by Sala's staff;
//! - a file attached to an application of IKS by its representative.
//! - a document of Sala's first meeting, uploaded by Sala's coordinator.
//! - a topic proposed for a coming meeting by IKS's representative.
//! - a logo of Sala, uploaded by Sala's coordinator.
//! - an attachment of Sala's first recorded decision, uploaded by Sala's staff.
//!
//! (The payout list needs nothing: the demo's grants decided on 2026-11-20 are payable and
//! unpaid, and [`super::samples`] names that day.) Names and texts here are invented for the
//! test, not from the seeds.

use testkit::{Client, Page, TestApp};

/// A one-pixel PNG.
const PNG: [u8; 68] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0b, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// A minimal PDF.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Who makes the things: the accounts of the demo and the matrix's own.
pub struct People<'a> {
    /// Sala's demo coordinator.
    pub coordinator: (&'a str, &'a str),
    /// The matrix's coordinator of Sala (the least privileged coordinator, whose POSTs run).
    pub matrix_coordinator: (&'a str, &'a str),
    /// Sala's demo staff.
    pub staff: (&'a str, &'a str),
    /// IKS's demo representative.
    pub representative: (&'a str, &'a str),
    /// A resident who asks to join IKS (made here; no other visitor of the matrix).
    pub applicant: (&'a str, &'a str),
}

async fn signed_in(app: &TestApp, (email, password): (&str, &str)) -> Client {
    let c = app.client();
    c.login(email, password).await;
    c
}

/// The `action` of the first form on the page whose action starts with `prefix`.
fn action_starting(body: &str, prefix: &str) -> Option<String> {
    let needle = format!("action=\"{prefix}");
    let start = body.find(&needle)? + "action=\"".len();
    let end = start + body[start..].find('"')?;
    Some(body[start..end].replace("&amp;", "&"))
}

fn expect(page: &Page, status: u16, what: &str) {
    assert_eq!(page.status, status, "matrix fill, {what}: {}", page.text());
}

async fn first_id(app: &TestApp, sql: &str, binds: &[i64]) -> i64 {
    let mut q = sqlx::query_as::<_, (i64,)>(sql);
    for b in binds {
        q = q.bind(*b);
    }
    q.fetch_one(&app.state.db.pool).await.expect(sql).0
}

/// Make each thing in Sala through its form (see the module's description).
pub async fn fill(app: &TestApp, people: &People<'_>, iks: i64) {
    let sala = app.municipality_id("sala").await.get();
    consultations(app, people).await;
    join_request(app, people, iks).await;
    imports(app, people).await;
    room_photo(app, people, sala).await;
    attachment(app, people, sala, iks).await;
    meeting_document(app, people, sala).await;
    topic(app, people, iks).await;
    logo(app, people).await;
    decision_attachment(app, people, sala).await;
    news_image(app, people, sala).await;
}

/// Sala's staff attach a PDF to the first decision of the decisions feed.
async fn decision_attachment(app: &TestApp, people: &People<'_>, sala: i64) {
    let decision = first_id(
        app,
        "SELECT id FROM openness_decisions WHERE municipality_id = $1 ORDER BY id",
        &[sala],
    )
    .await;
    let staff = signed_in(app, people.staff).await;
    let page = format!("/sala/beslut/hantera/{decision}");
    let body = staff.get(&page).await.body;
    let action = action_starting(&body, &format!("{page}/bilagor?"))
        .expect("matrix fill: a decision's page offers an attachment upload");
    let p = staff
        .post_multipart(&action, &[], "file", "protokollsutdrag.pdf", PDF.to_vec())
        .await;
    expect(&p, 303, "an attachment of a decision");
}

/// Sala's staff give the demo's news item an image (the demo has none).
async fn news_image(app: &TestApp, people: &People<'_>, sala: i64) {
    let item = first_id(
        app,
        "SELECT id FROM openness_news WHERE municipality_id = $1 AND kind = 'news' ORDER BY id",
        &[sala],
    )
    .await;
    let staff = signed_in(app, people.staff).await;
    let page = format!("/sala/nyheter/hantera/{item}");
    let body = staff.get(&page).await.body;
    let action = action_starting(&body, &format!("{page}/bild?"))
        .expect("matrix fill: a news item's page offers an image upload");
    let p = staff
        .post_multipart(
            &action,
            &[("alt", "Föreningar samlade i Sala")],
            "file",
            "bild.png",
            PNG.to_vec(),
        )
        .await;
    expect(&p, 303, "an image of a news item");
}

/// Sala's coordinator gives the municipality a logo (the demo has none).
async fn logo(app: &TestApp, people: &People<'_>) {
    let coordinator = signed_in(app, people.coordinator).await;
    let body = coordinator.get("/sala/admin/profil").await.body;
    let action = action_starting(&body, "/sala/admin/profil/logotyp?")
        .expect("matrix fill: the profile page offers a logo upload");
    let p = coordinator
        .post_multipart(&action, &[], "file", "logotyp.png", PNG.to_vec())
        .await;
    expect(&p, 303, "a logo of the municipality");
}

/// A new draft (a copy of the adopted agreement, with its commitments), a consultation on it
/// that the representative comments on, closed and published; then a second one, left open.
async fn consultations(app: &TestApp, people: &People<'_>) {
    let manage = "/sala/overenskommelse/hantera";
    let c = signed_in(app, people.coordinator).await;
    let p = c.submit(manage, &format!("{manage}/nytt-utkast"), &[]).await;
    expect(&p, 303, "a new draft of the agreement");
    let open = |title: &'static str| {
        let c = &c;
        async move {
            let page = format!("{manage}/remiss");
            let p = c
                .submit(&page, &page, &[("title", title), ("intro", "Tyck till om åtagandena.")])
                .await;
            expect(&p, 303, "opening a consultation");
            let location = p.location.unwrap_or_default();
            location
                .trim_start_matches(&format!("{page}/"))
                .split(['?', '#'])
                .next()
                .unwrap_or("")
                .to_string()
        }
    };
    let first = open("Remiss om åtagandena").await;
    assert!(
        first.parse::<i64>().is_ok(),
        "matrix fill: a consultation id, not {first:?}"
    );

    let rep = signed_in(app, people.representative).await;
    let public = "/sala/overenskommelse/remiss";
    let action = action_starting(&rep.get(public).await.body, "/sala/overenskommelse/remiss/synpunkt/")
        .expect("matrix fill: the open consultation offers a comment form");
    let p = rep
        .submit(public, &action, &[("body", "Bra, men säg när träffarna hålls.")])
        .await;
    expect(&p, 303, "a comment on the consultation");

    for step in ["stang", "publicera"] {
        let p = c.submit(manage, &format!("{manage}/remiss/{first}/{step}"), &[]).await;
        expect(&p, 303, step);
    }
    open("Andra remissen om åtagandena").await;
}

/// A resident asks to join IKS.
async fn join_request(app: &TestApp, people: &People<'_>, iks: i64) {
    app.user(people.applicant.0, None).await;
    let u = signed_in(app, people.applicant).await;
    let join = format!("/sala/foreningar/{iks}/ansluta");
    let p = u
        .submit(&join, &join, &[("message", "Jag vill hjälpa till med kassan.")])
        .await;
    expect(&p, 303, "a request to join IKS");
}

/// An association and an activity checked for import and left waiting for confirmation, as the
/// matrix's coordinator (whose POST confirms them at the end).
async fn imports(app: &TestApp, people: &People<'_>) {
    let c = signed_in(app, people.matrix_coordinator).await;

    // An organisation number of the test's own (not in the demo), with its check digit.
    let nine = "802999123";
    let digits: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
    let number = format!("{nine}{}", registry::domain::luhn_digit(&digits));
    let csv = format!(
        "Organisationsnummer;Namn;Kategorier\n{}-{};Matrisens importförening;\n",
        &number[..6],
        &number[6..]
    );
    let path = "/sala/foreningar/import";
    let p = c.submit(path, path, &[("csv", &csv)]).await;
    expect(&p, 200, "an import of associations, checked");
    assert!(
        action_starting(&p.body, "/sala/foreningar/import/")
            .is_some_and(|a| !a.starts_with("/sala/foreningar/import/fil")),
        "matrix fill: the checked import offers a confirmation: {}",
        p.text()
    );

    let table = "Område\tMål i handlingsplanen\tArbetsgruppens förslag på aktiviteter för att nå målen i handlingsplanen.\tTid\tAnsvar\tUppföljning\n\
                 Nr 1 Självständighet\tSala kommun ska: Inventera lokaler.\tMatrisens påhittade aktivitet.\t2027\tKultur och fritid\thösten 2027\n";
    let path = "/sala/handlingsplan/import";
    let p = c.submit(path, path, &[("table", table)]).await;
    expect(&p, 200, "an import of the action plan, checked");
    assert!(
        p.body.contains("id=\"import-confirm\""),
        "matrix fill: the checked plan offers a confirmation: {}",
        p.text()
    );
}

/// Sala's staff upload a photo of the municipality's first room.
async fn room_photo(app: &TestApp, people: &People<'_>, sala: i64) {
    let room = first_id(
        app,
        "SELECT r.id FROM premises_rooms r JOIN premises p ON p.id = r.premises_id WHERE r.municipality_id = $1 \
         ORDER BY CASE WHEN p.organisation_id IS NULL THEN 0 ELSE 1 END, r.id",
        &[sala],
    )
    .await;
    let staff = signed_in(app, people.staff).await;
    let body = staff.get(&format!("/sala/lokaler/rum/{room}/redigera")).await.body;
    let action = action_starting(&body, &format!("/sala/lokaler/rum/{room}/foton?"))
        .expect("matrix fill: the room's page offers a photo upload");
    let p = staff
        .post_multipart(
            &action,
            &[("alt", "Salen med stolar i rader")],
            "file",
            "salen.png",
            PNG.to_vec(),
        )
        .await;
    expect(&p, 303, "a photo of a room");
}

/// IKS's representative attaches a file to an application of IKS that still takes files.
async fn attachment(app: &TestApp, people: &People<'_>, sala: i64, iks: i64) {
    let id = first_id(
        app,
        "SELECT id FROM grants_applications WHERE municipality_id = $1 AND organisation_id = $2 \
         ORDER BY CASE status WHEN 'draft' THEN 0 WHEN 'completion-requested' THEN 1 ELSE 2 END, id",
        &[sala, iks],
    )
    .await;
    let rep = signed_in(app, people.representative).await;
    let body = rep.get(&format!("/sala/bidrag/ansokan/{id}")).await.body;
    let action = action_starting(&body, &format!("/sala/bidrag/ansokan/{id}/bilagor"))
        .expect("matrix fill: the application offers an upload");
    let p = rep
        .post_multipart(
            &action,
            &[("kind", "other")],
            "file",
            "Verksamhetsplan.pdf",
            PDF.to_vec(),
        )
        .await;
    expect(&p, 303, "a file attached to an application");
}

/// Sala's coordinator puts a document on the municipality's first meeting.
async fn meeting_document(app: &TestApp, people: &People<'_>, sala: i64) {
    let meeting = first_id(
        app,
        "SELECT id FROM meetings_meetings WHERE municipality_id = $1 ORDER BY id",
        &[sala],
    )
    .await;
    let coordinator = signed_in(app, people.coordinator).await;
    let body = coordinator.get(&format!("/sala/moten/{meeting}/dokument")).await.body;
    let action = action_starting(&body, &format!("/sala/moten/{meeting}/dokument?"))
        .expect("matrix fill: the meeting's documents page offers an upload");
    let p = coordinator
        .post_multipart(
            &action,
            &[("title", "Matrisens dagordning"), ("del", "mote")],
            "file",
            "dagordning.pdf",
            PDF.to_vec(),
        )
        .await;
    expect(&p, 303, "a document of a meeting");
}

/// IKS's representative proposes a topic for a coming meeting.
async fn topic(app: &TestApp, people: &People<'_>, iks: i64) {
    let rep = signed_in(app, people.representative).await;
    let path = "/sala/moten/amnen";
    let p = rep
        .submit(
            path,
            path,
            &[
                ("organisation", &iks.to_string()),
                ("title", "Matrisens ämne"),
                ("description", "Påhittat för testet."),
            ],
        )
        .await;
    expect(&p, 303, "a topic proposed for a meeting");
}
