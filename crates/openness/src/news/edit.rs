//! One item's page for those who may change it, shared by staff (`/nyheter/hantera/{id}`) and
//! the association's representatives (`/nyheter/mina/{id}`): where it is, its text and tags,
//! its image with the text alternative, and the next step (send it; approve or decline it).

use super::domain::{Item, Kind, Status};
use super::paths;
use super::store::Editor;
use super::view::{self, Labels, Shown};
use platform::web::prelude::*;

/// Why a form of the page other than the item's own was refused (a 422).
#[derive(Default)]
pub(super) struct Refused {
    /// The image's file.
    pub image: Option<String>,
    /// The image's text alternative.
    pub alt: Option<String>,
    /// The reason of a decline.
    pub reason: Option<String>,
}

impl Refused {
    fn any(&self) -> bool {
        self.image.is_some() || self.alt.is_some() || self.reason.is_some()
    }
}

#[derive(Template)]
#[template(path = "openness_news_edit.html")]
struct EditPage {
    page: Page,
    s: Shown,
    form: Option<Form>,
    notice: Option<String>,
    back: String,
    back_label: String,
    image_action: Option<String>,
    submit_action: Option<String>,
    approve_action: Option<String>,
    decline_action: Option<String>,
    refused: Refused,
    alt_value: String,
}

/// The page's own address for an editor.
pub(super) fn address(m: &Municipality, editor: Editor, i: &Item) -> String {
    match editor {
        Editor::Staff => paths::manage_one(&m.slug, i.id),
        Editor::Association => paths::mine_one(&m.slug, i.id),
    }
}

/// The item's form, filled, when the editor may change it now.
pub(super) fn form(ctx: &Ctx, m: &Municipality, labels: &Labels, editor: Editor, i: &Item) -> Option<Form> {
    if editor == Editor::Association && !i.status.editable_by_association() {
        return None;
    }
    let mut form = Form::new(
        address(m, editor, i),
        ctx.t("openness-news-save"),
        view::fields(ctx, labels),
    );
    view::fill(&mut form, i);
    Some(form)
}

/// The page; a refused image or decline says why beside its form.
#[allow(clippy::too_many_arguments)]
pub(super) fn page(
    ctx: &Ctx,
    m: &Municipality,
    labels: &Labels,
    editor: Editor,
    i: Item,
    form: Option<Form>,
    notice: Option<String>,
    refused: Refused,
) -> AppResult<Response> {
    let status = if refused.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        form.as_ref().map(Form::status).unwrap_or(StatusCode::OK)
    };
    let own = address(m, editor, &i);
    let editable = form.is_some();
    let story_waits = i.kind == Kind::Story && i.status == Status::Submitted;
    let (back, back_label) = match editor {
        Editor::Staff => (paths::manage(&m.slug), ctx.t("openness-news-back-to-manage")),
        Editor::Association => (paths::mine(&m.slug), ctx.t("openness-news-back-to-mine")),
    };
    let csrf = urlencoding::encode(&ctx.csrf).into_owned();
    html_status(
        status,
        &EditPage {
            page: ctx
                .page_in(m, ctx.tr.ta("openness-news-edit-title", &[("title", &i.title)]))
                .via(back.clone(), back_label.clone()),
            image_action: editable.then(|| format!("{own}/bild?_csrf={csrf}")),
            submit_action: (editor == Editor::Association && editable).then(|| format!("{own}/skicka")),
            approve_action: (editor == Editor::Staff && story_waits).then(|| format!("{own}/godkann")),
            decline_action: (editor == Editor::Staff && story_waits).then(|| format!("{own}/avsla")),
            alt_value: i.image.as_ref().map(|(_, a)| a.clone()).unwrap_or_default(),
            s: view::shown(&ctx.tr, labels, &m.slug, i),
            form,
            notice,
            back,
            back_label,
            refused,
        },
    )
}
