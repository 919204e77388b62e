//! How an item is shown on the pages and in the feed: the line under its title, its tags with
//! the list's address for each, its body as HTML, and the form that news and stories share.

use super::domain::{self, Category, Item, Kind, Tag, PRINCIPLES, PRINCIPLE_NAMES};
use super::paths;
use crate::principles::PrincipleNames;
use platform::i18n::Tr;
use platform::web::prelude::*;
use serde::{Deserialize, Serialize};

/// The municipality's names of its principles by number (from the agreement in force).
pub(super) struct Labels {
    principles: PrincipleNames,
}

impl Labels {
    pub(super) async fn of(state: &AppState, m: &Municipality) -> AppResult<Labels> {
        Ok(Labels {
            principles: PrincipleNames::of(state, m).await?,
        })
    }

    pub(super) fn tag(&self, tr: &Tr, tag: Tag) -> String {
        match tag {
            Tag::Principle(n) => self.principles.tag(tr, n),
            Tag::Category(c) => tr.t(c.message_id()),
        }
    }

    /// "Gott exempel från IKS", "Nyhet".
    pub(super) fn kind(&self, tr: &Tr, i: &Item) -> String {
        match (&i.kind, &i.organisation) {
            (Kind::Story, Some((_, name))) => tr.ta("openness-news-story-from", &[("name", name)]),
            (k, _) => tr.t(k.message_id()),
        }
    }

    /// "Gott exempel från IKS · 2026-11-20", "Nyhet · 2026-12-01".
    pub(super) fn meta(&self, tr: &Tr, i: &Item) -> String {
        let kind = self.kind(tr, i);
        if i.published_on.is_empty() {
            kind
        } else {
            format!("{kind} · {}", i.published_on)
        }
    }
}

/// An item as the pages show it.
pub(super) struct Shown {
    pub i: Item,
    pub href: String,
    pub meta: String,
    /// (label, the list filtered by the tag).
    pub tags: Vec<(String, String)>,
    /// The image's address and text alternative.
    pub image: Option<(String, String)>,
    pub status: String,
}

pub(super) fn shown(tr: &Tr, labels: &Labels, slug: &str, i: Item) -> Shown {
    let list = paths::list(slug);
    Shown {
        href: paths::item(slug, i.id),
        meta: labels.meta(tr, &i),
        tags: i
            .tags()
            .into_iter()
            .map(|t| (labels.tag(tr, t), format!("{list}?tagg={}", t.value())))
            .collect(),
        image: i.image.as_ref().map(|(_, alt)| (paths::image(slug, i.id), alt.clone())),
        status: tr.t(i.status.message_id()),
        i,
    }
}

impl Shown {
    /// The body as safe HTML (see [`super::markdown`]).
    pub fn body_html(&self) -> String {
        super::markdown::to_html(&self.i.body)
    }
}

/// One choice of a filter's select list.
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub on: bool,
}

/// The list's choices of kind and tag, each starting with "all".
pub(super) fn choices(tr: &Tr, labels: &Labels, f: &domain::Filter) -> (Vec<Choice>, Vec<Choice>) {
    let mut kinds = vec![Choice {
        value: String::new(),
        label: tr.t("openness-news-filter-all-kinds"),
        on: f.kind.is_none(),
    }];
    kinds.extend([Kind::News, Kind::Story].into_iter().map(|k| Choice {
        value: k.value().to_string(),
        label: tr.t(k.message_id()),
        on: f.kind == Some(k),
    }));
    let mut tags = vec![Choice {
        value: String::new(),
        label: tr.t("openness-filter-all-tags"),
        on: f.tag.is_none(),
    }];
    let every = PRINCIPLES
        .map(Tag::Principle)
        .chain(Category::ALL.into_iter().map(Tag::Category));
    tags.extend(every.map(|t| Choice {
        value: t.value(),
        label: labels.tag(tr, t),
        on: f.tag == Some(t),
    }));
    (kinds, tags)
}

