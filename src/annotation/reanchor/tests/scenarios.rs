//! Hand-made scenarios: batches, quotes moved far away, odd offsets, and the parts on their own.

use super::*;

#[test]
fn a_batch_agrees_with_one_by_one() {
    let old = "Rates\nThe central bank [[raised interest rates]] by a [[quarter point]] on \
               Tuesday.\nInflation slowed to [[3.2%]] in May, the office said.\n[[Markets \
               had expected the move.]] Shares in [[Frankfurt]] rose.\n[[Nothing]] else.";
    let new = "Rates update\nThe central bank lifted interest rates by a quarter point on \
               Tuesday.\nInflation slowed to 3.1% in May, the office said.\nMarkets had \
               widely expected the move. Shares in Frankfurt rose.\nLittle else.";
    let anchors = anchors(old);
    let doc = doc(new);
    let refs: Vec<&Anchor> = anchors.iter().collect();
    let batch = reanchor_all(&doc, &refs);
    let one_by_one: Vec<Landing> = anchors.iter().map(|a| reanchor(&doc, a)).collect();
    assert_eq!(batch, one_by_one);
    let statuses: Vec<Status> = batch.iter().map(|p| p.status).collect();
    assert_eq!(
        statuses,
        [Fuzzy, Moved, Fuzzy, Fuzzy, Moved, Orphaned],
        "{batch:#?}"
    );
    assert!(reanchor_all(&doc, &[]).is_empty());
}

/// Paragraphs that share nothing with the test sentences, about `chars` characters of them.
fn filler(chars: usize) -> String {
    let mut out = Vec::new();
    let mut n = 0;
    while out.iter().map(|p: &String| p.len() + 1).sum::<usize>() < chars {
        out.push(format!(
            "Filler paragraph {n} keeps the pages apart without saying much."
        ));
        n += 1;
    }
    out.join("\n")
}

#[test]
fn a_quote_moved_far_away_is_found_through_its_context() {
    let far = filler(3 * WINDOW);
    let old = format!(
        "Rates\nThe central bank [[raised interest rates by a quarter point]] on Monday.\n{far}"
    );
    let new = format!(
        "Rates\n{far}\nThe central bank [[lifted interest rates by a quarter point]] on Monday."
    );
    let [anchor] = anchors(&old).try_into().unwrap();
    let (text, want) = marked(&new);
    let got = reanchor(&doc(&text), &anchor);
    assert_eq!(
        (got.status, got.start.get()..got.end.get()),
        (Fuzzy, want[0].clone())
    );
}

#[test]
fn a_quote_moved_far_away_with_its_context_edited_is_found_in_the_whole_text() {
    let far = filler(3 * WINDOW);
    let old = format!(
        "Rates\nOn Tuesday the central bank [[raised interest rates by a quarter point, to \
         4.5%]], as markets had expected.\n{far}"
    );
    let new = format!(
        "Rates\n{far}\nOn Wednesday the country's central bank [[raised interest rates by a \
         quarter point, to 4.75%]], as most markets had expected."
    );
    let [anchor] = anchors(&old).try_into().unwrap();
    let (text, want) = marked(&new);
    let got = reanchor(&doc(&text), &anchor);
    assert_eq!(
        (got.status, got.start.get()..got.end.get()),
        (Fuzzy, want[0].clone())
    );
}

#[test]
fn short_quotes_far_away() {
    let far = filler(3 * WINDOW);
    let paragraph = "Traders said that shares in Frankfurt rose [[1.5%]] on the news from \
                     Washington late on Monday.";
    let [anchor] = anchors(&format!("Shares\n{paragraph}\n{far}"))
        .try_into()
        .unwrap();
    let place = |new: &str| {
        let (text, want) = marked(&format!("Shares\n{far}\n{new}"));
        let got = reanchor(&doc(&text), &anchor);
        (
            got.status,
            got.start.get()..got.end.get(),
            want.first().cloned().unwrap_or(0..0),
        )
    };
    // Verbatim: found wherever it went.
    let (status, got, want) = place(paragraph);
    assert_eq!((status, got), (Moved, want));
    // Corrected, in unchanged context: found through the context.
    let (status, got, want) = place(&paragraph.replace("1.5%", "1.6%"));
    assert_eq!((status, got), (Fuzzy, want));
    // Corrected, with its context reworded too: too little evidence for a short quote.
    let reworded = paragraph.replace("rose [[1.5%]]", "gained 1.6%");
    let (status, got, _) = place(&reworded);
    assert_eq!((status, got), (Orphaned, 0..0));
}

