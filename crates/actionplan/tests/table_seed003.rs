//! Seed 003, Sala's real action plan, through the table importer and exporter. The expected
//! numbers below were counted by hand from `tests/data/seed003.txt`.

use actionplan::table::{
    parse_csv, parse_text, parse_xlsx, to_csv, to_rows, to_text, to_xlsx, Owner, Parsed, ProblemKind, TableActivity,
    TableArea, TableGoal, TablePlan, HEADER,
};

const SEED: &str = include_str!("data/seed003.txt");

fn seed() -> TablePlan {
    let parsed = parse_text(SEED);
    assert_eq!(parsed.problems, vec![], "seed 003 places every line");
    parsed.plan
}

fn area(plan: &TablePlan, number: u32) -> &TableArea {
    plan.areas.iter().find(|a| a.number == number).unwrap()
}

fn goal<'a>(plan: &'a TablePlan, number: u32, text: &str) -> &'a TableGoal {
    let a = area(plan, number);
    let found: Vec<&TableGoal> = a.goals.iter().filter(|g| g.text == text).collect();
    assert_eq!(found.len(), 1, "one goal {text:?} in area {number}: {:#?}", a.goals);
    found[0]
}

fn act(text: &str, time: &str, responsible: &str, follow_up: &str) -> TableActivity {
    TableActivity {
        text: text.into(),
        time: time.into(),
        responsible: responsible.into(),
        follow_up: follow_up.into(),
    }
}

#[test]
fn seed_has_zero_problems_and_six_areas_in_order_with_their_groups() {
    let plan = seed();
    let areas: Vec<(u32, &str, Option<&str>)> = plan
        .areas
        .iter()
        .map(|a| (a.number, a.name.as_str(), a.group.as_deref()))
        .collect();
    assert_eq!(
        areas,
        vec![
            (1, "Självständighet", Some("Aktivitetsplan Grupp 1")),
            (2, "Dialog", Some("Aktivitetsplan Grupp 2,3,4")),
            (3, "Kvalitet", Some("Aktivitetsplan Grupp 2,3,4")),
            (4, "Långsiktighet", Some("Aktivitetsplan Grupp 2,3,4")),
            (5, "Öppenhet och insyn", Some("Aktivitetsplan grupp 5-6")),
            (6, "Mångfald", Some("Aktivitetsplan grupp 5-6")),
        ]
    );
}

#[test]
fn goals_per_owner_and_activities_per_goal() {
    use Owner::*;
    let plan = seed();
    // Per area, in order: (owner, number of activities) of each goal.
    let expected: Vec<Vec<(Owner, usize)>> = vec![
        vec![
            (Municipality, 1),
            (CivilSociety, 1),
            (Municipality, 1),
            (Municipality, 1),
        ],
        vec![
            (Unstated, 1),
            (Municipality, 1),
            (Municipality, 1),
            (CivilSociety, 0),
            (CivilSociety, 0),
        ],
        vec![(Both, 1), (Municipality, 1), (CivilSociety, 0)],
        vec![(Both, 1), (Municipality, 1), (CivilSociety, 0), (Municipality, 0)],
        vec![
            (Municipality, 3),
            (Municipality, 2),
            (Municipality, 1),
            (CivilSociety, 0),
            (CivilSociety, 0),
        ],
        vec![(Municipality, 0), (Municipality, 0), (CivilSociety, 0)],
    ];
    let got: Vec<Vec<(Owner, usize)>> = plan
        .areas
        .iter()
        .map(|a| a.goals.iter().map(|g| (g.owner, g.activities.len())).collect())
        .collect();
    assert_eq!(got, expected);
    let goals: usize = plan.areas.iter().map(|a| a.goals.len()).sum();
    let activities: usize = plan
        .areas
        .iter()
        .flat_map(|a| &a.goals)
        .map(|g| g.activities.len())
        .sum();
    assert_eq!((goals, activities), (24, 17));
}

