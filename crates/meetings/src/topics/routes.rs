//! The topics' page:
//!
//! - `GET|POST /{slug}/moten/amnen`: a representative of the municipality's associations
//!   proposes a topic and follows their associations' proposals; the coordinator sees every
//!   proposal with its decision form
//! - `GET|POST /{slug}/moten/amnen/{id}/beslut` (the coordinator): take a topic up at a coming
//!   meeting, or decline it with an answer
//!
//! Also the meeting page's list of the topics taken up there.

use super::domain::{self, Status};
use super::store::{self, Topic};
use crate::ids::{MeetingId, TopicId};
use crate::paths;
use crate::views::listed;
use platform::format;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/moten/amnen", get(page).post(propose))
        .route("/{slug}/moten/amnen/{id}/beslut", get(decide_page).post(decide))
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct ProposalForm {
    organisation: String,
    title: String,
    description: String,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct DecisionForm {
    choice: String,
    answer: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Done {
    klart: String,
}

struct TopicView {
    title: String,
    description: String,
    organisation: String,
    /// "Föreslaget 2026-11-23", "Tas upp på …", "Avböjt: …"
    status: String,
    /// The coordinator's link to decide, while the topic waits.
    decide: Option<String>,
}

#[derive(Template)]
#[template(path = "meetings_topics.html")]
struct TopicsPage {
    page: Page,
    notice: Option<String>,
    intro: String,
    form: Option<Form>,
    topics: Vec<TopicView>,
    back: String,
}

/// Who may be here: the coordinator, or a representative of the municipality's associations
/// (their ids); anyone else is refused.
fn access(ctx: &Ctx, m: &Municipality) -> AppResult<(bool, Vec<(OrganisationId, String)>)> {
    let user = require_user(ctx.user.as_ref())?;
    let coordinator = user.is_coordinator(m.id);
    let represented = user.represented_in(m.id);
    if !coordinator && represented.is_empty() {
        return Err(AppError::Forbidden);
    }
    Ok((coordinator, represented))
}

fn proposal_form(ctx: &Ctx, m: &Municipality, represented: &[(OrganisationId, String)]) -> Form {
    let t = |id: &str| ctx.t(id);
    let mut fields = vec![];
    if represented.len() > 1 {
        let mut options = vec![(String::new(), t("meetings-choose"))];
        options.extend(represented.iter().map(|(id, name)| (id.to_string(), name.clone())));
        fields.push(
            Field::new(
                "organisation",
                t("meetings-field-topic-organisation"),
                FieldKind::Select,
            )
            .required()
            .options(options),
        );
    }
    fields.push(Field::new("title", t("meetings-field-topic-title"), FieldKind::Text).required());
    fields.push(
        Field::new(
            "description",
            t("meetings-field-topic-description"),
            FieldKind::TextArea,
        )
        .hint(t("meetings-field-topic-description-hint")),
    );
    Form::new(paths::topics(&m.slug), t("meetings-submit-topic"), fields)
}

fn decision_form(ctx: &Ctx, m: &Municipality, topic: &Topic, coming: &[(MeetingId, String)]) -> Form {
    let t = |id: &str| ctx.t(id);
    let mut options = vec![(String::new(), t("meetings-choose"))];
    options.extend(coming.iter().map(|(id, title)| {
        (
            id.to_string(),
            ctx.tr.ta("meetings-topic-take-up-at", &[("title", title)]),
        )
    }));
    options.push(("nej".into(), t("meetings-topic-decline")));
    Form::new(
        paths::topic_decision(&m.slug, topic.id),
        t("meetings-submit-topic-decision"),
        vec![
            Field::new("choice", t("meetings-field-topic-choice"), FieldKind::Select)
                .required()
                .options(options),
            Field::new("answer", t("meetings-field-topic-answer"), FieldKind::TextArea)
                .hint(t("meetings-field-topic-answer-hint")),
        ],
    )
}

/// The coming meetings a topic can be taken up at: (id, listed title).
async fn coming(state: &AppState, ctx: &Ctx, m: &Municipality) -> AppResult<Vec<(MeetingId, String)>> {
    let now = state.now();
    Ok(crate::store::meetings(&state.db, m.id, None)
        .await?
        .iter()
        .filter(|mt| mt.starts_at > now && mt.cancelled_at.is_none())
        .map(|mt| (mt.id, format!("{} ({})", listed(ctx, mt), format::date(mt.starts_at))))
        .collect())
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    notice: Option<String>,
    fix: impl FnOnce(&mut Option<Form>),
) -> AppResult<Response> {
    let (coordinator, represented) = access(ctx, m)?;
    let mine: Vec<OrganisationId> = represented.iter().map(|r| r.0).collect();
    let topics = store::topics(&state.db, m.id, (!coordinator).then_some(mine.as_slice())).await?;
    let ids: Vec<OrganisationId> = topics.iter().map(|t| t.organisation_id).collect();
    let names = registry::public::organisation_names(&state.db, m.id, &ids).await?;
    let all = crate::store::meetings(&state.db, m.id, None).await?;
    let mut form = (!represented.is_empty()).then(|| proposal_form(ctx, m, &represented));
    fix(&mut form);
    let name_of = |id: OrganisationId| {
        names
            .iter()
            .find(|(o, _)| *o == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let views = topics
        .iter()
        .map(|t| TopicView {
            title: t.title.clone(),
            description: t.description.clone(),
            organisation: name_of(t.organisation_id),
            status: status_text(ctx, t, &all),
            decide: (coordinator && t.status() == Status::Proposed).then(|| paths::topic_decision(&m.slug, t.id)),
        })
        .collect();
    let status = form.as_ref().map_or(StatusCode::OK, Form::status);
    let page = TopicsPage {
        page: ctx.page_in(m, ctx.t("meetings-topics-title")),
        notice,
        intro: ctx.t(if coordinator {
            "meetings-topics-intro-coordinator"
        } else {
            "meetings-topics-intro"
        }),
        form,
        topics: views,
        back: paths::list(&m.slug),
    };
    html_status(status, &page)
}

/// "Föreslaget 2026-11-23", "Tas upp på Dialogmöte 7", "Avböjt: …".
fn status_text(ctx: &Ctx, t: &Topic, all: &[crate::store::Meeting]) -> String {
    match (t.status(), t.meeting_id) {
        (Status::Accepted, Some(mid)) => {
            let title = all
                .iter()
                .find(|mt| mt.id == mid)
                .map(|mt| listed(ctx, mt))
                .unwrap_or_default();
            ctx.tr.ta("meetings-topic-taken-up", &[("title", &title)])
        }
        (Status::Declined, _) => ctx.tr.ta("meetings-topic-declined-because", &[("answer", &t.answer)]),
        (s, _) => ctx.tr.ta(s.message_id(), &[("date", &format::date(t.created_at))]),
    }
}

async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    let notice = match q.klart.as_str() {
        "foreslaget" => Some(ctx.t("meetings-done-topic")),
        "beslutat" => Some(ctx.t("meetings-done-topic-decision")),
        _ => None,
    };
    render(&state, &ctx, &m, notice, |_| {}).await
}

async fn propose(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Input(f): Input<ProposalForm>,
) -> AppResult<Response> {
    let (_, represented) = access(&ctx, &m)?;
    let user = require_user(ctx.user.as_ref())?;
    if represented.is_empty() {
        return Err(AppError::Forbidden);
    }
    let ids: Vec<OrganisationId> = represented.iter().map(|r| r.0).collect();
    match domain::proposal(&f.organisation, &f.title, &f.description, &ids) {
        Ok(p) => {
            store::propose(&state.db, m.id, &p, user, state.now()).await?;
            Ok(Redirect::to(&format!("{}?klart=foreslaget", paths::topics(&m.slug))).into_response())
        }
        Err(problems) => {
            render(&state, &ctx, &m, None, |form| {
                if let Some(form) = form {
                    form.fill_from(&f);
                    for (k, e) in problems {
                        form.invalid(&ctx.tr, k, e);
                    }
                }
            })
            .await
        }
    }
}

async fn decision_page(
    state: &AppState,
    ctx: &Ctx,
    m: &Municipality,
    id: TopicId,
    fix: impl FnOnce(&mut Form),
) -> AppResult<Response> {
    require_coordinator(ctx.user.as_ref(), m.id)?;
    let topic = store::topics(&state.db, m.id, None)
        .await?
        .into_iter()
        .find(|t| t.id == id && t.status() == Status::Proposed)
        .ok_or(AppError::NotFound("err-not-found"))?;
    let names = registry::public::organisation_names(&state.db, m.id, &[topic.organisation_id]).await?;
    let coming = coming(state, ctx, m).await?;
    let mut form = decision_form(ctx, m, &topic, &coming);
    fix(&mut form);
    let mut p = FormPage::new(ctx.page_in(
        m,
        ctx.tr.ta("meetings-topic-decision-title", &[("title", &topic.title)]),
    ));
    p.intro = vec![ctx.tr.ta(
        "meetings-topic-decision-intro",
        &[("organisation", &names.first().map(|n| n.1.clone()).unwrap_or_default())],
    )];
    if !topic.description.is_empty() {
        p.intro.push(topic.description.clone());
    }
    if coming.is_empty() {
        p.intro.push(ctx.t("meetings-topic-no-coming"));
    }
    let status = form.status();
    p.form = Some(form);
    p.links = vec![(paths::topics(&m.slug), ctx.t("meetings-back-to-topics"))];
    html_status(status, &p)
}

async fn decide_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<TopicId>,
) -> AppResult<Response> {
    decision_page(&state, &ctx, &m, id, |_| {}).await
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<TopicId>,
    Input(f): Input<DecisionForm>,
) -> AppResult<Response> {
    let user = require_coordinator(ctx.user.as_ref(), m.id)?;
    let coming: Vec<MeetingId> = coming(&state, &ctx, &m).await?.into_iter().map(|c| c.0).collect();
    match domain::decision(&f.choice, &f.answer, &coming) {
        Ok((decision, answer)) => {
            if !store::decide(&state.db, m.id, id, decision, &answer, user, state.now()).await? {
                return Err(AppError::NotFound("err-not-found"));
            }
            Ok(Redirect::to(&format!("{}?klart=beslutat", paths::topics(&m.slug))).into_response())
        }
        Err((k, e)) => {
            decision_page(&state, &ctx, &m, id, |form| {
                form.fill_from(&f);
                form.invalid(&ctx.tr, k, e);
            })
            .await
        }
    }
}

/// The topics taken up at a meeting, for its page: (title, association).
pub async fn meeting_topics(
    state: &AppState,
    m: &Municipality,
    meeting: MeetingId,
) -> AppResult<Vec<(String, String)>> {
    let topics = store::of_meeting(&state.db, m.id, meeting).await?;
    let ids: Vec<OrganisationId> = topics.iter().map(|t| t.organisation_id).collect();
    let names = registry::public::organisation_names(&state.db, m.id, &ids).await?;
    Ok(topics
        .into_iter()
        .map(|t| {
            let name = names
                .iter()
                .find(|(id, _)| *id == t.organisation_id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            (t.title, name)
        })
        .collect())
}
