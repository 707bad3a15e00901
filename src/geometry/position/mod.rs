//! Positions as people write them: reading decimal degrees, degrees-minutes-seconds, MGRS
//! and UTM, and writing a position back in the format the user chose.
//!
//! MGRS and UTM conversions are geoconvert's (a port of GeographicLib); this module only
//! reads and writes the text around them.

mod format;
mod grid_text;
mod latlon_text;

pub use format::{CoordinateFormat, format_position};

/// A position read from text, with what was understood, for the user to confirm.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPosition {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// What the text was read as, e.g. "MGRS 36U UA 12345 67890".
    pub understood: String,
    /// True for the reading of two bare numbers as longitude then latitude: offered as a
    /// choice, never taken unasked.
    pub longitude_first: bool,
}

/// Why a text was not read as a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PositionError {
    /// The text does not look like a position at all (a place name, say).
    NotAPosition,
    /// It looks like one but cannot be: the message says why, for the user.
    Invalid(String),
}

impl std::fmt::Display for PositionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PositionError::NotAPosition => f.write_str("not a position"),
            PositionError::Invalid(message) => f.write_str(message),
        }
    }
}

/// Reads a position in any format Backstop accepts: decimal degrees in either order with
/// hemisphere letters or signs, degrees and minutes (and seconds), MGRS at any precision
/// with or without spaces, and UTM. Text that could mean more than one place gives every
/// reading, the likeliest first, so the caller can offer them as choices.
pub fn parse_position(text: &str) -> Result<Vec<ParsedPosition>, PositionError> {
    let text = text.trim();
    if text.is_empty() || !text.chars().any(|c| c.is_ascii_digit()) {
        return Err(PositionError::NotAPosition);
    }
    if let Some(result) = grid_text::parse_mgrs(text) {
        return result.map(|p| vec![p]);
    }
    if let Some(result) = grid_text::parse_utm(text) {
        return result;
    }
    latlon_text::parse_lat_lon(text)
}

/// The one reading of `text`, refusing text with several: for places where no choice
/// can be offered (a CSV cell, a command-line option). Two bare numbers are latitude then
/// longitude there, as ISO 6709 writes them.
pub fn parse_position_exactly(text: &str) -> Result<ParsedPosition, PositionError> {
    let mut readings = parse_position(text)?;
    readings.retain(|r| !r.longitude_first);
    match readings.len() {
        1 => Ok(readings.remove(0)),
        _ => Err(PositionError::Invalid(format!(
            "\"{text}\" can be read {} ways ({}); add hemisphere letters (N, E) to say which",
            readings.len(),
            readings
                .iter()
                .map(|r| format_position(r.lat, r.lon, CoordinateFormat::Decimal))
                .collect::<Vec<_>>()
                .join(" or ")
        ))),
    }
}

fn invalid<T>(message: impl Into<String>) -> Result<T, PositionError> {
    Err(PositionError::Invalid(message.into()))
}