#[test]
fn goal_texts_lose_their_owner_phrase() {
    let plan = seed();
    let texts: Vec<&str> = area(&plan, 4).goals.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Ta fram en långsiktig aktivitetsplan",
            "Motverka personberoende",
            "Stimulera att ansvarstagande fördelas på flera personer för långsiktig stabilitet",
            "Informera om kommunens vision utmaningar",
        ]
    );
    // "Sala kommun ska." with a period.
    let g = goal(
        &plan,
        5,
        "Verka för att överenskommelse om principer och handlingsplan för samverkan med civilsamhället blir känt bland förtroendevalda, anställda och medborgare.",
    );
    assert_eq!(g.owner, Owner::Municipality);
    // The same goal text for two owners is two goals.
    let a1 = area(&plan, 1);
    let same = "Inventera och dokumentera tillgång till, och behov av, lokaler. Utrustning i lokalen och beskrivning av tillgänglighet skall framgå.";
    let owners: Vec<Owner> = a1.goals.iter().filter(|g| g.text == same).map(|g| g.owner).collect();
    assert_eq!(owners, vec![Owner::Municipality, Owner::CivilSociety]);
    // A hyphen of a shared word part stays.
    assert_eq!(
        goal(&plan, 3, "Skapa fadder- och mentorssystem för nya/andra föreningar").owner,
        Owner::CivilSociety
    );
}

#[test]
fn the_unstated_goal_of_area_2_keeps_its_responsible_and_follow_up() {
    let plan = seed();
    let g = &area(&plan, 2).goals[0];
    assert_eq!(g.owner, Owner::Unstated);
    assert_eq!(g.text, "Två fysiska träffar per år anordnas av kommunen");
    assert_eq!(g.activities, vec![act("", "", "Magnus Gunnarsson", "Löpande")]);
}

#[test]
fn area_1_cells_bullets_dashes_and_medborgarkontoret() {
    let plan = seed();
    let a = area(&plan, 1);
    assert_eq!(
        a.goals[0].activities,
        vec![act(
            "En kommunal upphandling av ett nytt digitalt system för bokning av lokaler samt föreningsstöd har inletts. Handlingsplanens mål om sökbarhet, tillgänglighet och information skall finnas med och tydliggöras i upphandlingen.",
            "2020",
            "Kultur och fritid",
            "hösten 2020",
        )]
    );
    assert_eq!(
        a.goals[1].activities,
        vec![act(
            "Uppdatera uppgifterna om egna lokaler och tillgänglighet i föreningsregistret.",
            "2019",
            "",
            "våren 2020"
        )]
    );
    // "- -", "- -" and "-" are empty cells.
    assert_eq!(
        a.goals[2].activities,
        vec![act(
            "Bättre och tydligare information om tillgänglighet. (Åtgärder utöver kommunens ansvar enligt LSS mfl)",
            "",
            "",
            ""
        )]
    );
    // "-2020" is a bullet; "Kultur och fritid - Medborgarkontoret" stays one text.
    let last = &a.goals[3].activities;
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].time, "2020");
    assert_eq!(last[0].responsible, "Kultur och fritid - Medborgarkontoret");
    assert_eq!(last[0].follow_up, "hösten 2020");
    assert!(last[0]
        .text
        .ends_with("(Se även mål 2 Dialog – tydligare kommunicera kontaktvägar.)"));
}

