//! How long a text may be: enough for any caption, description or speaker notes, and far
//! below what one picture can lay out (a 7 MB slide title became an index buffer larger
//! than any graphics card takes). Loaders cut longer texts and say so.

/// The most characters any text field keeps.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The most characters a one-line label keeps: names, titles, attributions.
pub const MAX_LABEL_CHARS: usize = 500;

/// Cuts `text` to at most `max` characters (ending it with "…"); true when it did.
pub fn cut_text(text: &mut String, max: usize) -> bool {
    match text.char_indices().nth(max) {
        Some((end, _)) => {
            text.truncate(end);
            text.push('…');
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_on_a_character_boundary_and_a_short_one_kept() {
        let mut text = "Київ".repeat(3);
        assert!(cut_text(&mut text, 5));
        assert_eq!(text, "КиївК…");
        let mut short = "Kyiv".to_owned();
        assert!(!cut_text(&mut short, 5));
        assert_eq!(short, "Kyiv");
    }
}
