//! The signing book's rules, without I/O: who signs (kinds and channels), what a valid
//! signature looks like, who may sign, record and withdraw, the counts per kind, the order of
//! the list and the CSV export's escaping.

use crate::ids::SignatureId;
use chrono::NaiveDate;
use platform::auth::{CurrentUser, RoleKind};
use platform::rules::{self, swedish_cmp, Invalid};
use platform::{DepartmentId, MunicipalityId, OrganisationId, UserId};
use serde::Serialize;
use std::cmp::Ordering;

/// Longest name of a signer, a person or a role.
pub const NAME_MAX: usize = 200;
/// Longest reason for a withdrawal.
pub const REASON_MAX: usize = 1000;

/// Who signs: an association (any organisation in the registry), a municipal department, a
/// municipal company or anyone else (an unregistered group, a network).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, strum::EnumString, strum::IntoStaticStr, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "snake_case")]
#[schema(as = signing::SignerKind)]
pub enum SignerKind {
    Association,
    Department,
    Company,
    Other,
}

impl SignerKind {
    pub const ALL: [SignerKind; 4] = [
        SignerKind::Association,
        SignerKind::Department,
        SignerKind::Company,
        SignerKind::Other,
    ];

    /// The stored text (and the `kind` of the paper form and the JSON).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The kind's name (singular), e.g. "Förening eller organisation".
    pub fn message_id(self) -> &'static str {
        match self {
            SignerKind::Association => "signing-kind-association",
            SignerKind::Department => "signing-kind-department",
            SignerKind::Company => "signing-kind-company",
            SignerKind::Other => "signing-kind-other",
        }
    }

    /// The heading of the kind's count, e.g. "Föreningar och organisationer".
    pub fn count_message_id(self) -> &'static str {
        match self {
            SignerKind::Association => "signing-count-association",
            SignerKind::Department => "signing-count-department",
            SignerKind::Company => "signing-count-company",
            SignerKind::Other => "signing-count-other",
        }
    }
}

/// How the signature came: signed here by a representative, or written in the paper book and
/// recorded by the coordinator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, strum::EnumString, strum::IntoStaticStr, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "snake_case")]
#[schema(as = signing::Channel)]
pub enum Channel {
    Online,
    Paper,
}

impl Channel {
    /// The stored text.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// "Digitalt" or "På papper".
    pub fn message_id(self) -> &'static str {
        match self {
            Channel::Online => "signing-channel-online",
            Channel::Paper => "signing-channel-paper",
        }
    }
}

/// One signature in the book, in force or withdrawn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub id: SignatureId,
    pub municipality_id: MunicipalityId,
    pub kind: SignerKind,
    pub organisation_id: Option<OrganisationId>,
    pub department_id: Option<DepartmentId>,
    /// The signer: the organisation's or department's name as it is now in the registry, or
    /// the name written down for a company or another signer.
    pub signer_name: String,
    /// The person who signed on the signer's behalf.
    pub signed_by_name: String,
    /// Their role in the organisation, e.g. "Ordförande".
    pub signed_by_role: String,
    pub signed_on: NaiveDate,
    pub channel: Channel,
    pub recorded_by_user_id: Option<UserId>,
    pub created_at: i64,
    pub withdrawn_at: Option<i64>,
    pub withdrawn_by_user_id: Option<UserId>,
    pub withdrawal_reason: Option<String>,
}

impl Signature {
    pub fn in_force(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

/// Why a field was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// One of the platform's rules (required, too long, control characters).
    Rule(Invalid),
    /// Not a date written as YYYY-MM-DD, or no such day.
    NotADate,
    /// A date after today.
    InFuture,
    /// A date before [`EARLIEST`] (a typo such as 0218).
    TooEarly,
    /// The statement was not confirmed.
    NotAgreed,
    /// None of the offered options was chosen.
    Choose,
    /// The organisation or department already has a signature in force.
    AlreadySigned,
}

impl Problem {
    /// The message id; [`Problem::Rule`] messages take the limit as `$n` (see
    /// `platform::layout::Form::invalid`).
    pub fn message_id(self) -> &'static str {
        match self {
            Problem::Rule(i) => i.message_id(),
            Problem::NotADate => "signing-err-date",
            Problem::InFuture => "signing-err-future",
            Problem::TooEarly => "signing-err-too-early",
            Problem::NotAgreed => "signing-err-agree",
            Problem::Choose => "err-choose",
            Problem::AlreadySigned => "signing-err-already-signed",
        }
    }
}

