//! Everything a key can ask gloss to do. The snake_case names are the keymap vocabulary and
//! each doc line is the text the help overlay shows.

use strum::{EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A command bound to keys in the keymap.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, EnumMessage, EnumString, IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    /// Scroll down one line
    ScrollDown,
    /// Scroll up one line
    ScrollUp,
    /// Scroll down one page
    PageDown,
    /// Scroll up one page
    PageUp,
    /// Scroll down half a page
    HalfPageDown,
    /// Scroll up half a page
    HalfPageUp,
    /// Go to the top of the brief
    Top,
    /// Go to the end of the brief
    Bottom,
    /// Go to a percentage of the brief (type it, then Enter)
    GoToPercent,
    /// Move the cursor to the next paragraph
    NextParagraph,
    /// Move the cursor to the previous paragraph
    PrevParagraph,
    /// Go to the next highlight
    NextHighlight,
    /// Go to the previous highlight
    PrevHighlight,
    /// Go to the next highlight with a note
    NextNote,
    /// Go to the previous highlight with a note
    PrevNote,
    /// Go to the next highlight to review
    NextReview,
    /// Go to the previous highlight to review
    PrevReview,
    /// Go to the next change since the annotations were placed (re-issued briefs)
    NextChange,
    /// Go to the previous change since the annotations were placed
    PrevChange,
    /// Show what changed in the brief since its annotations were placed
    ShowChanges,
    /// Go into the text at the selected change
    ChangeJump,
    /// Close the changes view
    CloseChanges,
    /// Go back where the last jump left (any brief)
    JumpBack,
    /// Go forward again in the jump list
    JumpForward,
    /// Search forward (smart case)
    Search,
    /// Go to the next search match
    SearchNext,
    /// Go to the previous search match
    SearchPrev,
    /// Stop a search that is still running
    StopSearch,
    /// Accept what was typed
    PromptAccept,
    /// Cancel a search or filter (tags typed are kept)
    PromptCancel,
    /// Delete the last character typed
    PromptDelete,
    /// Complete the tag being typed from tags already used
    PromptComplete,
    /// Start selecting at the cursor
    SelectStart,
    /// Select the whole paragraph
    SelectParagraph,
    /// Stop selecting
    SelectCancel,
    /// Extend the selection one character left
    MoveLeft,
    /// Extend the selection one character right
    MoveRight,
    /// Extend the selection one line down
    LineDown,
    /// Extend the selection one line up
    LineUp,
    /// Extend the selection to the start of the line
    LineStart,
    /// Extend the selection to the end of the line
    LineEnd,
    /// Extend the selection to the next word start
    WordNext,
    /// Extend the selection to the word end
    WordEnd,
    /// Extend the selection back to a word start
    WordBack,
    /// Extend the selection to the next sentence
    SentenceNext,
    /// Extend the selection back to a sentence start
    SentencePrev,
    /// Extend the selection to the paragraph end
    ParagraphEnd,
    /// Extend the selection back to the paragraph start
    ParagraphStart,
    /// Swap the ends of the selection
    SwapEnds,
    /// Highlight the selection in the default colour
    Highlight,
    /// Highlight the selection in colour 1
    Highlight1,
    /// Highlight the selection in colour 2
    Highlight2,
    /// Highlight the selection in colour 3
    Highlight3,
    /// Highlight the selection in colour 4
    Highlight4,
    /// Highlight the selection in colour 5
    Highlight5,
    /// Highlight the selection and write a note on it
    HighlightWithNote,
    /// Highlight the selection and give it codes (tags, comma-separated; Tab completes)
    CodeSelection,
    /// Highlight the selection with the colour and codes of the last coding
    RepeatCoding,
    /// Write or edit the note of the highlight
    EditNote,
    /// Edit the highlight's tags (comma-separated)
    EditTags,
    /// Give the highlight the next colour
    CycleColor,
    /// Delete the highlight
    DeleteHighlight,
    /// Write or edit the note on the whole brief
    BriefNote,
    /// Accept a highlight placed approximately after the brief changed
    ConfirmAnchor,
    /// Re-attach a highlight: press on it, select new text, press again
    Reattach,
    /// Copy the selection to the clipboard (OSC 52)
    CopySelection,
    /// Copy the highlight under the cursor as a quote with its source line
    CopyQuote,
    /// Copy the brief's address (front matter url)
    CopyUrl,
    /// Undo the last annotation change
    Undo,
    /// Redo the last undone annotation change
    Redo,
    /// Close the note editor, keeping what was typed
    CloseEditor,
    /// Show or hide the notes panel
    TogglePanel,
    /// Move focus between the text and the panel
    FocusPanel,
    /// Make the notes panel narrower
    PanelNarrower,
    /// Make the notes panel wider
    PanelWider,
    /// Select the next entry in the panel
    PanelDown,
    /// Select the previous entry in the panel
    PanelUp,
    /// Jump the text to the selected entry
    PanelJump,
    /// Filter the panel by colour or tag (empty clears)
    PanelFilter,
    /// Show or hide repeated paragraphs
    ToggleRepeats,
    /// Switch to the next theme
    CycleTheme,
    /// Save the current theme in the config file
    SaveTheme,
    /// Merge the conflict copies a sync tool left of the annotations into them
    MergeCopies,
    /// Show this help
    Help,
    /// Close the help
    CloseHelp,
    /// Quit gloss
    Quit,
    /// Filter the list as you type
    Filter,
    /// Search every brief of the library
    SearchLibrary,
    /// Open the selected brief
    OpenBrief,
    /// Sort by the next column: title, date, progress, last annotated
    CycleSort,
    /// Every annotation across the library, in one list
    ShowNotes,
    /// Group the notes by brief or by tag
    ToggleGrouping,
    /// The library's codebook: codes with counts, and the tags that are not codes
    ShowCodebook,
    /// Add the uncoded tag as a code, or type a new code
    AddCode,
    /// Rename or move the code (type its new full name)
    RenameCode,
    /// Merge the code into another (type its name)
    MergeCode,
    /// Delete the code and take it off every annotation (asks first)
    DeleteCode,
    /// Write the code's memo: its definition, examples (Esc saves)
    EditMemo,
    /// Codebook: write a new memo of the library (a title, then its text)
    AddMemo,
    /// The library's analysis: code x brief matrix, co-occurrence and timeline
    ShowAnalysis,
    /// Show the next tab
    NextTab,
    /// Move one column left
    ColumnLeft,
    /// Move one column right
    ColumnRight,
    /// Fold every code onto its parents, or unfold every code
    ToggleFold,
    /// Unfold the folded code under the cursor, or fold its parent onto one row
    ToggleFoldHere,
    /// Timeline by day, week or month
    CyclePeriod,
    /// Show the timeline of the next code only (after the last: every code)
    NextCodeFilter,
    /// Show the timeline of the previous code only
    PrevCodeFilter,
    /// Type the code the timeline shows (Tab completes fuzzily from the codebook)
    TypeCodeFilter,
    /// List the segments behind the cell; on a segment, open its brief there
    Drill,
    /// Co-occurrence: highlights in one paragraph meet too, or only overlapping ones
    ToggleParagraph,
    /// Count only the next author's segments (after the last: every author's)
    NextAuthor,
    /// Agreement: the next author as the first coder
    NextCoder,
    /// Agreement: the next author as the second coder
    NextOtherCoder,
}

