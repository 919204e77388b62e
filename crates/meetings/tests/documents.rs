//! Documents of a meeting, of its minutes and of a working group: uploaded by the coordinator
//! under the upload rules (content, size), listed and downloadable where the parent is public,
//! linked from the invitation page and mail, removable; on both databases.

use crate::common::*;
use std::sync::Arc;
use testkit::{both, Backend, Client, Options, SmtpSink, TestApp, TestDb};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n";

async fn upload(c: &Client, page: &str, texts: &[(&str, &str)], name: &str, bytes: &[u8]) -> testkit::Page {
    let token = c.get(page).await.csrf();
    let action = format!("{page}?_csrf={}", urlencoding::encode(&token));
    c.post_multipart(&action, texts, "file", name, bytes.to_vec()).await
}

async fn document_id(app: &TestApp, title: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM meetings_documents WHERE title = $1")
        .bind(title)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    id
}

async fn documents_of_meetings_and_minutes_are_kept_listed_and_mailed(backend: Backend) {
    let sink = SmtpSink::start().await;
    let app = TestApp::start_with(
        Arc::new(TestDb::new(backend).await),
        Options {
            smtp_port: Some(sink.port),
            configure: None,
        },
    )
    .await;
    let (sala, meeting) = sala_with_meeting(&app, "").await;
    let c = coordinator(&app, "sala").await;
    let page = format!("/sala/moten/{meeting}/dokument");
    assert!(c.get(&page).await.text().contains("Det finns inga dokument ännu."));

    let added = upload(
        &c,
        &page,
        &[("title", "Förslag till handlingsplan"), ("del", "mote")],
        "forslag.pdf",
        PDF,
    )
    .await;
    assert_eq!(added.status, 303, "{}", added.text());
    // Told by content, not by name: a web page called .pdf is refused, as is an empty file.
    let refused = upload(
        &c,
        &page,
        &[("del", "mote")],
        "rapport.pdf",
        b"<html><script>alert(1)</script>",
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(refused
        .text()
        .contains("Filen är inte en PDF, ett Office-dokument eller en bild."));
    let empty = upload(&c, &page, &[("del", "mote")], "tom.pdf", b"").await;
    assert_eq!(empty.status, 422);
    assert!(empty.text().contains("Välj en fil."));
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let large = upload(&c, &page, &[("del", "mote")], "stor.pdf", &big).await;
    assert_eq!(large.status, 422);
    assert!(large.text().contains("Filen är större än 10 MB."));
    // The minutes' report, its title from the file's name.
    let report = upload(
        &c,
        &page,
        &[("del", "anteckningar")],
        "Kartläggning av samverkan.pdf",
        PDF,
    )
    .await;
    assert_eq!(report.status, 303);
    let draft = document_id(&app, "Förslag till handlingsplan").await;
    let mapping = document_id(&app, "Kartläggning av samverkan").await;

    // The public: the meeting's document on the meeting page and the invitation, downloadable;
    // the minutes' only once the minutes are published.
    let public = app.client();
    let text = public.get(&format!("/sala/moten/{meeting}")).await;
    assert!(text.body.contains(&format!("/sala/moten/dokument/{draft}")));
    assert!(
        text.text().contains("Förslag till handlingsplan (PDF, 1 kB,"),
        "{}",
        text.text()
    );
    assert!(!text.text().contains("Kartläggning av samverkan"));
    let invitation = public.get(&format!("/sala/moten/{meeting}/inbjudan")).await;
    assert!(invitation.body.contains(&format!("/sala/moten/dokument/{draft}")));
    let file = public.get(&format!("/sala/moten/dokument/{draft}")).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert_eq!(file.headers["x-content-type-options"], "nosniff");
    assert!(file.headers["content-disposition"]
        .to_str()
        .unwrap()
        .contains("forslag.pdf"));
    assert_eq!(file.body.as_bytes(), PDF);
    assert_eq!(public.get(&format!("/sala/moten/dokument/{mapping}")).await.status, 404);
    assert_eq!(c.get(&format!("/sala/moten/dokument/{mapping}")).await.status, 200);
    meetings::minutes::store::publish(&app.state.db, sala, meeting, true, None, app.state.now())
        .await
        .unwrap();
    assert_eq!(public.get(&format!("/sala/moten/dokument/{mapping}")).await.status, 200);
    let minutes = public.get(&format!("/sala/moten/{meeting}/anteckningar")).await;
    assert!(minutes.body.contains(&format!("/sala/moten/dokument/{mapping}")));

    // The invitation mail links to the meeting's document.
    sqlx::query(
        "INSERT INTO meetings_registrations (municipality_id, meeting_id, name, email, party, status, consent_text, cancel_token_hash, created_at) \
         SELECT municipality_id, id, 'Tidigare', 'tidigare@example.se', 'guest', 'confirmed', '', 'x', 0 FROM meetings_meetings WHERE id = $1",
    )
    .bind(meeting)
    .execute(&app.state.db.pool)
    .await
    .unwrap();
    let (series,): (meetings::ids::SeriesId,) = sqlx::query_as("SELECT id FROM meetings_series")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    let mut seven = meeting_six(series, "");
    seven.number = "7".into();
    let input = seven.check(&[series]).unwrap();
    let next = meetings::store::save_meeting(&app.state.db, sala, None, &input, None, app.state.now())
        .await
        .unwrap()
        .unwrap();
    let seventh = upload(
        &c,
        &format!("/sala/moten/{next}/dokument"),
        &[("title", "Dagordning"), ("del", "mote")],
        "dagordning.pdf",
        PDF,
    )
    .await;
    assert_eq!(seventh.status, 303);
    let agenda = document_id(&app, "Dagordning").await;
    let send = format!("/sala/moten/{next}/inbjudan/skicka");
    let before = sink.received().len();
    let sent = c.submit(&send, &send, &[("participants", "on")]).await;
    assert!(
        sent.text().contains("Inbjudan skickas till 1 mottagare."),
        "{}",
        sent.text()
    );
    app.run_jobs().await;
    let got: Vec<_> = sink.received().into_iter().skip(before).collect();
    let body = got[0].body();
    assert!(
        body.contains("- Dagordning: http") && body.contains(&format!("/sala/moten/dokument/{agenda}")),
        "{body}"
    );

    // Removed: gone from the page and the download; both writes in the audit trail.
    let token = c.get(&page).await.csrf();
    let removed = c
        .post_raw(
            &format!("/sala/moten/dokument/{draft}/ta-bort"),
            &[("_csrf", token.as_str())],
        )
        .await;
    assert_eq!(removed.status, 303);
    assert_eq!(public.get(&format!("/sala/moten/dokument/{draft}")).await.status, 404);
    assert!(!public
        .get(&format!("/sala/moten/{meeting}"))
        .await
        .text()
        .contains("Förslag till handlingsplan"));
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('meetings.document.add', 'meetings.document.remove')",
    )
    .fetch_one(&app.state.db.pool)
    .await
    .unwrap();
    assert_eq!(n, 4);

    // Only this municipality's coordinator uploads and removes.
    let token = public.get(&format!("/sala/moten/{meeting}/anmalan")).await.csrf();
    let denied = public
        .post_raw(
            &format!("/sala/moten/dokument/{mapping}/ta-bort"),
            &[("_csrf", token.as_str())],
        )
        .await;
    assert_ne!(denied.status, 303);
    app.municipality("orebro", "Örebro kommun").await;
    let other = coordinator(&app, "orebro").await;
    let token = other.get("/orebro/moten/nytt").await.csrf();
    let foreign = other
        .post_raw(
            &format!("/orebro/moten/dokument/{mapping}/ta-bort"),
            &[("_csrf", token.as_str())],
        )
        .await;
    assert_eq!(foreign.status, 404);
    assert_eq!(
        other.get(&format!("/orebro/moten/dokument/{mapping}")).await.status,
        404
    );
    app.deliver().await;
}