#[test]
fn the_row_split_over_two_lines_is_joined_and_repeats_the_row_above() {
    let plan = seed();
    let g = goal(&plan, 2, "Utveckla hemsidan och sociala medier");
    assert_eq!(g.owner, Owner::Municipality);
    assert_eq!(
        g.activities,
        vec![act(
            "Utveckling av sala.se sker kontinuerligt. Större uppdateringar av plattformen sker flera gånger per år. Utvecklingen innefattar nya och förbättrade funktioner, statistikanalyser, förbättringar för att säkerställa användbarhet, tillgänglighet enligt \"Lagen om tillgänglighet till digital offentlig service\", mm. All utveckling av sala.se utgår från de formulerade målsättningar som finns i den politiskt antagna: \"Riktlinje för sala.se\".",
            "Kontinuerligt",
            "Kommunikationsenheten",
            "Både kontinuerligt och årligen. Bland annat SKLs \"Information till alla\", siteimprove, analytics.",
        )]
    );
    // Without the row above, the joined row alone gives the same goal and activity.
    let lines: Vec<&str> = SEED.lines().collect();
    let alone = [lines[14], lines[18], lines[19], lines[20]].join("\n");
    let parsed = parse_text(&alone);
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.plan.areas[0].goals, vec![g.clone()]);
    // Time "-Höst -19 Kontinuerligt" of one activity keeps its year.
    assert_eq!(
        goal(&plan, 2, "Tydligare kommunicera kontaktvägar").activities[0].time,
        "Höst -19 Kontinuerligt"
    );
}

#[test]
fn the_list_rows_of_grupp_5_6_line_up_with_their_cells() {
    let plan = seed();
    let a = area(&plan, 5);
    // "190403- tillsvidare  2020" are two times for three items: they line up from the top and
    // the third gets none; "-Magnus Gunnarsson  -HR -Magnus Gunnarsson" and
    // "- Löpande  - Årsvis - Vid uppdatering" are three each.
    assert_eq!(
        a.goals[0].activities,
        vec![
            act(
                "Kommunen har en utsedd person som har till uppgift att sprida kunskap och information till förtroendevalda och anställda. Som kontoren kan använda för information, som nya föreningar kan vända sig till med frågor om LÖK:en.",
                "190403- tillsvidare",
                "Magnus Gunnarsson",
                "Löpande",
            ),
            act("Nyanställdas dag. Ge information om LÖK.", "2020", "HR", "Årsvis"),
            act(
                "Ta fram ett kort informationsblad som kan lämnas ut med information om vart man kan läsa om föreningslivet och samverkan.",
                "",
                "Magnus Gunnarsson",
                "Vid uppdatering",
            ),
        ]
    );
    // "-Höst -19  Höst -19": two times that keep their "-19"; "Medborgar- kontoret" joined.
    assert_eq!(
        a.goals[1].activities,
        vec![
            act(
                "Undersöka om och hur föreningslivet kan nå ut med information via de befintliga kanalerna på de olika kontoren. Ex nyinflyttad, ungdomar, nyblivna föräldrar, pensionär, funktionsnedsatta.",
                "Höst -19",
                "Medborgarkontoret",
                "Dialogmöte 8",
            ),
            act(
                "Går det att utöka Infosidan i Allehanda och att informationen finns på nätsidan?",
                "Höst -19",
                "Daniel Watkinson",
                "Dialogmöte 8",
            ),
        ]
    );
    assert_eq!(
        a.goals[2].activities,
        vec![act(
            "RSS-Feed för kommunstyrelsens och kommunfullmäktiges beslut",
            "Våren - 19",
            "IT-Enheten",
            "Våren -20"
        )]
    );
}

#[test]
fn importing_twice_gives_the_same_plan() {
    assert_eq!(parse_text(SEED), parse_text(SEED));
}

#[test]
fn bad_lines_are_problems_with_their_line_numbers() {
    let extra = "Nr x Okänd\tSala kommun ska: Något\t\t\t\t\n\
                 Det här är ingen tabellrad\n\
                 Nr 1 Dialog\tSala kommun ska: Krock\t\t\t\t\n\
                 Nr 7 Nytt\t\tEn aktivitet utan mål\t\t\t\n\
                 Nr 1 Självständighet\tSala kommun ska: A\tB\tC\tD\tE\tF\n\
                 ## Rubrik\n\
                 \tEn fortsättning utan rad ovanför\t\t\t\t";
    let input = format!("{SEED}\n{extra}\n");
    let parsed = parse_text(&input);
    let first = SEED.lines().count() + 1;
    let got: Vec<(usize, ProblemKind)> = parsed.problems.iter().map(|p| (p.line, p.reason)).collect();
    assert_eq!(
        got,
        vec![
            (first, ProblemKind::UnknownArea),
            (first + 1, ProblemKind::UnknownLayout),
            (first + 2, ProblemKind::AreaConflict),
            (first + 3, ProblemKind::NoGoal),
            (first + 4, ProblemKind::UnknownLayout),
            (first + 6, ProblemKind::NoArea),
        ]
    );
    assert_eq!(parsed.problems[1].text, "Det här är ingen tabellrad");
    assert_eq!(parsed.problems[0].text, "Nr x Okänd\tSala kommun ska: Något\t\t\t\t");
    // Nothing of the bad lines was placed.
    assert_eq!(parsed.plan, seed());
}

