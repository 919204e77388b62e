//! The register's rules, unit-tested.

use super::*;

#[test]
fn the_status_is_read_from_the_period() {
    let today = "2026-12-07";
    assert_eq!(status(false, false, "2026-01-01", None, today), Status::Draft);
    assert_eq!(status(true, false, "2026-01-01", None, today), Status::InForce);
    assert_eq!(
        status(true, false, "2026-01-01", Some("2026-12-07"), today),
        Status::InForce
    );
    assert_eq!(
        status(true, false, "2026-01-01", Some("2026-12-06"), today),
        Status::Ended
    );
    assert_eq!(status(true, false, "2027-01-01", None, today), Status::Upcoming);
    assert_eq!(
        status(true, true, "2026-01-01", Some("2026-12-07"), today),
        Status::Ended
    );
    assert_eq!(ended_on(Some("2027-06-30"), today), today);
    assert_eq!(ended_on(Some("2026-06-30"), today), "2026-06-30");
    assert_eq!(ended_on(None, today), today);
    for k in Kind::ALL {
        assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
    }
}

fn typed<'a>() -> Typed<'a> {
    Typed {
        kind: "iop",
        title: "Läxhjälp",
        subject: "Läxhjälp för barn i årskurs 4–6",
        organisations: vec!["7", "", "", ""],
        starts_on: "2026-01-01",
        ..Typed::default()
    }
}

#[test]
fn the_form_is_checked() {
    let orgs = [OrganisationId::new(7)];
    let ok = check(&typed(), &[], &orgs).unwrap();
    assert_eq!(ok.kind, Kind::Iop);
    assert_eq!(ok.organisations, orgs);
    assert_eq!(ok.ends_on, None);

    let no_party = Typed {
        organisations: vec!["", "", "", ""],
        ..typed()
    };
    assert_eq!(
        check(&no_party, &[], &orgs).unwrap_err(),
        [("organisation_1", SpecificError::NoParty)]
    );
    let free_party = Typed {
        organisations: vec![],
        other_parties: "Röda Korset Sala\n",
        ..typed()
    };
    assert!(check(&free_party, &[], &orgs).is_ok());

    let wrong = Typed {
        kind: "avtal",
        organisations: vec!["8"],
        department: "3",
        starts_on: "2026-02-30",
        ..typed()
    };
    let names: Vec<&str> = check(&wrong, &[], &orgs).unwrap_err().iter().map(|e| e.0).collect();
    assert_eq!(names, ["kind", "department", "organisation_1", "starts_on"]);

    let backwards = Typed {
        ends_on: "2025-12-31",
        ..typed()
    };
    assert_eq!(
        check(&backwards, &[], &orgs).unwrap_err(),
        [("ends_on", SpecificError::EndsBeforeStart)]
    );
}

#[test]
fn documents_are_checked_by_content_and_size() {
    assert_eq!(check_document(b"%PDF-1.4\n%%EOF\n"), Ok("application/pdf"));
    assert_eq!(check_document(b"avtal i text"), Err(DocumentProblem::Type));
    assert_eq!(
        check_document(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff"),
        Err(DocumentProblem::Type)
    );
    assert_eq!(check_document(b""), Err(DocumentProblem::Missing));
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(DOCUMENT_MAX + 1, b' ');
    assert_eq!(check_document(&big), Err(DocumentProblem::TooLarge));
    assert_eq!(file_name("C:\\Avtal\\IOP \"2026\".pdf"), "IOP _2026_.pdf");
    assert_eq!(file_name("..."), "dokument");
    let d = |size| Document {
        id: DocumentId::new(1),
        file_name: String::new(),
        size,
    };
    assert_eq!(d(2_000).size_text(), "2\u{a0}kB");
    assert_eq!(d(1_468_006).size_text(), "1,4\u{a0}MB");
}
