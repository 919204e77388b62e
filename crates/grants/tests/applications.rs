//! Applying, over HTTP on both databases: a draft, saving with checks, attachments checked by
//! type and size, sending with a case number and a receipt by e-mail, the eligibility checks
//! read from the registry, deadlines by the clock, co-signing, "Mina ansökningar", and who may
//! see an application.

use crate::support::{association, begin, page, programme, step, upload_action, Facts, PDF};
use chrono::{TimeZone, Utc};
use grants::programmes::domain::{Attachment, Kind};
use grants::programmes::questions::{Question, QuestionKind};
use testkit::{both, Backend, TestApp};

async fn applying_from_draft_to_receipt(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Project,
        "Samverkan enligt LÖK",
        "2026-12-15",
        300_000,
        |s| {
            s.attachments = vec![Attachment::Budget];
        },
    )
    .await;
    let org = association(&app, sala, "Sala hembygdsförening", 1, Facts::default()).await;
    let (rep, _) = app
        .representative_client("rep@hembygd.example", "sala", "Sala hembygdsförening")
        .await;

    let id = begin(&rep, "sala", period, org).await;
    let path = page("sala", id);
    let draft = rep.get(&path).await;
    assert_eq!(draft.status, 200);
    let text = draft.text();
    assert!(text.contains("Utkast, inte inskickad"), "{text}");
    assert!(text.contains("Får ett diarienummer när ansökan skickas in"), "{text}");
    assert!(text.contains("Intyget om demokrativillkoren saknas."), "{text}");
    // Beginning again opens the same application: one per association and period.
    assert_eq!(begin(&rep, "sala", period, org).await, id);

    // What is typed must be well-formed; what was typed stays.
    let bad = step(
        &rep,
        "sala",
        id,
        "spara",
        &[
            ("purpose", "Bygdedag med föreningarna"),
            ("starts_on", "2027-05-01"),
            ("ends_on", "2027-04-30"),
            ("amount", "tjugo tusen"),
        ],
    )
    .await;
    assert_eq!(bad.status, 422);
    let text = bad.text();
    assert!(text.contains("Projektet kan inte sluta innan det börjar."), "{text}");
    assert!(text.contains("Skriv beloppet i hela kronor med siffror."), "{text}");
    assert!(bad.body.contains("Bygdedag med föreningarna</textarea>"));

    let saved = step(
        &rep,
        "sala",
        id,
        "spara",
        &[
            ("purpose", "Bygdedag med föreningarna"),
            ("starts_on", "2027-05-01"),
            ("ends_on", "2027-05-31"),
            ("amount", "20 000"),
            ("democracy", "on"),
        ],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let text = rep.get(&path).await.text();
    assert!(text.contains("Sökt belopp 20 000 kr"), "{text}");
    assert!(text.contains("Föreningen uppfyller kraven."), "{text}");

    // The budget the programme asks for is missing: the submission is refused in words.
    let refused = step(&rep, "sala", id, "skicka", &[]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("Bifoga Budget."), "{}", refused.text());

    // Attachments: by content, not by name, and at most 10 MB.
    let body = rep.get(&path).await.body;
    let action = upload_action(&body);
    let text_file = rep
        .post_multipart(
            &action,
            &[("kind", "budget")],
            "file",
            "budget.pdf",
            b"just text, not a PDF".to_vec(),
        )
        .await;
    assert_eq!(text_file.status, 422);
    assert!(
        text_file
            .text()
            .contains("Bifoga en PDF, en bild eller ett Office- eller OpenDocument-dokument."),
        "{}",
        text_file.text()
    );
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let too_big = rep
        .post_multipart(&action, &[("kind", "budget")], "file", "budget.pdf", big)
        .await;
    assert_eq!(too_big.status, 422);
    assert!(
        too_big.text().contains("Filen är större än 10 MB."),
        "{}",
        too_big.text()
    );
    let ok = rep
        .post_multipart(&action, &[("kind", "budget")], "file", "Budget 2027.pdf", PDF.to_vec())
        .await;
    assert_eq!(ok.status, 303, "{}", ok.text());
    let body = rep.get(&path).await.body;
    assert!(body.contains("Budget 2027.pdf"));
    let file_href = body
        .split("href=\"")
        .map(|s| &s[..s.find('"').unwrap_or(0)])
        .find(|h| h.contains("/bilagor/"))
        .unwrap()
        .to_string();
    let file = rep.get(&file_href).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert_eq!(file.body.as_bytes(), PDF);

    // Sent: a case number in the municipality's format, and a receipt by e-mail.
    let sent = step(&rep, "sala", id, "skicka", &[]).await;
    assert_eq!(sent.status, 303, "{}", sent.text());
    let text = rep.get(&path).await.text();
    assert!(text.contains("KFN 2026/0001"), "{text}");
    assert!(text.contains("Inskickad"), "{text}");
    let mail = app.deliver().await;
    let receipt = mail
        .iter()
        .find(|(to, subject, _)| to == "rep@hembygd.example" && subject.contains("KFN 2026/0001"))
        .unwrap_or_else(|| panic!("{mail:?}"));
    assert!(receipt.2.contains("Samverkan enligt LÖK"), "{}", receipt.2);
    assert!(receipt.2.contains("20\u{a0}000\u{a0}kr"), "{}", receipt.2);
    assert!(receipt.2.contains(&path), "{}", receipt.2);

    // Until the deadline it can still be changed; the case number stays.
    let changed = step(
        &rep,
        "sala",
        id,
        "spara",
        &[
            ("purpose", "Bygdedag med alla föreningar"),
            ("starts_on", "2027-05-01"),
            ("ends_on", "2027-05-31"),
            ("amount", "18000"),
            ("democracy", "on"),
        ],
    )
    .await;
    assert_eq!(changed.status, 303);
    let text = rep.get(&path).await.text();
    assert!(text.contains("18 000 kr") && text.contains("KFN 2026/0001"), "{text}");

    // "Mina ansökningar" lists it with what happens next.
    let mine = rep.get("/sala/bidrag/mina").await;
    assert_eq!(mine.status, 200);
    let text = mine.text();
    assert!(
        text.contains("Samverkan enligt LÖK") && text.contains("KFN 2026/0001"),
        "{text}"
    );
    assert!(
        text.contains("Ingenting just nu: kommunen handlägger ansökan."),
        "{text}"
    );

    // The next application of the year gets the next number.
    let other = association(&app, sala, "Salabygdens scoutkår", 2, Facts::default()).await;
    let (rep2, _) = app
        .representative_client("rep@scout.example", "sala", "Salabygdens scoutkår")
        .await;
    let id2 = begin(&rep2, "sala", period, other).await;
    step(
        &rep2,
        "sala",
        id2,
        "spara",
        &[
            ("purpose", "Hajk"),
            ("starts_on", "2027-06-01"),
            ("ends_on", "2027-06-03"),
            ("amount", "5000"),
            ("democracy", "on"),
        ],
    )
    .await;
    let action = upload_action(&rep2.get(&page("sala", id2)).await.body);
    rep2.post_multipart(&action, &[("kind", "budget")], "file", "b.pdf", PDF.to_vec())
        .await;
    assert_eq!(step(&rep2, "sala", id2, "skicka", &[]).await.status, 303);
    assert!(rep2.get(&page("sala", id2)).await.text().contains("KFN 2026/0002"));
    app.deliver().await;
}

