//! The page frame every HTML page shares (skip link, landmarks, the municipality's name and
//! navigation, language choice, footer) and the generic form, so each capability's templates
//! only hold what is their own.

use crate::auth::CurrentUser;
use crate::i18n::{Lang, Tr};
use crate::rules::Invalid;
use crate::state::{AppState, NavItem};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use std::sync::Arc;

/// The municipality a page belongs to, for the header and navigation.
#[derive(Clone, Debug)]
pub struct TenantNav {
    pub slug: String,
    pub name: String,
    /// The stylesheet with the municipality's colour, when it has one (`/{slug}/tema.css`).
    pub theme: Option<String>,
    /// The address of its logo, when it has one.
    pub logo: Option<String>,
}

/// The address, under the instance's base URL, of the picture a shared link shows (`og:image`,
/// served by [`crate::site`]).
pub const SHARE_IMAGE_PATH: &str = "/static/share.png";

/// What the layout needs; every page template has a `page: Page` field.
#[derive(Clone)]
pub struct Page {
    pub tr: Tr,
    pub user: Option<CurrentUser>,
    pub csrf: String,
    pub path: String,
    pub title: String,
    pub municipality: Option<TenantNav>,
    pub nav: Arc<Vec<NavItem>>,
    /// The instance's address (`base_url` in the configuration, no trailing slash), for the
    /// absolute addresses a shared link needs (`og:url`, `og:image`).
    pub base_url: String,
    /// What the page is about, for search engines and shared links; the site's own when `None`.
    pub description: Option<String>,
    /// Pages between the section and this page in the breadcrumbs ("Lokaler › Stora salen ›
    /// Boka"): (href, text), set by [`Page::via`].
    pub trail: Vec<(String, String)>,
    /// Whether the page shows breadcrumbs (error pages do not).
    pub crumbs: bool,
}

/// One step of the breadcrumbs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crumb {
    pub href: String,
    pub text: String,
}

impl Page {
    pub fn bare(state: &AppState, tr: Tr, user: Option<CurrentUser>, csrf: String, path: String) -> Page {
        Page {
            tr,
            user,
            csrf,
            path,
            title: String::new(),
            municipality: None,
            nav: state.nav.clone(),
            base_url: state.config.base_url.trim_end_matches('/').to_string(),
            description: None,
            trail: vec![],
            crumbs: true,
        }
    }

    /// A page between the section and this page in the breadcrumbs, in order from the top.
    pub fn via(mut self, href: impl Into<String>, text: impl Into<String>) -> Page {
        self.trail.push((href.into(), text.into()));
        self
    }

    /// The breadcrumbs from the start page to this page, the last being this page; empty on a
    /// start page. The section is the navigation item whose address begins this page's (or the
    /// administration, or the operator's pages), so every page has them without its handler
    /// saying more than [`Page::via`] for the pages in between.
    pub fn breadcrumbs(&self) -> Vec<Crumb> {
        if !self.crumbs {
            return vec![];
        }
        let crumb = |href: &str, text: String| Crumb {
            href: href.to_string(),
            text,
        };
        // Whether this page lies below a section's address that ends in "/".
        let below = |href: &str| self.path != href && self.path.starts_with(href);
        let mut out = vec![];
        match &self.municipality {
            Some(m) => {
                let home = format!("/{}/", m.slug);
                if self.path == home || self.path == format!("/{}", m.slug) {
                    return vec![];
                }
                out.push(crumb(&home, m.name.clone()));
                let admin = format!("{home}admin/");
                let section = self
                    .nav
                    .iter()
                    .filter(|i| !i.path.is_empty())
                    .map(|i| (format!("{home}{}", i.path), i.message_id))
                    .filter(|(href, _)| below(&format!("{href}/")))
                    .max_by_key(|(href, _)| href.len());
                if let Some((href, id)) = section {
                    out.push(crumb(&href, self.t(id)));
                } else if below(&admin) {
                    out.push(crumb(&admin, self.t("nav-admin")));
                }
            }
            None => {
                if self.path == "/" {
                    return vec![];
                }
                out.push(crumb("/", self.site_name()));
                if below("/drift/") {
                    out.push(crumb("/drift/", self.t("nav-operator")));
                }
            }
        }
        out.extend(self.trail.iter().map(|(href, text)| crumb(href, text.clone())));
        out.push(crumb(&self.path, self.title.clone()));
        out
    }

    /// The page above this one: where the breadcrumbs' back link on a phone leads.
    pub fn parent(&self) -> Option<Crumb> {
        let crumbs = self.breadcrumbs();
        crumbs.len().checked_sub(2).and_then(|i| crumbs.into_iter().nth(i))
    }

