//! `gloss import` against a web server the test starts on 127.0.0.1 (no test reaches the
//! internet): pages, redirects, errors, a slow server, a huge body, other content types and
//! declared charsets; and saved pages from a file.

#![allow(clippy::unwrap_used, clippy::panic)] // a test crate: failing loudly is the point

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server answers for a path.
#[derive(Clone)]
enum Reply {
    Page {
        content_type: &'static str,
        body: Vec<u8>,
    },
    Status(u16, &'static str),
    Redirect(String),
    /// Headers, then nothing for this long.
    Stall(Duration),
    /// An HTML body of this many bytes.
    Huge(usize),
}

/// A server on a free port of 127.0.0.1 that answers `routes` and records the requests'
/// headers. It stops with the test process; each connection is served on its own thread.
struct Server {
    base: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(routes: Vec<(&'static str, Reply)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        let routes = Arc::new(routes);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = Arc::clone(&routes);
                let seen = Arc::clone(&seen);
                thread::spawn(move || serve(stream, &routes, &seen));
            }
        });
        Self { base, requests }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

fn serve(mut stream: TcpStream, routes: &[(&str, Reply)], seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    seen.lock().unwrap().push(head.clone());
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let reply = routes
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(Reply::Status(404, "Not Found"), |(_, r)| r.clone());
    let _ = match reply {
        Reply::Page { content_type, body } => {
            let header = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n",
                body.len()
            );
            stream
                .write_all(header.as_bytes())
                .and_then(|()| stream.write_all(&body))
        }
        Reply::Status(code, reason) => write!(
            stream,
            "HTTP/1.1 {code} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
        Reply::Redirect(to) => write!(
            stream,
            "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
        Reply::Stall(how_long) => {
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n<p>"
            );
            thread::sleep(how_long);
            Ok(())
        }
        Reply::Huge(bytes) => {
            let header = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {bytes}\r\n\r\n"
            );
            let chunk = vec![b'a'; 1 << 20];
            let mut sent = 0;
            let mut result = stream.write_all(header.as_bytes());
            while result.is_ok() && sent < bytes {
                let n = chunk.len().min(bytes - sent);
                result = stream.write_all(&chunk[..n]);
                sent += n;
            }
            result
        }
    };
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/html")
            .join(name),
    )
    .unwrap()
}

fn html(body: Vec<u8>) -> Reply {
    Reply::Page {
        content_type: "text/html; charset=utf-8",
        body,
    }
}

