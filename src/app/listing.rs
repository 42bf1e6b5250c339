//! What the list views (the library, the notes across it, a search's hits, the codebook)
//! share: one line selected, and the list scrolled so it shows.

/// The first line on screen after `top` for `selected` to show in `height` lines, with
/// `above` lines above it when scrolling up (the notes and hits keep a group's heading in
/// view that way).
pub fn reveal(top: usize, selected: usize, height: usize, above: usize) -> usize {
    let height = height.max(1);
    let want = selected.saturating_sub(above);
    if want < top {
        want
    } else if selected >= top + height {
        selected + 1 - height
    } else {
        top
    }
}

#[cfg(test)]
mod tests {
    use super::reveal;

    #[test]
    fn the_selection_shows_with_the_lines_asked_for_above_it() {
        assert_eq!(
            reveal(5, 3, 10, 1),
            2,
            "above the screen: up to the line before it"
        );
        assert_eq!(reveal(5, 3, 10, 0), 3, "or to the line itself");
        assert_eq!(reveal(0, 12, 10, 1), 3, "below: the screen ends on it");
        assert_eq!(reveal(2, 6, 10, 1), 2, "on screen: nothing moves");
        assert_eq!(reveal(4, 0, 0, 1), 0, "no room still shows it");
    }
}
