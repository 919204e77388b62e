//! A real SMTP server for tests: it speaks enough of RFC 5321 for lettre (EHLO, MAIL, RCPT,
//! DATA, RSET, NOOP, QUIT), keeps every message it accepts, and can be told to refuse the next
//! messages with a temporary error, to test retries.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The whole message as sent (headers and body).
    pub data: String,
}

impl Received {
    /// A header's value (first occurrence), unfolded.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next()?;
        let prefix = format!("{}:", name.to_ascii_lowercase());
        let mut lines = head.split("\r\n").peekable();
        while let Some(line) = lines.next() {
            if line.to_ascii_lowercase().starts_with(&prefix) {
                let mut v = line[prefix.len()..].trim().to_string();
                while let Some(next) = lines.peek() {
                    if next.starts_with(' ') || next.starts_with('\t') {
                        v.push(' ');
                        v.push_str(next.trim());
                        lines.next();
                    } else {
                        break;
                    }
                }
                return Some(v);
            }
        }
        None
    }

    /// The Subject header, with RFC 2047 encoded words (`=?utf-8?b?…?=`) decoded.
    pub fn subject(&self) -> String {
        let raw = self.header("Subject").unwrap_or_default();
        let mut out = String::new();
        // Whitespace between two encoded words is dropped (RFC 2047 §6.2); elsewhere it stays.
        let mut last_encoded = false;
        for word in raw.split(' ') {
            let decoded = decode_word(word);
            let encoded = decoded.is_some();
            let joined = encoded && last_encoded;
            if !out.is_empty() && !joined {
                out.push(' ');
            }
            out.push_str(&decoded.unwrap_or_else(|| word.to_string()));
            last_encoded = encoded;
        }
        out
    }

    /// The body, with quoted-printable soft line breaks undone and `=XX` decoded.
    pub fn body(&self) -> String {
        let raw = self.data.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        let qp = self
            .header("Content-Transfer-Encoding")
            .is_some_and(|v| v.eq_ignore_ascii_case("quoted-printable"));
        let b64 = self
            .header("Content-Transfer-Encoding")
            .is_some_and(|v| v.eq_ignore_ascii_case("base64"));
        if b64 {
            use base64::Engine;
            let joined: String = raw.split_whitespace().collect();
            return base64::engine::general_purpose::STANDARD
                .decode(joined)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .unwrap_or_default();
        }
        if !qp {
            return raw.replace("\r\n", "\n");
        }
        String::from_utf8_lossy(&quoted_printable(raw)).replace("\r\n", "\n")
    }
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    refuse: Arc<AtomicUsize>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP sink");
        let port = listener.local_addr().expect("address").port();
        let sink = SmtpSink {
            port,
            received: Arc::default(),
            refuse: Arc::default(),
        };
        let s = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let s = s.clone();
                tokio::spawn(async move {
                    let _ = s.session(stream).await;
                });
            }
        });
        sink
    }

    /// Answer the next `n` messages with "451 try again later".
    pub fn refuse_next(&self, n: usize) {
        self.refuse.store(n, Ordering::SeqCst);
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().map(|v| v.clone()).unwrap_or_default()
    }

    async fn session(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (r, mut w) = stream.into_split();
        let mut r = BufReader::new(r);
        w.write_all(b"220 sink.test ESMTP\r\n").await?;
        let mut from = String::new();
        let mut to = vec![];
        let mut line = String::new();
        loop {
            line.clear();
            if r.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let cmd = line.trim_end().to_string();
            let upper = cmd.to_ascii_uppercase();
            if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                w.write_all(b"250-sink.test\r\n250 8BITMIME\r\n").await?;
            } else if upper.starts_with("MAIL FROM:") {
                from = cmd[10..].trim().trim_matches(['<', '>']).to_string();
                to.clear();
                w.write_all(b"250 OK\r\n").await?;
            } else if upper.starts_with("RCPT TO:") {
                if self.refuse.load(Ordering::SeqCst) > 0 {
                    self.refuse.fetch_sub(1, Ordering::SeqCst);
                    w.write_all(b"451 4.3.0 try again later\r\n").await?;
                } else {
                    to.push(cmd[8..].trim().trim_matches(['<', '>']).to_string());
                    w.write_all(b"250 OK\r\n").await?;
                }
            } else if upper == "DATA" {
                w.write_all(b"354 go ahead\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if r.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    let l = line.strip_prefix('.').unwrap_or(&line);
                    data.push_str(l);
                }
                if let Ok(mut v) = self.received.lock() {
                    v.push(Received {
                        from: from.clone(),
                        to: to.clone(),
                        data,
                    });
                }
                w.write_all(b"250 OK queued\r\n").await?;
            } else if upper == "QUIT" {
                w.write_all(b"221 bye\r\n").await?;
                return Ok(());
            } else if upper == "RSET" || upper == "NOOP" {
                w.write_all(b"250 OK\r\n").await?;
            } else {
                w.write_all(b"502 not implemented\r\n").await?;
            }
        }
    }
}

