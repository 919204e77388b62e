//! The cleaning rules for one cell, each a small function with its own tests.
//!
//! A cell of a row with one activity is cleaned as one text ([`clean_cell`]):
//! 1. HTML tags are removed (`<i>Infosidan</i>` → "Infosidan"; block tags such as `<li>` and
//!    `<br>` become a space), and entities (`&amp;`, `&nbsp;`…) are decoded in cells that held
//!    tags;
//! 2. runs of whitespace (line breaks, tabs, no-break spaces) become one space, ends trimmed;
//! 3. a cell of only dashes ("-", "- -", "--") is empty;
//! 4. a leading bullet ("- ", "-", "– ", "• ") is dropped: "-Kultur och fritid" →
//!    "Kultur och fritid", "-2020" → "2020". Dashes inside the text stay: "Höst -19",
//!    "Våren - 19", "190403- tillsvidare", "IT-Enheten", and "Kultur och fritid -
//!    Medborgarkontoret" stays one text with its " - " (the cell names the responsibles of one
//!    activity; rewriting its separator would invent formatting);
//! 5. a word broken with a hyphen at a line end is joined: "Medborgar- kontoret" →
//!    "Medborgarkontoret" (a letter, "-", one space, a lowercase letter), except before a
//!    conjunction, where the hyphen is Swedish for a shared word part: "fadder- och
//!    mentorssystem", "in- eller utflyttning" stay as written.
//!
//! In a row whose activity cell is an HTML list of two or more `<li>` items, the Tid, Ansvar and
//! Uppföljning cells are lists too and are split into items ([`split_items`]), see there.

/// Characters used as bullets at the start of a cell or item.
const BULLETS: [char; 3] = ['-', '–', '•'];

/// Words before which "x- y" is a shared word part ("fadder- och mentorssystem"), not a broken
/// word.
const KEEP_HYPHEN_BEFORE: [&str; 8] = ["och", "eller", "samt", "respektive", "resp", "som", "till", "men"];

/// Tags that separate text as a line break does; other tags (`<i>`, `<b>`, `<span>`…) vanish.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "li" | "ul" | "ol" | "p" | "br" | "div" | "tr" | "td" | "th" | "table" | "h1" | "h2" | "h3" | "h4"
    )
}

enum Piece<'a> {
    Text(&'a str),
    Tag { name: String, closing: bool },
}

/// The cell cut into text and tags. A `<` that does not open a tag (`a < b`, `<3`) is text.
fn pieces(s: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(pos) = s[i..].find('<') {
        let at = i + pos;
        let rest = &s[at + 1..];
        let closing = rest.starts_with('/');
        let after = if closing { &rest[1..] } else { rest };
        let opens_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!');
        match (opens_tag, rest.find('>')) {
            (true, Some(end)) => {
                if text_start < at {
                    out.push(Piece::Text(&s[text_start..at]));
                }
                let name = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                out.push(Piece::Tag { name, closing });
                i = at + 1 + end + 1;
                text_start = i;
            }
            _ => i = at + 1,
        }
    }
    if text_start < s.len() {
        out.push(Piece::Text(&s[text_start..]));
    }
    out
}

fn has_tags(pieces: &[Piece<'_>]) -> bool {
    pieces.iter().any(|p| matches!(p, Piece::Tag { .. }))
}

/// The common HTML entities; others stay as written.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The cell without its HTML tags (rule 1).
pub(crate) fn strip_tags(s: &str) -> String {
    let ps = pieces(s);
    if !has_tags(&ps) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for p in &ps {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Tag { name, .. } if is_block(name) => out.push(' '),
            Piece::Tag { .. } => {}
        }
    }
    decode_entities(&out)
}

/// The raw items of an HTML list (`<ul><li>- a</li><li>b</li></ul>` → ["- a", "b"]), inline
/// tags removed; `None` when the cell holds no `<li>`. Text outside the items (other than
/// whitespace) is an item of its own, in its place; a `<li>` left open ends at the next `<li>`.
pub(crate) fn list_items(s: &str) -> Option<Vec<String>> {
    let ps = pieces(s);
    if !ps
        .iter()
        .any(|p| matches!(p, Piece::Tag { name, closing: false } if name == "li"))
    {
        return None;
    }
    let mut items = Vec::new();
    let mut buf = String::new();
    let mut in_li = false;
    for p in &ps {
        match p {
            Piece::Text(t) => buf.push_str(t),
            Piece::Tag { name, closing } if name == "li" => {
                if *closing || in_li || !buf.trim().is_empty() {
                    items.push(decode_entities(buf.trim()));
                }
                buf.clear();
                in_li = !closing;
            }
            Piece::Tag { name, .. } if is_block(name) => {
                if !in_li && !buf.trim().is_empty() {
                    items.push(decode_entities(buf.trim()));
                    buf.clear();
                }
                buf.push(' ');
            }
            Piece::Tag { .. } => {}
        }
    }
    if in_li || !buf.trim().is_empty() {
        items.push(decode_entities(buf.trim()));
    }
    Some(items)
}

