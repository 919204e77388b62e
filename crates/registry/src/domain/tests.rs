#![allow(clippy::unwrap_used, clippy::expect_used)]
use super::*;
use platform::MunicipalityId;

#[test]
fn organisation_numbers() {
    assert_eq!(OrgNumber::parse("802002-4280").unwrap().as_str(), "802002-4280");
    assert_eq!(OrgNumber::parse(" 8020024280 ").unwrap().as_str(), "802002-4280");
    assert_eq!(OrgNumber::parse("802002-4281"), Err(OrgNumberError::Checksum));
    assert_eq!(OrgNumber::parse(""), Err(OrgNumberError::Required));
    for bad in [
        "80200-24280",
        "802002_4280",
        "80200242800",
        "8020O2-4280",
        "802002-428",
        "802002--4280",
    ] {
        assert_eq!(OrgNumber::parse(bad), Err(OrgNumberError::Format), "{bad}");
    }
    // 19121212-1212 style personal numbers are refused: the third digit is below 2.
    assert_eq!(OrgNumber::parse("121212-1212"), Err(OrgNumberError::Personal));
    // Every number the synthetic data makes is valid.
    for n in [1u32, 42, 12345, 99_999_999] {
        let mut d = [0u8; 9];
        d[0] = 8;
        let mut x = n;
        for slot in d[1..].iter_mut().rev() {
            *slot = (x % 10) as u8;
            x /= 10;
        }
        d[2] = 2 + d[2] % 8;
        let s: String = d.iter().map(|v| char::from(b'0' + v)).collect();
        let full = format!("{}-{}{}", &s[..6], &s[6..], luhn_digit(&d));
        assert!(OrgNumber::parse(&full).is_ok(), "{full}");
    }
    let json = serde_json::to_string(&OrgNumber::parse("802002-4280").unwrap()).unwrap();
    assert_eq!(json, "\"802002-4280\"");
    assert!(serde_json::from_str::<OrgNumber>("\"802002-4281\"").is_err());
}

#[test]
fn categories_are_bits_that_round_trip() {
    let cats = vec![Category::Idrott, Category::BarnUnga];
    let bits = Category::to_bits(&cats);
    assert_eq!(Category::from_bits(bits), cats);
    assert_eq!(Category::Idrott.bit(), 1);
    for c in Category::ALL {
        assert_eq!(Category::parse(c.code()), Some(c));
    }
    for f in LegalForm::ALL {
        assert_eq!(LegalForm::parse(f.code()), Some(f));
    }
    for f in Feature::ALL {
        assert_eq!(Feature::parse(f.column()), Some(f));
    }
}

#[test]
fn fields() {
    assert_eq!(opt_url("sala.se").unwrap(), "https://sala.se");
    assert_eq!(opt_url("http://iks.se/om").unwrap(), "http://iks.se/om");
    assert!(opt_url("javascript:alert(1)").is_err());
    assert!(opt_url("ftp://x.se").is_err());
    assert!(opt_url("inte en adress").is_err());
    assert_eq!(opt_url("").unwrap(), "");
    assert_eq!(links("iks.se\n\nhttps://facebook.com/iks\n").unwrap().len(), 2);
    assert!(links("a.se\nb.se\nc.se\nd.se\ne.se\nf.se").is_err());
    assert_eq!(opt_phone("0224-74 70 13").unwrap(), "0224-74 70 13");
    assert!(opt_phone("ring mig").is_err());
    assert_eq!(opt_count(" 1 200 ", MEMBERS_MAX).unwrap(), Some(1200));
    assert!(opt_count("-3", MEMBERS_MAX).is_err());
    assert!(opt_count("många", MEMBERS_MAX).is_err());
    assert_eq!(opt_count("", MEMBERS_MAX).unwrap(), None);
    assert_eq!(opt_email(" Info@IKS.se ").unwrap(), "info@iks.se");
    assert!(opt_line(&"x".repeat(301), LINE_MAX).is_err());
}