#[test]
fn rows_under_a_header_of_other_columns_are_not_placed() {
    let input = "Område\tTid\tMål\n\
                 Nr 1 Självständighet\t2020\tSala kommun ska: X\n\
                 Område\tMål i handlingsplanen\tAktiviteter\tTid\tAnsvar\tUppföljning\n\
                 Nr 1 Självständighet\tSala kommun ska: X\t\t\t\t\n";
    let parsed = parse_text(input);
    let got: Vec<(usize, ProblemKind)> = parsed.problems.iter().map(|p| (p.line, p.reason)).collect();
    assert_eq!(
        got,
        vec![(1, ProblemKind::UnknownLayout), (2, ProblemKind::UnknownLayout)]
    );
    assert_eq!(parsed.plan.areas.len(), 1);
    assert_eq!(parsed.plan.areas[0].goals[0].text, "X");
}

#[test]
fn to_rows_writes_the_header_and_one_row_per_activity() {
    let plan = seed();
    let rows = to_rows(&plan, "Sala");
    assert_eq!(rows[0], HEADER.map(String::from));
    // 17 activities, plus one row for each of the 10 goals without activities (24 goals, 14 of
    // them with activities).
    assert_eq!(rows.len(), 1 + 17 + 10);
    assert_eq!(rows[1][0], "Nr 1 Självständighet");
    assert!(rows[1][1].starts_with("Sala kommun ska: Inventera"));
    assert!(rows[2][1].starts_with("Civilsamhället ska: Inventera"));
    let both = rows.iter().find(|r| r[0] == "Nr 3 Kvalitet").unwrap();
    assert_eq!(
        both[1],
        "Sala kommun och civilsamhället ska: Uppdatera föreningsregistret och kontaktuppgifter"
    );
    let unstated = rows.iter().find(|r| r[0] == "Nr 2 Dialog").unwrap();
    assert_eq!(
        unstated,
        &[
            "Nr 2 Dialog".to_string(),
            "Två fysiska träffar per år anordnas av kommunen".into(),
            "".into(),
            "".into(),
            "Magnus Gunnarsson".into(),
            "Löpande".into(),
        ]
    );
    let last = rows.last().unwrap();
    assert_eq!(
        last[1],
        "Civilsamhället ska: Uppmuntra och välkomna fler att bli medlemmar och delta i föreningslivet."
    );
    assert!(last[2..].iter().all(String::is_empty));
    // Another municipality's name in the phrase.
    assert!(to_rows(&plan, "Örebro")[1][1].starts_with("Örebro kommun ska: "));
}

#[test]
fn round_trip_through_text() {
    let plan = seed();
    let text = to_text(&plan, "Sala");
    assert!(text.starts_with("## Aktivitetsplan Grupp 1\n\nOmråde\tMål i handlingsplanen\t"));
    let again = parse_text(&text);
    assert_eq!(again.problems, vec![]);
    assert_eq!(again.plan, plan);
    // Another municipality's name reads back the same plan.
    assert_eq!(parse_text(&to_text(&plan, "Luleå")).plan, plan);
}

#[test]
fn round_trip_through_csv() {
    let plan = seed();
    let csv = to_csv(&plan, "Sala");
    assert!(csv.starts_with("\u{feff}## Aktivitetsplan Grupp 1;;;;;\r\n"));
    let again = parse_csv(&csv);
    assert_eq!(again.problems, vec![]);
    assert_eq!(again.plan, plan);
}

