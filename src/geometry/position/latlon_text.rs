//! Latitude and longitude read from text: decimal degrees, degrees and decimal minutes,
//! degrees-minutes-seconds, with hemisphere letters (before or after) or signs, in either
//! order when letters say which is which.
//!
//! Written here rather than taken from a crate: the crates that read DMS take one fixed
//! layout, and this reader has to say which axis it took each number for and offer the
//! other order as a choice rather than guess.

use super::{ParsedPosition, PositionError, invalid};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Axis {
    Latitude,
    Longitude,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(String),
    Degrees,
    Minutes,
    Seconds,
    /// A hemisphere letter: its axis, and -1 for south and west.
    Hemisphere(Axis, f64),
    Separator,
}

/// One coordinate as written: its value and the axis its letter names, if any.
#[derive(Debug, Clone, Copy)]
struct Coordinate {
    value: f64,
    axis: Option<Axis>,
    /// Written with minutes (and perhaps seconds): shown back the same way.
    sexagesimal: bool,
}

/// Reads a latitude/longitude pair; every reading that fits, the likeliest first.
pub(super) fn parse_lat_lon(text: &str) -> Result<Vec<ParsedPosition>, PositionError> {
    let tokens = tokenize(text)?;
    let (first, second) = split_pair(&tokens)?;
    let a = coordinate(first)?;
    let b = coordinate(second)?;
    let (lat, lon, alternative) = match (a.axis, b.axis) {
        (Some(x), Some(y)) if x == y => {
            return invalid(format!(
                "both numbers are {}s: one latitude (N/S) and one longitude (E/W) are needed",
                axis_name(x)
            ));
        }
        (Some(Axis::Longitude), _) | (_, Some(Axis::Latitude)) => (b, a, false),
        (Some(Axis::Latitude), _) | (_, Some(Axis::Longitude)) => (a, b, false),
        (None, None) => (a, b, true),
    };
    let sexagesimal = a.sexagesimal || b.sexagesimal;
    let mut readings = Vec::new();
    let first_fits = fits(lat.value, lon.value);
    if first_fits {
        readings.push(reading(lat.value, lon.value, sexagesimal, false));
    }
    if alternative && fits(lon.value, lat.value) && lat.value != lon.value {
        readings.push(reading(lon.value, lat.value, sexagesimal, true));
    }
    if readings.is_empty() {
        return invalid(format!(
            "latitude {} or longitude {} is out of range (latitude -90 to 90, longitude -180 to 180)",
            lat.value, lon.value
        ));
    }
    Ok(readings)
}

fn axis_name(axis: Axis) -> &'static str {
    match axis {
        Axis::Latitude => "latitude",
        Axis::Longitude => "longitude",
    }
}

fn fits(lat: f64, lon: f64) -> bool {
    (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
}

fn reading(lat: f64, lon: f64, sexagesimal: bool, longitude_first: bool) -> ParsedPosition {
    let format = if sexagesimal {
        super::CoordinateFormat::Dms
    } else {
        super::CoordinateFormat::Decimal
    };
    let written = super::format_position(lat, lon, format);
    ParsedPosition {
        lat,
        lon,
        understood: if longitude_first {
            format!("{written} (longitude first)")
        } else {
            written
        },
        longitude_first,
    }
}

fn hemisphere(word: &str) -> Option<Token> {
    Some(match word.to_uppercase().as_str() {
        "N" => Token::Hemisphere(Axis::Latitude, 1.0),
        "S" => Token::Hemisphere(Axis::Latitude, -1.0),
        "E" => Token::Hemisphere(Axis::Longitude, 1.0),
        // French writes O (ouest) for west.
        "W" | "O" => Token::Hemisphere(Axis::Longitude, -1.0),
        _ => return None,
    })
}

fn tokenize(text: &str) -> Result<Vec<Token>, PositionError> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() || c == '.' || ((c == '-' || c == '+') && number_follows(&chars)) {
            let mut number = String::new();
            number.push(c);
            chars.next();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || d == '.' {
                    number.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token::Number(number));
            continue;
        }
        chars.next();
        match c {
            '°' | 'º' | '˚' => tokens.push(Token::Degrees),
            '\'' | '′' | '’' | '‘' | '´' => {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                    tokens.push(Token::Seconds);
                } else {
                    tokens.push(Token::Minutes);
                }
            }
            '"' | '″' | '”' | '“' => tokens.push(Token::Seconds),
            ',' | ';' | '/' => tokens.push(Token::Separator),
            c if c.is_whitespace() => {}
            c if c.is_alphabetic() => {
                let mut word = String::from(c);
                while let Some(&d) = chars.peek() {
                    if d.is_alphabetic() {
                        word.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push(hemisphere(&word).ok_or(PositionError::NotAPosition)?);
            }
            _ => return Err(PositionError::NotAPosition),
        }
    }
    Ok(tokens)
}