#[test]
fn search_queries_are_normalised() {
    assert_eq!(
        tokens("IKS – Ideell Kultur i Sala!"),
        ["iks", "ideell", "kultur", "i", "sala"]
    );
    assert_eq!(tokens("ÅNGE Änglar ÖREBRO"), ["ånge", "änglar", "örebro"]);
    assert_eq!(
        search_doc(&["Sala Idrottsförening", "e-post: info@sif.se"]),
        "sala idrottsförening förening e post info sif se"
    );
    let q = SearchQuery::parse("Idrott").unwrap();
    assert_eq!(q.terms, ["idrott"]);
    assert_eq!(
        q.fts5(MunicipalityId::new(7), "{name body}", &[]),
        "{name body} : (\"m00000007idrott\"*)"
    );
    let two = SearchQuery::parse("kör sala").unwrap();
    assert_eq!(
        two.fts5(MunicipalityId::new(123), "name", &[]),
        "name : (\"m00000123kör\"* AND \"m00000123sala\"*)"
    );
    assert_eq!(q.tsquery(MunicipalityId::new(7), "AB", &[]), "'m00000007idrott':*AB");
    // Filters become exact words of the tags, never prefixes of the text.
    let f = Filters::from_params(&[
        ("kategori".into(), "kultur".into()),
        ("signerat".into(), "1".into()),
        ("tillganglighet".into(), "lift".into()),
    ]);
    assert_eq!(f.tags(), ["kat1", "signerad", "lokal"]);
    assert_eq!(
        q.fts5(MunicipalityId::new(7), "{name body}", &f.tags()),
        "{name body} : (\"m00000007idrott\"*) AND tags : (\"m00000007kat1\" AND \"m00000007signerad\" AND \"m00000007lokal\")"
    );
    assert_eq!(
        q.tsquery(MunicipalityId::new(7), "A", &f.tags()),
        "'m00000007idrott':*A & 'm00000007kat1':D & 'm00000007signerad':D & 'm00000007lokal':D"
    );
    assert!(Filters::default().tags().is_empty());
    // The migrations write the tags of bits 0–9; a tenth category needs them changed.
    assert!(Category::ALL.iter().all(|c| (*c as u32) < 10));
    assert_eq!(SearchQuery::parse("föreningar").unwrap().terms, ["förening"]);
    assert_eq!(SearchQuery::parse("Körer i Sala").unwrap().terms, ["kör", "i", "sala"]);
    // "i" is a prefix of nothing else here, so it stays.
    assert_eq!(SearchQuery::parse("kultur i").unwrap().terms, ["kultur", "i"]);
    // A shorter term that begins another adds nothing.
    assert_eq!(
        SearchQuery::parse("idrott idrottsförening").unwrap().terms,
        ["idrottsförening"]
    );
    // Syntax of FTS5 and tsquery never gets through.
    for odd in ["\"", "AND(", "*", "NEAR(a b)", "'", "a:*", "!&|", "", "   ", "--", "()"] {
        match SearchQuery::parse(odd) {
            None => {}
            Some(q) => {
                for t in &q.terms {
                    assert!(t.chars().all(char::is_alphanumeric), "{odd:?} gave {t:?}");
                }
            }
        }
    }
    assert_eq!(SearchQuery::parse("AND(").unwrap().terms, ["and"]);
    let many = SearchQuery::parse("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10").unwrap();
    assert_eq!(many.terms.len(), QUERY_TERMS_MAX);
    let long = SearchQuery::parse(&"x".repeat(500)).unwrap();
    assert_eq!(long.terms[0].len(), 40);
}

#[test]
fn compounds_are_indexed_with_their_last_part() {
    assert_eq!(
        search_doc(&["Sala Idrottsförening", "Körsång och friluftsliv"]),
        "sala idrottsförening förening körsång sång och friluftsliv liv"
    );
    assert_eq!(search_doc(&["Kören", "lag"]), "kören lag", "not a compound");
    assert_eq!(search_doc(&["Folkdanslaget"]), "folkdanslaget laget");
}

