//! MGRS ("36U UA 12345 67890", "36UUA1234567890") and UTM ("36U 312345 5590123",
//! "36N 312345 5590123") references read from text.

use geoconvert::{LatLon, Mgrs, UtmUps};

use super::{ParsedPosition, PositionError, invalid};

/// Latitude band letters of UTM zones, south to north (I and O are not used).
const BANDS: &str = "CDEFGHJKLMNPQRSTUVWX";

/// The southern edge of a latitude band, degrees.
fn band_south_edge(band: char) -> Option<f64> {
    BANDS.find(band).map(|index| -80.0 + 8.0 * index as f64)
}

/// True when `lat` lies in `band` (X is 12° tall), with a little slack for rounding.
fn band_holds(band: char, lat: f64) -> bool {
    let Some(south) = band_south_edge(band) else {
        return false;
    };
    let north = if band == 'X' { 84.0 } else { south + 8.0 };
    (south - 0.01..=north + 0.01).contains(&lat)
}

/// Reads an MGRS reference; `None` when the text is not shaped like one.
pub(super) fn parse_mgrs(text: &str) -> Option<Result<ParsedPosition, PositionError>> {
    let groups: Vec<String> = text.split_whitespace().map(str::to_uppercase).collect();
    let joined: String = groups.concat();
    let zone_digits = joined.chars().take_while(char::is_ascii_digit).count();
    let rest = &joined[zone_digits..];
    let letters = rest.chars().take_while(char::is_ascii_alphabetic).count();
    let digits = &rest[letters..];
    let polar = zone_digits == 0 && letters == 3 && "ABYZ".contains(&rest[..1]);
    let shaped = (polar || (1..=2).contains(&zone_digits) && letters == 3)
        && digits.chars().all(|c| c.is_ascii_digit());
    if !shaped {
        return None;
    }
    // Spaces that split the digits must split them evenly: "UA 1234 567" is a typo.
    let digit_groups: Vec<&String> = groups
        .iter()
        .filter(|g| g.chars().all(|c| c.is_ascii_digit()))
        .skip_while(|g| zone_digits > 0 && g.as_str() == &joined[..zone_digits])
        .collect();
    if digit_groups.len() == 2 && digit_groups[0].len() != digit_groups[1].len() {
        return Some(invalid(format!(
            "the easting \"{}\" and northing \"{}\" of an MGRS reference need the same number of digits",
            digit_groups[0], digit_groups[1]
        )));
    }
    if digits.len() % 2 == 1 {
        return Some(invalid(format!(
            "an MGRS reference needs as many easting as northing digits; \"{}\" has {} digits",
            digits,
            digits.len()
        )));
    }
    if digits.len() > 10 {
        return Some(invalid(
            "an MGRS reference has at most 5 digits of easting and 5 of northing (1 m)",
        ));
    }
    if zone_digits > 0 {
        let zone: u32 = joined[..zone_digits].parse().unwrap_or(0);
        if !(1..=60).contains(&zone) {
            return Some(invalid(format!(
                "MGRS zone {zone} does not exist (zones are 1 to 60)"
            )));
        }
        let band = rest.chars().next().unwrap_or(' ');
        if !BANDS.contains(band) {
            return Some(invalid(format!(
                "\"{band}\" is not a latitude band letter (C to X, without I and O)"
            )));
        }
    }
    let reference = joined.clone();
    // geoconvert asserts on some impossible references; an assertion is an answer "no".
    let parsed = std::panic::catch_unwind(|| {
        Mgrs::parse_str(&reference).map(|m| {
            let point = m.to_latlon();
            (point.latitude(), point.longitude())
        })
    });
    Some(match parsed {
        Ok(Ok((lat, lon))) => Ok(ParsedPosition {
            lat,
            lon,
            understood: format!("MGRS {}", spaced_mgrs(&joined, zone_digits, digits)),
            longitude_first: false,
        }),
        Ok(Err(e)) => invalid(format!("not a valid MGRS reference: {e}")),
        Err(_) => invalid(format!("\"{text}\" is not a valid MGRS reference")),
    })
}

/// "36UUA1234567890" as "36U UA 12345 67890".
fn spaced_mgrs(joined: &str, zone_digits: usize, digits: &str) -> String {
    let letters_end = joined.len() - digits.len();
    let grid_zone_end = if zone_digits > 0 { zone_digits + 1 } else { 1 };
    let half = digits.len() / 2;
    let mut out = format!(
        "{} {}",
        &joined[..grid_zone_end],
        &joined[grid_zone_end..letters_end]
    );
    if !digits.is_empty() {
        out.push_str(&format!(" {} {}", &digits[..half], &digits[half..]));
    }
    out
}

