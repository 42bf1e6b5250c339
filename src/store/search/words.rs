//! The words of a record, as the index keeps them: runs of letters and digits, lower-cased.
//! A query can match a record only if each of the query's words is inside one of the
//! record's words, so the index reads only the records that pass that test.

use std::collections::BTreeSet;

use super::Record;

/// The runs of letters and digits in `text`, lower-cased.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Every word of a record: its text, and its annotations' quotes, notes and tags.
pub fn of_record(record: &Record) -> BTreeSet<String> {
    let mut all: BTreeSet<String> = words(&record.text).collect();
    for n in &record.notes {
        all.extend(words(&n.quote));
        all.extend(words(&n.note));
        for tag in &n.tags {
            all.extend(words(tag));
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits_in_lower_case() {
        let found: Vec<String> = words("U.S. chip-curbs, 2026: Micron’s 東京 probe").collect();
        assert_eq!(
            found,
            [
                "u", "s", "chip", "curbs", "2026", "micron", "s", "東京", "probe"
            ]
        );
    }
}