async fn eligibility_checks_pass_and_fail_for_the_right_reasons(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |s| {
            s.eligibility.signed_agreement = true;
        },
    )
    .await;
    let org = association(
        &app,
        sala,
        "Sala kammarkör",
        3,
        Facts {
            board: 2,
            statutes: false,
            signed: false,
        },
    )
    .await;
    let (rep, _) = app
        .representative_client("rep@kor.example", "sala", "Sala kammarkör")
        .await;
    let id = begin(&rep, "sala", period, org).await;
    let text = rep.get(&page("sala", id)).await.text();
    assert!(text.contains("Föreningen uppfyller inte alla krav än."), "{text}");
    assert!(text.contains("Styrelsen har för få ledamöter."), "{text}");
    assert!(text.contains("Stadgarna saknas."), "{text}");
    assert!(
        text.contains("Föreningen har inte signerat överenskommelsen."),
        "{text}"
    );
    assert!(text.contains("Intyget om demokrativillkoren saknas."), "{text}");
    // What passes is said to pass: the number, the bankgiro, the confirmation after the meeting.
    assert!(text.contains("Ett giltigt organisationsnummer. Uppfyllt"), "{text}");
    assert!(text.contains("Ett giltigt bankgiro eller plusgiro. Uppfyllt"), "{text}");

    step(
        &rep,
        "sala",
        id,
        "spara",
        &[("purpose", "Körverksamhet"), ("amount", "2000")],
    )
    .await;
    let refused = step(&rep, "sala", id, "skicka", &[]).await;
    assert_eq!(refused.status, 422);
    let text = refused.text();
    assert!(
        text.contains("En styrelse med minst 3 ledamöter. Styrelsen har för få ledamöter."),
        "{text}"
    );
    assert!(text.contains("Intyget om demokrativillkoren saknas."), "{text}");

    // The association puts things right in the registry and attests; now it may send.
    let db = &app.state.db;
    let now = app.state.now();
    let facts = registry::public::grant_facts(db, sala, &[org])
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(facts.board_members, Some(2));
    sqlx::query("UPDATE registry_profiles SET board_members = 3 WHERE organisation_id = $1")
        .bind(org)
        .execute(&db.pool)
        .await
        .unwrap();
    let file = registry::facts::store::NewStatutes {
        file_name: "Stadgar.pdf",
        mime: "application/pdf",
        bytes: PDF,
    };
    registry::facts::store::save_statutes(db, sala, org, &file, None, now)
        .await
        .unwrap();
    let mut tx = db.write().await.unwrap();
    registry::public::set_signed(&mut tx, org, true).await.unwrap();
    tx.commit().await.unwrap();
    step(
        &rep,
        "sala",
        id,
        "spara",
        &[("purpose", "Körverksamhet"), ("amount", "2000"), ("democracy", "on")],
    )
    .await;
    let text = rep.get(&page("sala", id)).await.text();
    assert!(text.contains("Föreningen uppfyller kraven."), "{text}");
    assert_eq!(step(&rep, "sala", id, "skicka", &[]).await.status, 303);
    app.deliver().await;
}

