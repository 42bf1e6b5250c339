//! How well gloss turns saved web pages into articles, on public corpora kept outside the
//! project (`../shared/corpora/article-extraction/`, beside the project's folder; CI has it too).
//! Not part of the test run: `cargo bench --bench extraction` prints
//!
//! - the scrapinghub article-extraction benchmark's F1, precision and recall over its 181 pages
//!   (its metric: multisets of 4-token shingles of `\w+` tokens, precision and recall averaged
//!   over pages, F1 of the two means; an empty extraction counts for recall only, so failures
//!   are counted apart), and
//! - title, byline and published-date agreement with Mozilla Readability's expected metadata on
//!   its news test pages (exact after collapsing whitespace).
//!
//! Options: `--mode gloss` (default: the normalised text gloss shows, without its title block),
//! `--mode formatted` (dom_smoothie's own `TextMode::Formatted` text, for comparison),
//! `--published NAME` (score a saved output of another extractor, e.g. `trafilatura`, to check
//! the metric against the benchmark's published figures), `--worst N` (list the N pages with
//! the lowest F1), `--dump DIR` (write each page's extracted text there, to read),
//! `--misses` (list the metadata that did not match), `--corpus DIR`.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use gloss::document::{BlockKind, Document};
use regex::Regex;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let corpus = opt("--corpus").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/article-extraction"),
        PathBuf::from,
    );
    let mode = opt("--mode").unwrap_or_else(|| "gloss".into());
    let worst: usize = opt("--worst").and_then(|n| n.parse().ok()).unwrap_or(0);
    if !corpus.is_dir() {
        eprintln!("extraction: no corpus at {}", corpus.display());
        std::process::exit(1);
    }
    match opt("--published") {
        Some(name) => published(&corpus, &name, worst),
        None => {
            scrapinghub(&corpus, &mode, worst);
            mozilla(&corpus);
        }
    }
}

fn gunzip(path: &Path) -> Vec<u8> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| fail(path, e));
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .unwrap_or_else(|e| fail(path, e));
    out
}

fn fail(path: &Path, e: impl std::fmt::Display) -> ! {
    eprintln!("extraction: {}: {e}", path.display());
    std::process::exit(1)
}

/// The article body of a page, as gloss shows it (or dom_smoothie's own text).
fn extract(html: &[u8], mode: &str) -> String {
    match mode {
        "formatted" => {
            let text = String::from_utf8_lossy(html);
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            dom_smoothie::Readability::new(text.as_ref(), None, Some(cfg))
                .and_then(|mut r| r.parse())
                .map(|a| a.text_content.to_string())
                .unwrap_or_default()
        }
        _ => {
            let Ok(doc) = Document::parse_html(html, None) else {
                return String::new();
            };
            let mut body = String::new();
            for (i, block) in doc.blocks().iter().enumerate() {
                if block.kind() != BlockKind::Title {
                    body.push_str(doc.block_text(i));
                    body.push('\n');
                }
            }
            body
        }
    }
}

struct Score {
    precision: Option<f64>,
    recall: f64,
}

fn shingles(text: &str, words: &Regex) -> HashMap<Vec<String>, usize> {
    let tokens: Vec<String> = words
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect();
    let mut out = HashMap::new();
    if tokens.len() < 4 {
        if !tokens.is_empty() {
            out.insert(tokens, 1);
        }
        return out;
    }
    for w in tokens.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// The benchmark's per-page score: tp, fp and fn over shingle multisets.
fn score(predicted: &str, truth: &str, words: &Regex) -> Score {
    let p = shingles(predicted, words);
    let t = shingles(truth, words);
    let tp: usize = p
        .iter()
        .map(|(s, n)| (*n).min(t.get(s).copied().unwrap_or(0)))
        .sum();
    let fp = p.values().sum::<usize>() - tp;
    let fn_ = t.values().sum::<usize>() - tp;
    let precision = (tp + fp > 0).then(|| tp as f64 / (tp + fp) as f64);
    let recall = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        1.0
    };
    Score { precision, recall }
}

fn truth(corpus: &Path) -> serde_json::Map<String, serde_json::Value> {
    let path = corpus.join("scrapinghub/ground-truth.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&path, e));
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => fail(&path, "not a JSON object"),
    }
}

fn body_of(v: &serde_json::Value) -> &str {
    v.get("articleBody").and_then(|b| b.as_str()).unwrap_or("")
}

