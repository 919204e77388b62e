//! The body of news and stories: Markdown (CommonMark with tables and strikethrough) to HTML
//! with `pulldown-cmark`, made safe without a sanitizer by what is let through: HTML typed
//! into the text (a `<script>`, an `<img onerror>`) is shown as text, never passed on; a link
//! keeps its address only when it is `http`, `https`, `mailto` or on this site (no
//! `javascript:`); an image becomes its description (the item's own image, with its required
//! text alternative, is the only picture), and headings start at level 2 under the page's
//! title.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Whether a link's address may be followed: `http(s)://`, `mailto:`, a path on this site or
/// an anchor.
fn safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("https://")
        || u.starts_with("http://")
        || u.starts_with("mailto:")
        || (u.starts_with('/') && !u.starts_with("//"))
        || u.starts_with('#')
}

/// A heading one level lower, so that the body's `#` is the page's `<h2>`.
fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The body as safe HTML.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_image = 0usize;
    let events = Parser::new_ext(markdown, options).filter_map(|e| match e {
        // Raw HTML is shown as the text it is.
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(Tag::Image { .. }) => {
            in_image += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            in_image = in_image.saturating_sub(1);
            None
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::from("")
            };
            Some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: lower(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(lower(level)))),
        other if in_image > 0 => match other {
            Event::Text(_) | Event::Code(_) => Some(other),
            _ => None,
        },
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// The body as plain text, for the feed's summary and a shared link's description: the
/// Markdown's words without its marks.
pub fn to_text(markdown: &str) -> String {
    let mut out = String::new();
    for e in Parser::new(markdown) {
        match e {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push_str("\n\n"),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = to_html("# Rubrik\n\nEn **fet** och [länk](https://sala.se).\n\n- ett\n- två");
        assert!(html.contains("<h2>Rubrik</h2>"), "{html}");
        assert!(html.contains("<strong>fet</strong>"));
        assert!(html.contains("<a href=\"https://sala.se\">länk</a>"));
        assert!(html.contains("<li>två</li>"));
    }

    #[test]
    fn html_in_the_text_is_not_passed_on() {
        let html = to_html("Hej <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<div>block</div>");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<div"), "{html}");
    }

    #[test]
    fn dangerous_links_and_images_are_dropped() {
        let html = to_html("[klicka](javascript:alert(1)) [mejl](mailto:a@b.se) ![en katt](https://x/katt.png)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("href=\"mailto:a@b.se\""));
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("en katt"), "{html}");
    }

    #[test]
    fn plain_text_keeps_the_words() {
        assert_eq!(to_text("# Rubrik\n\nEn **fet** text."), "Rubrik\n\nEn fet text.");
    }
}
