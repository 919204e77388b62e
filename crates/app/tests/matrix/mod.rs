//! The route × role × tenant matrix: every route of every capability, as the router records
//! it ([`platform::route_paths`], not a list written here), for every method it answers, asked
//! by every kind of visitor over the demo data of Sala (with Örebro as the other municipality).
//!
//! How it works:
//! 1. Each route pattern must have a line in [`expect::ROUTES`] per method; a route or method
//!    without one, or a line without a route, fails the test. The methods a route answers are
//!    found by asking with GET, POST, PUT, PATCH and DELETE (405 means not routed).
//! 2. Path parameters get samples from the demo ([`samples`]); an unknown one fails the test
//!    with the key to add there. What the demo does not hold is made first, through the forms
//!    ([`fill`]), so that every sample names a real thing of Sala: a sample that names nothing
//!    fails the test (a 404 there would prove nothing).
//! 3. Every visitor asks every route: anonymous; a resident (signed in, no role); the
//!    representative of the demo association (IKS, the organisation the samples name); the
//!    representative of another association of Sala; Sala's staff (handläggare); a coordinator
//!    of Sala who is no grant decider; Sala's demo coordinator, who is a grant decider; the
//!    operator; Örebro's coordinator. GETs first; then POSTs by those who must be refused, with
//!    the fields of the form an allowed visitor was shown (so the role check answers, not the
//!    form reader) and a valid CSRF token of the visitor's own session; then Örebro's coordinator
//!    under Örebro's address with Sala's ids; last, the POSTs of the least privileged allowed
//!    visitor (side effects come last, taking a role away, then signing out or erasing an account at the very end).
//!
//! What each visitor must get (the access levels are [`expect::Access`]):
//! - allowed, GET: 2xx, or a redirect that is not to the login page;
//! - allowed, POST: anything but 401/403, a redirect to the login page or a server error (the
//!   sample form may be invalid, or an earlier POST removed what it names: 400/404/409/422 are
//!   the handler's answer after the access check; the allowed POSTs run last, so what one of
//!   them consumes, e.g. a photo deleted or an import confirmed, was there for every GET and
//!   every refusal before);
//! - a secret link (`Secret`): the same answer for every visitor, never 401/403/5xx or a login;
//! - refused, anonymous: a page (GET) redirects to `/konto/logga-in?next=…`; a form post (POST)
//!   is 403 (the platform's answer to a post without a session); the JSON API answers 401;
//! - refused, signed in: 403 or 404 (404 where the thing is not theirs to know of);
//! - Örebro's coordinator on `/orebro/…` with any of Sala's ids: 404 (or 403), for every route
//!   with an id, public or not; a POST whose form the handler finds malformed before it looks
//!   anything up may answer 400 (nothing of Sala's is read or changed; the count is printed).

mod expect;
mod fill;
mod forms;
mod samples;

use expect::Access;
use platform::auth::RoleKind;
use reqwest::Method;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;
use std::time::Instant;
use testkit::{both, Backend, Options, TestApp, TestDb};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Anonymous,
    Resident,
    Representative,
    OtherRepresentative,
    Staff,
    Coordinator,
    Decider,
    Operator,
    OtherCoordinator,
}

fn allowed(access: Access, who: Who) -> bool {
    use Who::*;
    match access {
        Access::Public | Access::Secret => true,
        Access::SignedIn => who != Anonymous,
        Access::Representative => matches!(who, Representative | Coordinator | Decider),
        Access::RepresentativeOrStaff => matches!(who, Representative | Staff | Coordinator | Decider),
        Access::RepresentativesOnly => matches!(who, Representative | OtherRepresentative),
        Access::Representatives => matches!(who, Representative | OtherRepresentative | Coordinator | Decider),
        Access::RepresentativesOrStaff => {
            matches!(
                who,
                Representative | OtherRepresentative | Staff | Coordinator | Decider
            )
        }
        Access::Members => matches!(
            who,
            Representative | OtherRepresentative | Staff | Coordinator | Decider
        ),
        Access::Staff => matches!(who, Staff | Coordinator | Decider),
        Access::Coordinator => matches!(who, Coordinator | Decider),
        Access::Decider => who == Decider,
        Access::Operator => who == Operator,
    }
}

