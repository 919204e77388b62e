//! The coordinator's pages of the group discussions:
//!
//! - `GET|POST /{slug}/moten/{id}/grupper`: the groups with their members; make a group (a name
//!   and a party, or several parties)
//! - `POST /{slug}/moten/{id}/grupper/placera`: place a confirmed participant in a group (of the
//!   participant's party) or in none
//! - `POST /{slug}/moten/{id}/samtal/synpunkt`: add a general comment to the minutes

use super::store::{self, GroupError};
use crate::domain::Party;
use crate::ids::{DiscussionGroupId, MeetingId, RegistrationId};
use crate::paths;
use crate::registration::store as registrations;
use crate::store::Meeting;
use crate::views;
use platform::rules::{self, Invalid};
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/moten/{id}/grupper", get(groups_page).post(add_group))
        .route("/{slug}/moten/{id}/grupper/placera", post(place))
        .route("/{slug}/moten/{id}/samtal/synpunkt", post(add_comment))
}

const PARTIES: [Party; 4] = [
    Party::Municipality,
    Party::CivilSociety,
    Party::Politician,
    Party::Guest,
];

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct GroupForm {
    name: String,
    party: String,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct PlaceForm {
    participant: String,
    group: String,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct CommentForm {
    topic: String,
    comment_text: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Done {
    klart: String,
}

struct GroupView {
    name: String,
    party: String,
    members: Vec<String>,
}

struct ParticipantView {
    name: String,
    organisation: String,
    party: String,
    group: String,
}

#[derive(Template)]
#[template(path = "meetings_groups.html")]
struct GroupsPage {
    page: Page,
    notice: Option<String>,
    groups: Vec<GroupView>,
    participants: Vec<ParticipantView>,
    /// (heading, form)
    forms: Vec<(String, Form)>,
    back: String,
}

fn party_name(ctx: &Ctx, p: Option<Party>) -> String {
    match p {
        Some(p) => ctx.t(p.message_id()),
        None => ctx.t("meetings-group-mixed"),
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    mt: &Meeting,
    notice: Option<String>,
    fix: impl FnOnce(&mut Form, &mut Form),
) -> AppResult<Response> {
    let t = |id: &str| ctx.t(id);
    let groups = store::groups(&state.db, m.id, mt.id).await?;
    let regs: Vec<_> = registrations::registrations(&state.db, m.id, mt.id)
        .await?
        .into_iter()
        .filter(|r| r.status == "confirmed")
        .collect();
    let group_of = |id: RegistrationId| {
        groups
            .iter()
            .find(|g| g.members.iter().any(|x| x.registration_id == id))
            .map(|g| g.name.clone())
            .unwrap_or_default()
    };
    let participants = regs
        .iter()
        .map(|r| ParticipantView {
            name: r.name.clone(),
            organisation: r.organisation.clone(),
            party: party_name(ctx, Party::parse(&r.party)),
            group: group_of(r.id),
        })
        .collect();
    let mut party_options = vec![(String::new(), t("meetings-group-mixed"))];
    party_options.extend(PARTIES.iter().map(|p| (p.as_str().to_string(), t(p.message_id()))));
    let mut group_form = Form::new(
        paths::groups(&m.slug, mt.id),
        t("meetings-submit-group"),
        vec![
            Field::new("name", t("meetings-field-group-name"), FieldKind::Text)
                .required()
                .hint(t("meetings-field-group-hint")),
            Field::new("party", t("meetings-field-group-party"), FieldKind::Select)
                .options(party_options)
                .hint(t("meetings-field-group-party-hint")),
        ],
    );
    let mut group_options = vec![(String::new(), t("meetings-group-none"))];
    group_options.extend(
        groups
            .iter()
            .map(|g| (g.id.to_string(), format!("{} ({})", g.name, party_name(ctx, g.party)))),
    );
    let mut place_form = Form::new(
        paths::group_place(&m.slug, mt.id),
        t("meetings-submit-place"),
        vec![
            Field::new("participant", t("meetings-field-participant"), FieldKind::Select)
                .required()
                .options(
                    regs.iter()
                        .map(|r| {
                            let party = party_name(ctx, Party::parse(&r.party));
                            (r.id.to_string(), format!("{} ({party})", r.name))
                        })
                        .collect(),
                ),
            Field::new("group", t("meetings-field-group"), FieldKind::Select).options(group_options),
        ],
    );
    fix(&mut group_form, &mut place_form);
    let failed = group_form.has_errors() || place_form.has_errors();
    let mut forms = vec![(t("meetings-group-new-heading"), group_form)];
    if !regs.is_empty() && !groups.is_empty() {
        forms.push((t("meetings-group-place-heading"), place_form));
    }
    let page = GroupsPage {
        page: crate::views::meeting_page(ctx, m, mt, ctx.tr.ta("meetings-groups-title", &[("title", &mt.title)])),
        notice,
        groups: groups
            .iter()
            .map(|g| GroupView {
                name: g.name.clone(),
                party: party_name(ctx, g.party),
                members: g
                    .members
                    .iter()
                    .map(|x| {
                        if x.organisation.is_empty() {
                            x.name.clone()
                        } else {
                            format!("{}, {}", x.name, x.organisation)
                        }
                    })
                    .collect(),
            })
            .collect(),
        participants,
        forms,
        back: paths::meeting(&m.slug, mt.id),
    };
    let status = if failed {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    html_status(status, &page)
}

async fn groups_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let notice = match q.klart.as_str() {
        what @ ("group" | "placed") => Some(ctx.t(&format!("meetings-done-{what}"))),
        _ => None,
    };
    render(&state, &ctx, &m, &mt, notice, |_, _| {}).await
}

async fn add_group(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<GroupForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let party = Party::parse(p.party.trim());
    let name = rules::line(&p.name, 200);
    if let Ok(name) = &name {
        if p.party.trim().is_empty() || party.is_some() {
            match store::add_group(&state.db, m.id, mt.id, name, party, Some(user), state.now()).await? {
                Ok(_) => return Ok(Redirect::to(&paths::groups_done(&m.slug, mt.id, "group")).into_response()),
                Err(_) => {
                    return render(&state, &ctx, &m, &mt, None, |g, _| {
                        g.fill_from(&p);
                        g.error("name", ctx.t("meetings-err-group-taken"));
                    })
                    .await
                }
            }
        }
    }
    render(&state, &ctx, &m, &mt, None, |g, _| {
        g.fill_from(&p);
        match name {
            Err(e) => g.invalid(&ctx.tr, "name", e),
            Ok(_) => g.error("party", ctx.t("err-bad-form")),
        }
    })
    .await
}

async fn place(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<PlaceForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let reg = RegistrationId::new(p.participant.trim().parse().unwrap_or(0));
    let group = match p.group.trim() {
        "" => None,
        g => Some(DiscussionGroupId::new(g.parse().unwrap_or(0))),
    };
    match store::place(&state.db, m.id, mt.id, reg, group, Some(user), state.now()).await? {
        Ok(()) => Ok(Redirect::to(&paths::groups_done(&m.slug, mt.id, "placed")).into_response()),
        Err(e) => {
            render(&state, &ctx, &m, &mt, None, |_, f| {
                f.fill_from(&p);
                match e {
                    GroupError::OtherParty => f.error("group", ctx.t("meetings-err-group-party")),
                    _ => f.error("participant", ctx.t("meetings-err-participant")),
                }
            })
            .await
        }
    }
}

/// Optional text: empty is fine, otherwise the rule applies.
fn opt_line(s: &str, max: usize) -> Result<String, Invalid> {
    if s.trim().is_empty() {
        Ok(String::new())
    } else {
        rules::line(s, max)
    }
}

/// The form that adds a general comment, on the minutes' edit page.
pub fn comment_form(ctx: &Ctx, m: &Municipality, mt: &Meeting) -> Form {
    Form::new(
        paths::comment(&m.slug, mt.id),
        ctx.t("meetings-submit-comment"),
        vec![
            Field::new("topic", ctx.t("meetings-field-comment-topic"), FieldKind::Text)
                .hint(ctx.t("meetings-field-comment-topic-hint")),
            Field::new("comment_text", ctx.t("meetings-field-comment"), FieldKind::TextArea).required(),
        ],
    )
}

async fn add_comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<MeetingId>,
    Input(p): Input<CommentForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let mt = views::meeting(&state, &m, id).await?;
    let topic = opt_line(&p.topic, 300);
    let text = rules::required_text(&p.comment_text, 10_000);
    if let (Ok(topic), Ok(text)) = (&topic, &text) {
        store::add_comment(&state.db, m.id, mt.id, topic, text, Some(user), state.now()).await?;
        return Ok(Redirect::to(&paths::minutes_edit(&m.slug, mt.id, Some("comment"))).into_response());
    }
    let mut form = comment_form(&ctx, &m, &mt);
    form.fill_from(&p);
    for (k, r) in [("topic", topic), ("comment_text", text)] {
        if let Err(e) = r {
            form.invalid(&ctx.tr, k, e);
        }
    }
    let mut page = FormPage::new(crate::views::meeting_page(
        &ctx,
        &m,
        &mt,
        ctx.tr.ta("meetings-minutes-edit-title", &[("title", &mt.title)]),
    ));
    page.form = Some(form);
    page.links = vec![(
        paths::minutes_edit(&m.slug, mt.id, None),
        ctx.t("meetings-back-to-minutes-edit"),
    )];
    html_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
