//! Calling off a meeting (coordinator):
//!
//! - `GET|POST /{slug}/moten/{id}/installa`: what happens, an optional message to those
//!   registered, and the button; afterwards the meeting's page says it is called off.

use super::store;
use crate::ids::MeetingId;
use crate::letters::Letters;
use crate::paths;
use crate::registration::store::lock_meeting;
use crate::store::{Meeting, WriteError};
use crate::views;
use platform::audit::Change;
use platform::db;
use platform::mail;
use platform::web::prelude::*;

pub fn router() -> Routes {
    Routes::new().route("/{slug}/moten/{id}/installa", get(page).post(save))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct CallOffForm {
    message: String,
}

fn form(ctx: &Ctx, m: &Municipality, mt: &Meeting, message: &str) -> Form {
    let mut f = Form::new(
        paths::call_off(&m.slug, mt.id),
        ctx.t("meetings-call-off-submit"),
        vec![
            Field::new("message", ctx.t("meetings-call-off-message"), FieldKind::TextArea)
                .hint(ctx.t("meetings-call-off-message-hint")),
        ],
    );
    f.fill(|k| (k == "message").then(|| message.to_string()));
    f
}

/// The page: the form while the meeting can be called off, otherwise why not.
fn render(ctx: &Ctx, m: &Municipality, mt: &Meeting, form: Option<Form>, now: i64) -> AppResult<Response> {
    let mut p = FormPage::new(crate::views::meeting_page(
        ctx,
        m,
        mt,
        ctx.tr.ta("meetings-call-off-title", &[("title", &mt.title)]),
    ));
    if mt.cancelled_at.is_some() {
        p.intro = vec![ctx.t("meetings-called-off")];
    } else if mt.ends_at < now {
        p.intro = vec![ctx.t("meetings-call-off-over")];
    } else {
        p.intro = vec![
            format!("{}: {}", ctx.t("meetings-when"), views::when(&ctx.tr, mt)),
            ctx.tr.ta(
                "meetings-call-off-intro",
                &[("confirmed", &mt.confirmed), ("waiting", &mt.waiting)],
            ),
        ];
        p.form = form;
    }
    let status = p.form.as_ref().map(Form::status).unwrap_or(StatusCode::OK);
    p.links = vec![(paths::meeting(&m.slug, mt.id), ctx.t("meetings-back-to-meeting"))];
    html_status(status, &p)
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let f = form(&ctx, &m, &mt, "");
    render(&ctx, &m, &mt, Some(f), state.now())
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(f): Input<CallOffForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let now = state.now();
    let message = if f.message.trim().is_empty() {
        String::new()
    } else {
        match platform::rules::text(&f.message, 2000) {
            Ok(t) => t,
            Err(e) => {
                let mut form = form(&ctx, &m, &mt, &f.message);
                form.invalid(&ctx.tr, "message", e);
                return render(&ctx, &m, &mt, Some(form), now);
            }
        }
    };
    let letters = Letters::new(&state, &m.slug);
    // The meeting called off and every letter, in one transaction (the meeting locked, so no
    // registration slips in between).
    let done = crate::store::found(
        db::write(&state.db, now, async |tx| {
            if !lock_meeting(tx, m.id, mt.id).await? {
                return Err(WriteError::NotFound);
            }
            let off = store::call_off(tx, m.id, mt.id, &message, now)
                .await?
                .ok_or(WriteError::NotFound)?;
            let people = store::recipients(tx, m.id, mt.id).await?;
            for p in &people {
                mail::queue(tx, Some(m.id), &letters.called_off(&off, &p.name, &p.email), now).await?;
            }
            let change = Change::new(
                m.id,
                Some(user),
                "meetings.meeting.call_off",
                "meetings_meeting",
                mt.id,
                format!("{}: {} underrättade", off.title, people.len()),
            );
            Ok((people.len(), change))
        })
        .await,
    )?;
    match done {
        Some(_) => {
            state.jobs_wakeup.notify_one();
            Ok(Redirect::to(&paths::meeting(&m.slug, mt.id)).into_response())
        }
        // Already called off or over: the page says which.
        None => {
            let mt = views::meeting(&state, &m, id).await?;
            render(&ctx, &m, &mt, None, now)
        }
    }
}
