//! Registration, cancellation, participants and attendance.
//!
//! - `GET|POST /{slug}/moten/{id}/anmalan`: registration (public, rate limited)
//! - `GET|POST /{slug}/moten/bekrafta/{token}`: confirmation by the e-mailed link (`confirm`)
//! - `GET|POST /{slug}/moten/avanmalan/{token}`: cancellation by the e-mailed link
//! - `GET|POST /{slug}/moten/{id}/deltagare`, `…/deltagare.csv|.xlsx`, `…/deltagare/utskrift` (coordinator)

use super::pages::{register_intro, registered_page, render_register};
use super::store::{self, RegisterError};
use crate::domain::{Party, Problem, RegistrationForm, Status};
use crate::ids::{MeetingId, RegistrationId};
use crate::paths;
use crate::store::Meeting;
use crate::views::{self, mark, when, TokenPath};
use axum::http::{header, HeaderValue};
use platform::ratelimit;
use platform::web::prelude::*;
use std::collections::HashMap;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/moten/utskrift.css", get(print_css))
        .route("/{slug}/moten/avanmalan/{token}", get(cancel_page).post(cancel_save))
        .route("/{slug}/moten/{id}/anmalan", get(register_page).post(register_save))
        .route(
            "/{slug}/moten/bekrafta/{token}",
            get(super::confirm::page).post(super::confirm::save),
        )
        .route(
            "/{slug}/moten/{id}/deltagare",
            get(participants_page).post(attendance_save),
        )
        .route("/{slug}/moten/{id}/deltagare.csv", get(participants_csv))
        .route("/{slug}/moten/{id}/deltagare.xlsx", get(participants_xlsx))
        .route("/{slug}/moten/{id}/deltagare/utskrift", get(participants_print))
}

// --- Registration ---

pub(super) fn register_form(ctx: &Ctx, m: &Municipality, mt: &Meeting, f: &RegistrationForm) -> Form {
    let t = |id: &str| ctx.t(id);
    let mut parties = vec![(String::new(), t("meetings-choose"))];
    parties.extend(Party::ALL.iter().map(|p| (p.as_str().to_string(), t(p.message_id()))));
    let mut form = Form::new(
        paths::register(&m.slug, mt.id),
        t("meetings-submit-register"),
        vec![
            Field::new("name", t("meetings-field-name"), FieldKind::Text)
                .required()
                .autocomplete("name"),
            Field::new("email", t("meetings-field-email"), FieldKind::Email)
                .required()
                .autocomplete("email")
                .hint(t("meetings-field-email-hint")),
            Field::new("organisation", t("meetings-field-organisation"), FieldKind::Text)
                .autocomplete("organization")
                .hint(t("meetings-field-organisation-hint")),
            Field::new("party", t("meetings-field-party"), FieldKind::Select)
                .required()
                .options(parties),
            Field::new("dietary", t("meetings-field-dietary"), FieldKind::TextArea),
            Field::new("accessibility", t("meetings-field-needs"), FieldKind::TextArea)
                .hint(t("meetings-field-needs-hint")),
            Field::new("consent", t("meetings-field-consent"), FieldKind::Checkbox)
                .required()
                .hint(mt.consent_text.clone()),
        ],
    );
    form.fill(|k| {
        Some(match k {
            "name" => f.name.clone(),
            "email" => f.email.clone(),
            "organisation" => f.organisation.clone(),
            "party" => f.party.clone(),
            "dietary" => f.dietary.clone(),
            "accessibility" => f.accessibility.clone(),
            "consent" => f.consent.clone().unwrap_or_default(),
            _ => return None,
        })
    });
    form
}

async fn register_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    let mt = views::meeting(&state, &m, id).await?;
    let open = mt.registration_open(state.now());
    // A signed-in person finds their name and address filled in.
    let known = RegistrationForm {
        name: ctx.user.as_ref().map(|u| u.name.clone()).unwrap_or_default(),
        email: ctx.user.as_ref().map(|u| u.email.clone()).unwrap_or_default(),
        ..Default::default()
    };
    let form = open.then(|| register_form(&ctx, &m, &mt, &known));
    render_register(&ctx, &m, &mt, form, StatusCode::OK)
}