fn report(name: &str, scores: &[(String, Score)], worst: usize) {
    let precisions: Vec<f64> = scores.iter().filter_map(|(_, s)| s.precision).collect();
    let p = precisions.iter().sum::<f64>() / precisions.len().max(1) as f64;
    let r = scores.iter().map(|(_, s)| s.recall).sum::<f64>() / scores.len().max(1) as f64;
    let f1 = 2.0 * p * r / (p + r);
    let failed = scores.len() - precisions.len();
    println!(
        "scrapinghub {name}: {} pages, F1 {f1:.3}, precision {p:.3}, recall {r:.3}, \
         {failed} empty",
        scores.len()
    );
    let mut by_f1: Vec<(f64, &str)> = scores
        .iter()
        .map(|(id, s)| {
            let p = s.precision.unwrap_or(0.0);
            let f = if p + s.recall > 0.0 {
                2.0 * p * s.recall / (p + s.recall)
            } else {
                0.0
            };
            (f, id.as_str())
        })
        .collect();
    by_f1.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (f, id) in by_f1.iter().take(worst) {
        println!("  {f:.3} {id}");
    }
}

fn scrapinghub(corpus: &Path, mode: &str, worst: usize) {
    let dump = std::env::args().skip_while(|a| a != "--dump").nth(1);
    let words = word_regex();
    let truth = truth(corpus);
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let started = Instant::now();
    let mut scores = Vec::new();
    for id in ids {
        let html = gunzip(&corpus.join(format!("scrapinghub/pages/{id}.html.gz")));
        let predicted = extract(&html, mode);
        if let Some(dir) = &dump {
            let _ = std::fs::write(Path::new(dir).join(format!("{id}.txt")), &predicted);
        }
        scores.push((id.clone(), score(&predicted, body_of(&truth[id]), &words)));
    }
    let per_page = started.elapsed().as_secs_f64() / scores.len().max(1) as f64;
    report(mode, &scores, worst);
    println!("  {per_page:.3} s a page (this build)");
}

fn published(corpus: &Path, name: &str, worst: usize) {
    let words = word_regex();
    let truth = truth(corpus);
    let path = corpus.join(format!("scrapinghub/published/{name}.json.gz"));
    let bytes = gunzip(&path);
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).unwrap_or_else(|e| fail(&path, e));
    let outputs = value.get("output").unwrap_or(&value);
    let mut scores = Vec::new();
    for (id, t) in &truth {
        let predicted = outputs.get(id).map_or("", body_of);
        scores.push((id.clone(), score(predicted, body_of(t), &words)));
    }
    report(name, &scores, worst);
}

fn word_regex() -> Regex {
    Regex::new(r"\w+").unwrap_or_else(|e| fail(Path::new("regex"), e))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn mozilla(corpus: &Path) {
    let dir = corpus.join("mozilla/pages");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&dir, e))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    let mut tally: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut misses = Vec::new();
    for page in &names {
        let html = gunzip(&page.join("source.html.gz"));
        let meta_path = page.join("expected-metadata.json");
        let meta: serde_json::Value = std::fs::read_to_string(&meta_path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_else(|| fail(&meta_path, "cannot read"));
        let Ok(doc) = Document::parse_html(&html, None) else {
            continue;
        };
        let m = doc.meta();
        let published = m.published.as_ref().map(|v| match v {
            toml::Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        let got = [
            ("title", doc.title().map(str::to_string)),
            ("byline", m.byline.clone()),
            ("published", published),
        ];
        fn key(field: &str) -> &str {
            match field {
                "published" => "publishedTime",
                other => other,
            }
        }
        let name = page.file_name().map(|n| n.to_string_lossy().into_owned());
        for (field, value) in got {
            let expected = meta
                .get(key(field))
                .and_then(|v| v.as_str())
                .map(squash)
                .filter(|s| !s.is_empty());
            let Some(expected) = expected else { continue };
            let entry = tally.entry(field).or_insert((0, 0));
            entry.1 += 1;
            let value = value.as_deref().map(squash);
            if value.as_deref() == Some(expected.as_str()) {
                entry.0 += 1;
            } else {
                misses.push(format!(
                    "  {field} {}: expected {expected:?}, got {value:?}",
                    name.clone().unwrap_or_default()
                ));
            }
        }
    }
    println!("mozilla: {} pages", names.len());
    for field in ["title", "byline", "published"] {
        let (ok, of) = tally.get(field).copied().unwrap_or((0, 0));
        let pct = 100.0 * ok as f64 / of.max(1) as f64;
        println!("  {field}: {ok}/{of} exact ({pct:.1}%) of the pages that have one");
    }
    if std::env::args().any(|a| a == "--misses") {
        for m in misses {
            println!("{m}");
        }
    }
}