/// A list of (field name, problem); empty when the form is right.
pub type Problems = Vec<(&'static str, Problem)>;

/// The earliest date a signature can carry.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A signing date: `YYYY-MM-DD`, a day that exists, not after `today` (Swedish time).
pub fn signing_date(input: &str, today: NaiveDate) -> Result<NaiveDate, Problem> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Problem::Rule(Invalid::Required));
    }
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(Problem::NotADate);
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Problem::NotADate)?;
    if date > today {
        Err(Problem::InFuture)
    } else if date < EARLIEST {
        Err(Problem::TooEarly)
    } else {
        Ok(date)
    }
}

/// A positive id chosen in a select; `None` for an empty or malformed choice.
pub fn chosen_id(input: &str) -> Option<i64> {
    input.trim().parse::<i64>().ok().filter(|i| *i > 0)
}

/// Who signed on the signer's behalf, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedBy {
    pub name: String,
    pub role: String,
    pub on: NaiveDate,
}

fn signed_by(name: &str, role: &str, date: &str, today: NaiveDate, problems: &mut Problems) -> Option<SignedBy> {
    let name = rules::line(name, NAME_MAX).map_err(|e| problems.push(("signed_by_name", Problem::Rule(e))));
    let role = rules::line(role, NAME_MAX).map_err(|e| problems.push(("signed_by_role", Problem::Rule(e))));
    let on = signing_date(date, today).map_err(|e| problems.push(("signed_on", e)));
    Some(SignedBy {
        name: name.ok()?,
        role: role.ok()?,
        on: on.ok()?,
    })
}

/// What a representative posts to sign for their organisation.
#[derive(Clone, Debug, Default)]
pub struct OnlineInput<'a> {
    pub organisation: &'a str,
    pub signed_by_name: &'a str,
    pub signed_by_role: &'a str,
    pub signed_on: &'a str,
    pub agree: bool,
}

/// A valid online signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnlineSigning {
    pub organisation_id: OrganisationId,
    pub by: SignedBy,
}

/// Check a representative's signature. Whether they may sign for the chosen organisation is
/// [`may_sign`]'s question, asked before.
pub fn validate_online(input: &OnlineInput<'_>, today: NaiveDate) -> Result<OnlineSigning, Problems> {
    let mut problems = Problems::new();
    let organisation = chosen_id(input.organisation).map(OrganisationId::new);
    if organisation.is_none() {
        problems.push(("organisation", Problem::Choose));
    }
    let by = signed_by(
        input.signed_by_name,
        input.signed_by_role,
        input.signed_on,
        today,
        &mut problems,
    );
    if !input.agree {
        problems.push(("agree", Problem::NotAgreed));
    }
    match (organisation, by) {
        (Some(organisation_id), Some(by)) if problems.is_empty() => Ok(OnlineSigning { organisation_id, by }),
        _ => Err(problems),
    }
}

/// What the coordinator posts to record a paper signature.
#[derive(Clone, Debug, Default)]
pub struct PaperInput<'a> {
    pub kind: &'a str,
    pub organisation: &'a str,
    pub department: &'a str,
    pub signer_name: &'a str,
    pub signed_by_name: &'a str,
    pub signed_by_role: &'a str,
    pub signed_on: &'a str,
}

/// Who signed on paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaperSigner {
    Organisation(OrganisationId),
    Department(DepartmentId),
    Company(String),
    Other(String),
}

impl PaperSigner {
    pub fn kind(&self) -> SignerKind {
        match self {
            PaperSigner::Organisation(_) => SignerKind::Association,
            PaperSigner::Department(_) => SignerKind::Department,
            PaperSigner::Company(_) => SignerKind::Company,
            PaperSigner::Other(_) => SignerKind::Other,
        }
    }
}

/// A valid paper signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaperSigning {
    pub signer: PaperSigner,
    pub by: SignedBy,
}