/// The least privileged visitor allowed: the one whose POSTs are checked for success.
fn least(access: Access) -> Who {
    match access {
        Access::Public | Access::Secret => Who::Anonymous,
        Access::SignedIn => Who::Resident,
        Access::Representative
        | Access::RepresentativeOrStaff
        | Access::Representatives
        | Access::RepresentativesOnly
        | Access::RepresentativesOrStaff
        | Access::Members => Who::Representative,
        Access::Staff => Who::Staff,
        Access::Coordinator => Who::Coordinator,
        Access::Decider => Who::Decider,
        Access::Operator => Who::Operator,
    }
}

struct Answer {
    status: u16,
    location: String,
    html: Option<String>,
}

impl Answer {
    fn to_login(&self) -> bool {
        (300..400).contains(&self.status) && self.location.starts_with("/konto/logga-in")
    }

    fn show(&self) -> String {
        if self.location.is_empty() {
            self.status.to_string()
        } else {
            format!("{} → {}", self.status, self.location)
        }
    }
}

/// One visitor: a cookie jar and the CSRF token of its session.
struct Agent {
    who: Who,
    http: reqwest::Client,
    base: String,
    csrf: String,
}

impl Agent {
    async fn new(base: &str, who: Who, login: Option<(&str, &str)>) -> Agent {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let mut agent = Agent {
            who,
            http,
            base: base.to_string(),
            csrf: String::new(),
        };
        agent.csrf = agent.token().await;
        if let Some((email, password)) = login {
            let form = forms::Form {
                fields: [("email", email), ("password", password), ("next", "/konto")]
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .to_vec(),
                ..forms::Form::default()
            };
            let a = agent.send(Method::POST, "/konto/logga-in", Some(&form)).await;
            assert_eq!(a.status, 303, "{who:?} ({email}) cannot log in");
            agent.csrf = agent.token().await;
        }
        agent
    }

    async fn token(&self) -> String {
        let page = self.send(Method::GET, "/konto/logga-in", None).await;
        match page.html.as_deref().and_then(testkit::csrf_token) {
            Some(t) => t,
            None => testkit::csrf_token(&self.send(Method::GET, "/", None).await.html.unwrap_or_default()).unwrap(),
        }
    }

    /// Send a request; a POST carries `form` (and always the CSRF token, in the form and the
    /// header).
    async fn send(&self, method: Method, path: &str, form: Option<&forms::Form>) -> Answer {
        let mut req = self
            .http
            .request(method.clone(), format!("{}{path}", self.base))
            .header("x-csrf-token", &self.csrf);
        if let Some(form) = form {
            let mut all: Vec<(String, String)> = vec![("_csrf".into(), self.csrf.clone())];
            all.extend(form.fields.iter().filter(|(k, _)| k != "_csrf").cloned());
            if form.multipart {
                let mut body = reqwest::multipart::Form::new();
                for (k, v) in all {
                    body = body.text(k, v);
                }
                for f in &form.files {
                    body = body.part(
                        f.clone(),
                        reqwest::multipart::Part::bytes(Vec::new()).file_name("tom.csv"),
                    );
                }
                req = req.multipart(body);
            } else {
                req = req.form(&all);
            }
        }
        let res = req.send().await.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = res.status().as_u16();
        let location = res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let is_html = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.starts_with("text/html"));
        let body = res.bytes().await.unwrap_or_default();
        Answer {
            status,
            location,
            html: is_html.then(|| String::from_utf8_lossy(&body).into_owned()),
        }
    }
}

