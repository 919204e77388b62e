//! A working group's rules without I/O.

use crate::domain::{Problem, Problems, NAME_MAX, TEXT_MAX};
use platform::rules;

/// A working group's name and description.
pub fn validate_group(name: &str, description: &str) -> Result<(String, String), Problems> {
    let mut problems: Problems = vec![];
    let name = rules::line(name, NAME_MAX).unwrap_or_else(|e| {
        problems.push(("name", Problem::Rule(e)));
        String::new()
    });
    let description = rules::text(description, TEXT_MAX).unwrap_or_else(|e| {
        problems.push(("description", Problem::Rule(e)));
        String::new()
    });
    if problems.is_empty() {
        Ok((name, description))
    } else {
        Err(problems)
    }
}
