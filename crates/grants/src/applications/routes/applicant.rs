//! The applicant's side of an application: the page, saving the form, sending it (with its
//! case number and a receipt by e-mail), a second board member's co-signature, attaching files
//! and downloading them.

use super::{after, forms, page, reload};
use crate::applications::case::{self, Case};
use crate::applications::domain::{check_attachment, Status, MAX_ATTACHMENT_BYTES};
use crate::applications::form::{self as applicant_form, FormInput, Missing, Stored};
use crate::applications::mail::{self, Details, Letter, Letters};
use crate::applications::store;
use crate::applications::view::{Extra, Section};
use crate::applications::write::{self, Answers, WriteError};
use crate::eligibility::domain::Outcome as CheckOutcome;
use crate::ids::{ApplicationId, AttachmentId};
use crate::programmes::domain::Rules;
use crate::programmes::questions::{attachment_kind, check_answers, missing_files, QuestionKind};
use axum::extract::Multipart;
use axum::http::header;
use platform::db;
use serde::Deserialize;
use std::collections::BTreeMap;

use platform::web::prelude::*;

/// The body limit of the upload: a file a little over the largest accepted still reaches the
/// handler, which refuses it in words.
pub const UPLOAD_LIMIT: usize = MAX_ATTACHMENT_BYTES + 256 * 1024;

#[derive(Deserialize, Default)]
pub(super) struct Done {
    #[serde(default)]
    klart: String,
}

fn done_notice(ctx: &Ctx, done: &Done) -> Option<String> {
    let id = match done.klart.as_str() {
        "sparad" => "grants-done-saved",
        "skickad" => "grants-done-submitted",
        "medsignerad" => "grants-done-co-signed",
        "bilaga" => "grants-done-attached",
        "tagen" => "grants-done-taken",
        "anteckning" => "grants-done-note",
        "poang" => "grants-done-scored",
        "komplettering" => "grants-done-completion",
        "forslag" => "grants-done-proposed",
        "beslut" => "grants-done-decided",
        _ => return None,
    };
    Some(ctx.t(id))
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
    Query(done): Query<Done>,
) -> AppResult<Response> {
    let extra = Extra {
        notice: done_notice(&ctx, &done),
        ..Extra::default()
    };
    reload(&state, &ctx, &m, id, extra).await
}

/// The amount applied for: as the form gives it, or counted from the association's attendance
/// in the period's dates (activity support).
async fn applied_ore(state: &AppState, m: &Municipality, case: &Case, typed: Option<i64>) -> AppResult<i64> {
    match (&case.programme.rules, typed) {
        (Rules::Activity(rules), _) => {
            let dates = &case.period.dates;
            let a = crate::activity::store::claim(
                &state.db,
                m.id,
                case.app.organisation_id,
                rules,
                dates.starts_on,
                dates.ends_on,
            )
            .await?;
            Ok(a.totals.amount_ore)
        }
        (_, typed) => Ok(typed.unwrap_or(0)),
    }
}

fn require_applicant(case: &Case) -> AppResult<()> {
    if case.applicant {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub(super) async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
    Input(posted): Input<BTreeMap<String, String>>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    require_applicant(&case)?;
    // The form's fixed fields; the programme's questions are named `q-{id}`.
    let input: FormInput = serde_json::to_value(&posted)
        .and_then(serde_json::from_value)
        .map_err(|_| AppError::BadRequest("err-bad-form"))?;
    // The programme's questions: what is typed must be well-formed; a draft may leave a
    // required one empty (a submission may not).
    let typed: BTreeMap<String, String> = posted
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("q-")?.to_string(), v.clone())))
        .collect();
    let optional: Vec<_> = case
        .programme
        .questions
        .iter()
        .cloned()
        .map(|mut q| {
            q.required = false;
            q
        })
        .collect();
    let (answered, question_problems) = match check_answers(&optional, &typed) {
        Ok(a) => (a, vec![]),
        Err(p) => (BTreeMap::new(), p),
    };
    let checked = applicant_form::check(&case.programme.rules, &input, &user.email);
    if checked.is_err() || !question_problems.is_empty() {
        let mut form = forms::answers(&ctx, &m, &case, &input, &typed);
        for (id, why) in &question_problems {
            form.error(&format!("q-{id}"), ctx.t(why.message_id()));
        }
        if let Err(problems) = &checked {
            for (field, p) in problems.iter().copied() {
                let message = match p {
                    applicant_form::Problem::Rule(why) => {
                        form.invalid(&ctx.tr, field, why);
                        continue;
                    }
                    applicant_form::Problem::Years(max) => ctx.tr.ta(p.message_id(), &[("n", &max)]),
                    p => ctx.t(p.message_id()),
                };
                form.error(field, message);
            }
        }
        let given = vec![Section {
            id: "answers-form",
            heading: ctx.t("grants-answers-form-heading"),
            intro: None,
            form,
        }];
        return page(&state, &ctx, &m, &case, user, Extra::default(), given).await;
    }
    let Ok(checked) = checked else {
        return Err(AppError::BadRequest("err-bad-form"));
    };
    let applied = applied_ore(&state, &m, &case, checked.applied_ore).await?;
    let mut stored = Stored::parse(&case.app.answers);
    stored.details = checked.details;
    stored.questions = answered;
    let answers = Answers {
        purpose: checked.purpose,
        applied_ore: applied,
        years: checked.years,
        democracy_attested: checked.democracy_attested,
        answers: stored.to_json(),
        co_signer_email: checked.co_signer.unwrap_or_default(),
    };
    let open = case.open(state.today());
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        write::save(tx, m.id, &case.app, &answers, open, user, now).await
    })
    .await;
    after(&state, &ctx, &m, id, done, "sparad").await
}

