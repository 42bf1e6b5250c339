//! The table of edits: each case re-anchors one highlight from an old text in a new one.

use super::*;

/// (name, old text with the annotation marked, new text with where it should land marked,
/// or unmarked when it should be orphaned, expected status).
const CASES: &[(&str, &str, &str, Status)] = &[
    (
        "unchanged text",
        "Rates\nThe central bank [[raised interest rates]] on Tuesday.",
        "Rates\nThe central bank [[raised interest rates]] on Tuesday.",
        Exact,
    ),
    (
        "a paragraph inserted before",
        "Rates\nThe central bank [[raised interest rates]] on Tuesday.",
        "Rates\nMarkets were calm before the decision.\n\
         The central bank [[raised interest rates]] on Tuesday.",
        Moved,
    ),
    (
        "the title reworded",
        "Rates\nThe central bank [[raised interest rates]] on Tuesday.",
        "Rates rise again\nThe central bank [[raised interest rates]] on Tuesday.",
        Moved,
    ),
    (
        "a paragraph deleted before",
        "Rates\nMarkets were calm.\nThe central bank [[raised interest rates]] on Tuesday.",
        "Rates\nThe central bank [[raised interest rates]] on Tuesday.",
        Moved,
    ),
    (
        "a word replaced inside the quote",
        "Rates\nThe central bank [[raised interest rates by a quarter point]] on Tuesday.",
        "Rates\nThe central bank [[lifted interest rates by a quarter point]] on Tuesday.",
        Fuzzy,
    ),
    (
        "a figure corrected inside the quote",
        "Rates\nThe bank [[raised interest rates by 25 basis points]], its third rise.",
        "Rates\nThe bank [[raised interest rates by 50 basis points]], its third rise.",
        Fuzzy,
    ),
    (
        "a word inserted inside the quote",
        "Sales\nOfficials said [[rates rose sharply in May]] after the strike.",
        "Sales\nOfficials said [[rates rose very sharply in May]] after the strike.",
        Fuzzy,
    ),
    (
        "a word deleted inside the quote",
        "Sales\nOfficials said [[rates rose very sharply in May]] after the strike.",
        "Sales\nOfficials said [[rates rose sharply in May]] after the strike.",
        Fuzzy,
    ),
    (
        "an edit inside the quote and a paragraph inserted before",
        "Rates\nThe central bank [[raised interest rates by a quarter point]] on Tuesday.",
        "Rates\nMarkets were calm.\n\
         The central bank [[raised its key interest rate by a quarter point]] on Tuesday.",
        Fuzzy,
    ),
    (
        "the prefix changed, same offsets",
        "Rates\nThe bank [[raised interest rates]] on Tuesday.",
        "Rates\nThe Bank [[raised interest rates]] on Tuesday.",
        Exact,
    ),
    (
        "the prefix rewritten",
        "Rates\nThe bank [[raised interest rates]] on Tuesday.",
        "Rates\nThe country's central bank [[raised interest rates]] on Tuesday.",
        Moved,
    ),
    (
        "the suffix rewritten",
        "Rates\nThe bank [[raised interest rates]] on Tuesday.",
        "Rates\nThe bank [[raised interest rates]] for the third time this year.",
        Exact,
    ),
    (
        "a medium quote whose context changed on both sides (the evidence of a stock phrase)",
        "Rates\nThe bank [[raised interest rates]] on Tuesday.",
        "Rates\nAs expected, the regulator raised interest rates again in June.",
        Orphaned,
    ),
    (
        "a repeated phrase chosen by context over position",
        "Rates\nAnalysts expected [[interest rates]] to stay flat. Banks said interest \
         rates would rise. Savers hoped interest rates would fall.",
        "Rates\nBanks said interest rates would rise. Analysts expected [[interest rates]] \
         to stay flat. Savers hoped interest rates would fall.",
        Moved,
    ),
    (
        "a repeated paragraph chosen by position (second copy)",
        "Fund\nOfficials said on Monday that the fund cut its forecast for growth next year, \
         citing weak demand.\nOfficials said on Monday that the fund [[cut its forecast]] \
         for growth next year, citing weak demand.",
        "Fund\nUpdated at noon.\nOfficials said on Monday that the fund cut its forecast \
         for growth next year, citing weak demand.\nOfficials said on Monday that the fund \
         [[cut its forecast]] for growth next year, citing weak demand.",
        Moved,
    ),
    (
        "a repeated paragraph chosen by position (first copy)",
        "Fund\nOfficials said on Monday that the fund [[cut its forecast]] for growth next \
         year, citing weak demand.\nOfficials said on Monday that the fund cut its forecast \
         for growth next year, citing weak demand.",
        "Fund\nUpdated at noon.\nOfficials said on Monday that the fund [[cut its forecast]] \
         for growth next year, citing weak demand.\nOfficials said on Monday that the fund \
         cut its forecast for growth next year, citing weak demand.",
        Moved,
    ),
    (
        "the quoted sentence deleted",
        "Rates\nRates rose. [[The finance ministry declined to comment on the decision.]] \
         Markets were calm.",
        "Rates\nRates rose. Markets were calm.",
        Orphaned,
    ),
    (
        "the quoted sentence rewritten",
        "Rates\nRates rose. [[The finance ministry declined to comment on the decision.]] \
         Markets were calm.",
        "Rates\nRates rose. A treasury spokesperson would not say anything at all. \
         Markets were calm.",
        Orphaned,
    ),
    (
        "the quoted paragraph deleted, a similar sentence elsewhere",
        "Rates\nThe central bank raised rates by 25 basis points on Tuesday.\n\
         Elsewhere, [[the central bank of Brazil cut rates by 50 basis points]] on Monday.",
        "Rates\nThe central bank raised rates by 25 basis points on Tuesday.",
        Orphaned,
    ),
    (
        "a short quote deleted while 'may' remains",
        "Sales\nSales fell in [[May]] after the strike.\nPrices may rise again next year.",
        "Sales\nSales fell after the strike.\nPrices may rise again next year.",
        Orphaned,
    ),
    (
        "a short quote deleted while 'Mayor' remains",
        "Sales\nSales fell in [[May]] after the strike.\nThe Mayor said little.",
        "Sales\nSales fell after the strike.\nThe Mayor said little.",
        Orphaned,
    ),
    (
        "a short quote deleted while another May remains",
        "Sales\nSales fell in [[May]] after the strike.\nThe election is due in May next year.",
        "Sales\nSales fell after the strike.\nThe election is due in May next year.",
        Orphaned,
    ),
    (
        "a short quote replaced while 'may' remains",
        "Sales\nSales fell in [[May]] after the strike.\nPrices may rise again next year.",
        "Sales\nSales fell in June after the strike.\nPrices may rise again next year.",
        Orphaned,
    ),
    (
        "Linus must not become chines (Hypothesis's known failure)",
        "Kernel\nThe kernel was written by [[Linus]] in 1991 on his own machines.",
        "Kernel\nThe kernel was written in 1991 on his own machines.",
        Orphaned,
    ),
    (
        "a short quote keeps one side of its context",
        "Sales\nSales fell in [[May]] after the strike.",
        "Sales\nSales of new cars fell sharply in [[May]] after the strike.",
        Moved,
    ),
    (
        "a short quote moved with its sentence",
        "Sales\nFactory output stalled. Car sales fell in [[May]] after the long strike at \
         the plant.",
        "Sales\nCar sales fell in [[May]] after the long strike at the plant. Factory \
         output stalled.",
        Moved,
    ),
    (
        "a short quote whose context changed on both sides, even if it is the same word",
        "Sales\nSales fell in [[May]] after the strike. Prices held.",
        "Sales\nPrices held. Sales fell in May after the strike.",
        Orphaned,
    ),
    (
        "a repeated short word chosen by context",
        "Sales\nSales fell in [[May]] after the strike.\nPrices rose in May as well.\nThe May \
         figures were revised.",
        "Sales\nA new paragraph.\nSales fell in [[May]] after the strike.\nPrices rose in \
         May as well.\nThe May figures were revised.",
        Moved,
    ),
    (
        "a short figure corrected in unchanged context",
        "Shares\nShares in Frankfurt rose [[1.5%]] on the news.",
        "Shares\nShares in Frankfurt rose [[1.6%]] on the news.",
        Fuzzy,
    ),
    (
        "a short figure corrected and its context rewritten",
        "Shares\nShares in Frankfurt rose [[1.5%]] on the news.",
        "Shares\nThe DAX index gained 1.6% by the close.",
        Orphaned,
    ),
    (
        "a double space inside the quote",
        "Rates\nThe bank said [[rates will stay high for longer]] than expected.",
        "Rates\nThe bank said [[rates will stay  high for longer]] than expected.",
        Fuzzy,
    ),
    (
        "double spaces around the quote",
        "Rates\nThe bank said [[rates will stay high for longer]] than expected.",
        "Rates\nThe bank  said  [[rates will stay high for longer]]  than expected.",
        Moved,
    ),
    (
        "straight quotes made curly",
        "Rates\nHe called it [[\"a temporary pause\"]] in the cycle.",
        "Rates\nHe called it [[\u{201c}a temporary pause\u{201d}]] in the cycle.",
        Fuzzy,
    ),
    (
        "a comma added inside the quote",
        "Talks\n[[In Brussels officials said the talks would resume]] next week.",
        "Talks\n[[In Brussels, officials said the talks would resume]] next week.",
        Fuzzy,
    ),
    (
        "an abbreviation's dots dropped",
        "Talks\nThe [[U.S. Treasury said the talks would resume]] next week.",
        "Talks\nThe [[US Treasury said the talks would resume]] next week.",
        Fuzzy,
    ),
    (
        "a short quote loses its trailing comma",
        "Sales\nSales fell in [[May,]] the agency said.",
        "Sales\nSales fell in [[May]] the agency said.",
        Fuzzy,
    ),
    (
        "CJK moved",
        "東京\n日経平均株価は[[三日続伸した]]。市場は落ち着いている。",
        "東京\n速報です。\n日経平均株価は[[三日続伸した]]。市場は落ち着いている。",
        Moved,
    ),
    (
        "CJK edited inside the quote",
        "東京\n日経平均株価は[[前日比で大幅に上昇した]]。市場は落ち着いている。",
        "東京\n速報です。\n日経平均株価は[[前日比で小幅に上昇した]]。市場は落ち着いている。",
        Fuzzy,
    ),
    (
        "CJK short quote deleted while it occurs elsewhere",
        "東京\n株価は[[上昇]]した。\n円相場は対ドルで上昇基調が続くとの見方が多い。",
        "東京\n株価は横ばいだった。\n円相場は対ドルで上昇基調が続くとの見方が多い。",
        Orphaned,
    ),
    (
        "emoji moved",
        "Cup\nFans cheered \u{1f389} [[as the team won \u{1f3c6} again]] last night.",
        "Cup\nUpdate \u{1f642}\nFans cheered \u{1f389} [[as the team won \u{1f3c6} again]] \
         last night.",
        Moved,
    ),
    (
        "emoji replaced inside the quote",
        "Cup\nFans cheered \u{1f389} [[as the team won \u{1f3c6} again]] last night.",
        "Cup\nFans cheered \u{1f389} [[as the team won \u{1f947} again]] last night.",
        Fuzzy,
    ),
    (
        "a quote spanning two paragraphs",
        "Rates\nRates rose in May. The bank [[acted.\nMarkets]] were calm all week.",
        "Rates\nBreaking.\nRates rose in May. The bank [[acted.\nMarkets]] were calm all week.",
        Moved,
    ),
    (
        "the title quoted, text appended to it",
        "[[Rates brief]]\nThe bank acted on Tuesday.",
        "[[Rates brief]]: an update\nThe bank acted on Tuesday.",
        Exact,
    ),
    (
        "the title quoted, text put before it",
        "[[Rates brief]]\nThe bank acted on Tuesday.",
        "Update: [[Rates brief]]\nThe bank acted on Tuesday.",
        Moved,
    ),
    (
        "a long highlighted paragraph moved between other paragraphs",
        "Rates\nFirst, the decision.\n[[The finance ministry declined to comment.]]\n\
         Last, the outlook.",
        "Rates\nLast, the outlook.\nAnother paragraph.\n\
         [[The finance ministry declined to comment.]]\nFirst, the decision.",
        Moved,
    ),
    (
        "the last words quoted, a paragraph appended",
        "Rates\nThe bank acted on Tuesday. [[Markets were calm.]]",
        "Rates\nThe bank acted on Tuesday. [[Markets were calm.]]\nMore later.",
        Exact,
    ),
    (
        "the last words quoted and edited, a paragraph appended",
        "Rates\nThe bank acted. [[Markets were calm after the announcement on Tuesday.]]",
        "Rates\nThe bank acted. [[Markets stayed calm after the announcement on Tuesday.]]\n\
         Correction: an earlier version misstated the date.",
        Fuzzy,
    ),
    (
        "the text emptied",
        "Rates\nThe central bank [[raised interest rates]] on Tuesday.",
        "",
        Orphaned,
    ),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for &(name, old, new, want) in CASES {
        let [anchor] = anchors(old).try_into().unwrap();
        let (text, ranges) = marked(new);
        let doc = doc(&text);
        let got = reanchor(&doc, &anchor);
        let place = ranges.first().map_or(0..0, |r| r.clone());
        let found: String = text
            .chars()
            .skip(got.start.get())
            .take(got.end - got.start)
            .collect();
        if got.status != want || (got.start.get()..got.end.get()) != place {
            failures.push(format!(
                "{name}: want {want:?} {place:?}, got {:?} {:?} {found:?} score {:.3}",
                got.status,
                got.start.get()..got.end.get(),
                got.score
            ));
        }
        let unchanged = old == new && want == Exact;
        if !(0.0..=1.0).contains(&got.score)
            || (want == Orphaned) != (got.score == 0.0)
            || unchanged && got.score != 1.0
        {
            failures.push(format!("{name}: bad score {}", got.score));
        }
        let batch = reanchor_all(&doc, &[&anchor]);
        if batch != [got] {
            failures.push(format!("{name}: batch gave {batch:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