#[test]
fn round_trip_through_xlsx() {
    let plan = seed();
    let bytes = to_xlsx(&plan, "Sala").unwrap();
    assert!(bytes.starts_with(b"PK"));
    let again = parse_xlsx(&bytes).unwrap();
    assert_eq!(again.problems, vec![]);
    assert_eq!(again.plan, plan);
}

#[test]
fn round_trips_keep_groupless_areas_and_areas_without_goals() {
    let plan = TablePlan {
        areas: vec![
            TableArea {
                number: 1,
                name: "Ett".into(),
                group: None,
                goals: vec![],
            },
            TableArea {
                number: 2,
                name: "Två".into(),
                group: Some("Grupp A".into()),
                goals: vec![TableGoal {
                    owner: Owner::Both,
                    text: "Mål".into(),
                    activities: vec![act("A", "-19", "", "")],
                }],
            },
            TableArea {
                number: 3,
                name: "Tre".into(),
                group: None,
                goals: vec![],
            },
        ],
    };
    // "-19" is read back as "19" (a leading dash is a bullet), so compare the cleaned plan.
    let mut expected = plan.clone();
    expected.areas[1].goals[0].activities[0].time = "19".into();
    assert_eq!(parse_text(&to_text(&plan, "Sala")).plan, expected);
    assert_eq!(parse_csv(&to_csv(&plan, "Sala")).plan, expected);
    assert_eq!(parse_xlsx(&to_xlsx(&plan, "Sala").unwrap()).unwrap().plan, expected);
    assert_eq!(parse_text(&to_text(&TablePlan::default(), "Sala")), Parsed::default());
}

/// A plain CSV writer as other programs write: every cell quoted, the given separator, LF.
fn plain_csv(rows: &[[String; 6]], sep: &str) -> String {
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(sep)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn without_groups(mut plan: TablePlan) -> TablePlan {
    for a in &mut plan.areas {
        a.group = None;
    }
    plan
}

#[test]
fn comma_and_semicolon_csv_from_other_programs() {
    let plan = seed();
    let rows = to_rows(&plan, "Sala");
    for sep in [",", ";"] {
        let parsed = parse_csv(&plain_csv(&rows, sep));
        assert_eq!(parsed.problems, vec![], "separator {sep:?}");
        assert_eq!(parsed.plan, without_groups(plan.clone()), "separator {sep:?}");
    }
    let by_hand = "Område,Mål i handlingsplanen,Aktiviteter,Tid,Ansvar,Uppföljning\r\n\
                   Nr 1 Självständighet,\"Sala kommun ska: Inventera, dokumentera\",\"rad ett\r\nrad två\",2020,-Kultur och fritid,- hösten 2020\r\n\
                   Nr 2 Dialog,Civilsamhället ska: Utveckla,,,,\r\n";
    let parsed = parse_csv(by_hand);
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.plan.areas.len(), 2);
    let g = &parsed.plan.areas[0].goals[0];
    assert_eq!(
        (g.owner, g.text.as_str()),
        (Owner::Municipality, "Inventera, dokumentera")
    );
    assert_eq!(
        g.activities,
        vec![act("rad ett rad två", "2020", "Kultur och fritid", "hösten 2020")]
    );
    // A bad record is reported at the line where it starts, after a cell with a line break.
    let bad = format!("{by_hand}skräp\r\n");
    assert_eq!(
        parse_csv(&bad)
            .problems
            .iter()
            .map(|p| (p.line, p.reason))
            .collect::<Vec<_>>(),
        vec![(5, ProblemKind::UnknownLayout)]
    );
    // The same as Swedish Excel saves it: semicolons, the comma inside a cell unquoted.
    let semicolons = "Område;Mål i handlingsplanen;Aktiviteter;Tid;Ansvar;Uppföljning\r\n\
                      Nr 1 Självständighet;Sala kommun ska: Inventera, dokumentera;\"rad ett\r\nrad två\";2020;-Kultur och fritid;- hösten 2020\r\n\
                      Nr 2 Dialog;Civilsamhället ska: Utveckla;;;;\r\n";
    let parsed_sc = parse_csv(semicolons);
    assert_eq!(parsed_sc, parsed);
}

