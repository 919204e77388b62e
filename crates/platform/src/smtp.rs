//! The SMTP connection (lettre) or, without SMTP settings, the outbox: what the application
//! state holds to send mail. Queueing and sending are in [`crate::mail`].

use crate::config::{Config, SmtpTls};
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use std::time::Duration;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox,
}

pub struct Mailer {
    pub transport: Transport,
    pub from: Mailbox,
    /// Domain part of Message-IDs.
    pub domain: String,
}

impl Mailer {
    pub fn from_config(config: &Config) -> anyhow::Result<Mailer> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| anyhow::anyhow!("mail_from: {e}"))?;
        let domain = from.email.domain().to_string();
        let transport = match &config.smtp {
            None => Transport::Outbox,
            Some(s) => {
                let builder = match s.tls {
                    SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host),
                    SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&s.host)?,
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&s.host)?,
                };
                let mut builder = builder.port(s.port).timeout(Some(Duration::from_secs(30)));
                if let (Some(u), Some(p)) = (&s.username, &s.password) {
                    builder = builder.credentials(Credentials::new(u.clone(), p.clone()));
                }
                Transport::Smtp(builder.build())
            }
        };
        Ok(Mailer {
            transport,
            from,
            domain,
        })
    }
}
