//! Headless Chromium driven over WebDriver (chromedriver), with axe-core injected into each
//! page.
//!
//! Every [`Browser`] runs a chromedriver of its own on a free port, with a fresh Chromium
//! profile in a temporary folder. A test that needs a browser fails (never skips) when
//! Chromium, chromedriver or axe-core is missing, with a message that says how to install it.
//!
//! ```ignore
//! let browser = Browser::start().await;
//! browser.goto(&app.url("/")).await;
//! browser.assert_accessible("the start page").await;
//! browser.tab().await;
//! assert_eq!(browser.focused().await.text, "Hoppa till innehållet");
//! ```

pub use fantoccini::{self, Locator};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The Chromium binary (Debian's package `chromium`); `OVERENS_CHROMIUM` overrides it.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The matching chromedriver (Debian's package `chromium-driver`); `OVERENS_CHROMEDRIVER`
/// overrides it.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// axe-core as installed by `npm ci` in the repository root.
pub const AXE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../node_modules/axe-core/axe.min.js");

/// The WCAG levels every page must meet: 2.0 and 2.1, A and AA.
pub const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// How long to wait for a page, an element or chromedriver before failing.
const WAIT: Duration = Duration::from_secs(10);

/// One rule axe-core found broken, with the elements that break it.
#[derive(Debug, Clone, Deserialize)]
pub struct Violation {
    pub id: String,
    #[serde(default)]
    pub impact: Option<String>,
    pub help: String,
    #[serde(default, rename = "helpUrl")]
    pub help_url: String,
    pub nodes: Vec<ViolationNode>,
}

/// An element that breaks an axe rule.
#[derive(Debug, Clone, Deserialize)]
pub struct ViolationNode {
    /// CSS selectors that lead to the element (one per frame or shadow root).
    pub target: Vec<String>,
    /// The element's opening HTML.
    pub html: String,
    /// axe's explanation of what to fix.
    #[serde(default, rename = "failureSummary")]
    pub failure_summary: String,
}

/// Format violations as a readable listing for a failing test.
pub fn describe(violations: &[Violation]) -> String {
    let mut out = String::new();
    for v in violations {
        out.push_str(&format!(
            "- {} [{}]: {}\n  {}\n",
            v.id,
            v.impact.as_deref().unwrap_or("?"),
            v.help,
            v.help_url
        ));
        for n in &v.nodes {
            out.push_str(&format!("    at {}\n      {}\n", n.target.join(" "), n.html));
            for line in n.failure_summary.lines() {
                out.push_str(&format!("      | {line}\n"));
            }
        }
    }
    out
}

/// The element that has keyboard focus, as a user would perceive it.
#[derive(Debug, Clone, Deserialize)]
pub struct Focused {
    /// Lower-case tag name (`a`, `button`, `input`, `body`, ...).
    pub tag: String,
    pub id: String,
    /// The `name` attribute, empty when there is none.
    pub name: String,
    /// The `type` attribute, empty when there is none.
    #[serde(rename = "type")]
    pub kind: String,
    /// The visible text (for links and buttons), whitespace collapsed.
    pub text: String,
    /// The `href` attribute of a link, empty otherwise.
    pub href: String,
    /// The text of the label of a form control, empty otherwise.
    pub label: String,
    /// The computed `outline-style`.
    pub outline_style: String,
    /// The computed `outline-width`.
    pub outline_width: String,
    /// The computed `box-shadow`.
    pub box_shadow: String,
    /// The size of the element on screen, in CSS pixels.
    pub width: f64,
    pub height: f64,
}

impl Focused {
    /// Whether the element shows that it has focus: an outline or a box shadow.
    pub fn focus_visible(&self) -> bool {
        let outline = self.outline_style != "none" && self.outline_width != "0px";
        outline || self.box_shadow != "none"
    }