async fn register_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(f): Input<RegistrationForm>,
) -> AppResult<Response> {
    ratelimit::check(
        &state,
        state.limits.meeting_register,
        &[format!("meetings:{}", ctx.ip_key())],
    )
    .await?;
    let mt = views::meeting(&state, &m, id).await?;
    let input = match f.check() {
        Ok(i) => i,
        Err(p) => {
            let mut form = register_form(&ctx, &m, &mt, &f);
            mark(&mut form, &ctx, &p);
            return render_register(&ctx, &m, &mt, Some(form), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    // A signed-in person registering their own (verified) address needs no confirmation mail.
    let own_address = ctx
        .user
        .as_ref()
        .is_some_and(|u| u.email.trim().eq_ignore_ascii_case(&input.email));
    if !own_address {
        return super::confirm::hold(&state, &ctx, &m, &mt, &f, &input).await;
    }
    let token = state.random.token(32);
    match super::seat(&state, &m, mt.id, &input, &token).await {
        Ok(status) => registered_page(&ctx, &m, &mt, status, &input.email, &token),
        Err(RegisterError::Already) => {
            let mut form = register_form(&ctx, &m, &mt, &f);
            mark(&mut form, &ctx, &vec![("email", Problem::Already)]);
            render_register(&ctx, &m, &mt, Some(form), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(RegisterError::Closed) => render_register(&ctx, &m, &mt, None, StatusCode::UNPROCESSABLE_ENTITY),
        Err(RegisterError::NotFound) => Err(AppError::NotFound("err-not-found")),
        Err(RegisterError::Db(e)) => Err(e.into()),
    }
}

// --- Cancellation ---

async fn cancel_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    let reg = store::by_token(&state.db, m.id, &token)
        .await?
        .ok_or(AppError::NotFound("meetings-err-no-registration"))?;
    let Some(mt) = views::link_meeting(&state, &m, reg.meeting_id).await? else {
        return views::link_expired(&ctx, &m);
    };
    let mut p = FormPage::new(crate::views::meeting_page(
        &ctx,
        &m,
        &mt,
        ctx.tr.ta("meetings-cancel-title", &[("title", &mt.title)]),
    ));
    p.intro = register_intro(&ctx, &mt);
    if Status::parse(&reg.status) == Status::Cancelled {
        p.notice = Some(ctx.t("meetings-cancelled"));
    } else {
        p.intro
            .insert(0, ctx.tr.ta("meetings-cancel-intro", &[("name", &reg.name)]));
        p.form = Some(Form::new(
            paths::cancel(&m.slug, &token),
            ctx.t("meetings-submit-cancel"),
            vec![],
        ));
    }
    p.links = vec![
        (paths::own_data(&m.slug, &token), ctx.t("meetings-own-link")),
        (paths::meeting(&m.slug, mt.id), ctx.t("meetings-back-to-meeting")),
    ];
    html(&p)
}

async fn cancel_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    PathParams(TokenPath { token }): PathParams<TokenPath>,
) -> AppResult<Response> {
    if let Some(reg) = store::by_token(&state.db, m.id, &token).await? {
        if views::link_meeting(&state, &m, reg.meeting_id).await?.is_none() {
            return views::link_expired(&ctx, &m);
        }
    }
    let cancelled = super::cancel(&state, &m, &token).await?;
    // Cancelled now or before (a second press): the link's page says so.
    let known = cancelled.is_some() || store::by_token(&state.db, m.id, &token).await?.is_some();
    if !known {
        return Err(AppError::NotFound("meetings-err-no-registration"));
    }
    Ok(Redirect::to(&paths::cancel(&m.slug, &token)).into_response())
}

// --- Participants and attendance ---

struct Person {
    id: RegistrationId,
    name: String,
    email: String,
    organisation: String,
    party: String,
    dietary: String,
    accessibility: String,
    status: String,
    waiting: bool,
    attended: bool,
}

#[derive(Template)]
#[template(path = "meetings_participants.html")]
struct ParticipantsPage {
    page: Page,
    notice: Option<String>,
    people: Vec<Person>,
    /// (party, seats, present)
    parties: Vec<(String, i64, i64)>,
    total: (i64, i64),
    action: String,
    csv: String,
    xlsx: String,
    print: String,
    back: String,
}

async fn people(state: &AppState, ctx: &Ctx, m: &Municipality, mt: &Meeting) -> AppResult<Vec<Person>> {
    Ok(store::registrations(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .map(|r| Person {
            id: r.id,
            party: ctx.t(r.party().message_id()),
            status: ctx.t(r.status().message_id()),
            waiting: r.status() == Status::Waiting,
            attended: r.attended == Some(1),
            name: if r.name.is_empty() {
                ctx.t("meetings-erased-person")
            } else {
                r.name
            },
            email: r.email,
            organisation: r.organisation,
            dietary: r.dietary,
            accessibility: r.accessibility,
        })
        .collect())
}

async fn render_participants(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    notice: Option<String>,
) -> AppResult<Response> {
    let people = people(state, ctx, m, mt).await?;
    let parties = store::by_party(&state.db, m.id, mt.id).await?;
    let total = parties.iter().fold((0, 0), |(a, b), p| (a + p.1, b + p.2));
    html(&ParticipantsPage {
        page: crate::views::meeting_page(
            ctx,
            m,
            mt,
            ctx.tr.ta("meetings-participants-title", &[("title", &mt.title)]),
        ),
        notice,
        people,
        parties: parties
            .into_iter()
            .map(|(p, n, a)| (ctx.t(p.message_id()), n, a))
            .collect(),
        total,
        action: paths::participants(&m.slug, mt.id),
        csv: paths::participants_csv(&m.slug, mt.id),
        xlsx: paths::participants_xlsx(&m.slug, mt.id),
        print: paths::participants_print(&m.slug, mt.id),
        back: paths::meeting(&m.slug, mt.id),
    })
}

async fn participants_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    render_participants(&state, &ctx, &m, &mt, None).await
}

async fn attendance_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(f): Input<HashMap<String, String>>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    // One checkbox per participant, `present-{registration id}`.
    let present: Vec<RegistrationId> = f
        .keys()
        .filter_map(|k| k.strip_prefix("present-").and_then(|n| n.parse().ok()))
        .collect();
    store::mark_attendance(&state.db, m.id, mt.id, &present, user, state.now()).await?;
    render_participants(&state, &ctx, &m, &mt, Some(ctx.t("meetings-done-attendance"))).await
}

fn table(ctx: &Ctx, people: &[Person]) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "meetings-col-name",
        "meetings-col-email",
        "meetings-col-organisation",
        "meetings-col-party",
        "meetings-col-dietary",
        "meetings-col-needs",
        "meetings-col-status",
        "meetings-col-present",
    ]
    .iter()
    .map(|id| ctx.t(id))
    .collect::<Vec<_>>()];
    for p in people {
        rows.push(vec![
            p.name.clone(),
            p.email.clone(),
            p.organisation.clone(),
            p.party.clone(),
            p.dietary.clone(),
            p.accessibility.clone(),
            p.status.clone(),
            if p.attended {
                ctx.t("meetings-yes")
            } else {
                String::new()
            },
        ]);
    }
    rows
}