/// Reads a UTM position: zone, a band letter or hemisphere, easting and northing in metres.
/// "36S" is both band S (north) and the southern hemisphere: every reading that fits is
/// given. `None` when the text is not shaped like UTM.
pub(super) fn parse_utm(text: &str) -> Option<Result<Vec<ParsedPosition>, PositionError>> {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(str::to_uppercase)
        .collect();
    // "312345mE 5590123mN": units after the numbers only, never on the zone.
    let metres = |t: &String| t.trim_end_matches(['M', 'E', 'N']).to_owned();
    let (zone_token, numbers) = match tokens.as_slice() {
        [zone, easting, northing] => (zone.clone(), [metres(easting), metres(northing)]),
        [zone, word, easting, northing] => {
            let designator = match word.as_str() {
                "NORTH" => "(N)",
                "SOUTH" => "(S)",
                letter if letter.len() == 1 => letter,
                _ => return None,
            };
            (
                format!("{zone}{designator}"),
                [metres(easting), metres(northing)],
            )
        }
        _ => return None,
    };
    // A hemisphere written as a word is only a hemisphere, never a band.
    let (zone_token, hemisphere_only) = match zone_token.strip_suffix(')') {
        Some(rest) => (rest.replace('(', ""), true),
        None => (zone_token, false),
    };
    let zone_digits = zone_token.chars().take_while(char::is_ascii_digit).count();
    let designator = &zone_token[zone_digits..];
    if !(1..=2).contains(&zone_digits) || designator.chars().count() != 1 {
        return None;
    }
    let (Ok(easting), Ok(northing)) = (numbers[0].parse::<f64>(), numbers[1].parse::<f64>()) else {
        return None;
    };
    let zone: i32 = zone_token[..zone_digits].parse().unwrap_or(0);
    if !(1..=60).contains(&zone) {
        return Some(invalid(format!(
            "UTM zone {zone} does not exist (zones are 1 to 60)"
        )));
    }
    if !(100_000.0..=900_000.0).contains(&easting) || !(0.0..=10_000_000.0).contains(&northing) {
        return Some(invalid(format!(
            "UTM easting {easting} or northing {northing} is out of range (easting 100 000 to 900 000 m, northing 0 to 10 000 000 m)"
        )));
    }
    let letter = designator.chars().next().unwrap_or(' ');
    let mut readings = Vec::new();
    if BANDS.contains(letter) && !hemisphere_only {
        let north = letter >= 'N';
        if let Some((lat, lon)) = utm_to_lat_lon(zone, north, easting, northing)
            && band_holds(letter, lat)
        {
            readings.push(utm_reading(
                zone,
                &format!("{letter}"),
                easting,
                northing,
                lat,
                lon,
            ));
        }
    }
    if letter == 'N' || letter == 'S' {
        let north = letter == 'N';
        if let Some((lat, lon)) = utm_to_lat_lon(zone, north, easting, northing)
            && readings.iter().all(|r| (r.lat - lat).abs() > 1e-9)
        {
            let hemisphere = if north { "north" } else { "south" };
            readings.push(utm_reading(zone, hemisphere, easting, northing, lat, lon));
        }
    }
    if readings.is_empty() {
        return Some(invalid(if BANDS.contains(letter) {
            format!(
                "UTM {zone}{letter} {easting} {northing} is not in latitude band {letter}: check the northing"
            )
        } else {
            format!("\"{letter}\" is neither a latitude band (C to X) nor a hemisphere (N or S)")
        }));
    }
    Some(Ok(readings))
}

fn utm_reading(
    zone: i32,
    designator: &str,
    easting: f64,
    northing: f64,
    lat: f64,
    lon: f64,
) -> ParsedPosition {
    let separator = if designator.len() == 1 { "" } else { " " };
    ParsedPosition {
        lat,
        lon,
        understood: format!("UTM {zone}{separator}{designator} {easting:.0} {northing:.0}"),
        longitude_first: false,
    }
}

fn utm_to_lat_lon(zone: i32, north: bool, easting: f64, northing: f64) -> Option<(f64, f64)> {
    std::panic::catch_unwind(|| {
        UtmUps::create(zone, north, easting, northing)
            .ok()
            .map(|utm| {
                let point = LatLon::from_utmups(&utm);
                (point.latitude(), point.longitude())
            })
    })
    .ok()
    .flatten()
    .filter(|(lat, lon)| lat.is_finite() && lon.is_finite())
}