impl Action {
    /// The keymap name of the action (`scroll_down`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The highlight colour number of `highlight1`..`highlight5`.
    pub fn color_number(self) -> Option<usize> {
        match self {
            Action::Highlight1 => Some(1),
            Action::Highlight2 => Some(2),
            Action::Highlight3 => Some(3),
            Action::Highlight4 => Some(4),
            Action::Highlight5 => Some(5),
            _ => None,
        }
    }

    /// Whether the action moves far enough that the jump list keeps where it left from, as
    /// vim's jumps: to the ends, to a percentage, to a search match, to an annotation.
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Action::Top
                | Action::Bottom
                | Action::SearchNext
                | Action::SearchPrev
                | Action::NextHighlight
                | Action::PrevHighlight
                | Action::NextNote
                | Action::PrevNote
                | Action::NextReview
                | Action::PrevReview
                | Action::PanelJump
                | Action::NextChange
                | Action::PrevChange
                | Action::ChangeJump
        )
    }

    /// The one-line description shown in the help overlay.
    pub fn describe(self) -> &'static str {
        self.get_documentation().unwrap_or_else(|| self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_action_is_documented_and_named() {
        for action in Action::iter() {
            assert!(
                action.get_documentation().is_some(),
                "{action:?} has no doc line"
            );
            assert_eq!(action.name().parse::<Action>().unwrap(), action);
        }
        assert_eq!(Action::HalfPageDown.name(), "half_page_down");
    }
}