fn number_follows(chars: &std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let mut ahead = chars.clone();
    ahead.next();
    ahead.next().is_some_and(|c| c.is_ascii_digit() || c == '.')
}

/// Splits the tokens into the two coordinates: at a separator, else at the hemisphere
/// letters, else at the second degree sign, else halfway through the bare numbers.
fn split_pair(tokens: &[Token]) -> Result<(&[Token], &[Token]), PositionError> {
    let separators: Vec<usize> = positions(tokens, |t| *t == Token::Separator);
    if separators.len() > 1 {
        return invalid(
            "more than one separator: write one comma between latitude and longitude (and points, not commas, for decimals)",
        );
    }
    if let [at] = separators[..] {
        return Ok((&tokens[..at], &tokens[at + 1..]));
    }
    let letters = positions(tokens, |t| matches!(t, Token::Hemisphere(..)));
    if letters.len() == 2 {
        let at = if letters[0] == 0 {
            letters[1]
        } else {
            letters[0] + 1
        };
        return Ok((&tokens[..at], &tokens[at..]));
    }
    if !letters.is_empty() {
        return invalid("give a hemisphere letter for both numbers, or for neither");
    }
    let degrees = positions(tokens, |t| *t == Token::Degrees);
    if degrees.len() == 2 {
        // The second coordinate starts at the number its degree sign follows.
        let at = degrees[1].saturating_sub(1);
        return Ok((&tokens[..at], &tokens[at..]));
    }
    let numbers = positions(tokens, |t| matches!(t, Token::Number(_)));
    if numbers.len() == tokens.len() && numbers.len() % 2 == 0 && numbers.len() <= 6 {
        let half = numbers.len() / 2;
        if half > 0 {
            return Ok((&tokens[..half], &tokens[half..]));
        }
    }
    if numbers.len() == 1 {
        return invalid("one number: a position needs a latitude and a longitude");
    }
    invalid(
        "cannot tell where the latitude ends and the longitude begins: separate them with a comma",
    )
}

fn positions(tokens: &[Token], wanted: impl Fn(&Token) -> bool) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| wanted(t))
        .map(|(i, _)| i)
        .collect()
}

/// One coordinate's tokens as a value: up to three numbers (degrees, minutes, seconds),
/// marked by units or by order, and a hemisphere letter before or after.
fn coordinate(tokens: &[Token]) -> Result<Coordinate, PositionError> {
    let mut axis = None;
    let mut sign = 1.0;
    let mut parts: [Option<f64>; 3] = [None; 3];
    let mut next_slot = 0;
    let mut last_text = String::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Hemisphere(a, s) => {
                if axis.is_some() || (i != 0 && i != tokens.len() - 1) {
                    return invalid("a hemisphere letter belongs before or after its number");
                }
                axis = Some(*a);
                sign = *s;
            }
            Token::Number(text) => {
                if next_slot > 2 {
                    return invalid("too many numbers: degrees, minutes and seconds at most");
                }
                let value: f64 = text
                    .parse()
                    .map_err(|_| PositionError::Invalid(format!("\"{text}\" is not a number")))?;
                parts[next_slot] = Some(value);
                next_slot += 1;
                last_text = text.clone();
            }
            Token::Degrees | Token::Minutes | Token::Seconds => {
                let slot = match token {
                    Token::Degrees => 0,
                    Token::Minutes => 1,
                    _ => 2,
                };
                if next_slot != slot + 1 {
                    return invalid("degrees, minutes and seconds must come in that order");
                }
            }
            Token::Separator => return invalid("more than one separator"),
        }
    }
    let [Some(degrees), minutes, seconds] = parts else {
        return invalid("a coordinate needs its degrees");
    };
    let sexagesimal = minutes.is_some();
    if sexagesimal
        && (degrees.fract() != 0.0
            || (seconds.is_some() && minutes.is_some_and(|m| m.fract() != 0.0)))
    {
        return invalid(format!(
            "only the last number may have decimals (\"{last_text}\")"
        ));
    }
    let minutes = minutes.unwrap_or(0.0);
    let seconds = seconds.unwrap_or(0.0);
    if minutes >= 60.0 || seconds >= 60.0 || minutes < 0.0 || seconds < 0.0 {
        return invalid("minutes and seconds must be under 60");
    }
    if degrees < 0.0 && axis.is_some() && sign < 0.0 {
        return invalid("give a minus sign or S/W, not both");
    }
    let magnitude = degrees.abs() + minutes / 60.0 + seconds / 3600.0;
    let signed = if degrees.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    };
    Ok(Coordinate {
        value: signed * sign,
        axis,
        sexagesimal,
    })
}