async fn deadlines_follow_the_clock(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-11-30",
        100_000,
        |_| {},
    )
    .await;
    let org = association(&app, sala, "PRO Sala", 4, Facts::default()).await;
    let (rep, _) = app.representative_client("rep@pro.example", "sala", "PRO Sala").await;
    let id = begin(&rep, "sala", period, org).await;
    let fields = [("purpose", "Träffar"), ("amount", "2000"), ("democracy", "on")];

    // 23:59 on the deadline, Swedish time (22:59 UTC in winter): still open.
    app.clock.set(Utc.with_ymd_and_hms(2026, 11, 30, 22, 59, 0).unwrap());
    // A week idle ends a session (8 hours): sign in again.
    rep.login("rep@pro.example", testkit::PASSWORD).await;
    assert_eq!(step(&rep, "sala", id, "spara", &fields).await.status, 303);
    // Midnight in Sweden: closed, although it is still 30 November in UTC.
    app.clock.set(Utc.with_ymd_and_hms(2026, 11, 30, 23, 0, 0).unwrap());
    let late = step(&rep, "sala", id, "spara", &fields).await;
    assert_eq!(late.status, 422);
    assert!(
        late.text().contains("Tiden för att ändra ansökan har gått ut."),
        "{}",
        late.text()
    );
    let text = rep.get(&page("sala", id)).await.text();
    assert!(text.contains("Sista ansökningsdagen har passerat"), "{text}");
    assert!(
        !text.contains("Skicka in ansökan"),
        "no submit button after the deadline"
    );
    let late = step(&rep, "sala", id, "skicka", &[]).await;
    assert_eq!(late.status, 422);
    assert!(rep
        .get(&page("sala", id))
        .await
        .text()
        .contains("Utkast, inte inskickad"));
    // Nothing new can be begun either.
    let apply = rep.get(&format!("/sala/bidrag/ansok/{period}")).await;
    assert!(
        apply.text().contains("Det går inte att söka i den här perioden nu."),
        "{}",
        apply.text()
    );
}