/// What stands in the way of sending the application, in words.
async fn problems(state: &AppState, ctx: &Ctx, m: &Municipality, case: &Case) -> AppResult<Vec<String>> {
    let app = &case.app;
    let today = state.today();
    let stored = Stored::parse(&app.answers);
    let last_start = match case.programme.rules {
        Rules::Start(_) => store::last_start_year(&state.db, m.id, app.organisation_id).await?,
        _ => None,
    };
    let mut v: Vec<String> = applicant_form::missing(
        &case.programme.rules,
        &app.purpose,
        app.applied_ore,
        &stored.details,
        last_start,
        today,
    )
    .into_iter()
    .map(|x| match x {
        Missing::Field(f) => ctx.tr.ta(
            x.message_id(),
            &[("field", &ctx.t(&format!("grants-missing-field-{f}")))],
        ),
        Missing::TooLateForProject(d) => ctx.tr.ta(x.message_id(), &[("date", &d.to_string())]),
        Missing::TooFewMembers { members, min } => ctx.tr.ta(x.message_id(), &[("members", &members), ("min", &min)]),
        Missing::RecentStart(year) => ctx.tr.ta(x.message_id(), &[("year", &year)]),
        _ => ctx.t(x.message_id()),
    })
    .collect();
    let attached: Vec<String> = store::attachments(&state.db, m.id, app.id)
        .await?
        .into_iter()
        .map(|a| a.kind)
        .collect();
    for a in &case.programme.attachments {
        if !attached.iter().any(|k| k == <&str>::from(*a)) {
            v.push(
                ctx.tr
                    .ta("grants-missing-attachment", &[("what", &ctx.t(a.message_id()))]),
            );
        }
    }
    if let Err(unanswered) = check_answers(&case.programme.questions, &stored.questions) {
        for (id, why) in unanswered {
            if let Some(q) = case.programme.questions.iter().find(|q| q.id == id) {
                v.push(format!("{}: {}", q.label, ctx.t(why.message_id())));
            }
        }
    }
    for q in missing_files(&case.programme.questions, &attached) {
        v.push(ctx.tr.ta("grants-missing-attachment", &[("what", &q.label)]));
    }
    for c in case::checks(state, m, case).await? {
        if c.outcome == CheckOutcome::Fail {
            let requirement = match c.n {
                Some(n) => ctx.tr.ta(c.requirement, &[("n", &n)]),
                None => ctx.t(c.requirement),
            };
            let why = c.why.map(|w| ctx.t(w)).unwrap_or_default();
            v.push(format!("{requirement} {why}").trim().to_string());
        }
    }
    Ok(v)
}

fn letters(state: &AppState, m: &Municipality) -> Letters {
    Letters::new(state, &m.slug, &m.name)
}

pub(super) async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    require_applicant(&case)?;
    let today = state.today();
    let open = case.open(today);
    if open && matches!(case.app.status, Status::Draft | Status::CompletionRequested) {
        let problems = problems(&state, &ctx, &m, &case).await?;
        if !problems.is_empty() {
            let extra = Extra {
                problems,
                ..Extra::default()
            };
            return page(&state, &ctx, &m, &case, user, extra, vec![]).await;
        }
    }
    let prefix = store::case_prefix(&state.db, m.id).await?;
    let co_signature = case.app.status == Status::Draft && !case.app.co_signer_email.is_empty();
    let l = letters(&state, &m);
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        let ((to, number), change) =
            write::submit(tx, m.id, &case.app, co_signature, open, &prefix, today, user, now).await?;
        let mut app = case.app.clone();
        app.case_number = Some(number);
        let details = Details {
            amount_ore: app.applied_ore,
            date: case.period.dates.deadline.to_string(),
            ..Details::default()
        };
        if to == Status::AwaitingCoSignature {
            let to_addr = app.co_signer_email.clone();
            mail::send_to(
                tx,
                &l,
                m.id,
                &app,
                &case.programme.name,
                Letter::CoSign,
                &details,
                &to_addr,
                now,
            )
            .await?;
        } else {
            mail::send(tx, &l, m.id, &app, &case.programme.name, Letter::Receipt, &details, now).await?;
        }
        Ok::<_, WriteError>(((), change))
    })
    .await;
    after(&state, &ctx, &m, id, done, "skickad").await
}