/// Without white space (the test server's decoder of encoded subject words drops the space
/// between a plain word and an encoded one).
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

/// The parts of a MIME message: (headers, decoded body).
pub fn parts(data: &str) -> Vec<(String, String)> {
    let head = data
        .split("\r\n\r\n")
        .next()
        .expect("a well-formed message")
        .replace("\r\n ", " ");
    let at = head.find("boundary=").expect("a multipart message") + 9;
    let boundary = head[at..]
        .split([';', '\r', '\n'])
        .next()
        .expect("a well-formed message")
        .trim_matches('"')
        .to_string();
    data.split(&format!("--{boundary}"))
        .skip(1)
        .filter(|p| !p.starts_with("--"))
        .map(|p| {
            let (h, b) = p
                .trim_start_matches("\r\n")
                .split_once("\r\n\r\n")
                .expect("a well-formed message");
            let lower = h.to_ascii_lowercase();
            let body = if lower.contains("content-transfer-encoding: base64") {
                use base64::Engine;
                let joined: String = b.split_whitespace().collect();
                String::from_utf8(
                    base64::engine::general_purpose::STANDARD
                        .decode(joined)
                        .expect("a well-formed message"),
                )
                .expect("a well-formed message")
            } else if lower.contains("content-transfer-encoding: quoted-printable") {
                String::from_utf8(quoted_printable(b)).expect("a well-formed message")
            } else {
                b.to_string()
            };
            (h.to_string(), body.trim_end_matches("\r\n").to_string())
        })
        .collect()
}

/// Decode a quoted-printable body (RFC 2045): soft line breaks joined, `=XX` as bytes.
fn quoted_printable(raw: &str) -> Vec<u8> {
    let joined = raw.replace("=\r\n", "");
    let bytes = joined.as_bytes();
    let mut out = vec![];
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(v) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// One RFC 2047 encoded word (`=?utf-8?b?…?=` or `=?utf-8?q?…?=`) decoded, or `None` for a
/// plain word.
fn decode_word(word: &str) -> Option<String> {
    let lower = word.to_ascii_lowercase();
    if !word.ends_with("?=") || word.len() < 12 {
        return None;
    }
    if lower.starts_with("=?utf-8?b?") {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&word[10..word.len() - 2])
            .ok()?;
        return Some(String::from_utf8_lossy(&bytes).into_owned());
    }
    if lower.starts_with("=?utf-8?q?") {
        let inner = word[10..word.len() - 2].replace('_', " ");
        let b = inner.as_bytes();
        let mut bytes = vec![];
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'=' && i + 2 < b.len() {
                if let Ok(v) = u8::from_str_radix(&inner[i + 1..i + 3], 16) {
                    bytes.push(v);
                    i += 3;
                    continue;
                }
            }
            bytes.push(b[i]);
            i += 1;
        }
        return Some(String::from_utf8_lossy(&bytes).into_owned());
    }
    None
}