fn attachment(mut res: Response, content_type: &'static str, filename: &str) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

async fn participants_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let people = people(&state, &ctx, &m, &mt).await?;
    let body = platform::csv::document(&table(&ctx, &people));
    Ok(attachment(
        body.into_response(),
        "text/csv; charset=utf-8",
        &format!("deltagare-{}.csv", mt.id),
    ))
}

async fn participants_xlsx(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let people = people(&state, &ctx, &m, &mt).await?;
    let rows = table(&ctx, &people);
    let bytes = xlsx(&mt.title, &rows).map_err(|e| AppError::Internal(e.into()))?;
    Ok(attachment(
        bytes.into_response(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("deltagare-{}.xlsx", mt.id),
    ))
}

fn xlsx(title: &str, rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("Deltagare")?;
    ws.write_string_with_format(0, 0, title, &bold)?;
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = ((r + 2) as u32, c as u16);
            if r == 2 {
                ws.write_string_with_format(r, c, cell, &bold)?;
            } else {
                ws.write_string(r, c, cell)?;
            }
        }
    }
    ws.autofit();
    wb.save_to_buffer()
}

#[derive(Template)]
#[template(path = "meetings_print.html")]
struct PrintPage {
    page: Page,
    css: String,
    facts: Vec<(String, String)>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    back: String,
}

async fn participants_print(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let people = people(&state, &ctx, &m, &mt).await?;
    let mut rows = table(&ctx, &people);
    let header = if rows.is_empty() { vec![] } else { rows.remove(0) };
    html(&PrintPage {
        page: crate::views::meeting_page(
            &ctx,
            &m,
            &mt,
            ctx.tr.ta("meetings-participants-title", &[("title", &mt.title)]),
        ),
        css: paths::print_css(&m.slug),
        facts: vec![
            (ctx.t("meetings-when"), when(&ctx.tr, &mt)),
            (ctx.t("meetings-place"), mt.place.clone()),
        ],
        header,
        rows,
        back: paths::participants(&m.slug, mt.id),
    })
}

const PRINT_CSS: &str = "@media print {\n\
  .site-header, .site-footer, .ds-skip-link, .no-print { display: none !important; }\n\
  body { font-size: 10pt; color: #000; background: #fff; }\n\
  main { max-width: none; padding: 0; }\n\
  table { width: 100%; border-collapse: collapse; }\n\
  tr { page-break-inside: avoid; }\n\
  th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }\n\
  a { color: #000; text-decoration: none; }\n\
}\n";

async fn print_css(Tenant(_m): Tenant) -> Response {
    let mut res = PRINT_CSS.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    res
}