pub(super) async fn co_sign(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    if !case.may_co_sign(user) {
        return Err(AppError::Forbidden);
    }
    let l = letters(&state, &m);
    let now = state.now();
    let done = db::write(&state.db, now, async |tx| {
        let ((), change) = write::co_sign(tx, m.id, &case.app, user, now).await?;
        let details = Details {
            amount_ore: case.app.applied_ore,
            date: case.period.dates.deadline.to_string(),
            ..Details::default()
        };
        mail::send(
            tx,
            &l,
            m.id,
            &case.app,
            &case.programme.name,
            Letter::Receipt,
            &details,
            now,
        )
        .await?;
        Ok::<_, WriteError>(((), change))
    })
    .await;
    after(&state, &ctx, &m, id, done, "medsignerad").await
}

/// The upload's two fields: the kind of document and the file (at most one byte over the
/// limit is read, so a file that is too large is told apart from one that fits).
async fn read_upload(mut multipart: Multipart) -> AppResult<(String, String, Vec<u8>)> {
    let (mut kind, mut name, mut bytes) = (String::new(), String::new(), Vec::new());
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => return Err(AppError::BadRequest("err-bad-form")),
        };
        match field.name() {
            Some("kind") => kind = field.text().await.map_err(|_| AppError::BadRequest("err-bad-form"))?,
            Some("file") => {
                name = field.file_name().unwrap_or_default().to_string();
                let mut field = field;
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            if bytes.len() <= MAX_ATTACHMENT_BYTES {
                                bytes.extend_from_slice(&chunk);
                            }
                        }
                        Ok(None) => break,
                        Err(_) => return Err(AppError::BadRequest("err-bad-form")),
                    }
                }
            }
            _ => {}
        }
    }
    Ok((kind, name, bytes))
}

/// A file name safe to store and to send back: its last path part, printable, at most 120
/// characters.
fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(120)
        .collect();
    if clean.trim().is_empty() {
        "bilaga".to_string()
    } else {
        clean.trim().to_string()
    }
}

pub(super) async fn attach(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<ApplicationId>,
    multipart: Multipart,
) -> AppResult<Response> {
    let (case, user) = case::load(&state, &ctx, &m, id).await?;
    require_applicant(&case)?;
    let (kind, name, bytes) = read_upload(multipart).await?;
    let known = kind == "other"
        || case.programme.attachments.iter().any(|a| <&str>::from(*a) == kind)
        || case
            .programme
            .questions
            .iter()
            .any(|q| q.kind == QuestionKind::File && attachment_kind(q) == kind);
    if !known {
        return Err(AppError::BadRequest("err-bad-form"));
    }
    let (_, mime) = match check_attachment(&bytes) {
        Ok(k) => k,
        Err(problem) => {
            let extra = Extra {
                upload_error: Some(ctx.t(problem.message_id())),
                ..Extra::default()
            };
            return page(&state, &ctx, &m, &case, user, extra, vec![]).await;
        }
    };
    let open = case.open(state.today());
    let now = state.now();
    let name = clean_name(&name);
    let done = db::write(&state.db, now, async |tx| {
        let (_, change) = write::attach(tx, m.id, &case.app, &kind, &name, mime, bytes, open, user, now).await?;
        Ok::<_, WriteError>(((), change))
    })
    .await;
    after(&state, &ctx, &m, id, done, "bilaga").await
}

#[derive(Deserialize)]
pub(super) struct FilePath {
    id: ApplicationId,
    file: AttachmentId,
}

pub(super) async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(p): PathParams<FilePath>,
) -> AppResult<Response> {
    // Loading the case is the check: its association's representatives and the staff only.
    let (case, _) = case::load(&state, &ctx, &m, p.id).await?;
    let Some((name, mime, bytes)) = store::attachment_file(&state.db, m.id, case.app.id, p.file).await? else {
        return Err(AppError::NotFound("err-not-found"));
    };
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        name.replace(|c: char| !c.is_ascii_graphic() && c != ' ', "_"),
        urlencoding::encode(&name)
    );
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}
