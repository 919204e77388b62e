//! A browser-like HTTP client and the pages it gets.

use crate::{csrf_token, text};

/// A response as a test looks at it.
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    /// The page's visible text, tags removed.
    pub fn text(&self) -> String {
        text(&self.body)
    }

    pub fn csrf(&self) -> String {
        csrf_token(&self.body).expect("the page has a form with a CSRF token")
    }
}

/// A client with a cookie jar, like one browser.
pub struct Client {
    base: String,
    inner: reqwest::Client,
}

impl Client {
    pub fn new(base: String) -> Client {
        let inner = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        Client { base, inner }
    }

    async fn page(res: reqwest::Response) -> Page {
        let status = res.status().as_u16();
        let headers = res.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = res.text().await.unwrap_or_default();
        Page {
            status,
            location,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::page(
            self.inner
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .expect("GET"),
        )
        .await
    }

    /// Post a form as a browser would, with the given fields exactly (add `_csrf` yourself).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        Self::page(
            self.inner
                .post(format!("{}{path}", self.base))
                .form(fields)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    /// Post a form with extra request headers (e.g. `X-Forwarded-For` as a proxy sets it).
    pub async fn post_with_headers(&self, path: &str, headers: &[(&str, &str)], fields: &[(&str, &str)]) -> Page {
        let mut req = self.inner.post(format!("{}{path}", self.base)).form(fields);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        Self::page(req.send().await.expect("POST")).await
    }

    /// Send a file as a browser sends a form with `enctype="multipart/form-data"`: the file in
    /// the field `field`, to `action` exactly as given (a form puts its CSRF token there).
    pub async fn post_file(&self, action: &str, field: &str, file_name: &str, bytes: Vec<u8>) -> Page {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(file_name.to_string())
            .mime_str("text/csv")
            .expect("mime type");
        let form = reqwest::multipart::Form::new().part(field.to_string(), part);
        Self::page(
            self.inner
                .post(format!("{}{action}", self.base))
                .multipart(form)
                .send()
                .await
                .expect("POST file"),
        )
        .await
    }

    /// A multipart form with text fields and one file, as a browser sends it.
    pub async fn post_multipart(
        &self,
        action: &str,
        texts: &[(&str, &str)],
        field: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Page {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in texts {
            form = form.text(k.to_string(), v.to_string());
        }
        let part = reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_string());
        form = form.part(field.to_string(), part);
        Self::page(
            self.inner
                .post(format!("{}{action}", self.base))
                .multipart(form)
                .send()
                .await
                .expect("POST multipart"),
        )
        .await
    }

    /// Open the page at `form_page`, take its CSRF token and post the form to `action`.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.get(form_page).await.csrf();
        let mut all: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(action, &all).await
    }

    /// Log in with a password; panics unless the login succeeds.
    pub async fn login(&self, email: &str, password: &str) {
        let p = self
            .submit(
                "/konto/logga-in",
                "/konto/logga-in",
                &[("email", email), ("password", password), ("next", "/konto")],
            )
            .await;
        assert_eq!(p.status, 303, "login as {email} failed: {}", p.text());
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let res = self
            .inner
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("GET");
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(serde_json::Value::Null))
    }
}