/// Whether the answer is what the visitor should get; None when it is, else what is wrong.
fn judge(r: &Route, who: Who, a: &Answer) -> Option<String> {
    let (access, method, path) = (r.access, &r.method, &r.sala);
    let get = *method == Method::GET;
    let api = path.starts_with("/api/");
    let ok = if access == Access::Secret {
        a.status < 500 && !matches!(a.status, 401 | 403) && !a.to_login()
    } else if allowed(access, who) {
        if get {
            (200..300).contains(&a.status) || a.status == 409 || ((300..400).contains(&a.status) && !a.to_login())
        } else {
            let domain = a.status == 403 && DOMAIN_REFUSALS.contains(&r.pattern);
            domain || (a.status < 500 && !matches!(a.status, 401 | 403) && !a.to_login())
        }
    } else if who == Who::Anonymous {
        match (api, get) {
            (true, _) => a.status == 401,
            (false, true) => a.to_login(),
            (false, false) => a.status == 403,
        }
    } else {
        matches!(a.status, 403 | 404)
    };
    (!ok).then(|| {
        let want = if allowed(access, who) { "allowed" } else { "refused" };
        format!("{method} {path} as {who:?} ({access:?}, {want}): got {}", a.show())
    })
}

/// Whether a concrete path fits a route pattern (`{x}` takes one segment).
fn fits(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.split('/').collect();
    let c: Vec<&str> = path.split('/').collect();
    p.len() == c.len()
        && p.iter()
            .zip(&c)
            .all(|(p, c)| p.starts_with('{') && !c.is_empty() || p == c)
}

struct Route {
    method: Method,
    pattern: &'static str,
    access: Access,
    sala: String,
    orebro: Option<String>,
}

/// Routes where the least privileged allowed visitor is refused by a rule of the domain, not
/// by access: the applicant cannot co-sign their own application (a second board member does).
const DOMAIN_REFUSALS: &[&str] = &["/{slug}/bidrag/ansokan/{id}/medsignera"];

