//! The registry's main pages: the directory, its JSON and the public profile. The router also
//! takes in the sub-areas' routes.
//!
//! - `GET /{slug}/foreningar`: the public directory with search and filters
//! - `GET /{slug}/foreningar/{id}`: an organisation's public profile (public contacts only)
//! - `GET /api/v1/{slug}/organisations`: the directory as JSON, same filters
//! - `GET /api/v1/{slug}/organisations/{id}`: one profile as JSON
//!
//! Editing and registering are in `profile`, contacts and premises in `parts`, joining in
//! `joining`, the confirmation and freshness report in `confirmation`, export and import in
//! `exchange`.

use crate::confirmation::domain::{is_stale, last_confirmed};
use crate::domain::{self, Category, Feature, Filters};
use crate::store;
use crate::web::{may_edit, may_see_private, Done};
use crate::{confirmation, exchange, joining, parts, paths, profile};
use platform::format;
use platform::web::prelude::*;

pub fn router() -> Routes {
    Routes::new()
        .route("/{slug}/foreningar", get(directory))
        .merge(crate::api::router())
        .route("/{slug}/foreningar/{id}", get(profile_page))
        .merge(profile::router())
        .merge(parts::routes::router())
        .merge(joining::routes::router())
        .merge(confirmation::routes::router())
        .merge(exchange::routes::router())
}

// --- The directory ---

struct Choice {
    value: String,
    label: String,
    on: bool,
}

struct Row {
    href: String,
    name: String,
    categories: String,
    mission: String,
    signed: bool,
    has_premises: bool,
}

#[derive(Template)]
#[template(path = "registry_directory.html")]
struct DirectoryPage {
    page: Page,
    intro: String,
    action: String,
    q: String,
    categories: Vec<Choice>,
    signed: bool,
    premises: bool,
    features: Vec<Choice>,
    rows: Vec<Row>,
    summary: String,
    /// (href or none for a gap, number, current)
    pages: Vec<(Option<String>, i64, bool)>,
    admin: Vec<(String, String)>,
    api_href: String,
}