async fn a_working_group_has_its_documents(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala kommun").await;
    let group = actionplan::groups::store::create_group(
        &app.state.db,
        sala,
        &actionplan::groups::store::NewGroup {
            name: "Arbetsgrupp Handlingsplan",
            description: "",
            area_id: None,
            convener: None,
            goal_id: None,
        },
        None,
        app.state.now(),
    )
    .await
    .unwrap();
    let c = coordinator(&app, "sala").await;
    let page = format!("/sala/moten/arbetsgrupper/{group}/dokument");
    let added = upload(
        &c,
        &page,
        &[("title", "Riktlinjer för lokaler, utkast")],
        "riktlinjer.pdf",
        PDF,
    )
    .await;
    assert_eq!(added.status, 303, "{}", added.text());
    // The group's page links to its documents; anyone reads them.
    let public = app.client();
    let group_page = public.get(&format!("/sala/handlingsplan/grupper/{group}")).await;
    assert!(group_page.body.contains(&page));
    let list = public.get(&page).await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains("Riktlinjer för lokaler, utkast"));
    assert!(
        !list.text().contains("Lägg upp ett dokument"),
        "the upload form is the coordinator's"
    );
    let id = document_id(&app, "Riktlinjer för lokaler, utkast").await;
    assert_eq!(public.get(&format!("/sala/moten/dokument/{id}")).await.status, 200);
    app.municipality("orebro", "Örebro kommun").await;
    let other = coordinator(&app, "orebro").await;
    assert_eq!(
        other
            .get(&format!("/orebro/moten/arbetsgrupper/{group}/dokument"))
            .await
            .status,
        404
    );
}

both!(
    documents_of_meetings_and_minutes_are_kept_listed_and_mailed,
    a_working_group_has_its_documents,
);