/// Check a paper signature: the kind decides which of organisation, department or name is
/// needed (the others are ignored).
pub fn validate_paper(input: &PaperInput<'_>, today: NaiveDate) -> Result<PaperSigning, Problems> {
    let mut problems = Problems::new();
    let signer = match input.kind.trim().parse::<SignerKind>().ok() {
        None => {
            problems.push(("kind", Problem::Choose));
            None
        }
        Some(SignerKind::Association) => match chosen_id(input.organisation).map(OrganisationId::new) {
            Some(id) => Some(PaperSigner::Organisation(id)),
            None => {
                problems.push(("organisation", Problem::Choose));
                None
            }
        },
        Some(SignerKind::Department) => match chosen_id(input.department).map(DepartmentId::new) {
            Some(id) => Some(PaperSigner::Department(id)),
            None => {
                problems.push(("department", Problem::Choose));
                None
            }
        },
        Some(kind) => match rules::line(input.signer_name, NAME_MAX) {
            Ok(name) if kind == SignerKind::Company => Some(PaperSigner::Company(name)),
            Ok(name) => Some(PaperSigner::Other(name)),
            Err(e) => {
                problems.push(("signer_name", Problem::Rule(e)));
                None
            }
        },
    };
    let by = signed_by(
        input.signed_by_name,
        input.signed_by_role,
        input.signed_on,
        today,
        &mut problems,
    );
    match (signer, by) {
        (Some(signer), Some(by)) if problems.is_empty() => Ok(PaperSigning { signer, by }),
        _ => Err(problems),
    }
}

/// An optional reason for a withdrawal: empty becomes `None`.
pub fn withdrawal_reason(input: &str) -> Result<Option<String>, Problem> {
    let s = rules::text(input, REASON_MAX).map_err(Problem::Rule)?;
    Ok(Some(s).filter(|s| !s.is_empty()))
}

/// The organisations of this municipality the user represents: (id, name), in Swedish order.
pub fn represented_organisations(user: &CurrentUser, municipality_id: MunicipalityId) -> Vec<(OrganisationId, String)> {
    let mut v: Vec<(OrganisationId, String)> = user
        .roles
        .iter()
        .filter(|r| r.kind == RoleKind::Representative && r.municipality_id == Some(municipality_id))
        .filter_map(|r| Some((r.organisation_id?, r.organisation_name.clone().unwrap_or_default())))
        .collect();
    v.sort_by(|a, b| swedish_cmp(&a.1, &b.1).then(a.0.cmp(&b.0)));
    v.dedup_by_key(|o| o.0);
    v
}

/// A representative signs for an organisation of this municipality that they represent.
pub fn may_sign(user: &CurrentUser, municipality_id: MunicipalityId, organisation_id: OrganisationId) -> bool {
    represented_organisations(user, municipality_id)
        .iter()
        .any(|(id, _)| *id == organisation_id)
}

/// The coordinator of the municipality records paper signatures and sees the history.
pub fn may_record_paper(user: &CurrentUser, municipality_id: MunicipalityId) -> bool {
    user.is_coordinator(municipality_id)
}

/// A signature in force is withdrawn by the municipality's coordinator, or by a representative
/// of the organisation that signed.
pub fn may_withdraw(user: &CurrentUser, municipality_id: MunicipalityId, s: &Signature) -> bool {
    s.municipality_id == municipality_id
        && s.in_force()
        && (user.is_coordinator(municipality_id)
            || s.organisation_id.is_some_and(|o| may_sign(user, municipality_id, o)))
}

/// Signatures in force per kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = signing::Counts)]
pub struct Counts {
    pub association: usize,
    pub department: usize,
    pub company: usize,
    pub other: usize,
    pub total: usize,
}

impl Counts {
    pub fn of(&self, kind: SignerKind) -> usize {
        match kind {
            SignerKind::Association => self.association,
            SignerKind::Department => self.department,
            SignerKind::Company => self.company,
            SignerKind::Other => self.other,
        }
    }
}

/// Count the signatures in force by kind (withdrawn ones do not count).
pub fn counts<'a>(signatures: impl IntoIterator<Item = &'a Signature>) -> Counts {
    let mut c = Counts::default();
    for s in signatures.into_iter().filter(|s| s.in_force()) {
        match s.kind {
            SignerKind::Association => c.association += 1,
            SignerKind::Department => c.department += 1,
            SignerKind::Company => c.company += 1,
            SignerKind::Other => c.other += 1,
        }
        c.total += 1;
    }
    c
}

