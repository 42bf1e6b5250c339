use crate::document::{BlockKind, DecodeError, Document, Inline, MAX_PAGE_BYTES};

fn doc(html: &str) -> Document {
    Document::parse_html(html.as_bytes(), None).unwrap()
}

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    Document::parse_html(&std::fs::read(path).unwrap(), None).unwrap()
}

/// A character that could drive a terminal (a newline between blocks is not one).
fn live(c: char) -> bool {
    c != '\n' && crate::sanitize::is_unsafe(c)
}

fn published(d: &Document) -> Option<String> {
    d.meta()
        .published
        .as_ref()
        .map(|v| v.as_str().unwrap_or_default().to_string())
}

#[test]
fn the_news_page_keeps_the_article_and_drops_the_clutter() {
    let d = fixture("news.html");
    let text = d.text();
    for clutter in [
        "TRACKING-SCRIPT",
        "SCRIPT-WRITTEN",
        "COOKIE-BANNER",
        "NAV-LINK",
        "ADVERT",
        "RELATED-LINK",
        "COMMENT-TEXT",
        "FOOTER-TEXT",
        "LATE-SCRIPT",
        "CAPTION-TEXT",
        "font-family",
        "Share on X",
    ] {
        assert!(!text.contains(clutter), "{clutter} is in {text:?}");
    }
    assert!(text.starts_with("Dutch join widened chip export curbs\nThe Netherlands on Thursday"));
    assert!(text.contains("buyers had stockpiled machines for months ahead of the decision."));
    assert!(d.warnings().is_empty(), "{:?}", d.warnings());
}

#[test]
fn the_news_page_maps_onto_the_markdown_blocks() {
    let d = fixture("news.html");
    let find = |start: &str| {
        (0..d.blocks().len())
            .find(|&i| d.block_text(i).starts_with(start))
            .unwrap_or_else(|| panic!("no block starts with {start:?} in {:?}", d.text()))
    };
    assert_eq!(d.blocks()[0].kind(), BlockKind::Title);
    assert_eq!(d.title(), Some("Dutch join widened chip export curbs"));
    assert_eq!(
        d.blocks()[find("What the rules cover")].kind(),
        BlockKind::Heading(2)
    );
    assert_eq!(d.prefix(find("Immersion")).marker.as_deref(), Some("•"));
    assert_eq!(d.prefix(find("Servicing")).list_depth, 1);
    assert_eq!(d.prefix(find("“We act")).quote_depth, 1);
    let lead = find("The Netherlands");
    let styles: Vec<Inline> = d.spans(lead).iter().map(|s| s.style).collect();
    assert_eq!(styles, vec![Inline::Emphasis, Inline::Strong]);
    let title_repeats = (1..d.blocks().len()).filter(|&i| d.block_text(i) == d.title().unwrap());
    assert_eq!(title_repeats.count(), 0, "the page's h1 is not shown twice");
}

#[test]
fn the_news_page_metadata_fills_the_front_matter_fields() {
    let d = fixture("news.html");
    let m = d.meta();
    assert_eq!(m.byline.as_deref(), Some("Ada Verhoeven"));
    assert_eq!(m.source.as_deref(), Some("Harbour Wire"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://wire.example.com/2026/11/20/dutch-chip-curbs")
    );
    assert_eq!(published(&d).as_deref(), Some("2026-11-20T08:30:00Z"));
    assert_eq!(
        m.line().as_deref(),
        Some(
            "Ada Verhoeven · Harbour Wire · 2026-11-20T08:30:00Z · \
             https://wire.example.com/2026/11/20/dutch-chip-curbs"
        )
    );
}

#[test]
fn encoded_control_characters_never_become_live() {
    let d = fixture("news.html");
    assert!(!d.text().chars().any(live), "{:?}", d.text());
    assert!(
        d.text()
            .contains("esc␛[31mred and bell␇ must stay harmless")
    );
    assert!(
        d.text()
            .contains("the entity &amp; reads as an ampersand while é reads")
    );
}

#[test]
fn entities_in_the_title_and_body_are_decoded_then_neutralised() {
    let d = doc(
        "<html><head><title>T&#27;]0;x&#7;</title></head><body><article><p>\
                 Bell&#7; and esc&#x1b;]0;owned&#7; and &#x9b;31m and &#x202e;gnp.exe in a \
                 paragraph long enough to count as the article's text for Readability.\
                 </p></article></body></html>",
    );
    assert!(!d.text().chars().any(live), "{:?}", d.text());
    assert_eq!(d.title(), Some("T␛]0;x␇"));
    assert!(
        d.text().contains("Bell␇ and esc␛]0;owned␇"),
        "{:?}",
        d.text()
    );
}

#[test]
fn a_page_without_an_article_shows_its_visible_text_with_a_warning() {
    let d = fixture("no-article.html");
    assert!(
        d.text()
            .contains("09:12 Utrecht platform 4\n09:17 Schiphol"),
        "{:?}",
        d.text()
    );
    assert!(!d.text().contains("HIDDEN-SCRIPT"));
    assert_eq!(d.title(), Some("Station departures"));
    assert_eq!(
        d.warnings(),
        ["no article found in this page; showing all its visible text"]
    );
}

#[test]
fn an_article_held_in_a_script_is_not_shown() {
    let d = fixture("script-article.html");
    assert!(
        !d.text().contains("Paragraph 3 of an article"),
        "{:?}",
        d.text()
    );
    assert!(!d.text().contains("__STATE__"));
    assert_eq!(
        d.warnings(),
        ["no article and no visible text found in this page"]
    );
    assert_eq!(d.title(), Some("App shell"));
}

#[test]
fn broken_markup_still_gives_its_text() {
    let d = fixture("broken.html");
    let text = d.text();
    assert!(text.contains("The first paragraph of a story"), "{text:?}");
    assert!(
        text.contains("The third paragraph still arrives"),
        "{text:?}"
    );
    assert!(text.contains("Nested without end"), "{text:?}");
    assert!(text.contains("unterminated & entity"), "{text:?}");
    assert!(text.contains("cell one cell two"), "{text:?}");
    assert!(
        text.contains("references \u{FFFD} \u{FFFD} \u{FFFD} an"),
        "{text:?}"
    );
    assert!(text.ends_with("Nested without end\nA last paragraph after a stray closing div."));
    assert!(!text.chars().any(live), "{text:?}");
}

#[test]
fn pages_too_big_or_binary_are_refused() {
    let big = vec![b' '; usize::try_from(MAX_PAGE_BYTES).unwrap() + 1];
    assert!(matches!(
        Document::parse_html(&big, None),
        Err(DecodeError::TooLarge { .. })
    ));
    assert_eq!(
        Document::parse_html(b"<p>a\0b</p>", None).unwrap_err(),
        DecodeError::Binary { offset: 4 }
    );
}

#[test]
fn an_empty_page_opens_with_a_warning() {
    let d = doc("");
    assert!(d.is_empty());
    assert_eq!(
        d.warnings(),
        ["no article and no visible text found in this page"]
    );
}

#[test]
fn the_same_article_saved_again_gives_the_same_text() {
    // A re-saved page differs in its scripts, ads and whitespace, not in the article.
    let first = fixture("news.html");
    let path = format!(
        "{}/tests/fixtures/html/news.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let resaved = std::fs::read_to_string(path)
        .unwrap()
        .replace("TRACKING-SCRIPT-TEXT", "another-tracker-id")
        .replace("Buy a yacht today", "Buy a car tomorrow")
        .replace("<p>The new rules", "\n\n   <p>The   new\n rules");
    assert_eq!(doc(&resaved).text(), first.text());
}