fn gloss(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        // gloss's data folder (snapshots, indexes) for tests only, never the user's.
        .env(
            "GLOSS_DATA_DIR",
            std::env::temp_dir().join("gloss-test-data"),
        )
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The brief `gloss import` said it wrote, read.
fn written(dir: &Path, out: &Output) -> (PathBuf, String) {
    assert!(out.status.success(), "{}", stderr(out));
    let path = dir.join(stdout(out).trim());
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

#[test]
fn a_page_becomes_a_brief_named_from_its_title() {
    let server = Server::start(vec![("/news", html(fixture("news.html")))]);
    let dir = tempfile::tempdir().unwrap();
    let out = gloss(dir.path(), &["import", &server.url("/news")]);
    let (path, text) = written(dir.path(), &out);
    assert_eq!(
        path.file_name().unwrap(),
        "dutch-join-widened-chip-export-curbs.md"
    );
    assert!(
        text.starts_with(
            "+++\ntitle = \"Dutch join widened chip export curbs\"\nsource = \"Harbour Wire\"\n\
         url = \"https://wire.example.com/2026/11/20/dutch-chip-curbs\"\n\
         published = \"2026-11-20T08:30:00Z\"\nbyline = \"Ada Verhoeven\"\nfetched = \""
        ),
        "{text}"
    );
    assert!(text.contains("\n## What the rules cover\n"), "{text}");
    assert!(
        !text.contains("COMMENT-TEXT") && !text.contains("COOKIE"),
        "{text}"
    );
    let head = server.requests.lock().unwrap()[0].to_ascii_lowercase();
    assert!(head.contains("user-agent: gloss/"), "{head}");
    // A second import of the same page does not overwrite the first.
    let again = gloss(dir.path(), &["import", &server.url("/news")]);
    assert_eq!(
        stdout(&again).trim(),
        "./dutch-join-widened-chip-export-curbs-2.md"
    );
}

#[test]
fn output_and_into_choose_where_it_goes() {
    let server = Server::start(vec![("/news", html(fixture("news.html")))]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    let out = gloss(
        dir.path(),
        &["import", &server.url("/news"), "--into", "lib"],
    );
    let (path, _) = written(dir.path(), &out);
    assert_eq!(
        path,
        dir.path()
            .join("lib/dutch-join-widened-chip-export-curbs.md")
    );
    let out = gloss(
        dir.path(),
        &["import", &server.url("/news"), "-o", "mine.md"],
    );
    let (path, text) = written(dir.path(), &out);
    assert_eq!(path, dir.path().join("mine.md"));
    assert!(text.contains("The Netherlands on Thursday"));
    let out = gloss(
        dir.path(),
        &["import", &server.url("/news"), "-o", "no/such/dir/x.md"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no folder no/such/dir"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn redirects_are_followed_up_to_a_limit() {
    let server = Server::start(vec![
        ("/old", Reply::Redirect("/news".into())),
        ("/news", html(fixture("no-article.html"))),
        ("/loop", Reply::Redirect("/loop".into())),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let out = gloss(dir.path(), &["import", &server.url("/old")]);
    let (_, text) = written(dir.path(), &out);
    // The page names no address of its own: the one it was fetched from after the redirect.
    assert!(
        text.contains(&format!("url = \"{}\"", server.url("/news"))),
        "{text}"
    );
    assert!(
        stderr(&out).contains("warning: no article found in this page"),
        "{}",
        stderr(&out)
    );
    let out = gloss(dir.path(), &["import", &server.url("/loop")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("more than 5 redirects"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn http_errors_and_other_content_types_write_nothing() {
    let server = Server::start(vec![
        (
            "/doc.pdf",
            Reply::Page {
                content_type: "application/pdf",
                body: b"%PDF-1.7".to_vec(),
            },
        ),
        ("/gone", Reply::Status(410, "Gone")),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let missing = gloss(dir.path(), &["import", &server.url("/missing")]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("the server answered HTTP 404 Not Found"));
    let gone = gloss(dir.path(), &["import", &server.url("/gone")]);
    assert!(stderr(&gone).contains("HTTP 410"), "{}", stderr(&gone));
    let pdf = gloss(dir.path(), &["import", &server.url("/doc.pdf")]);
    assert_eq!(pdf.status.code(), Some(1));
    assert!(
        stderr(&pdf).contains("not a web page (content type application/pdf)"),
        "{}",
        stderr(&pdf)
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_slow_server_times_out() {
    let server = Server::start(vec![("/slow", Reply::Stall(Duration::from_secs(20)))]);
    let dir = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = gloss(
        dir.path(),
        &["import", &server.url("/slow"), "--timeout", "1"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no complete answer within 1 s"),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn a_huge_body_is_refused() {
    let server = Server::start(vec![("/huge", Reply::Huge(50 << 20))]);
    let dir = tempfile::tempdir().unwrap();
    let out = gloss(dir.path(), &["import", &server.url("/huge")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the page is larger than 32 MiB"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn declared_charsets_are_decoded() {
    let article = |text: &str| {
        format!(
            "<html><head><title>{text}</title></head><body><article><p>{text} — {}</p>\
             </article></body></html>",
            "a paragraph long enough to be taken as the article by the extractor. ".repeat(3)
        )
    };
    let (sjis_page, cp1252_page) = (article("東京の半導体規制"), article("Café “quoted” naïve"));
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&sjis_page);
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&cp1252_page);
    let mut in_page = b"<meta charset=\"windows-1252\">".to_vec();
    in_page.extend_from_slice(&cp1252);
    let server = Server::start(vec![
        (
            "/sjis",
            Reply::Page {
                content_type: "text/html; charset=Shift_JIS",
                body: sjis.into_owned(),
            },
        ),
        (
            "/meta",
            Reply::Page {
                content_type: "text/html",
                body: in_page,
            },
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = written(
        dir.path(),
        &gloss(dir.path(), &["import", &server.url("/sjis")]),
    );
    assert!(text.contains("title = \"東京の半導体規制\""), "{text}");
    let (_, text) = written(
        dir.path(),
        &gloss(dir.path(), &["import", &server.url("/meta")]),
    );
    assert!(text.contains("Café “quoted” naïve —"), "{text}");
}

#[test]
fn a_saved_page_imports_from_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/news.html");
    let out = gloss(dir.path(), &["import", page.to_str().unwrap()]);
    let (path, text) = written(dir.path(), &out);
    assert_eq!(
        path.file_name().unwrap(),
        "dutch-join-widened-chip-export-curbs.md"
    );
    assert!(text.contains("esc␛\\[31mred"), "{text}");
    // The brief reads back as gloss would show the page.
    let list = gloss(
        dir.path(),
        &[
            "annotate",
            path.to_str().unwrap(),
            "--quote",
            "lithography systems",
        ],
    );
    assert!(list.status.success(), "{}", stderr(&list));
}

#[test]
fn bad_sources_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = gloss(dir.path(), &["import", "nowhere.html"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("cannot open nowhere.html"),
        "{}",
        stderr(&missing)
    );
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/script-article.html");
    let empty = gloss(dir.path(), &["import", script.to_str().unwrap()]);
    assert_eq!(empty.status.code(), Some(1));
    assert!(stderr(&empty).contains("no text found in the page; nothing written"));
    std::fs::write(
        dir.path().join("notes.txt"),
        "Just a note\nwith two lines\n",
    )
    .unwrap();
    let text = gloss(dir.path(), &["import", "notes.txt"]);
    assert_eq!(text.status.code(), Some(1));
    assert!(
        stderr(&text).contains("notes.txt: not a web page"),
        "{}",
        stderr(&text)
    );
    std::fs::remove_file(dir.path().join("notes.txt")).unwrap();
    let ftp = gloss(dir.path(), &["import", "ftp://example.com/x"]);
    assert!(
        stderr(&ftp).contains("cannot open ftp://example.com/x"),
        "{}",
        stderr(&ftp)
    );
    let both = gloss(
        dir.path(),
        &["import", "x.html", "-o", "a.md", "--into", "d"],
    );
    assert_eq!(both.status.code(), Some(2));
    let big = dir.path().join("big.html");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 << 20)
        .unwrap();
    let out = gloss(dir.path(), &["import", "big.html"]);
    assert!(
        stderr(&out).contains(
            "this web page is 50 MiB; gloss extracts articles from pages of up to 32 MiB"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // Opening it in the reader is refused the same way, before the terminal is touched.
    let open = gloss(dir.path(), &["big.html"]);
    assert_eq!(open.status.code(), Some(1));
    assert!(
        stderr(&open).contains("cannot open big.html: this web page is 50 MiB"),
        "{}",
        stderr(&open)
    );
}