fn first_sentence(s: &str) -> String {
    let t: String = s.chars().take(200).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

async fn directory(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Query(params): Query<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = Filters::from_params(&params);
    let (found, total) = store::search(&state.db, m.id, &f).await?;
    let pages_n = domain::page_count(total);
    let pages = if pages_n > 1 {
        domain::page_links(f.page, pages_n)
            .into_iter()
            .map(|p| match p {
                Some(n) => (Some(paths::directory_query(&m, &f.to_query(n))), n, n == f.page),
                None => (None, 0, false),
            })
            .collect()
    } else {
        vec![]
    };
    let mut admin = vec![];
    if let Some(u) = ctx.user.as_ref() {
        if u.is_coordinator(m.id) {
            admin = vec![
                (paths::new_organisation(&m), ctx.t("registry-action-new")),
                (paths::import(&m), ctx.t("registry-action-import")),
                (paths::export_csv(&m), ctx.t("registry-action-export-csv")),
                (paths::export_xlsx(&m), ctx.t("registry-action-export-xlsx")),
                (paths::stale(&m), ctx.t("registry-action-stale")),
                (paths::requests(&m), ctx.t("registry-action-requests")),
            ];
        } else if u
            .roles
            .iter()
            .any(|r| r.organisation_id.is_some() && r.municipality_id == Some(m.id))
        {
            admin = vec![(paths::requests(&m), ctx.t("registry-action-requests"))];
        }
    }
    let summary = if f.page > pages_n && total > 0 {
        ctx.t("registry-past-last-page")
    } else {
        ctx.tr.tn("registry-found", "n", total)
    };
    let api_query = f.to_query(f.page);
    html(&DirectoryPage {
        page: ctx
            .page_in(&m, ctx.t("registry-title"))
            .described(ctx.ta_name("registry-intro", &m.name)),
        intro: ctx.ta_name("registry-intro", &m.name),
        action: paths::directory(&m),
        q: f.query.as_ref().map(|q| q.display()).unwrap_or_default(),
        categories: std::iter::once(Choice {
            value: String::new(),
            label: ctx.t("registry-filter-any-category"),
            on: f.category.is_none(),
        })
        .chain(Category::ALL.iter().map(|c| Choice {
            value: c.code().into(),
            label: ctx.t(c.message_id()),
            on: f.category == Some(*c),
        }))
        .collect(),
        signed: f.signed,
        premises: f.premises,
        features: Feature::ALL
            .iter()
            .map(|x| Choice {
                value: x.column().into(),
                label: ctx.t(x.message_id()),
                on: f.features.contains(x),
            })
            .collect(),
        rows: found
            .into_iter()
            .map(|l| Row {
                href: paths::organisation(&m, l.id),
                categories: l
                    .categories
                    .iter()
                    .map(|c| ctx.t(c.message_id()))
                    .collect::<Vec<_>>()
                    .join(", "),
                mission: first_sentence(&l.mission),
                name: l.name,
                signed: l.signed,
                has_premises: l.has_premises,
            })
            .collect(),
        summary,
        pages,
        admin,
        api_href: paths::api_list(&m, &api_query),
    })
}

// --- The profile ---

struct ContactView {
    name: String,
    role: String,
    email: String,
    phone: String,
}

struct PremisesView {
    name: String,
    address: String,
    capacity: String,
    equipment: String,
    features: Vec<String>,
}

#[derive(Template)]
#[template(path = "registry_profile.html")]
struct ProfilePage {
    page: Page,
    notice: Option<String>,
    /// (label, value)
    facts: Vec<(String, String)>,
    mission: String,
    website: String,
    links: Vec<String>,
    /// The statutes' download link and file name (representatives and staff only).
    statutes: Option<(String, String)>,
    signed: bool,
    last_confirmed: String,
    stale: bool,
    contacts: Vec<ContactView>,
    premises: Vec<PremisesView>,
    /// Editing links for representatives and the coordinator.
    edit: Vec<(String, String)>,
    confirm_action: Option<String>,
    join_href: Option<String>,
    back: String,
}

async fn profile_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Tenant(m): Tenant,
    Id(id): Id<OrganisationId>,
    Query(q): Query<Done>,
) -> AppResult<Response> {
    let profile = crate::web::profile_or_404(&state, &m, id).await?;
    let contacts = store::contacts(&state.db, m.id, id, false).await?;
    let premises = store::premises(&state.db, m.id, id).await?;
    let now = state.now();
    let mut facts = vec![];
    if let Some(n) = &profile.org_number {
        facts.push((ctx.t("registry-field-orgnr"), n.clone()));
    }
    facts.push((ctx.t("registry-field-form"), ctx.t(profile.legal_form.message_id())));
    if !profile.categories.is_empty() {
        facts.push((
            ctx.t("registry-field-categories"),
            profile
                .categories
                .iter()
                .map(|c| ctx.t(c.message_id()))
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    for (label, v) in [
        ("registry-field-target-groups", &profile.target_groups),
        ("registry-field-visiting", &profile.visiting_address),
        ("registry-field-postal", &profile.postal_address),
        ("registry-field-email", &profile.email),
        ("registry-field-phone", &profile.phone),
    ] {
        if !v.is_empty() {
            facts.push((ctx.t(label), v.clone()));
        }
    }
    if let Some(n) = profile.member_count {
        facts.push((ctx.t("registry-field-members"), n.to_string()));
    }
    let user = ctx.user.as_ref();
    let private = user.is_some_and(|u| may_see_private(u, &m, id));
    let mut statutes = None;
    if let Some(f) = crate::facts::store::facts_of(&state.db, m.id, id).await? {
        let shown = crate::facts::view::shown(&ctx, &m, &f, private);
        facts.extend(shown.facts);
        statutes = shown.statutes;
    }
    let editing = user.is_some_and(|u| may_edit(u, &m, id));
    let edit = if editing {
        vec![
            (paths::edit(&m, id), ctx.t("registry-action-edit")),
            (paths::contacts(&m, id), ctx.t("registry-action-contacts")),
            (paths::premises(&m, id), ctx.t("registry-action-premises")),
        ]
    } else {
        vec![]
    };
    let notice = match q.klart.as_deref() {
        Some("sparad") => Some(ctx.t("registry-done-saved")),
        Some("bekraftad") => Some(ctx.t("registry-done-confirmed")),
        Some("ansokan") => Some(ctx.t("registry-done-requested")),
        Some("stadgar") => Some(ctx.t("registry-done-statutes")),
        _ => None,
    };
    html(&ProfilePage {
        page: ctx
            .page_in(&m, profile.name.clone())
            .described(platform::layout::excerpt(&profile.mission, 200)),
        notice,
        facts,
        mission: profile.mission.clone(),
        website: profile.website.clone(),
        links: profile.social_links.clone(),
        statutes,
        signed: profile.signed,
        last_confirmed: format::date(last_confirmed(profile.confirmed_at, profile.created_at)),
        stale: is_stale(profile.confirmed_at, profile.created_at, now),
        contacts: contacts
            .into_iter()
            .map(|c| ContactView {
                name: c.name,
                role: c.role,
                email: c.email,
                phone: c.phone,
            })
            .collect(),
        premises: premises
            .into_iter()
            .map(|p| PremisesView {
                name: p.name,
                address: p.address,
                capacity: p.capacity.map(|c| c.to_string()).unwrap_or_default(),
                equipment: p.equipment,
                features: p.features.iter().map(|f| ctx.t(f.message_id())).collect(),
            })
            .collect(),
        edit,
        confirm_action: editing.then(|| paths::confirm(&m, id)),
        join_href: (user.is_some() && !editing).then(|| paths::join(&m, id)),
        back: paths::directory(&m),
    })
}
