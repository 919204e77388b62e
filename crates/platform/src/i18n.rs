//! Messages in Swedish (first) and English, from Fluent files. Each capability brings its own
//! `locales/sv.ftl` and `locales/en.ftl`; the catalog joins them at start-up and refuses a
//! message id that two capabilities both define, or one that a language lacks.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::Arc;
use unic_langid::LanguageIdentifier;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Sv => 0,
            Lang::En => 1,
        }
    }
}

/// One capability's message files.
pub struct Messages {
    pub name: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
}

pub struct Catalog {
    bundles: [FluentBundle<FluentResource>; 2],
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{capability} ({lang}): Fluent syntax error: {detail}")]
    Syntax {
        capability: &'static str,
        lang: &'static str,
        detail: String,
    },
    #[error("{capability} ({lang}): message `{id}` is defined twice")]
    Duplicate {
        capability: &'static str,
        lang: &'static str,
        id: String,
    },
    #[error("message `{id}` exists in Swedish but not in English, or the other way round")]
    Missing { id: String },
}

fn ids(src: &str) -> Vec<String> {
    match FluentResource::try_new(src.to_string()) {
        Ok(r) | Err((r, _)) => r
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect(),
    }
}

impl Catalog {
    pub fn new(all: &[&Messages]) -> Result<Catalog, CatalogError> {
        let mut bundles = Lang::ALL.map(|l| {
            let id: LanguageIdentifier = l.code().parse().unwrap_or_default();
            let mut b = FluentBundle::new_concurrent(vec![id]);
            b.set_use_isolating(false);
            b
        });
        for m in all {
            let (sv, en) = (ids(m.sv), ids(m.en));
            if let Some(id) = sv
                .iter()
                .filter(|i| !en.contains(i))
                .chain(en.iter().filter(|i| !sv.contains(i)))
                .next()
            {
                return Err(CatalogError::Missing { id: id.clone() });
            }
            for lang in Lang::ALL {
                let src = match lang {
                    Lang::Sv => m.sv,
                    Lang::En => m.en,
                };
                let res = FluentResource::try_new(src.to_string()).map_err(|(_, errs)| CatalogError::Syntax {
                    capability: m.name,
                    lang: lang.code(),
                    detail: format!("{errs:?}"),
                })?;
                bundles[lang.index()].add_resource(res).map_err(|errs| {
                    let id = errs.iter().map(|e| format!("{e:?}")).next().unwrap_or_default();
                    CatalogError::Duplicate {
                        capability: m.name,
                        lang: lang.code(),
                        id,
                    }
                })?;
            }
        }
        Ok(Catalog { bundles })
    }

    pub fn message(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        let bundle = &self.bundles[lang.index()];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(id, lang = lang.code(), "missing message");
            return id.to_string();
        };
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(id, ?errors, "message formatting");
        }
        text.into_owned()
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundles[0].has_message(id)
    }
}

/// Messages for one request's language. Cheap to clone; templates call `t`.
#[derive(Clone)]
pub struct Tr {
    pub lang: Lang,
    pub catalog: Arc<Catalog>,
}

impl Tr {
    pub fn t(&self, id: &str) -> String {
        self.catalog.message(self.lang, id, None)
    }

    /// A message with named arguments.
    pub fn ta(&self, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(k.to_string(), FluentValue::from(v.to_string()));
        }
        self.catalog.message(self.lang, id, Some(&fa))
    }

    /// A message with a number, for plural forms.
    pub fn tn(&self, id: &str, name: &str, n: i64) -> String {
        let mut fa = FluentArgs::new();
        fa.set(name.to_string(), FluentValue::from(n));
        self.catalog.message(self.lang, id, Some(&fa))
    }
}

pub static MESSAGES: Messages = Messages {
    name: "platform",
    sv: include_str!("../locales/sv.ftl"),
    en: include_str!("../locales/en.ftl"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_messages_load_in_both_languages() {
        let c = Catalog::new(&[&MESSAGES]).unwrap();
        assert_eq!(c.message(Lang::Sv, "nav-login", None), "Logga in");
        assert_eq!(c.message(Lang::En, "nav-login", None), "Log in");
    }

    #[test]
    fn a_message_defined_twice_is_refused() {
        let again = Messages {
            name: "again",
            sv: "nav-login = X\n",
            en: "nav-login = X\n",
        };
        assert!(Catalog::new(&[&MESSAGES, &again]).is_err());
    }

    #[test]
    fn a_message_missing_in_one_language_is_refused() {
        let half = Messages {
            name: "half",
            sv: "only-sv = X\n",
            en: "",
        };
        assert!(matches!(Catalog::new(&[&half]), Err(CatalogError::Missing { .. })));
    }
}
