//! The forms a page offers, read as a browser would submit them unchanged: each `<form
//! method="post">`'s action and its fields with the values they show (the first option of a
//! select, a checked box). The matrix posts these, so a refused role is refused by the role
//! check, not by a form the handler cannot read.

/// A form as a browser would send it.
#[derive(Clone, Debug, Default)]
pub struct Form {
    pub fields: Vec<(String, String)>,
    /// The names of its file fields (sent empty).
    pub files: Vec<String>,
    /// `enctype="multipart/form-data"`.
    pub multipart: bool,
}

/// (action path without query, form).
pub type Harvested = (String, Form);

fn attr(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')?;
    Some(tag[start..start + end].replace("&amp;", "&"))
}

fn tags<'a>(html: &'a str, name: &str) -> Vec<(usize, &'a str)> {
    let open = format!("<{name}");
    let mut out = vec![];
    let mut at = 0;
    while let Some(i) = html[at..].find(&open) {
        let s = at + i;
        let Some(e) = html[s..].find('>') else { break };
        out.push((s, &html[s..s + e + 1]));
        at = s + e + 1;
    }
    out
}

pub fn post_forms(html: &str) -> Vec<Harvested> {
    let mut out = vec![];
    for (start, tag) in tags(html, "form") {
        if !attr(tag, "method").is_some_and(|m| m.eq_ignore_ascii_case("post")) {
            continue;
        }
        let Some(action) = attr(tag, "action") else { continue };
        let action = action.split('?').next().unwrap_or("").to_string();
        let end = html[start..].find("</form>").map(|e| start + e).unwrap_or(html.len());
        let body = &html[start..end];
        let multipart = attr(tag, "enctype").is_some_and(|e| e == "multipart/form-data");
        let mut files: Vec<String> = vec![];
        let mut fields: Vec<(String, String)> = vec![];
        for (_, input) in tags(body, "input") {
            let Some(name) = attr(input, "name") else { continue };
            let kind = attr(input, "type").unwrap_or_default();
            if kind == "file" {
                files.push(name);
                continue;
            }
            if name == "_csrf" || kind == "submit" {
                continue;
            }
            if (kind == "checkbox" || kind == "radio") && !input.contains(" checked") {
                if kind == "radio" && !fields.iter().any(|(n, _)| *n == name) {
                    fields.push((name, attr(input, "value").unwrap_or_else(|| "on".into())));
                }
                continue;
            }
            fields.push((name, attr(input, "value").unwrap_or_default()));
        }
        // The first named button, as if the visitor pressed it.
        if let Some(button) = tags(body, "button")
            .into_iter()
            .find_map(|(_, b)| attr(b, "name").map(|n| (n, b)))
        {
            fields.push((button.0, attr(button.1, "value").unwrap_or_default()));
        }
        for (s, select) in tags(body, "select") {
            let Some(name) = attr(select, "name") else { continue };
            let options = tags(&body[s..], "option");
            let chosen = options
                .iter()
                .find(|(_, o)| o.contains(" selected"))
                .or(options.first())
                .and_then(|(_, o)| attr(o, "value"))
                .unwrap_or_default();
            fields.push((name, chosen));
        }
        for (s, textarea) in tags(body, "textarea") {
            let Some(name) = attr(textarea, "name") else { continue };
            let content_start = s + textarea.len();
            let content = body[content_start..]
                .find("</textarea>")
                .map(|e| &body[content_start..content_start + e])
                .unwrap_or("");
            fields.push((name, content.replace("&amp;", "&")));
        }
        out.push((
            action,
            Form {
                fields,
                files,
                multipart,
            },
        ));
    }
    out
}