async fn only_the_association_and_the_staff_see_an_application(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    app.municipality("orebro", "Örebro").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    let org = association(&app, sala, "Sala simsällskap", 5, Facts::default()).await;
    let other = association(&app, sala, "Röda korset Sala", 6, Facts::default()).await;
    let (rep, _) = app
        .representative_client("rep@sim.example", "sala", "Sala simsällskap")
        .await;
    let (stranger, _) = app
        .representative_client("rep@rk.example", "sala", "Röda korset Sala")
        .await;
    let id = begin(&rep, "sala", period, org).await;
    let action = upload_action(&rep.get(&page("sala", id)).await.body);
    rep.post_multipart(&action, &[("kind", "other")], "file", "plan.pdf", PDF.to_vec())
        .await;
    let file = rep
        .get(&page("sala", id))
        .await
        .body
        .split("href=\"")
        .map(|s| s[..s.find('"').unwrap_or(0)].to_string())
        .find(|h| h.contains("/bilagor/"))
        .unwrap();

    // Another association's representative: as if it did not exist.
    assert_eq!(stranger.get(&page("sala", id)).await.status, 404);
    assert_eq!(stranger.get(&file).await.status, 404);
    let posted = stranger
        .post_raw(
            &format!("{}/spara", page("sala", id)),
            &[
                ("_csrf", &stranger.get("/sala/bidrag/mina").await.csrf()),
                ("purpose", "x"),
            ],
        )
        .await;
    assert_eq!(posted.status, 404);
    // Their own list has only their own association's applications.
    let theirs = begin(&stranger, "sala", period, other).await;
    let mine = stranger.get("/sala/bidrag/mina").await.text();
    assert!(
        mine.contains("Röda korset Sala") && !mine.contains("Sala simsällskap"),
        "{mine}"
    );
    // Nor can a representative begin one for an association they do not represent.
    let apply = format!("/sala/bidrag/ansok/{period}");
    let forged = stranger.submit(&apply, &apply, &[("org", &org.to_string())]).await;
    assert_eq!(forged.status, 403);

    // Anonymous visitors are asked to log in; the staff see it; another municipality's staff do not.
    let anonymous = app.client().get(&page("sala", id)).await;
    assert_ne!(anonymous.status, 200);
    assert!(!anonymous.text().contains("Sala simsällskap"));
    let staff = app.staff("sala").await;
    assert_eq!(staff.get(&page("sala", id)).await.status, 200);
    assert_eq!(staff.get(&file).await.status, 200);
    let orebro = app.staff("orebro").await;
    assert_eq!(orebro.get(&page("sala", id)).await.status, 404);
    assert_eq!(orebro.get(&page("orebro", id)).await.status, 404);
    assert_eq!(orebro.get(&file).await.status, 404);
    assert_eq!(
        orebro
            .get(&format!("/orebro/bidrag/handlaggning/{period}"))
            .await
            .status,
        404
    );
    assert_eq!(
        rep.get(&format!("/sala/bidrag/handlaggning/{period}")).await.status,
        403
    );
    assert_eq!(rep.get(&page("sala", theirs)).await.status, 404);
}