/// The fields of an item, for news and stories alike.
pub(super) fn fields(ctx: &Ctx, labels: &Labels) -> Vec<Field> {
    let mut v = vec![
        Field::new("title", ctx.t("openness-news-field-title"), FieldKind::Text)
            .required()
            .max_len(domain::TITLE_MAX),
        Field::new("lead", ctx.t("openness-news-field-lead"), FieldKind::TextArea)
            .hint(ctx.t("openness-news-hint-lead"))
            .max_len(domain::LEAD_MAX),
        Field::new("body", ctx.t("openness-news-field-body"), FieldKind::TextArea)
            .hint(ctx.t("openness-news-hint-body"))
            .max_len(domain::BODY_MAX),
        Field::new("category", ctx.t("openness-news-field-category"), FieldKind::Select)
            .required()
            .options(
                Category::ALL
                    .iter()
                    .map(|c| (c.as_str().to_string(), ctx.t(c.message_id())))
                    .collect(),
            ),
    ];
    for (n, name) in PRINCIPLES.zip(PRINCIPLE_NAMES) {
        v.push(Field::new(
            name,
            labels.tag(&ctx.tr, Tag::Principle(n)),
            FieldKind::Checkbox,
        ));
    }
    v.push(
        Field::new(
            "published_on",
            ctx.t("openness-news-field-published-on"),
            FieldKind::Date,
        )
        .hint(ctx.t("openness-news-hint-published-on")),
    );
    v
}

/// An item, as posted.
#[derive(Deserialize, Serialize, Default)]
pub(super) struct Posted {
    title: Option<String>,
    lead: Option<String>,
    body: Option<String>,
    category: Option<String>,
    principle_1: Option<String>,
    principle_2: Option<String>,
    principle_3: Option<String>,
    principle_4: Option<String>,
    principle_5: Option<String>,
    principle_6: Option<String>,
    published_on: Option<String>,
}

fn text(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// Fill a form with an item as stored.
pub(super) fn fill(form: &mut Form, i: &Item) {
    form.fill(|name| {
        Some(match name {
            "title" => i.title.clone(),
            "lead" => i.lead.clone(),
            "body" => i.body.clone(),
            "category" => i.category.as_str().to_string(),
            "published_on" => i.published_on.clone(),
            other => {
                let n = PRINCIPLE_NAMES.iter().position(|p| *p == other)?;
                let on = i.principles.contains(&(i64::try_from(n).unwrap_or(0) + 1));
                if on { "on" } else { "" }.to_string()
            }
        })
    });
}

/// Check what was posted; on errors, the form filled with it and the reasons beside the fields.
pub(super) fn read(ctx: &Ctx, mut form: Form, p: &Posted) -> Result<domain::Checked, Form> {
    let principles = [
        &p.principle_1,
        &p.principle_2,
        &p.principle_3,
        &p.principle_4,
        &p.principle_5,
        &p.principle_6,
    ];
    let on = |v: &Option<String>| v.as_deref() == Some("on");
    let values = serde_json::to_value(p).unwrap_or_default();
    form.fill(|k| {
        if let Some(i) = PRINCIPLE_NAMES.iter().position(|n| *n == k) {
            return Some(if on(principles[i]) { "on".into() } else { String::new() });
        }
        values.get(k).and_then(|v| v.as_str()).map(str::to_string)
    });
    let typed = domain::Typed {
        title: text(&p.title),
        lead: text(&p.lead),
        body: text(&p.body),
        category: text(&p.category),
        principles: principles.iter().map(|v| on(v)).collect(),
        published_on: text(&p.published_on),
    };
    domain::check(&typed).map_err(|errors| {
        crate::problem::mark(&mut form, &ctx.tr, errors);
        form
    })
}

/// What just happened, carried in `?klart=` after a redirect (a fixed list, never free text).
#[derive(Deserialize, Default)]
pub(super) struct Done {
    klart: Option<String>,
}

impl Done {
    pub(super) fn message(&self, ctx: &Ctx) -> Option<String> {
        let id = match self.klart.as_deref()? {
            "sparat" => "openness-news-done-saved",
            "publicerat" => "openness-news-done-published",
            "skickat" => "openness-news-done-submitted",
            "godkant" => "openness-news-done-approved",
            "avslaget" => "openness-news-done-declined",
            "bild" => "openness-news-done-image",
            "inte-nu" => "openness-news-done-not-now",
            _ => return None,
        };
        Some(ctx.t(id))
    }
}

/// After a change: back to a page, saying what was done.
pub(super) fn done(to: &str, what: &str) -> Response {
    Redirect::to(&format!("{to}?klart={what}")).into_response()
}

/// A store error as a response: a missing item is a 404.
pub(super) fn store_error(e: super::store::StoreError) -> AppError {
    match e {
        super::store::StoreError::NotFound | super::store::StoreError::NotNow => AppError::NotFound("err-not-found"),
        super::store::StoreError::Db(e) => e.into(),
    }
}