    /// The page's own description (`<meta name="description">`, `og:description`).
    pub fn described(mut self, text: impl Into<String>) -> Page {
        let text = text.into();
        let text = text.trim();
        if !text.is_empty() {
            self.description = Some(text.to_string());
        }
        self
    }

    /// The page's description, else the site's.
    pub fn description(&self) -> String {
        self.description.clone().unwrap_or_else(|| self.t("site-description"))
    }

    /// The page's absolute address (`og:url`), without its query.
    pub fn url(&self) -> String {
        format!("{}{}", self.base_url, self.path)
    }

    /// The absolute address of the picture a shared link shows (`og:image`).
    pub fn share_image(&self) -> String {
        format!("{}{}", self.base_url, SHARE_IMAGE_PATH)
    }

    /// `og:locale` of the page's language.
    pub fn og_locale(&self) -> &'static str {
        match self.tr.lang {
            Lang::Sv => "sv_SE",
            Lang::En => "en_GB",
        }
    }

    pub fn in_municipality(mut self, slug: &str, name: &str) -> Page {
        self.municipality = Some(TenantNav {
            slug: slug.to_string(),
            name: name.to_string(),
            theme: None,
            logo: None,
        });
        self
    }

    /// The page of a municipality with its look: its colour's stylesheet and its logo.
    pub fn branded(mut self, slug: &str, name: &str, theme: Option<String>, logo: Option<String>) -> Page {
        self.municipality = Some(TenantNav {
            slug: slug.to_string(),
            name: name.to_string(),
            theme,
            logo,
        });
        self
    }

    /// Whether the header band takes the municipality's colour.
    pub fn branded_header(&self) -> bool {
        self.municipality.as_ref().is_some_and(|m| m.theme.is_some())
    }

    /// The text alternative of the municipality's logo ("Salas logotyp", "Logo of Sala").
    pub fn logo_alt(&self) -> String {
        let name = self.municipality.as_ref().map_or("", |m| m.name.as_str());
        logo_alt(&self.tr, name)
    }

    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }

    pub fn lang(&self) -> &'static str {
        self.tr.lang.code()
    }

    /// The other language, offered in the header: (code, name in that language).
    pub fn other_lang(&self) -> (&'static str, &'static str) {
        match self.tr.lang {
            Lang::Sv => ("en", "English"),
            Lang::En => ("sv", "Svenska"),
        }
    }

    /// `aria-current="page"` for the navigation link of the current page.
    pub fn current(&self, href: &str) -> bool {
        self.path == href
    }

    pub fn site_name(&self) -> String {
        self.t("site-name")
    }

    /// Whether the signed-in user may see the municipality's administration links.
    pub fn is_staff_here(&self) -> bool {
        match (&self.user, &self.municipality) {
            (Some(u), Some(m)) => u.roles.iter().any(|r| {
                r.municipality_slug.as_deref() == Some(m.slug.as_str())
                    && matches!(
                        r.kind,
                        crate::auth::RoleKind::Coordinator | crate::auth::RoleKind::Staff
                    )
            }),
            _ => false,
        }
    }

    pub fn is_operator(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.is_operator())
    }
}

/// The text alternative of a municipality's logo, in the page's language.
pub fn logo_alt(tr: &Tr, name: &str) -> String {
    tr.ta(
        "brand-logo-alt",
        &[("name", &name), ("owner", &crate::rules::genitive(name))],
    )
}

/// A text cut to at most `max` characters at a word's end, with "…" when it was cut: a page's
/// description from its first paragraph.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let len = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if len + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '.', '–', '-']).to_string();
    out + "…"
}

/// Render a template as a 200 HTML response.
pub fn html<T: Template>(t: &T) -> Result<Response, crate::error::AppError> {
    Ok(Html(t.render()?).into_response())
}

/// Render a template with a status (422 for a form with errors).
pub fn html_status<T: Template>(status: StatusCode, t: &T) -> Result<Response, crate::error::AppError> {
    Ok((status, Html(t.render()?)).into_response())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Email,
    Password,
    NewPassword,
    TextArea,
    Checkbox,
    Select,
    Hidden,
    Date,
    Number,
}

/// One form field with its label, value, hint and error.
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub label: String,
    pub kind: FieldKind,
    pub value: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub required: bool,
    pub autocomplete: Option<&'static str>,
    pub max_len: Option<usize>,
    /// For selects: (value, label).
    pub options: Vec<(String, String)>,
}