async fn a_second_board_member_co_signs(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    let org = association(&app, sala, "SPF Seniorerna Sala", 7, Facts::default()).await;
    let (first, _) = app
        .representative_client("ordforande@spf.example", "sala", "SPF Seniorerna Sala")
        .await;
    let (second, _) = app
        .representative_client("kassor@spf.example", "sala", "SPF Seniorerna Sala")
        .await;
    let id = begin(&first, "sala", period, org).await;
    let fields = [
        ("purpose", "Träffar för seniorer"),
        ("amount", "2000"),
        ("democracy", "on"),
        ("co_signer", "kassor@spf.example"),
    ];
    // Not oneself.
    let me = [("purpose", "x"), ("co_signer", "Ordforande@spf.example")];
    let bad = step(&first, "sala", id, "spara", &me).await;
    assert_eq!(bad.status, 422);
    assert!(bad.text().contains("Den som skriver under ska vara en annan än du."));
    assert_eq!(step(&first, "sala", id, "spara", &fields).await.status, 303);
    assert_eq!(step(&first, "sala", id, "skicka", &[]).await.status, 303);
    let text = first.get(&page("sala", id)).await.text();
    assert!(
        text.contains("Väntar på en andra styrelseledamots underskrift"),
        "{text}"
    );
    let mail = app.deliver().await;
    assert!(
        mail.iter().any(|(to, subject, body)| to == "kassor@spf.example"
            && subject.contains("Skriv under")
            && body.contains(&page("sala", id))),
        "{mail:?}"
    );
    assert!(
        !mail.iter().any(|(to, _, _)| to == "ordforande@spf.example"),
        "no receipt before it counts"
    );
    // The one who began it cannot be the second signature.
    assert_eq!(step(&first, "sala", id, "medsignera", &[]).await.status, 403);
    let signed = step(&second, "sala", id, "medsignera", &[]).await;
    assert_eq!(signed.status, 303, "{}", signed.text());
    assert!(second.get(&page("sala", id)).await.text().contains("Inskickad"));
    let mail = app.deliver().await;
    assert!(
        mail.iter()
            .any(|(to, subject, _)| to == "ordforande@spf.example" && subject.contains("KFN 2026/0001")),
        "{mail:?}"
    );
}

