//! Why a field of one of the capability's forms was refused (decisions, news, events), and the
//! marking of those reasons beside the fields.

use platform::i18n::Tr;
use platform::layout::Form;
use platform::rules::Invalid;

/// Why a field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A rule of the platform (required, too long, control characters).
    Rule(Invalid),
    /// A message of this capability.
    Id(&'static str),
}

impl From<Invalid> for Problem {
    fn from(i: Invalid) -> Problem {
        Problem::Rule(i)
    }
}

/// Mark each refused field of the form with its reason, in the page's language.
pub fn mark<'a>(form: &mut Form, tr: &Tr, errors: impl IntoIterator<Item = (&'a str, Problem)>) {
    for (name, e) in errors {
        match e {
            Problem::Rule(i) => form.invalid(tr, name, i),
            Problem::Id(id) => form.error(name, tr.t(id)),
        }
    }
}
