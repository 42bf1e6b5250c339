//! Fetching one web page for `gloss import`: HTTPS through rustls, bounded in time, size and
//! redirects, with a User-Agent that says what is asking.

use std::time::Duration;

use ureq::ResponseExt;

use crate::document::MAX_PAGE_BYTES;
use crate::sanitize;

/// What gloss says it is when it fetches a page.
pub const USER_AGENT: &str = concat!(
    "gloss/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; fetches one page its user asked for)"
);

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;

/// Limits of one fetch.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The whole exchange, connection to last byte.
    pub timeout: Duration,
    /// The largest body read.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_bytes: MAX_PAGE_BYTES,
        }
    }
}

/// A fetched page.
#[derive(Debug)]
pub struct Page {
    /// Its bytes, as sent.
    pub bytes: Vec<u8>,
    /// The charset of its `Content-Type` header, if any.
    pub charset: Option<String>,
    /// Where it was fetched from in the end, after redirects.
    pub url: String,
}

/// Fetches `url`, an `http` or `https` address of an HTML page. Errors are sentences naming
/// the address (cleaned for the terminal) and what went wrong.
pub fn fetch(url: &str, limits: Limits) -> Result<Page, String> {
    let shown = sanitize::line(url).into_owned();
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(format!(
            "{shown}: only http and https addresses can be imported"
        ));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(MAX_REDIRECTS)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .call()
        .map_err(|e| format!("{shown}: {}", describe(&e, limits)))?;
    let status = response.status();
    if !status.is_success() {
        let reason = status.canonical_reason().unwrap_or("");
        return Err(format!(
            "{shown}: the server answered HTTP {} {reason}",
            status.as_u16()
        ));
    }
    let body = response.body();
    let mime = body.mime_type().map(str::to_ascii_lowercase);
    if let Some(mime) = &mime
        && !matches!(mime.as_str(), "text/html" | "application/xhtml+xml")
    {
        return Err(format!(
            "{shown}: not a web page (content type {}); gloss imports HTML articles",
            sanitize::line(mime)
        ));
    }
    let charset = body.charset().map(str::to_string);
    let final_url = response.get_uri().to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|e| format!("{shown}: {}", describe(&e, limits)))?;
    Ok(Page {
        bytes,
        charset,
        url: final_url,
    })
}

fn describe(e: &ureq::Error, limits: Limits) -> String {
    match e {
        ureq::Error::Timeout(_) => format!(
            "no complete answer within {} s (gloss import --timeout sets the limit)",
            limits.timeout.as_secs()
        ),
        ureq::Error::BodyExceedsLimit(_) => format!(
            "the page is larger than {} MiB, the most gloss reads",
            limits.max_bytes / (1024 * 1024)
        ),
        ureq::Error::TooManyRedirects => {
            format!("more than {MAX_REDIRECTS} redirects; gave up following them")
        }
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "could not connect".to_string(),
        other => sanitize::line(&other.to_string()).into_owned(),
    }
}
