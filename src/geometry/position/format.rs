//! A position written in the format the user chose.

use serde::{Deserialize, Serialize};

/// How positions are written in the readout, the details panel and copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CoordinateFormat {
    /// "50.4501°N 30.5234°E".
    #[default]
    Decimal,
    /// "50°27′00.4″N 30°31′24.2″E".
    Dms,
    /// "36U UA 12345 67890" (1 m).
    Mgrs,
    /// "36U 312345 5590123".
    Utm,
}

impl CoordinateFormat {
    /// Every format, in menu order.
    pub const ALL: [CoordinateFormat; 4] = [
        CoordinateFormat::Decimal,
        CoordinateFormat::Dms,
        CoordinateFormat::Mgrs,
        CoordinateFormat::Utm,
    ];

    /// The format's name in menus.
    pub fn label(self) -> &'static str {
        match self {
            CoordinateFormat::Decimal => "Decimal degrees",
            CoordinateFormat::Dms => "Degrees, minutes, seconds",
            CoordinateFormat::Mgrs => "MGRS",
            CoordinateFormat::Utm => "UTM",
        }
    }
}

/// Writes a position; MGRS and UTM fall back to degrees outside 80°S–84°N, where UPS
/// would apply.
pub fn format_position(lat: f64, lon: f64, format: CoordinateFormat) -> String {
    match format {
        CoordinateFormat::Decimal => {
            format!("{} {}", decimal(lat, 'N', 'S'), decimal(lon, 'E', 'W'))
        }
        CoordinateFormat::Dms => format!("{} {}", dms(lat, 'N', 'S'), dms(lon, 'E', 'W')),
        CoordinateFormat::Mgrs => crate::geometry::grid::grid_reference(lon, lat).map_or_else(
            || format_position(lat, lon, CoordinateFormat::Decimal),
            |r| {
                format!(
                    "{}{} {} {:05} {:05}",
                    r.zone,
                    r.band,
                    r.square,
                    r.easting.floor() as u32,
                    r.northing.floor() as u32
                )
            },
        ),
        CoordinateFormat::Utm => crate::geometry::grid::grid_reference(lon, lat)
            .zip(utm(lon, lat))
            .map_or_else(
                || format_position(lat, lon, CoordinateFormat::Decimal),
                |(r, (easting, northing))| {
                    format!("{}{} {easting:.0} {northing:.0}", r.zone, r.band)
                },
            ),
    }
}

fn decimal(value: f64, positive: char, negative: char) -> String {
    let hemisphere = if value < 0.0 { negative } else { positive };
    format!("{:.4}°{hemisphere}", value.abs())
}

fn dms(value: f64, positive: char, negative: char) -> String {
    let hemisphere = if value < 0.0 { negative } else { positive };
    // Rounded once, to tenths of a second, so 59.96″ never shows as 60.0″.
    let tenths = (value.abs() * 36_000.0).round() as u64;
    let degrees = tenths / 36_000;
    let minutes = tenths % 36_000 / 600;
    let seconds = (tenths % 600) as f64 / 10.0;
    format!("{degrees}°{minutes:02}′{seconds:04.1}″{hemisphere}")
}

fn utm(lon: f64, lat: f64) -> Option<(f64, f64)> {
    let point = geoconvert::LatLon::create(lat, lon).ok()?;
    let utm = std::panic::catch_unwind(|| point.to_utmups()).ok()?;
    Some((utm.easting(), utm.northing()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kyiv_is_written_in_every_format() {
        let (lat, lon) = (50.4501, 30.5234);
        assert_eq!(
            format_position(lat, lon, CoordinateFormat::Decimal),
            "50.4501°N 30.5234°E"
        );
        assert_eq!(
            format_position(lat, lon, CoordinateFormat::Dms),
            "50°27′00.4″N 30°31′24.2″E"
        );
        let mgrs = format_position(lat, lon, CoordinateFormat::Mgrs);
        assert!(mgrs.starts_with("36U UA "), "{mgrs}");
        let utm = format_position(lat, lon, CoordinateFormat::Utm);
        assert!(utm.starts_with("36U "), "{utm}");
    }

    #[test]
    fn seconds_never_round_up_to_sixty() {
        assert_eq!(dms(50.999_999, 'N', 'S'), "51°00′00.0″N");
    }

    #[test]
    fn south_and_west_take_their_letters() {
        assert_eq!(
            format_position(-33.9, -70.6, CoordinateFormat::Decimal),
            "33.9000°S 70.6000°W"
        );
    }
}
