//! Text in whatever encoding a spreadsheet wrote it: UTF-8 with or without a byte-order
//! mark, or a legacy code page (Windows-1251 for Cyrillic, Windows-1252 for French)
//! detected by chardetng or chosen by the user.

use encoding_rs::Encoding;

/// A text encoding a user can choose for a CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (a byte-order mark is skipped).
    Utf8,
    /// Cyrillic Windows code page.
    Windows1251,
    /// Western European Windows code page.
    Windows1252,
}

impl TextEncoding {
    /// Reads a name as written on the command line or in a menu ("utf-8", "cp1251",
    /// "windows-1252"…).
    pub fn from_name(name: &str) -> Option<TextEncoding> {
        match name.trim().to_lowercase().replace(['_', ' '], "-").as_str() {
            "utf-8" | "utf8" => Some(TextEncoding::Utf8),
            "windows-1251" | "cp1251" | "1251" => Some(TextEncoding::Windows1251),
            "windows-1252" | "cp1252" | "1252" | "latin-1" | "latin1" => {
                Some(TextEncoding::Windows1252)
            }
            _ => None,
        }
    }

    /// The encoding's name in menus.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Windows1251 => "Windows-1251 (Cyrillic)",
            TextEncoding::Windows1252 => "Windows-1252 (Western)",
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Windows1251 => encoding_rs::WINDOWS_1251,
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
        }
    }
}

/// The bytes without a UTF-8 byte-order mark.
pub(super) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The start of a file as text, for telling formats apart: at most 4 KB, past any
/// byte-order mark and leading white space.
pub(super) fn start_of_text(head: &[u8]) -> String {
    let head = without_bom(&head[..head.len().min(4096)]);
    String::from_utf8_lossy(head).trim_start().to_owned()
}

/// True when the first line has a comma, semicolon or tab between values.
pub(super) fn looks_delimited(text: &str) -> bool {
    text.lines()
        .next()
        .is_some_and(|line| line.contains([',', ';', '\t']))
}

/// Decodes a whole file: the chosen encoding, else UTF-8 when the bytes are UTF-8, else
/// the legacy encoding chardetng finds likeliest. Returns the text and the encoding's name.
pub(super) fn decode(
    bytes: &[u8],
    chosen: Option<TextEncoding>,
) -> (std::borrow::Cow<'_, str>, &'static str) {
    let encoding = match chosen {
        Some(choice) => choice.encoding(),
        None if std::str::from_utf8(without_bom(bytes)).is_ok() => encoding_rs::UTF_8,
        None => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            detector.guess(None, chardetng::Utf8Detection::Allow)
        }
    };
    // UTF-8 without a byte-order mark is borrowed, not copied (a 30 MB CSV stays 30 MB).
    let (text, _, _) = encoding.decode(bytes);
    (text, encoding.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_in_windows_1251_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("широта;довгота\n50,45;30,52\n");
        let (text, name) = decode(&bytes, None);
        assert_eq!(name, "windows-1251");
        assert!(text.starts_with("широта;довгота"));
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let (text, name) = decode(b"\xEF\xBB\xBFlat,lon\n", None);
        assert_eq!(name, "UTF-8");
        assert!(text.starts_with("lat"));
    }
}