/// Rules 2–5 on text without tags.
pub(crate) fn clean_text(s: &str) -> String {
    let spaced = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let unbulleted = spaced.trim_start_matches(|c: char| BULLETS.contains(&c) || c == ' ');
    if unbulleted.is_empty() {
        return String::new();
    }
    dehyphenate(unbulleted)
}

/// A cell of a row with one activity, or the Område and goal cells of any row (rules 1–5).
pub(crate) fn clean_cell(s: &str) -> String {
    clean_text(&strip_tags(s))
}

/// Rule 5: "Medborgar- kontoret" → "Medborgarkontoret", "fadder- och" stays.
fn dehyphenate(s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let broken = c == '-'
            && i > 0
            && cs[i - 1].is_alphabetic()
            && cs.get(i + 1) == Some(&' ')
            && cs.get(i + 2).is_some_and(|n| n.is_lowercase());
        if broken {
            let word: String = cs[i + 2..].iter().take_while(|c| c.is_alphanumeric()).collect();
            if !KEEP_HYPHEN_BEFORE.contains(&word.as_str()) {
                i += 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The items of a Tid, Ansvar or Uppföljning cell in a row whose activity cell is a list, each
/// cleaned (rules 2–5), in order. An item starts
/// - at a `<li>` when the cell is an HTML list itself;
/// - after a gap: two or more spaces, or a line break ("190403- tillsvidare  2020" → two);
/// - at a dash bullet: a dash at the start of a word followed (after at most one space) by a
///   letter, another dash or the end ("-HR -Magnus Gunnarsson" → two; "- Årsvis - Vid
///   uppdatering" → two; "- -" → two).
///
/// A dash before a digit is part of a year, not a bullet: "-Höst -19" is the one item
/// "Höst -19". A dash inside a word is no bullet ("190403- tillsvidare", "IT-Enheten",
/// "Medborgar- kontoret" → "Medborgarkontoret"). An item of only dashes is kept as an empty item,
/// so "- -" is two empty items and the items after it keep their places.
pub(crate) fn split_items(cell: &str) -> Vec<String> {
    if let Some(items) = list_items(cell) {
        return items.iter().map(|i| clean_text(i)).collect();
    }
    let text = strip_tags(cell);
    let mut items = Vec::new();
    for chunk in split_gaps(&text) {
        for piece in split_bullets(chunk) {
            items.push(clean_text(piece));
        }
    }
    items
}

/// The text cut at runs of two or more whitespace characters and at line breaks; blank parts
/// dropped.
fn split_gaps(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut run_start: Option<usize> = None;
    let mut run_len = 0;
    let mut run_has_break = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if run_start.is_none() {
                run_start = Some(i);
                run_len = 0;
                run_has_break = false;
            }
            run_len += 1;
            run_has_break |= matches!(c, '\n' | '\r' | '\t');
        } else if let Some(rs) = run_start.take() {
            if run_len >= 2 || run_has_break {
                out.push(&s[start..rs]);
                start = i;
            }
        }
    }
    out.push(&s[start..]);
    out.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// The text cut before each dash bullet that is not at its start (see [`split_items`]).
fn split_bullets(s: &str) -> Vec<&str> {
    let s = s.trim();
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let mut cuts = Vec::new();
    for k in 1..cs.len() {
        let (at, c) = cs[k];
        if !BULLETS.contains(&c) || !cs[k - 1].1.is_whitespace() {
            continue;
        }
        let next = match cs.get(k + 1) {
            Some((_, ' ')) => cs.get(k + 2).map(|x| x.1),
            other => other.map(|x| x.1),
        };
        if next.is_none_or(|n| n.is_alphabetic() || BULLETS.contains(&n)) {
            cuts.push(at);
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for at in cuts {
        out.push(&s[start..at]);
        start = at;
    }
    out.push(&s[start..]);
    out
}

/// `n` values for the `n` list items of a row from the items of one cell:
/// - no item: every activity gets "";
/// - one item: it belongs to the whole list, every activity gets it;
/// - as many items as activities: item `i` to activity `i`;
/// - fewer: they line up from the top, the activities below get "" (nothing is invented:
///   "190403- tillsvidare  2020" over three activities gives "190403- tillsvidare", "2020", "");
/// - more: they line up from the top, and the last activity gets all the remaining items joined
///   by ", " (nothing is lost).
pub(crate) fn distribute(items: Vec<String>, n: usize) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    match items.len() {
        0 => vec![String::new(); n],
        1 => vec![items.into_iter().next().unwrap_or_default(); n],
        len if len <= n => {
            let mut out = items;
            out.resize(n, String::new());
            out
        }
        _ => {
            let mut out: Vec<String> = items[..n - 1].to_vec();
            let rest: Vec<&str> = items[n - 1..]
                .iter()
                .map(String::as_str)
                .filter(|s| !s.is_empty())
                .collect();
            out.push(rest.join(", "));
            out
        }
    }
}

/// The area of an Område cell (already cleaned): "Nr 1 Självständighet" → (1, "Självständighet").
/// Also "Nr. 1 …", "Nr 1. …", "Nr 1: …", "1 …" and "1. …". The name must not be empty.
pub(crate) fn parse_area(cell: &str) -> Option<(u32, String)> {
    let s = cell.trim();
    let lower = s.to_lowercase();
    let rest = if lower.starts_with("nr") {
        s.get(2..)?.trim_start_matches('.').trim_start()
    } else {
        s
    };
    let digits_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    if digits_end == 0 {
        return None;
    }
    let number: u32 = rest[..digits_end].parse().ok()?;
    let after = &rest[digits_end..];
    if !after.starts_with([' ', '.', ':', ')']) {
        return None;
    }
    let name = after.trim_start_matches(['.', ':', ')']).trim();
    if name.is_empty() {
        return None;
    }
    Some((number, name.to_string()))
}

/// The owner phrase at the start of a goal (already cleaned) and the goal without it.
///
/// The phrase ends in "ska:" or "ska." ("Sala kommun ska. Verka för…"); before "ska" stands
/// - "Civilsamhället" → [`Owner::CivilSociety`](super::Owner::CivilSociety);
/// - "\<Name> kommun", "\<Name> kommunen" (also "stad"/"staden", or no name: "Kommunen") →
///   [`Owner::Municipality`](super::Owner::Municipality), where the name is up to three capitalised words ("Sala",
///   "Upplands Väsby", "Upplands-Bro"), so the phrase matches every municipality, not only Sala;
/// - "\<Name> kommun(en) och civilsamhället", "Civilsamhället och \<Name> kommun(en)" →
///   [`Owner::Both`](super::Owner::Both).
///
/// Anything else, and "Sala kommun ska verka för…" without ":" or ".", is [`Owner::Unstated`](super::Owner::Unstated)
/// with the whole text as the goal.
pub(crate) fn parse_owner(goal: &str) -> (super::Owner, String) {
    use super::Owner;
    let unstated = (Owner::Unstated, goal.trim().to_string());
    let Some(ska) = find_ska(goal) else {
        return unstated;
    };
    let (Some(prefix), Some(rest)) = (goal.get(..ska), goal.get(ska + " ska".len() + 1..)) else {
        return unstated;
    };
    let words: Vec<&str> = prefix.split(' ').collect();
    let lw: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let is_kommun = |w: &str| matches!(w, "kommun" | "kommunen" | "stad" | "staden");
    let is_civil = |w: &str| w == "civilsamhället";
    let is_name = |ws: &[&str]| ws.len() <= 3 && ws.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let n = lw.len();
    // "<Name> kommun(en) och civilsamhället" or "Civilsamhället och <Name> kommun(en)".
    let municipality_first =
        n >= 3 && is_civil(&lw[n - 1]) && lw[n - 2] == "och" && is_kommun(&lw[n - 3]) && is_name(&words[..n - 3]);
    let civil_first =
        n >= 3 && is_civil(&lw[0]) && lw[1] == "och" && is_kommun(&lw[n - 1]) && is_name(&words[2..n - 1]);
    let owner = if n == 1 && is_civil(&lw[0]) {
        Some(Owner::CivilSociety)
    } else if n >= 1 && is_kommun(&lw[n - 1]) && is_name(&words[..n - 1]) {
        Some(Owner::Municipality)
    } else if municipality_first || civil_first {
        Some(Owner::Both)
    } else {
        None
    };
    match owner {
        Some(o) => (o, rest.trim().to_string()),
        None => unstated,
    }
}

/// The byte offset of " ska" followed by ":" or "." in a goal, at most eight words in (the
/// phrase opens the goal).
fn find_ska(goal: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = goal[from..].find(" ska") {
        let at = from + pos;
        if goal[..at].split(' ').count() > 8 {
            return None;
        }
        if goal[at + " ska".len()..].starts_with([':', '.']) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::Owner;
    use super::*;

    #[test]
    fn tags_are_removed_and_block_tags_separate() {
        assert_eq!(
            strip_tags("Går det att utöka <i>Infosidan</i> i Allehanda"),
            "Går det att utöka Infosidan i Allehanda"
        );
        assert_eq!(clean_cell("rad 1<br>rad 2"), "rad 1 rad 2");
        assert_eq!(clean_cell("<p>A &amp; B</p>"), "A & B");
        // No tag, no entity decoding, and a lone "<" is text.
        assert_eq!(clean_cell("A &amp; B"), "A &amp; B");
        assert_eq!(clean_cell("a < b och <3"), "a < b och <3");
    }

    #[test]
    fn list_items_are_the_li_contents() {
        let cell = r#"<ul style="list-style-type: none"> <li>- Ett.</li> <li>- Två <i>kursiv</i>?</li> </ul>"#;
        assert_eq!(list_items(cell).unwrap(), vec!["- Ett.", "- Två kursiv?"]);
        assert_eq!(list_items("ingen lista"), None);
        assert_eq!(list_items("Intro<ul><li>a<li>b</ul>").unwrap(), vec!["Intro", "a", "b"]);
        assert_eq!(list_items("<ul><li></li><li>b</li></ul>").unwrap(), vec!["", "b"]);
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(
            clean_text("  mm.  All\u{a0}utveckling\n av\tsala.se "),
            "mm. All utveckling av sala.se"
        );
    }

    #[test]
    fn cells_of_only_dashes_are_empty() {
        assert_eq!(clean_text("-"), "");
        assert_eq!(clean_text("- -"), "");
        assert_eq!(clean_text("--"), "");
        assert_eq!(clean_text(" – "), "");
        assert_eq!(clean_text(""), "");
    }

    #[test]
    fn a_leading_bullet_is_dropped_but_not_dashes_of_the_text() {
        assert_eq!(clean_text("-Kultur och fritid"), "Kultur och fritid");
        assert_eq!(clean_text("- hösten 2020"), "hösten 2020");
        assert_eq!(clean_text("-2020"), "2020");
        assert_eq!(clean_text("• Punkt"), "Punkt");
        assert_eq!(clean_text("-Höst -19 Kontinuerligt"), "Höst -19 Kontinuerligt");
        assert_eq!(clean_text("Våren - 19"), "Våren - 19");
        assert_eq!(clean_text("190403- tillsvidare"), "190403- tillsvidare");
        assert_eq!(clean_text("-IT-Enheten"), "IT-Enheten");
        assert_eq!(
            clean_text("-Kultur och fritid - Medborgarkontoret"),
            "Kultur och fritid - Medborgarkontoret"
        );
    }

    #[test]
    fn hyphenated_line_breaks_are_joined_but_shared_word_parts_stay() {
        assert_eq!(clean_text("-Medborgar- kontoret"), "Medborgarkontoret");
        assert_eq!(
            clean_text("Skapa fadder- och mentorssystem"),
            "Skapa fadder- och mentorssystem"
        );
        assert_eq!(clean_text("in- eller utflyttning"), "in- eller utflyttning");
        assert_eq!(clean_text("Kultur- Medborgarkontoret"), "Kultur- Medborgarkontoret");
        assert_eq!(clean_text("2019- tillsvidare"), "2019- tillsvidare");
        // Cleaning is idempotent, so a written plan reads back the same.
        for s in [
            "Medborgarkontoret",
            "fadder- och mentorssystem",
            "Höst -19",
            "Våren - 19",
        ] {
            assert_eq!(clean_text(&clean_text(s)), clean_text(s));
        }
    }

    #[test]
    fn items_split_at_gaps_and_dash_bullets_but_not_at_years() {
        assert_eq!(
            split_items("190403- tillsvidare  2020"),
            vec!["190403- tillsvidare", "2020"]
        );
        assert_eq!(
            split_items("-Magnus Gunnarsson  -HR -Magnus Gunnarsson"),
            vec!["Magnus Gunnarsson", "HR", "Magnus Gunnarsson"]
        );
        assert_eq!(
            split_items("- Löpande  - Årsvis - Vid uppdatering"),
            vec!["Löpande", "Årsvis", "Vid uppdatering"]
        );
        assert_eq!(split_items("-Höst -19  Höst -19"), vec!["Höst -19", "Höst -19"]);
        assert_eq!(
            split_items("-Medborgar- kontoret  -Daniel Watkinson"),
            vec!["Medborgarkontoret", "Daniel Watkinson"]
        );
        assert_eq!(
            split_items("- Dialogmöte 8  - Dialogmöte 8"),
            vec!["Dialogmöte 8", "Dialogmöte 8"]
        );
        assert_eq!(split_items("Våren - 19"), vec!["Våren - 19"]);
        assert_eq!(split_items("rad 1\nrad 2"), vec!["rad 1", "rad 2"]);
        assert_eq!(split_items("- -"), vec!["", ""]);
        assert_eq!(split_items(""), Vec::<String>::new());
        assert_eq!(split_items("<ul><li>-a</li><li>b</li></ul>"), vec!["a", "b"]);
    }

    #[test]
    fn items_are_distributed_over_the_list() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(distribute(v(&[]), 2), v(&["", ""]));
        assert_eq!(distribute(v(&["HR"]), 3), v(&["HR", "HR", "HR"]));
        assert_eq!(distribute(v(&["a", "b"]), 2), v(&["a", "b"]));
        assert_eq!(distribute(v(&["a", "b"]), 3), v(&["a", "b", ""]));
        assert_eq!(distribute(v(&["a", "b", "c", "d"]), 2), v(&["a", "b, c, d"]));
        assert_eq!(distribute(v(&["a"]), 0), v(&[]));
    }

    #[test]
    fn area_cells() {
        assert_eq!(parse_area("Nr 1 Självständighet"), Some((1, "Självständighet".into())));
        assert_eq!(
            parse_area("Nr 5 Öppenhet och insyn"),
            Some((5, "Öppenhet och insyn".into()))
        );
        assert_eq!(parse_area("nr. 2: Dialog"), Some((2, "Dialog".into())));
        assert_eq!(parse_area("3. Kvalitet"), Some((3, "Kvalitet".into())));
        assert_eq!(parse_area("Nr 1"), None);
        assert_eq!(parse_area("Självständighet"), None);
        assert_eq!(parse_area("Nr1x Dialog"), None);
        assert_eq!(parse_area(""), None);
    }

    #[test]
    fn owner_phrases() {
        let p = |s: &str| parse_owner(s);
        assert_eq!(
            p("Sala kommun ska: Inventera"),
            (Owner::Municipality, "Inventera".into())
        );
        assert_eq!(
            p("Sala kommun ska. Verka för"),
            (Owner::Municipality, "Verka för".into())
        );
        assert_eq!(p("Sala kommunen ska: Utbilda"), (Owner::Municipality, "Utbilda".into()));
        assert_eq!(p("Örebro kommun ska: X"), (Owner::Municipality, "X".into()));
        assert_eq!(p("Upplands Väsby kommun ska: X"), (Owner::Municipality, "X".into()));
        assert_eq!(p("Malmö stad ska: X"), (Owner::Municipality, "X".into()));
        assert_eq!(p("Kommunen ska: X"), (Owner::Municipality, "X".into()));
        assert_eq!(p("Civilsamhället ska: Skapa"), (Owner::CivilSociety, "Skapa".into()));
        assert_eq!(
            p("Sala kommunen och civilsamhället ska: Ta fram"),
            (Owner::Both, "Ta fram".into())
        );
        assert_eq!(
            p("Luleå kommun och civilsamhället ska: Ta fram"),
            (Owner::Both, "Ta fram".into())
        );
        assert_eq!(
            p("Civilsamhället och Sala kommun ska: Ta fram"),
            (Owner::Both, "Ta fram".into())
        );
        assert_eq!(p("Sala kommun ska:"), (Owner::Municipality, "".into()));
        let unstated = "Två fysiska träffar per år anordnas av kommunen";
        assert_eq!(p(unstated), (Owner::Unstated, unstated.into()));
        assert_eq!(
            p("Sala kommun ska verka för X"),
            (Owner::Unstated, "Sala kommun ska verka för X".into())
        );
        assert_eq!(
            p("alla i kommun ska: X"),
            (Owner::Unstated, "alla i kommun ska: X".into())
        );
    }
}