#[test]
fn offsets_past_the_end_of_the_new_text_are_only_a_hint() {
    let [mut anchor] = anchors("Rates\nThe bank [[raised interest rates]] on Tuesday.")
        .try_into()
        .unwrap();
    anchor.start = anchor.start + 500;
    anchor.end = anchor.end + 500;
    let (text, want) = marked("Rates\nThe bank [[raised interest rates]] on Tuesday.");
    let got = reanchor(&doc(&text), &anchor);
    assert_eq!(
        (got.status, got.start.get()..got.end.get()),
        (Moved, want[0].clone())
    );
}

#[test]
fn an_empty_quote_stays_only_where_its_context_is() {
    let [anchor] = anchors("Rates\nThe bank[[]] raised rates.")
        .try_into()
        .unwrap();
    let same = reanchor(&doc("Rates\nThe bank raised rates."), &anchor);
    assert_eq!(
        (same.status, same.start.get(), same.end.get()),
        (Exact, 14, 14)
    );
    let other = reanchor(&doc("Weather\nSunny all week, with rain later."), &anchor);
    assert_eq!(other, ORPHANED);
}

#[test]
fn status_names_match_their_json() {
    for (status, name) in [
        (Exact, "exact"),
        (Moved, "moved"),
        (Fuzzy, "fuzzy"),
        (Orphaned, "orphaned"),
    ] {
        assert_eq!(status.name(), name);
        assert_eq!(
            serde_json::to_string(&status).unwrap(),
            format!("\"{name}\"")
        );
    }
}

#[test]
fn allowed_distance_shrinks_with_the_quote() {
    let text = doc("T\nx");
    let t = Text {
        doc: &text,
        text: text.text(),
        chars: text.char_len().get(),
    };
    let allowed = |quote: &str| {
        let anchor = Anchor {
            start: Chars(0),
            end: Chars(0),
            quote: quote.to_string(),
            prefix: String::new(),
            suffix: String::new(),
        };
        QuoteSearch::new(&t, &anchor).max_distance
    };
    assert_eq!(allowed(""), 0);
    assert_eq!(allowed("ab"), 0);
    assert_eq!(allowed("May"), 0);
    assert_eq!(allowed("東京都庁"), 1);
    assert_eq!(allowed("123456789"), 2);
    assert_eq!(allowed("0123456789"), 4);
    assert_eq!(allowed(&"x".repeat(31)), 13);
    assert_eq!(allowed(&"x".repeat(32)), 16);
    assert_eq!(allowed(&"x".repeat(300)), 150);
}

#[test]
fn context_similarity() {
    let prefix = Side::new("The central bank ", true);
    let text = "Rates\nThe central bank raised rates.";
    // Context that reached the start of the text counts the start as one more character.
    assert_eq!(prefix.similarity(text, 23), 1.0 - 1.0 / 18.0);
    assert_eq!(prefix.similarity("The central bank raised", 17), 1.0);
    let full = Side::new("said that the central bank very ", true);
    assert_eq!(full.pattern.len, CONTEXT);
    // An inserted word costs its own length only.
    let inserted = "He said that the central bank very much raised";
    assert_eq!(full.similarity(inserted, 40), 1.0 - 5.0 / 32.0);
    let suffix = Side::new(" on Tuesday.", false);
    assert_eq!(suffix.similarity("rates on Tuesday.", 5), 1.0);
    assert_eq!(
        suffix.similarity("rates on Tuesday, he said.", 5),
        1.0 - 2.0 / 13.0
    );
    let stored = "x".repeat(40);
    assert_eq!(Side::new(&stored, false).raw.len(), CONTEXT);
    assert_eq!(Side::new(&stored, true).raw.len(), CONTEXT);
}