    /// Whether the element takes up room on screen (a skip link, hidden until focused, shows
    /// its focus by appearing).
    pub fn shown(&self) -> bool {
        self.width > 1.0 && self.height > 1.0
    }

    /// Link or button text, or the label of a form control.
    pub fn name_or_text(&self) -> &str {
        if self.label.is_empty() {
            &self.text
        } else {
            &self.label
        }
    }
}

const FOCUSED_JS: &str = r#"
const e = document.activeElement || document.body;
const s = getComputedStyle(e);
const r = e.getBoundingClientRect();
const clean = (t) => (t || '').replace(/\s+/g, ' ').trim();
let label = '';
if (e.labels && e.labels.length) { label = clean(e.labels[0].innerText); }
return {
  tag: e.tagName.toLowerCase(),
  id: e.id || '',
  name: e.getAttribute('name') || '',
  type: e.getAttribute('type') || '',
  text: clean(e.innerText),
  href: e.getAttribute('href') || '',
  label: label,
  outline_style: s.outlineStyle,
  outline_width: s.outlineWidth,
  box_shadow: s.boxShadow,
  width: r.width,
  height: r.height,
};
"#;

const AXE_RUN_JS: &str = r#"
const tags = arguments[0];
const done = arguments[arguments.length - 1];
if (typeof axe === 'undefined') { done({ error: 'axe-core is not loaded in the page' }); return; }
axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  .then((r) => done({ violations: r.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : String(t)),
      html: n.html,
      failureSummary: n.failureSummary || '',
    })),
  })) }))
  .catch((e) => done({ error: String(e && e.stack || e) }));
"#;

fn binary(var: &str, default: &str, package: &str) -> String {
    let path = std::env::var(var).unwrap_or_else(|_| default.to_string());
    if !Path::new(&path).exists() {
        panic!(
            "{path} is missing, and the browser tests need it. Install Chromium and its driver \
             (Debian: `apt-get install -y chromium chromium-driver`; package {package}) or point \
             {var} at the binary."
        );
    }
    path
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port for chromedriver");
    listener.local_addr().expect("local address").port()
}

