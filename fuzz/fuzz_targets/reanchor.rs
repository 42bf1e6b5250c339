//! Re-anchoring: anchors made on a text are placed `exact` at their own offsets in the
//! unchanged text, and after random edits every placement lies inside the new text (offsets
//! in characters, so on character boundaries) and covers the text it claims.
#![no_main]

use gloss::annotation::Anchor;
use gloss::annotation::reanchor::{Status, reanchor, reanchor_all};
use gloss::document::{Document, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let split = usize::from(data[0]) * data.len() / 256;
    let (text, edits) = data[1..].split_at(split.min(data.len() - 1));
    let Ok(doc) = Document::parse(text, Format::Plain) else {
        return;
    };
    let t = doc.text();
    if t.is_empty() {
        return;
    }
    // Anchors on character boundaries picked by the edit bytes.
    let bounds: Vec<usize> = (0..=t.len()).filter(|&b| t.is_char_boundary(b)).collect();
    let anchors: Vec<Anchor> = edits
        .chunks(2)
        .take(8)
        .filter_map(|pair| {
            let a = bounds[usize::from(pair[0]) % bounds.len()];
            let b = bounds[usize::from(*pair.get(1).unwrap_or(&0)) % bounds.len()];
            (a != b).then(|| Anchor::new(&doc, a.min(b)..a.max(b)))
        })
        .collect();
    for anchor in &anchors {
        let landing = reanchor(&doc, anchor);
        assert_eq!(landing.status, Status::Exact, "{anchor:?} in {t:?}");
        assert_eq!((landing.start, landing.end), (anchor.start, anchor.end));
    }
    // Edit: each byte deletes, inserts or replaces a few characters somewhere.
    let mut chars: Vec<char> = t.chars().collect();
    for (i, &e) in edits.iter().enumerate() {
        if chars.is_empty() {
            break;
        }
        let at = (usize::from(e) * 7 + i * 13) % chars.len();
        match e % 3 {
            0 => {
                chars.remove(at);
            }
            1 => chars.insert(at, char::from(b'a' + e % 26)),
            _ => chars[at] = 'é',
        }
    }
    let edited: String = chars.into_iter().collect();
    let Ok(new) = Document::parse(edited.as_bytes(), Format::Plain) else {
        return;
    };
    let refs: Vec<&Anchor> = anchors.iter().collect();
    for landing in reanchor_all(&new, &refs) {
        if landing.status == Status::Orphaned {
            continue;
        }
        assert!(landing.start <= landing.end, "{landing:?}");
        assert!(landing.end <= new.char_len(), "{landing:?}");
        let (s, e) = (new.byte_offset(landing.start), new.byte_offset(landing.end));
        assert!(new.text().is_char_boundary(s) && new.text().is_char_boundary(e));
    }
});
