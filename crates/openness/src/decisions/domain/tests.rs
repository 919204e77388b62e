#![allow(clippy::unwrap_used)]

use super::*;

fn typed<'a>() -> Typed<'a> {
    Typed {
        body: "committee",
        committee: "Kultur- och fritidsnämnden",
        meeting_on: "2018-06-07",
        paragraph: "112",
        title: "Handlingsplan för samverkan",
        summary: "Första stycket.\n\nAndra stycket.",
        protocol_url: "https://www.sala.se/protokoll/ks-2018-06-07.pdf",
        category: "handlingsplan",
        principles: vec![false, false, false, false, true, false],
        organisations: vec!["7", "", "7", ""],
    }
}

#[test]
fn a_decision_is_checked_and_normalised() {
    let c = check(&typed(), &[OrganisationId::new(7)]).unwrap();
    assert_eq!(c.body, Body::Committee);
    assert_eq!(c.committee, "Kultur- och fritidsnämnden");
    assert_eq!(c.paragraph, "§ 112");
    assert_eq!(c.category, Category::ActionPlan);
    assert_eq!(c.principles, vec![5]);
    assert_eq!(c.organisations, vec![OrganisationId::new(7)]);
}

#[test]
fn the_council_and_the_board_have_no_committee_name() {
    let mut t = typed();
    t.body = "board";
    let c = check(&t, &[OrganisationId::new(7)]).unwrap();
    assert_eq!(c.committee, "");
    t.body = "committee";
    t.committee = " ";
    let e = check(&t, &[OrganisationId::new(7)]).unwrap_err();
    assert_eq!(e, vec![("committee", Problem::Rule(Invalid::Required))]);
}

#[test]
fn bad_input_is_refused_field_by_field() {
    let mut t = typed();
    t.body = "senate";
    t.meeting_on = "2018-02-30";
    t.paragraph = "paragraf tolv";
    t.title = "";
    t.protocol_url = "javascript:alert(1)";
    t.category = "x";
    t.organisations = vec!["8", "", "", ""];
    let e = check(&t, &[OrganisationId::new(7)]).unwrap_err();
    let names: Vec<&str> = e.iter().map(|x| x.0).collect();
    assert_eq!(
        names,
        [
            "meeting_on",
            "paragraph",
            "title",
            "protocol_url",
            "organisation_1",
            "body",
            "category"
        ]
    );
}

#[test]
fn paragraphs_and_links() {
    assert_eq!(paragraph("§112").unwrap(), "§ 112");
    assert_eq!(paragraph("§ 112–113").unwrap(), "§ 112–113");
    assert_eq!(paragraph("").unwrap(), "");
    assert!(paragraph("§ abc").is_err());
    assert!(protocol_url("http://sala.se").is_ok());
    assert!(protocol_url("ftp://sala.se/x").is_err());
    assert!(protocol_url("https://").is_err());
    assert!(protocol_url("https://sala.se/a b").is_err());
    assert!(protocol_url("https://sala.se/\"><script>").is_err());
}

#[test]
fn filters_read_and_write_the_query_string() {
    let f = Filter::read(Some("namnd-kultur-och-fritidsnamnden"), Some("princip-5"), Some("2018"));
    assert_eq!(f.body, Some(BodyFilter::Committee("kultur-och-fritidsnamnden".into())));
    assert_eq!(f.tag, Some(Tag::Principle(5)));
    assert_eq!(f.year, Some(2018));
    assert_eq!(
        f.query(2),
        "?organ=namnd-kultur-och-fritidsnamnden&tagg=princip-5&ar=2018&sida=2"
    );
    assert_eq!(f.feed_query(), "?organ=namnd-kultur-och-fritidsnamnden&tagg=princip-5");
    let bad = Filter::read(Some("namnd-Å"), Some("princip-7"), Some("x"));
    assert_eq!(bad, Filter::default());
    assert_eq!(Tag::parse("bidrag"), Some(Tag::Category(Category::Grants)));
    assert_eq!(Filter::default().query(1), "");
    assert_eq!(pages(0), 1);
    assert_eq!(pages(41), 3);
}