/// Text as Swedish Excel saves it: Windows-1252.
fn windows_1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '–' => 0x96,
            '—' => 0x97,
            '€' => 0x80,
            c if (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)) => c as u32 as u8,
            c => panic!("{c:?} is not in the test's Windows-1252 table"),
        })
        .collect()
}

#[test]
fn windows_1252_bytes_are_decoded_first() {
    let plan = seed();
    let csv = to_csv(&plan, "Sala");
    let bytes = windows_1252(csv.trim_start_matches('\u{feff}'));
    assert!(std::str::from_utf8(&bytes).is_err(), "the bytes are not UTF-8");
    let parsed = parse_csv(&platform::upload::decode_text(&bytes));
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.plan, plan);
    let seed_bytes = windows_1252(SEED);
    assert_eq!(parse_text(&platform::upload::decode_text(&seed_bytes)).plan, plan);
}

#[test]
fn a_broken_workbook_is_an_error() {
    assert!(parse_xlsx(b"not a workbook").is_err());
}

#[test]
fn a_row_that_repeats_another_changes_nothing() {
    let lines: Vec<&str> = SEED.lines().collect();
    // The first row of area 1 and the first list row of area 5, again at the end.
    let input = format!("{SEED}\n{}\n\n{}\n", lines[5], lines[35]);
    let parsed = parse_text(&input);
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.plan, seed());
}

#[test]
fn workbooks_with_numbers_and_a_table_not_at_a1() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in (2u16..).zip(HEADER) {
        sheet.write_string(3, col, h).unwrap();
    }
    sheet.write_string(4, 2, "Nr 1 Självständighet").unwrap();
    sheet.write_string(4, 3, "Civilsamhället ska: Inventera").unwrap();
    sheet.write_string(4, 4, "Uppdatera registret").unwrap();
    sheet.write_number(4, 5, 2019).unwrap();
    sheet.write_string(6, 2, "skräp").unwrap();
    let parsed = parse_xlsx(&book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(parsed.plan.areas.len(), 1);
    assert_eq!(
        parsed.plan.areas[0].goals[0].activities,
        vec![act("Uppdatera registret", "2019", "", "")]
    );
    // Columns start at C but the table is read by position from the first column used.
    let got: Vec<(usize, ProblemKind)> = parsed.problems.iter().map(|p| (p.line, p.reason)).collect();
    assert_eq!(got, vec![(7, ProblemKind::UnknownLayout)]);
}

#[test]
fn cells_with_quotes_and_line_breaks_round_trip() {
    let plan = TablePlan {
        areas: vec![TableArea {
            number: 2,
            name: "Dialog".into(),
            group: None,
            goals: vec![TableGoal {
                owner: Owner::Unstated,
                text: "\"Information till alla\", siteimprove".into(),
                activities: vec![act("\"Titel\"", "\"\"", "Säg \"\"hej\"\"", "\"a\tb")],
            }],
        }],
    };
    let mut expected = plan.clone();
    expected.areas[0].goals[0].activities[0].follow_up = "\"a b".into();
    assert_eq!(parse_text(&to_text(&plan, "Sala")).plan, expected);
    assert_eq!(parse_csv(&to_csv(&plan, "Sala")).plan, expected);
    // Pasted from a spreadsheet: a cell with a line break comes in quotes.
    let pasted = "Nr 2 Dialog\t\"Sala kommun ska: Rad ett\nrad två\"\tA\t\t\t\nNr 2 Dialog\tB\t\t\t\t\nskräp\n";
    let parsed = parse_text(pasted);
    assert_eq!(parsed.plan.areas[0].goals[0].text, "Rad ett rad två");
    assert_eq!(
        parsed.problems.iter().map(|p| (p.line, p.reason)).collect::<Vec<_>>(),
        vec![(4, ProblemKind::UnknownLayout)]
    );
}