impl Field {
    pub fn new(name: &str, label: String, kind: FieldKind) -> Field {
        Field {
            name: name.to_string(),
            label,
            kind,
            value: String::new(),
            hint: None,
            error: None,
            required: false,
            autocomplete: None,
            max_len: None,
            options: vec![],
        }
    }
    pub fn value(mut self, v: impl Into<String>) -> Self {
        self.value = v.into();
        self
    }
    pub fn hint(mut self, h: String) -> Self {
        self.hint = Some(h);
        self
    }
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = Some(a);
        self
    }
    pub fn max_len(mut self, n: usize) -> Self {
        self.max_len = Some(n);
        self
    }
    pub fn options(mut self, o: Vec<(String, String)>) -> Self {
        self.options = o;
        self
    }
    pub fn id(&self) -> String {
        format!("f-{}", self.name)
    }
    pub fn is(&self, k: &str) -> bool {
        let kind = match k {
            "text" => FieldKind::Text,
            "email" => FieldKind::Email,
            "password" => FieldKind::Password,
            "new-password" => FieldKind::NewPassword,
            "textarea" => FieldKind::TextArea,
            "checkbox" => FieldKind::Checkbox,
            "select" => FieldKind::Select,
            "hidden" => FieldKind::Hidden,
            "date" => FieldKind::Date,
            "number" => FieldKind::Number,
            _ => return false,
        };
        self.kind == kind
    }
    pub fn input_type(&self) -> &'static str {
        match self.kind {
            FieldKind::Email => "email",
            FieldKind::Password | FieldKind::NewPassword => "password",
            FieldKind::Hidden => "hidden",
            FieldKind::Date => "date",
            FieldKind::Number => "number",
            _ => "text",
        }
    }
    pub fn checked(&self) -> bool {
        !self.value.is_empty()
    }
    /// `aria-describedby`: the hint and the error, when present.
    pub fn described_by(&self) -> String {
        let mut v = vec![];
        if self.hint.is_some() {
            v.push(format!("{}-hint", self.id()));
        }
        if self.error.is_some() {
            v.push(format!("{}-error", self.id()));
        }
        v.join(" ")
    }
}

/// A whole form: fields, the submit button and the error summary.
#[derive(Clone, Debug)]
pub struct Form {
    pub action: String,
    pub fields: Vec<Field>,
    pub submit: String,
}

impl Form {
    pub fn new(action: impl Into<String>, submit: String, fields: Vec<Field>) -> Form {
        Form {
            action: action.into(),
            fields,
            submit,
        }
    }

    /// Mark a field as wrong with a message from a rule.
    pub fn invalid(&mut self, tr: &Tr, name: &str, why: Invalid) {
        let msg = match why.limit() {
            Some(n) => tr.ta(why.message_id(), &[("n", &n)]),
            None => tr.t(why.message_id()),
        };
        self.error(name, msg);
    }

    pub fn error(&mut self, name: &str, message: String) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.name == name) {
            if f.error.is_none() {
                f.error = Some(message);
            }
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// The status of the page that shows this form: 422 when it has errors, else 200.
    pub fn status(&self) -> StatusCode {
        if self.has_errors() {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        }
    }

    pub fn errors(&self) -> Vec<&Field> {
        self.fields.iter().filter(|f| f.error.is_some()).collect()
    }

    /// Keep what the person typed, from a typed form: each field by its serde name (text
    /// fields only; never passwords).
    pub fn fill_from(&mut self, typed: &impl serde::Serialize) {
        let Ok(serde_json::Value::Object(values)) = serde_json::to_value(typed) else {
            return;
        };
        self.fill(|name| values.get(name).and_then(|v| v.as_str()).map(str::to_string));
    }

    /// Keep what the person typed (never passwords).
    pub fn fill(&mut self, get: impl Fn(&str) -> Option<String>) {
        for f in &mut self.fields {
            if matches!(f.kind, FieldKind::Password | FieldKind::NewPassword) {
                continue;
            }
            if let Some(v) = get(&f.name) {
                f.value = v;
            }
        }
    }
}

/// A page that is a heading, some paragraphs, an optional form and links: most account pages.
#[derive(Template)]
#[template(path = "form_page.html")]
pub struct FormPage {
    pub page: Page,
    pub intro: Vec<String>,
    pub form: Option<Form>,
    /// (href, text)
    pub links: Vec<(String, String)>,
    /// A notice shown above everything (role="status").
    pub notice: Option<String>,
}