/// The order of the list: by signer in Swedish order, then by date.
pub fn list_order(a: &Signature, b: &Signature) -> Ordering {
    swedish_cmp(&a.signer_name, &b.signer_name)
        .then(a.signed_on.cmp(&b.signed_on))
        .then(a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use platform::auth::Role;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn m(id: i64) -> MunicipalityId {
        MunicipalityId::new(id)
    }

    fn o(id: i64) -> OrganisationId {
        OrganisationId::new(id)
    }

    fn role(kind: RoleKind, municipality: i64, organisation: Option<(i64, &str)>) -> Role {
        Role {
            kind,
            municipality_id: Some(m(municipality)),
            municipality_slug: None,
            municipality_name: None,
            department_id: None,
            department_name: None,
            organisation_id: organisation.map(|org| o(org.0)),
            organisation_name: organisation.map(|o| o.1.to_string()),
        }
    }

    fn user(roles: Vec<Role>) -> CurrentUser {
        CurrentUser {
            id: UserId::new(7),
            name: "Isa Österberg".into(),
            email: "isa@example.se".into(),
            roles,
        }
    }

    fn signature(id: i64, kind: SignerKind, name: &str, organisation: Option<i64>) -> Signature {
        Signature {
            id: SignatureId::new(id),
            municipality_id: m(1),
            kind,
            organisation_id: organisation.map(o),
            department_id: None,
            signer_name: name.into(),
            signed_by_name: "Anna".into(),
            signed_by_role: "Ordförande".into(),
            signed_on: day("2018-04-21"),
            channel: Channel::Paper,
            recorded_by_user_id: None,
            created_at: 0,
            withdrawn_at: None,
            withdrawn_by_user_id: None,
            withdrawal_reason: None,
        }
    }

    #[test]
    fn kinds_and_channels_round_trip() {
        for k in SignerKind::ALL {
            assert_eq!(k.as_str().parse::<SignerKind>(), Ok(k));
            assert!(k.message_id().starts_with("signing-"));
        }
        assert!("kommun".parse::<SignerKind>().is_err());
        for c in [Channel::Online, Channel::Paper] {
            assert_eq!(c.as_str().parse::<Channel>(), Ok(c));
        }
        assert!("fax".parse::<Channel>().is_err());
        assert_eq!(SignerKind::Association.as_str(), "association");
        assert_eq!(Channel::Paper.as_str(), "paper");
    }

    #[test]
    fn dates_are_real_days_not_in_the_future() {
        let today = day("2026-11-23");
        assert_eq!(signing_date(" 2018-04-21 ", today), Ok(day("2018-04-21")));
        assert_eq!(signing_date("2026-11-23", today), Ok(today), "today is fine");
        assert_eq!(signing_date("2026-11-24", today), Err(Problem::InFuture));
        assert_eq!(signing_date("", today), Err(Problem::Rule(Invalid::Required)));
        for bad in [
            "2018-02-30",
            "2019-02-29",
            "2018-13-01",
            "21/4 2018",
            "2018-4-21",
            "20180421",
            "+2018-04-2",
            "2018-04-21x",
            "igår",
        ] {
            assert_eq!(signing_date(bad, today), Err(Problem::NotADate), "{bad}");
        }
        assert_eq!(signing_date("2020-02-29", today), Ok(day("2020-02-29")), "leap day");
        assert_eq!(signing_date("0218-04-21", today), Err(Problem::TooEarly));
    }

    #[test]
    fn online_signatures_need_everything_and_the_statement() {
        let today = day("2026-11-23");
        let ok = OnlineInput {
            organisation: "12",
            signed_by_name: " Isa Österberg ",
            signed_by_role: "Ordförande",
            signed_on: "2026-11-23",
            agree: true,
        };
        assert_eq!(
            validate_online(&ok, today),
            Ok(OnlineSigning {
                organisation_id: o(12),
                by: SignedBy {
                    name: "Isa Österberg".into(),
                    role: "Ordförande".into(),
                    on: today
                }
            })
        );
        let problems = validate_online(&OnlineInput::default(), today).unwrap_err();
        assert_eq!(
            problems,
            vec![
                ("organisation", Problem::Choose),
                ("signed_by_name", Problem::Rule(Invalid::Required)),
                ("signed_by_role", Problem::Rule(Invalid::Required)),
                ("signed_on", Problem::Rule(Invalid::Required)),
                ("agree", Problem::NotAgreed),
            ]
        );
        let long = "x".repeat(NAME_MAX + 1);
        let just = "å".repeat(NAME_MAX);
        let p = validate_online(
            &OnlineInput {
                signed_by_name: &long,
                signed_by_role: &just,
                ..ok.clone()
            },
            today,
        )
        .unwrap_err();
        assert_eq!(p, vec![("signed_by_name", Problem::Rule(Invalid::TooLong(NAME_MAX)))]);
        for org in ["", "0", "-3", "tolv"] {
            let p = validate_online(
                &OnlineInput {
                    organisation: org,
                    ..ok.clone()
                },
                today,
            )
            .unwrap_err();
            assert_eq!(p, vec![("organisation", Problem::Choose)], "{org}");
        }
        let p = validate_online(&OnlineInput { agree: false, ..ok }, today).unwrap_err();
        assert_eq!(p, vec![("agree", Problem::NotAgreed)]);
    }

    #[test]
    fn paper_signatures_need_what_their_kind_needs() {
        let today = day("2026-11-23");
        let base = PaperInput {
            kind: "association",
            organisation: "4",
            department: "",
            signer_name: "",
            signed_by_name: "Karin Ek",
            signed_by_role: "Sekreterare",
            signed_on: "2018-04-21",
        };
        let by = SignedBy {
            name: "Karin Ek".into(),
            role: "Sekreterare".into(),
            on: day("2018-04-21"),
        };
        assert_eq!(
            validate_paper(&base, today).unwrap().signer,
            PaperSigner::Organisation(o(4))
        );
        let dept = validate_paper(
            &PaperInput {
                kind: "department",
                organisation: "",
                department: "9",
                ..base.clone()
            },
            today,
        )
        .unwrap();
        assert_eq!(
            dept,
            PaperSigning {
                signer: PaperSigner::Department(DepartmentId::new(9)),
                by
            }
        );
        let company = validate_paper(
            &PaperInput {
                kind: "company",
                signer_name: " Örebrobostäder AB ",
                ..base.clone()
            },
            today,
        )
        .unwrap();
        assert_eq!(company.signer, PaperSigner::Company("Örebrobostäder AB".into()));
        assert_eq!(company.signer.kind(), SignerKind::Company);
        let other = validate_paper(
            &PaperInput {
                kind: "other",
                signer_name: "Facebookgruppen Sala hjälps åt",
                ..base.clone()
            },
            today,
        )
        .unwrap();
        assert_eq!(other.signer.kind(), SignerKind::Other);

        let p = validate_paper(
            &PaperInput {
                kind: "department",
                ..base.clone()
            },
            today,
        )
        .unwrap_err();
        assert_eq!(p, vec![("department", Problem::Choose)]);
        let p = validate_paper(
            &PaperInput {
                kind: "company",
                ..base.clone()
            },
            today,
        )
        .unwrap_err();
        assert_eq!(p, vec![("signer_name", Problem::Rule(Invalid::Required))]);
        let p = validate_paper(
            &PaperInput {
                kind: "kommun",
                signed_on: "2027-01-01",
                ..base.clone()
            },
            today,
        )
        .unwrap_err();
        assert_eq!(p, vec![("kind", Problem::Choose), ("signed_on", Problem::InFuture)]);
    }

    #[test]
    fn withdrawal_reasons_are_optional_and_bounded() {
        assert_eq!(withdrawal_reason("  "), Ok(None));
        assert_eq!(
            withdrawal_reason(" Föreningen har upplösts.\r\nStyrelsebeslut "),
            Ok(Some("Föreningen har upplösts.\nStyrelsebeslut".into()))
        );
        assert_eq!(
            withdrawal_reason(&"x".repeat(REASON_MAX + 1)),
            Err(Problem::Rule(Invalid::TooLong(REASON_MAX)))
        );
    }

    #[test]
    fn who_may_sign_record_and_withdraw() {
        let rep = user(vec![
            role(RoleKind::Representative, 1, Some((10, "Öppna kyrkan"))),
            role(RoleKind::Representative, 1, Some((11, "Aktivitetshuset"))),
            role(RoleKind::Representative, 2, Some((20, "Föreningarnas hus"))),
        ]);
        assert_eq!(
            represented_organisations(&rep, m(1)),
            vec![(o(11), "Aktivitetshuset".into()), (o(10), "Öppna kyrkan".into())]
        );
        assert!(may_sign(&rep, m(1), o(10)) && may_sign(&rep, m(1), o(11)));
        assert!(!may_sign(&rep, m(1), o(20)), "an organisation of another municipality");
        assert!(!may_sign(&rep, m(1), o(12)), "an organisation they do not represent");
        assert!(!may_record_paper(&rep, m(1)));

        let coordinator = user(vec![role(RoleKind::Coordinator, 1, None)]);
        let staff = user(vec![role(RoleKind::Staff, 1, None)]);
        assert!(may_record_paper(&coordinator, m(1)));
        assert!(!may_record_paper(&coordinator, m(2)), "another municipality");
        assert!(!may_record_paper(&staff, m(1)));
        assert!(represented_organisations(&coordinator, m(1)).is_empty());
        assert!(
            !may_sign(&coordinator, m(1), o(10)),
            "the coordinator records paper, not online"
        );

        let own = signature(1, SignerKind::Association, "Öppna kyrkan", Some(10));
        let other = signature(2, SignerKind::Association, "Sala IF", Some(12));
        let company = signature(3, SignerKind::Company, "Salabostäder AB", None);
        assert!(may_withdraw(&rep, m(1), &own));
        assert!(!may_withdraw(&rep, m(1), &other));
        assert!(!may_withdraw(&rep, m(1), &company));
        assert!(
            !may_withdraw(&rep, m(2), &own),
            "the signature is not of that municipality"
        );
        for s in [&own, &other, &company] {
            assert!(may_withdraw(&coordinator, m(1), s));
            assert!(!may_withdraw(&coordinator, m(2), s));
            assert!(!may_withdraw(&staff, m(1), s));
        }
        let withdrawn = Signature {
            withdrawn_at: Some(5),
            ..own
        };
        assert!(!may_withdraw(&rep, m(1), &withdrawn) && !may_withdraw(&coordinator, m(1), &withdrawn));
    }

    #[test]
    fn counts_per_kind_leave_out_withdrawn_signatures() {
        let mut v = vec![
            signature(1, SignerKind::Association, "A", Some(1)),
            signature(2, SignerKind::Association, "B", Some(2)),
            signature(3, SignerKind::Department, "Kultur och fritid", None),
            signature(4, SignerKind::Company, "Örebrobostäder AB", None),
            signature(5, SignerKind::Other, "Nätverket", None),
            signature(6, SignerKind::Other, "Nätverket 2", None),
            signature(7, SignerKind::Association, "C", Some(3)),
        ];
        v[6].withdrawn_at = Some(1);
        let c = counts(&v);
        assert_eq!(
            c,
            Counts {
                association: 2,
                department: 1,
                company: 1,
                other: 2,
                total: 6
            }
        );
        assert_eq!(c.of(SignerKind::Other), 2);
        assert_eq!(counts(&[]), Counts::default());
    }

    #[test]
    fn the_list_is_in_swedish_order() {
        let mut v = [
            signature(1, SignerKind::Association, "Örebro Schackklubb", None),
            signature(2, SignerKind::Association, "Åby IF", None),
            signature(3, SignerKind::Association, "Ängens vänner", None),
            signature(4, SignerKind::Association, "aktivitetshuset", None),
            signature(5, SignerKind::Association, "Zonta", None),
            signature(6, SignerKind::Association, "Bridgeklubben", None),
        ];
        v.sort_by(list_order);
        let names: Vec<&str> = v.iter().map(|s| s.signer_name.as_str()).collect();
        assert_eq!(
            names,
            [
                "aktivitetshuset",
                "Bridgeklubben",
                "Zonta",
                "Åby IF",
                "Ängens vänner",
                "Örebro Schackklubb"
            ]
        );
    }
}