/// A small blocking HTTP request to chromedriver (used where no async runtime may run, such as
/// in `Drop`). Returns the response (status line, headers and body), or None. chromedriver keeps
/// connections open, so the body is read by its length.
fn http(port: u16, method: &str, path: &str) -> Option<String> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_millis(500)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    s.set_write_timeout(Some(Duration::from_secs(2))).ok()?;
    let req =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = s.read(&mut chunk).ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf);
        if let Some(end) = text.find("\r\n\r\n") {
            let length = text[..end]
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.trim()
                        .eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            if buf.len() >= end + 4 + length {
                break;
            }
        }
    }
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// A running chromedriver, stopped when dropped (also when `Browser::start` fails half-way).
struct Driver {
    child: Child,
    port: u16,
    session: Option<String>,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // End the session so that chromedriver quits Chromium, then stop chromedriver. Done
        // with blocking I/O since a test's runtime may already be shutting down.
        if let Some(id) = self.session.take() {
            let _ = http(self.port, "DELETE", &format!("/session/{id}"));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A headless Chromium of one's own, driven over WebDriver.
pub struct Browser {
    client: Client,
    driver: Driver,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Start chromedriver on a free port and open a Chromium session with a fresh profile.
    /// Panics with a clear message when Chromium or chromedriver is missing or does not start.
    pub async fn start() -> Browser {
        let chromium = binary("OVERENS_CHROMIUM", CHROMIUM, "chromium");
        let chromedriver = binary("OVERENS_CHROMEDRIVER", CHROMEDRIVER, "chromium-driver");
        let profile = tempfile::tempdir().expect("temporary folder for the Chromium profile");

        let port = free_port();
        let child = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {chromedriver}: {e}"));
        let mut driver = Driver {
            child,
            port,
            session: None,
        };

        // Wait until chromedriver answers.
        let started = Instant::now();
        loop {
            if let Some(status) = driver.child.try_wait().expect("chromedriver status") {
                panic!("{chromedriver} --port={port} exited at once ({status})");
            }
            if let Some(res) = http(port, "GET", "/status") {
                if res.starts_with("HTTP/1.1 200") {
                    break;
                }
            }
            if started.elapsed() > WAIT {
                panic!("{chromedriver} did not answer on port {port} within {WAIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let args = vec![
            "--headless".to_string(),
            "--no-sandbox".to_string(),
            "--disable-gpu".to_string(),
            "--disable-background-networking".to_string(),
            "--disable-component-update".to_string(),
            "--disable-sync".to_string(),
            "--no-first-run".to_string(),
            "--disable-quic".to_string(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), json!({ "binary": chromium, "args": args }));
        // chromedriver listens on 127.0.0.1 without TLS: a plain HTTP connector is enough.
        let connected = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        let client = connected.unwrap_or_else(|e| panic!("chromedriver could not start {chromium}: {e}"));
        driver.session = client.session_id().await.ok().flatten();
        let browser = Browser {
            client,
            driver,
            _profile: profile,
        };
        browser
            .client
            .set_window_size(1280, 1000)
            .await
            .expect("set the window size");
        browser
    }

    /// The WebDriver client, for anything the helpers here do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Open a URL and wait until it has loaded.
    pub async fn goto(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
        self.wait_loaded().await;
    }

    /// The address of the page shown now.
    pub async fn url(&self) -> String {
        self.client.current_url().await.expect("current URL").to_string()
    }

    /// The path of the page shown now, without the query, e.g. `/konto/logga-in`.
    pub async fn path(&self) -> String {
        self.client.current_url().await.expect("current URL").path().to_string()
    }

    /// Run a script in the page and return its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Wait until the document has loaded.
    pub async fn wait_loaded(&self) {
        let started = Instant::now();
        loop {
            let state = self.client.execute("return document.readyState", vec![]).await;
            if let Ok(Value::String(s)) = state {
                if s == "complete" {
                    return;
                }
            }
            if started.elapsed() > WAIT {
                panic!("the page did not finish loading within {WAIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The page's visible text (`document.body.innerText`).
    pub async fn text(&self) -> String {
        match self
            .js("return document.body ? document.body.innerText : ''", vec![])
            .await
        {
            Value::String(s) => s,
            _ => String::new(),
        }
    }

    /// The visible text of the first element matching a CSS selector (empty if none).
    pub async fn text_of(&self, selector: &str) -> String {
        let v = self
            .js(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';",
                vec![json!(selector)],
            )
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Click the first element matching a CSS selector (a test fails when there is none).
    pub async fn click(&self, selector: &str) {
        self.client()
            .find(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("no {selector} to click: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {selector}: {e}"));
    }

    /// The document's title.
    pub async fn title(&self) -> String {
        self.client.title().await.expect("page title")
    }

    /// Wait until the visible text contains `needle`; panics with the page's text otherwise.
    pub async fn wait_for_text(&self, needle: &str) {
        self.wait_for_text_in("body", needle).await;
    }

    /// Wait until the visible text of the first element matching `selector` contains `needle`
    /// (e.g. `wait_for_text_in("header", "Logga ut")`); panics with that text otherwise.
    pub async fn wait_for_text_in(&self, selector: &str, needle: &str) {
        let started = Instant::now();
        loop {
            self.wait_loaded().await;
            let text = self.text_of(selector).await;
            if text.contains(needle) {
                return;
            }
            if started.elapsed() > WAIT {
                panic!(
                    "\"{needle}\" did not appear in {selector} within {WAIT:?} on {}; it says:\n{text}",
                    self.url().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Wait until the browser shows a page at `path` (without the query) and it has loaded.
    pub async fn wait_for_path(&self, path: &str) {
        let started = Instant::now();
        loop {
            if self.path().await == path {
                self.wait_loaded().await;
                return;
            }
            if started.elapsed() > WAIT {
                panic!(
                    "the browser did not reach {path} within {WAIT:?}; it shows {}",
                    self.url().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    // --- Accessibility ---

    /// Run axe-core (WCAG 2.0 and 2.1, levels A and AA) on the page shown now.
    pub async fn axe(&self) -> Vec<Violation> {
        let source = std::fs::read_to_string(AXE_PATH)
            .unwrap_or_else(|e| panic!("axe-core is missing at {AXE_PATH} ({e}): run `npm ci` in the repository root"));
        self.wait_loaded().await;
        if let Err(e) = self.client.execute(&source, vec![]).await {
            panic!("injecting axe-core into {} failed: {e}", self.url().await);
        }
        let res = self
            .client
            .execute_async(AXE_RUN_JS, vec![json!(AXE_TAGS)])
            .await
            .unwrap_or_else(|e| panic!("running axe-core failed: {e}"));
        if let Some(err) = res.get("error") {
            panic!("axe-core failed on {}: {err}", self.url().await);
        }
        serde_json::from_value(res.get("violations").cloned().unwrap_or(Value::Null))
            .unwrap_or_else(|e| panic!("unexpected axe-core result ({e}): {res}"))
    }

    /// Panics with a listing of every axe violation on the page shown now, if there are any.
    /// `what` names the page in the message.
    pub async fn assert_accessible(&self, what: &str) {
        let violations = self.axe().await;
        if !violations.is_empty() {
            panic!(
                "{what} ({}) has {} accessibility violation(s):\n{}",
                self.url().await,
                violations.len(),
                describe(&violations)
            );
        }
    }

    // --- Keyboard ---

    /// Press and release one key (a character or a WebDriver key such as [`Key::Tab`]).
    pub async fn press(&self, key: Key) {
        self.keys(&[], char::from(key)).await;
    }

    /// Press `key` while holding the `held` modifier keys.
    async fn keys(&self, held: &[Key], key: char) {
        let mut seq = KeyActions::new("keyboard".into());
        for h in held {
            seq = seq.then(KeyAction::Down { value: char::from(*h) });
        }
        seq = seq
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        for h in held.iter().rev() {
            seq = seq.then(KeyAction::Up { value: char::from(*h) });
        }
        self.client.perform_actions(seq).await.expect("key actions");
        self.client.release_actions().await.expect("release keys");
    }

    /// Move focus forwards, as the Tab key does.
    pub async fn tab(&self) {
        self.press(Key::Tab).await;
    }

    /// Move focus backwards, as Shift+Tab does.
    pub async fn shift_tab(&self) {
        self.keys(&[Key::Shift], char::from(Key::Tab)).await;
    }

    /// Press Enter (follows a focused link, presses a focused button, submits a form from a
    /// focused field), then wait until the document shown is loaded. To be sure the next page
    /// is the one shown, wait for what it shows ([`Browser::wait_for_path`],
    /// [`Browser::wait_for_text_in`]).
    pub async fn enter(&self) {
        self.press(Key::Enter).await;
        self.wait_loaded().await;
    }

    /// Type text into the focused element, key by key.
    pub async fn type_text(&self, text: &str) {
        let mut seq = KeyActions::new("keyboard".into());
        for c in text.chars() {
            seq = seq.then(KeyAction::Down { value: c }).then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(seq).await.expect("typing");
        self.client.release_actions().await.expect("release keys");
    }

    /// The element that has focus now.
    pub async fn focused(&self) -> Focused {
        let v = self.js(FOCUSED_JS, vec![]).await;
        serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("unexpected focus description ({e}): {v}"))
    }

    /// Press Tab until the focused element satisfies `wanted`, at most `max` times; returns
    /// it. Panics listing every element passed on the way if it never comes.
    pub async fn tab_until(&self, max: usize, wanted: impl Fn(&Focused) -> bool) -> Focused {
        self.move_focus_until(max, false, wanted).await
    }

    /// Press Shift+Tab until the focused element satisfies `wanted`, at most `max` times.
    pub async fn shift_tab_until(&self, max: usize, wanted: impl Fn(&Focused) -> bool) -> Focused {
        self.move_focus_until(max, true, wanted).await
    }

    async fn move_focus_until(&self, max: usize, back: bool, wanted: impl Fn(&Focused) -> bool) -> Focused {
        let mut seen = Vec::new();
        for _ in 0..max {
            if back {
                self.shift_tab().await;
            } else {
                self.tab().await;
            }
            let f = self.focused().await;
            if wanted(&f) {
                return f;
            }
            seen.push(format!("<{}> {:?}", f.tag, f.name_or_text()));
        }
        panic!(
            "{} {max} times on {} never reached the wanted element; focus went through:\n  {}",
            if back { "Shift+Tab" } else { "Tab" },
            self.url().await,
            seen.join("\n  ")
        );
    }

    /// End the session and stop chromedriver (dropping the browser does the same).
    pub async fn close(mut self) {
        if self.driver.session.take().is_some() {
            let _ = self.client.clone().close().await;
        }
    }
}

impl Browser {
    /// Switch the language with the button in the header (which must read `to`) and wait for
    /// the page to come back.
    pub async fn switch_language(&self, to: &str) {
        let button = self
            .client
            .find(Locator::Css("form[action='/sprak'] button"))
            .await
            .expect("the language button in the header");
        assert_eq!(button.text().await.expect("button text"), to);
        button.click().await.expect("press the language button");
        self.wait_loaded().await;
    }

    /// Log in through the login form as an account made by [`crate::TestApp::user`] (the
    /// password is [`crate::PASSWORD`]), and wait until the header offers to log out.
    pub async fn log_in(&self, app: &crate::TestApp, email: &str) {
        self.goto(&app.url("/konto/logga-in")).await;
        for (field, text) in [("#f-email", email), ("#f-password", crate::PASSWORD)] {
            self.client
                .find(Locator::Css(field))
                .await
                .unwrap_or_else(|e| panic!("{field} on the login page: {e}"))
                .send_keys(text)
                .await
                .unwrap_or_else(|e| panic!("type into {field}: {e}"));
        }
        self.client
            .find(Locator::Css("form.stack button[type=submit]"))
            .await
            .expect("login button")
            .click()
            .await
            .expect("log in");
        self.wait_for_text("Logga ut").await;
    }
}

/// Pages checked with axe-core, with the violations found on each, so that one test run
/// reports every page that falls short rather than only the first.
#[derive(Default)]
pub struct Findings(Vec<(String, Vec<Violation>)>);

impl Findings {
    /// Run axe-core on the page the browser shows and note what it finds.
    pub async fn check(&mut self, browser: &Browser, what: &str) {
        let violations = browser.axe().await;
        if !violations.is_empty() {
            self.0.push((format!("{what} ({})", browser.path().await), violations));
        }
    }

    /// Open `path` (expecting it to show `expect`, so that a redirect to a login page or an
    /// error is not mistaken for the page) and check it.
    pub async fn visit(&mut self, browser: &Browser, app: &crate::TestApp, path: &str, expect: &str) {
        browser.goto(&app.url(path)).await;
        let text = browser.text().await;
        assert!(
            text.contains(expect),
            "{path} does not show \"{expect}\"; it shows:\n{text}"
        );
        self.check(browser, path).await;
    }

    /// Fail, listing every violation on every page.
    pub fn assert_none(self) {
        if !self.0.is_empty() {
            let mut msg = String::new();
            for (page, v) in &self.0 {
                msg.push_str(&format!("\n{page}:\n{}", describe(v)));
            }
            panic!("accessibility violations on {} page(s):{msg}", self.0.len());
        }
    }
}