async fn route_matrix(backend: Backend) {
    let started = Instant::now();
    let options = Options {
        configure: Some(Box::new(|c| {
            c.login_per_minute = 100_000;
            c.register_per_hour = 100_000;
        })),
        ..Options::default()
    };
    let app = TestApp::start_with(Arc::new(TestDb::new(backend).await), options).await;
    app.forget_jobs();
    assert!(app::demo::load(&app.state.db, app.state.now()).await.unwrap());
    let demo = app::demo::PASSWORD;
    let pw = testkit::PASSWORD;
    app.user("invanare@matrix.example", None).await;
    app.representative("annan@matrix.example", "sala", "Matrisens förening")
        .await;
    app.user("samordnare@matrix.example", Some((RoleKind::Coordinator, Some("sala"))))
        .await;
    let (rep_user, iks) = {
        let r: (i64, i64) = sqlx::query_as(
            "SELECT u.id, r.organisation_id FROM users u JOIN roles r ON r.user_id = u.id WHERE u.email = $1",
        )
        .bind("forening.sala@demo.overens.example")
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
        r
    };

    // The demo has no activity an association is responsible for: make IKS responsible for one.
    sqlx::query(
        "UPDATE actionplan_activities SET responsible_organisation_id = $1 \
         WHERE id = (SELECT MIN(id) FROM actionplan_activities WHERE municipality_id = $2)",
    )
    .bind(iks)
    .bind(app.municipality_id("sala").await)
    .execute(&app.state.db.pool)
    .await
    .unwrap();

    // Nor a report due of IKS: the demo representative also represents the association whose
    // decided grant has one.
    sqlx::query(
        "INSERT INTO roles (user_id, role, municipality_id, organisation_id, created_at) \
         SELECT $1, 'representative', a.municipality_id, a.organisation_id, 0 FROM grants_applications a \
         WHERE a.id = (SELECT MIN(application_id) FROM grants_installments WHERE report_due_on IS NOT NULL)",
    )
    .bind(rep_user)
    .execute(&app.state.db.pool)
    .await
    .unwrap();

    // 1. Every route from the router, and its line in the table.
    let paths = platform::route_paths(&app::capabilities());
    let mut table: BTreeMap<(&str, &str), Access> = BTreeMap::new();
    for (methods, pattern, access) in expect::ROUTES {
        for m in methods.split(' ') {
            assert!(
                table.insert((pattern, m), *access).is_none(),
                "{m} {pattern} is twice in the table"
            );
        }
    }
    let routed: BTreeSet<&str> = paths.iter().copied().collect();
    let stale: Vec<String> = table
        .keys()
        .filter(|(p, _)| !routed.contains(p))
        .map(|(p, m)| format!("{m} {p}"))
        .collect();
    assert!(
        stale.is_empty(),
        "lines in matrix/expect.rs for routes that are gone: {stale:?}"
    );

    // What the demo lacks, made through the forms by the people who would make it.
    let people = fill::People {
        coordinator: ("samordnare.sala@demo.overens.example", demo),
        matrix_coordinator: ("samordnare@matrix.example", pw),
        staff: ("personal.sala@demo.overens.example", demo),
        representative: ("forening.sala@demo.overens.example", demo),
        applicant: ("sokande@matrix.example", pw),
    };
    fill::fill(&app, &people, iks).await;

    // 2. Samples for the parameters; each must name a real thing of Sala.
    let known = samples::Known {
        db: &app.state.db,
        sala: app.municipality_id("sala").await,
        iks,
        representative: rep_user,
        today: app.state.today(),
    };
    let mut concrete: HashMap<&str, (samples::Concrete, Option<String>)> = HashMap::new();
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    let mut nothing: Vec<&str> = vec![];
    for p in &paths {
        match samples::concrete(&known, p, "sala").await {
            Ok(sala) => {
                if !sala.found {
                    nothing.push(p);
                }
                let orebro = if sala.has_id && p.contains("{slug}") {
                    Some(samples::concrete(&known, p, "orebro").await.unwrap().path)
                } else {
                    None
                };
                concrete.insert(p, (sala, orebro));
            }
            Err(keys) => unknown.extend(keys),
        }
    }
    assert!(
        unknown.is_empty(),
        "route parameters without a sample: add {unknown:?} to matrix/samples.rs (fn sample)"
    );
    assert!(
        nothing.is_empty(),
        "routes whose samples name nothing in Sala (a 404 there proves nothing): {nothing:?}; \
         make the thing in matrix/fill.rs, through its form, or fix the sample in matrix/samples.rs"
    );

    // 3. The methods each route answers.
    let anonymous = Agent::new(&app.base, Who::Anonymous, None).await;
    let methods = [Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE];
    let mut routes: Vec<Route> = vec![];
    let mut missing: Vec<String> = vec![];
    for p in &paths {
        let (sala, orebro) = &concrete[p];
        for m in &methods {
            let answered = anonymous.send(m.clone(), &sala.path, None).await.status != 405;
            let line = table.remove(&(p, m.as_str()));
            match (answered, line) {
                (true, Some(access)) => routes.push(Route {
                    method: m.clone(),
                    pattern: p,
                    access,
                    sala: sala.path.clone(),
                    orebro: orebro.clone(),
                }),
                (true, None) => missing.push(format!("(\"{m}\", \"{p}\", ?)")),
                (false, Some(_)) => missing.push(format!("{m} {p} is in the table but not routed")),
                (false, None) => {}
            }
        }
    }
    assert!(
        missing.is_empty() && table.is_empty(),
        "add these routes to matrix/expect.rs with who may use them:\n{}\nand remove: {:?}",
        missing.join("\n"),
        table.keys().collect::<Vec<_>>()
    );

    // 4. The visitors.
    let agents = vec![
        anonymous,
        Agent::new(&app.base, Who::Resident, Some(("invanare@matrix.example", pw))).await,
        Agent::new(
            &app.base,
            Who::Representative,
            Some(("forening.sala@demo.overens.example", demo)),
        )
        .await,
        Agent::new(&app.base, Who::OtherRepresentative, Some(("annan@matrix.example", pw))).await,
        Agent::new(
            &app.base,
            Who::Staff,
            Some(("personal.sala@demo.overens.example", demo)),
        )
        .await,
        Agent::new(&app.base, Who::Coordinator, Some(("samordnare@matrix.example", pw))).await,
        Agent::new(
            &app.base,
            Who::Decider,
            Some(("samordnare.sala@demo.overens.example", demo)),
        )
        .await,
        Agent::new(&app.base, Who::Operator, Some(("drift@demo.overens.example", demo))).await,
        Agent::new(
            &app.base,
            Who::OtherCoordinator,
            Some(("samordnare.orebro@demo.overens.example", demo)),
        )
        .await,
    ];
    let agent = |who: Who| agents.iter().find(|a| a.who == who).unwrap();
    let mut failures: Vec<String> = vec![];
    let mut checks = 0usize;
    let mut harvested: HashMap<String, forms::Form> = HashMap::new();

    // 5. Every GET by everyone; the forms the allowed are shown are kept for the POSTs.
    for r in routes.iter().filter(|r| r.method == Method::GET) {
        for a in &agents {
            let answer = a.send(Method::GET, &r.sala, None).await;
            checks += 1;
            failures.extend(judge(r, a.who, &answer));
            if allowed(r.access, a.who) && answer.status == 200 {
                // Of one action's forms, the fullest (a representative's shows their associations).
                for (action, form) in forms::post_forms(answer.html.as_deref().unwrap_or("")) {
                    if harvested
                        .get(&action)
                        .is_none_or(|kept| form.fields.len() > kept.fields.len())
                    {
                        harvested.insert(action, form);
                    }
                }
            }
        }
    }
    let form_for = |r: &Route| -> forms::Form {
        harvested
            .get(&r.sala)
            .or_else(|| {
                harvested
                    .iter()
                    .find(|(action, _)| fits(r.pattern, action))
                    .map(|(_, f)| f)
            })
            .cloned()
            .unwrap_or_default()
    };

    // 6. POSTs by everyone who must be refused.
    let posts: Vec<&Route> = routes.iter().filter(|r| r.method != Method::GET).collect();
    for r in &posts {
        let form = form_for(r);
        for a in agents.iter().filter(|a| !allowed(r.access, a.who)) {
            let answer = a.send(r.method.clone(), &r.sala, Some(&form)).await;
            checks += 1;
            failures.extend(judge(r, a.who, &answer));
        }
    }

    // 7. Örebro's coordinator under Örebro's address with Sala's ids.
    let other = agent(Who::OtherCoordinator);
    let mut malformed = 0usize;
    for r in routes.iter().filter(|r| r.access != Access::Secret) {
        let Some(path) = &r.orebro else { continue };
        let form = form_for(r);
        let answer = other
            .send(r.method.clone(), path, (r.method != Method::GET).then_some(&form))
            .await;
        checks += 1;
        if r.method != Method::GET && answer.status == 400 {
            malformed += 1;
        } else if !matches!(answer.status, 403 | 404) {
            failures.push(format!(
                "{} {path} as Örebro's coordinator with Sala's ids: got {}, want 404",
                r.method,
                answer.show()
            ));
        }
    }

    // 8. The POSTs of the least privileged allowed visitor; taking a role away (which would
    // leave the representative without theirs), then signing out and erasing, last.
    let mut last: Vec<&&Route> = posts.iter().collect();
    last.sort_by_key(|r| {
        (
            r.pattern.starts_with("/konto/"),
            r.pattern.ends_with("/ta-bort") && r.pattern.contains("/admin/personer"),
        )
    });
    for r in last {
        let a = agent(least(r.access));
        let answer = a.send(r.method.clone(), &r.sala, Some(&form_for(r))).await;
        checks += 1;
        failures.extend(judge(r, a.who, &answer));
    }

    eprintln!(
        "route matrix on {backend:?}: {} route patterns, {} route × method pairs, {} visitors, {checks} requests checked \
         ({malformed} cross-tenant posts refused as malformed) in {:.1} s",
        paths.len(),
        routes.len(),
        agents.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} wrong answers:\n{}",
        failures.len(),
        failures.join("\n")
    );
    app.stop().await;
}

both!(route_matrix);