impl FormPage {
    pub fn new(page: Page) -> FormPage {
        FormPage {
            page,
            intro: vec![],
            form: None,
            links: vec![],
            notice: None,
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    status: u16,
    message: String,
    login_link: bool,
}

pub fn render_error_page(mut page: Page, status: StatusCode, message: String, login_link: bool) -> Html<String> {
    page.title = message.clone();
    page.crumbs = false;
    let t = ErrorPage {
        page,
        status: status.as_u16(),
        message,
        login_link,
    };
    match t.render() {
        Ok(s) => Html(s),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            Html(format!(
                "<!doctype html><title>{}</title><p>{}</p>",
                status.as_u16(),
                status.as_u16()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{excerpt, Crumb, Page};
    use crate::i18n::{Catalog, Lang, Tr};
    use crate::state::NavItem;
    use std::sync::Arc;

    fn page(path: &str, title: &str, slug: Option<&str>) -> Page {
        let catalog = Catalog::new(&[&crate::i18n::MESSAGES]).expect("the platform's messages");
        let page = Page {
            tr: Tr {
                lang: Lang::Sv,
                catalog: Arc::new(catalog),
            },
            user: None,
            csrf: String::new(),
            path: path.to_string(),
            title: title.to_string(),
            municipality: None,
            nav: Arc::new(vec![
                NavItem {
                    path: "",
                    message_id: "nav-home",
                },
                NavItem {
                    path: "lokaler",
                    message_id: "nav-operator",
                },
            ]),
            base_url: String::new(),
            description: None,
            trail: vec![],
            crumbs: true,
        };
        match slug {
            Some(s) => page.in_municipality(s, "Sala kommun"),
            None => page,
        }
    }

    fn trail(p: &Page) -> Vec<(String, String)> {
        p.breadcrumbs()
            .into_iter()
            .map(|Crumb { href, text }| (href, text))
            .collect()
    }

    #[test]
    fn breadcrumbs_lead_from_the_start_through_the_section_to_the_page() {
        // A start page has none.
        assert!(page("/sala/", "Sala kommun", Some("sala")).breadcrumbs().is_empty());
        assert!(page("/", "Överens", None).breadcrumbs().is_empty());
        // A section's own page: the municipality, then the page.
        let list = page("/sala/lokaler", "Lokaler", Some("sala"));
        assert_eq!(
            trail(&list),
            [
                ("/sala/".into(), "Sala kommun".into()),
                ("/sala/lokaler".into(), "Lokaler".into())
            ]
        );
        // A page below a section names the section (by its navigation item), then the pages the
        // handler gave, then itself; the back link on a phone leads to the one above.
        let book = page("/sala/lokaler/rum/7/boka", "Boka Stora salen", Some("sala"))
            .via("/sala/lokaler/rum/7", "Stora salen");
        assert_eq!(
            trail(&book),
            [
                ("/sala/".into(), "Sala kommun".into()),
                ("/sala/lokaler".into(), "Drift".into()),
                ("/sala/lokaler/rum/7".into(), "Stora salen".into()),
                ("/sala/lokaler/rum/7/boka".into(), "Boka Stora salen".into()),
            ]
        );
        assert_eq!(book.parent().map(|c| c.text), Some("Stora salen".to_string()));
        // A path that only begins with a section's letters is not in it.
        let other = page("/sala/lokalerna", "Annat", Some("sala"));
        assert_eq!(trail(&other).len(), 2);
        // Administration and the operator's pages are sections of their own.
        let admin = page("/sala/admin/personal", "Personal", Some("sala"));
        assert_eq!(trail(&admin)[1], ("/sala/admin/".into(), "Administrera".into()));
        let outbox = page("/drift/utkorg", "Utkorg", None);
        assert_eq!(
            trail(&outbox),
            [
                ("/".into(), "Överens".into()),
                ("/drift/".into(), "Drift".into()),
                ("/drift/utkorg".into(), "Utkorg".into()),
            ]
        );
        // An error page has none.
        let mut error = page("/sala/lokaler/rum/999", "Sidan finns inte", Some("sala"));
        error.crumbs = false;
        assert!(error.breadcrumbs().is_empty());
    }

    #[test]
    fn an_excerpt_ends_at_a_word() {
        assert_eq!(excerpt("  Kort   text. ", 160), "Kort text.");
        let long = "Sala kommun och föreningslivet samverkar, för en levande kommun";
        let cut = excerpt(long, 30);
        assert_eq!(cut, "Sala kommun och…");
        assert!(cut.chars().count() <= 30);
        assert_eq!(excerpt("Ordutanslutsomärlångt", 10), "Ordutansl…");
    }
}