async fn the_programmes_own_questions_are_asked_and_checked(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let q = |id: &str, label: &str, kind: QuestionKind, options: &[&str], required: bool| Question {
        id: id.into(),
        label: label.into(),
        kind,
        options: options.iter().map(|o| o.to_string()).collect(),
        required,
        hint: String::new(),
    };
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |s| {
            s.questions = vec![
                q(
                    "q1",
                    "Vilken målgrupp når verksamheten?",
                    QuestionKind::Choice,
                    &["Barn", "Unga", "Vuxna"],
                    true,
                ),
                q("q2", "Egen insats i kronor", QuestionKind::Amount, &[], false),
                q("q3", "Verksamhetsplan", QuestionKind::File, &[], true),
            ];
        },
    )
    .await;
    let org = association(&app, sala, "Sala kammarkör", 8, Facts::default()).await;
    let (rep, _) = app
        .representative_client("rep@kor.example", "sala", "Sala kammarkör")
        .await;
    let id = begin(&rep, "sala", period, org).await;
    let form = rep.get(&page("sala", id)).await;
    assert!(form.body.contains("Vilken målgrupp når verksamheten?"));
    assert!(
        form.body
            .contains("<option value=\"question-q3\">Verksamhetsplan</option>"),
        "the file question is an attachment kind"
    );

    let base = [("purpose", "Körsång"), ("amount", "2000"), ("democracy", "on")];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut v = base.to_vec();
        v.extend_from_slice(extra);
        v
    };
    let bad = step(
        &rep,
        "sala",
        id,
        "spara",
        &with(&[("q-q1", "Pensionärer"), ("q-q2", "mycket")]),
    )
    .await;
    assert_eq!(bad.status, 422);
    let text = bad.text();
    assert!(text.contains("Välj ett av svarsalternativen."), "{text}");
    assert!(
        text.contains("Skriv beloppet i hela kronor med siffror, till exempel 12 500."),
        "{text}"
    );
    // A draft may leave the required question empty; the submission may not.
    assert_eq!(
        step(&rep, "sala", id, "spara", &with(&[("q-q2", "5 000")]))
            .await
            .status,
        303
    );
    let refused = step(&rep, "sala", id, "skicka", &[]).await;
    assert_eq!(refused.status, 422);
    let text = refused.text();
    assert!(
        text.contains("Vilken målgrupp når verksamheten?: Svara på frågan."),
        "{text}"
    );
    assert!(text.contains("Bifoga Verksamhetsplan."), "{text}");

    assert_eq!(
        step(&rep, "sala", id, "spara", &with(&[("q-q1", "unga"), ("q-q2", "5 000")]))
            .await
            .status,
        303
    );
    let action = upload_action(&rep.get(&page("sala", id)).await.body);
    let up = rep
        .post_multipart(&action, &[("kind", "question-q3")], "file", "plan.pdf", PDF.to_vec())
        .await;
    assert_eq!(up.status, 303);
    assert_eq!(step(&rep, "sala", id, "skicka", &[]).await.status, 303);
    let text = rep.get(&page("sala", id)).await.text();
    assert!(text.contains("Vilken målgrupp når verksamheten? Unga"), "{text}");
    assert!(text.contains("Egen insats i kronor 5 000 kr"), "{text}");
    assert!(text.contains("Verksamhetsplan: plan.pdf"), "{text}");
    app.deliver().await;
}

async fn the_letters_follow_the_language_applied_in(backend: Backend) {
    let app = TestApp::start(backend).await;
    let sala = app.municipality("sala", "Sala").await;
    let (_, period) = programme(
        &app,
        sala,
        Kind::Operating,
        "Verksamhetsbidrag",
        "2026-12-15",
        100_000,
        |_| {},
    )
    .await;
    let org = association(&app, sala, "Sala ridklubb", 9, Facts::default()).await;
    let (rep, _) = app
        .representative_client("rep@rid.example", "sala", "Sala ridklubb")
        .await;
    let token = rep.get("/sala/bidrag").await.csrf();
    let switched = rep
        .post_raw("/sprak", &[("_csrf", &token), ("lang", "en"), ("next", "/sala/bidrag")])
        .await;
    assert_eq!(switched.status, 303);
    let id = begin(&rep, "sala", period, org).await;
    let fields = [
        ("purpose", "Riding school for children"),
        ("amount", "2000"),
        ("democracy", "on"),
    ];
    assert_eq!(step(&rep, "sala", id, "spara", &fields).await.status, 303);
    assert_eq!(step(&rep, "sala", id, "skicka", &[]).await.status, 303);
    let text = rep.get(&page("sala", id)).await.text();
    assert!(
        text.contains("Case number KFN 2026/0001") && text.contains("Status Sent"),
        "{text}"
    );
    let mail = app.deliver().await;
    let receipt = mail.iter().find(|(to, _, _)| to == "rep@rid.example").unwrap();
    assert_eq!(receipt.1, "We have received your application KFN 2026/0001");
    assert!(
        receipt.2.contains("Amount applied for: 2\u{a0}000\u{a0}kr"),
        "{}",
        receipt.2
    );
}

both!(
    applying_from_draft_to_receipt,
    eligibility_checks_pass_and_fail_for_the_right_reasons,
    deadlines_follow_the_clock,
    only_the_association_and_the_staff_see_an_application,
    a_second_board_member_co_signs,
    the_programmes_own_questions_are_asked_and_checked,
    the_letters_follow_the_language_applied_in,
);