#[test]
fn stems() {
    assert_eq!(stem("idrott"), "idrott");
    assert_eq!(stem("föreningen"), "förening");
    assert_eq!(stem("idrottsföreningar"), "idrottsförening");
    assert_eq!(stem("pensionärer"), "pensionär");
    assert_eq!(stem("sala"), "sala");
    assert_eq!(stem("hus"), "hus");
    assert_eq!(stem("12345"), "12345");
}

#[test]
fn sort_keys_agree_with_the_platforms_swedish_order() {
    let names = [
        "Örebro SK",
        "Ängens vänner",
        "Åby IF",
        "Zorn",
        "alfa",
        "Bygdegård",
        "Öjebyns IF",
        "Åkers kör",
        "Sala IF",
        "sala hembygd",
        "Ärla",
        "Ab",
        "Aa",
    ];
    let mut by_key = names.to_vec();
    by_key.sort_by_key(|n| sort_key(n));
    let mut by_cmp = names.to_vec();
    by_cmp.sort_by(|a, b| rules::swedish_cmp(a, b));
    assert_eq!(by_key, by_cmp);
}

#[test]
fn swedish_sort_keys() {
    let mut v = vec![
        "Örebro SK",
        "Ängens vänner",
        "Åby IF",
        "Zorn",
        "alfa",
        "Émile",
        "Bygdegård",
    ];
    v.sort_by_key(|n| sort_key(n));
    assert_eq!(
        v,
        [
            "alfa",
            "Bygdegård",
            "Émile",
            "Zorn",
            "Åby IF",
            "Ängens vänner",
            "Örebro SK"
        ]
    );
    assert_eq!(sort_key("IKS – Ideell Kultur"), "iks ideell kultur");
}

#[test]
fn filters_from_the_query_string() {
    let p = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    };
    let f = Filters::from_params(&p(&[
        ("q", "idrott"),
        ("kategori", "idrott"),
        ("lokal", "1"),
        ("tillganglighet", "lift"),
        ("tillganglighet", "step_free"),
        ("tillganglighet", "okänd"),
        ("sida", "3"),
    ]));
    assert_eq!(f.category, Some(Category::Idrott));
    assert!(f.premises && !f.signed);
    assert_eq!(f.features, [Feature::StepFree, Feature::Lift]);
    assert_eq!(f.offset(), 40);
    assert_eq!(
        f.to_query(2),
        "q=idrott&kategori=idrott&lokal=1&tillganglighet=step_free&tillganglighet=lift&sida=2"
    );
    let bad = Filters::from_params(&p(&[("sida", "-5"), ("kategori", "x"), ("q", "\"")]));
    assert_eq!(bad.page, 1);
    assert_eq!(bad.category, None);
    assert_eq!(bad.query, None);
    assert_eq!(Filters::from_params(&p(&[("sida", "99999999999")])).page, PAGE_MAX);
    assert_eq!(page_count(0), 1);
    assert_eq!(page_count(41), 3);
    assert_eq!(page_links(1, 1), [Some(1)]);
    assert_eq!(
        page_links(6, 20),
        [
            Some(1),
            None,
            Some(4),
            Some(5),
            Some(6),
            Some(7),
            Some(8),
            None,
            Some(20)
        ]
    );
}

#[test]
fn an_organisation_numbers_group_is_its_first_digit() {
    let ideell = OrgNumber::parse("802002-4280").unwrap();
    assert_eq!(ideell.group(), 8);
    assert!(ideell.is_non_profit_group());
    // Stockholms stad (public sector) and an AB pass the checks but are not group 8.
    let city = OrgNumber::parse("212000-0142").unwrap();
    assert_eq!(city.group(), 2);
    assert!(!city.is_non_profit_group());
    assert!(!OrgNumber::parse("556036-0793").unwrap().is_non_profit_group());
}
