//! The MGRS grid and references agree with GeographicLib, and stay bounded at any zoom.

use backstop::geometry::grid::{Runs, grid_reference, mgrs_grid};

/// Points in different zones and hemispheres, with what GeographicLib 2.1.2's GeoConvert
/// (Debian's geographiclib-tools) says of them: `GeoConvert -m -p 0` (MGRS at 1 m), and
/// `GeoConvert -p 9` of the 1 km grid corner at or below the point (zone, easting and
/// northing rounded down to the kilometre).
/// One point and what GeographicLib says of it.
struct Reference {
    name: &'static str,
    lat: f64,
    lon: f64,
    /// MGRS at 1 m.
    mgrs: &'static str,
    zone: i32,
    /// The 1 km grid corner at or below the point: latitude, longitude.
    corner: (f64, f64),
    /// Its easting and northing in kilometres.
    corner_km: (u32, u32),
}

const REFERENCES: &[Reference] = &[
    Reference {
        name: "Kyiv",
        lat: 50.4501,
        lon: 30.5234,
        mgrs: "36UUA2418291607",
        zone: 36,
        corner: (50.44458606182189, 30.52112132737064),
        corner_km: (324, 5591),
    },
    Reference {
        name: "Odesa",
        lat: 46.4825,
        lon: 30.7233,
        mgrs: "36TUS2525050177",
        zone: 36,
        corner: (46.48084167947815, 30.72010182456589),
        corner_km: (325, 5150),
    },
    Reference {
        name: "Lviv",
        lat: 49.8397,
        lon: 24.0297,
        mgrs: "35UKR8643625040",
        zone: 35,
        corner: (49.83918107124091, 24.02366218260701),
        corner_km: (286, 5525),
    },
    Reference {
        name: "Paris",
        lat: 48.8566,
        lon: 2.3522,
        mgrs: "31UDQ5248211717",
        zone: 31,
        corner: (48.8501116624614, 2.3457062096593),
        corner_km: (452, 5411),
    },
    Reference {
        name: "London",
        lat: 51.5074,
        lon: -0.1278,
        mgrs: "30UXC9931610163",
        zone: 30,
        corner: (51.5060408107195, -0.13244326757732),
        corner_km: (699, 5710),
    },
    Reference {
        name: "Sydney",
        lat: -33.8688,
        lon: 151.2093,
        mgrs: "56HLH3436850948",
        zone: 56,
        corner: (-33.87729105514421, 151.20513728430288),
        corner_km: (334, 6250),
    },
    Reference {
        name: "36°E zone edge",
        lat: 49.99,
        lon: 36.0005,
        mgrs: "37UBR8500641830",
        zone: 37,
        corner: (49.98253366588893, 36.00086741290977),
        corner_km: (285, 5541),
    },
    Reference {
        name: "Bergen (32V)",
        lat: 60.3913,
        lon: 5.3221,
        mgrs: "32VKN9735300648",
        zone: 32,
        corner: (60.38531332832135, 5.31634890216049),
        corner_km: (297, 6700),
    },
    Reference {
        name: "Nairobi",
        lat: -1.2921,
        lon: 36.8219,
        mgrs: "37MBU5763457079",
        zone: 37,
        corner: (-1.29281801895894, 36.81619999324893),
        corner_km: (257, 9857),
    },
    Reference {
        name: "Buenos Aires",
        lat: -34.6037,
        lon: -58.3816,
        mgrs: "21HUB7331770036",
        zone: 21,
        corner: (-34.60398684372024, -58.38506720357734),
        corner_km: (373, 6170),
    },
];

/// Metres from a point to a polyline, on a local plane (exact enough within metres).
fn metres_to_line(point: (f64, f64), line: &[(f64, f64)]) -> f64 {
    let (lon0, lat0) = point;
    let k = lat0.to_radians().cos();
    let xy = |(lon, lat): (f64, f64)| ((lon - lon0) * k * 111_320.0, (lat - lat0) * 110_574.0);
    line.windows(2)
        .map(|w| {
            let (a, b) = (xy(w[0]), xy(w[1]));
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let t = (-(a.0 * dx + a.1 * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
            (a.0 + t * dx).hypot(a.1 + t * dy)
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn mgrs_references_agree_with_geographiclib_to_a_metre() {
    for &Reference {
        name,
        lat,
        lon,
        mgrs,
        zone,
        ..
    } in REFERENCES
    {
        let reference = grid_reference(lon, lat).unwrap_or_else(|| panic!("{name}: none"));
        let digits = mgrs.chars().take_while(char::is_ascii_digit).count();
        assert_eq!(reference.zone.to_string(), &mgrs[..digits], "{name}");
        assert_eq!(reference.zone, zone, "{name}");
        assert_eq!(
            reference.band,
            mgrs[digits..].chars().next().unwrap_or(' '),
            "{name}"
        );
        assert_eq!(reference.square, &mgrs[digits + 1..digits + 3], "{name}");
        let easting: f64 = mgrs[digits + 3..digits + 8].parse().unwrap_or(-1.0);
        let northing: f64 = mgrs[digits + 8..].parse().unwrap_or(-1.0);
        // GeoConvert truncates to the metre.
        assert!(
            (reference.easting - easting - 0.5).abs() <= 0.5 + 1e-6,
            "{name}: easting {}",
            reference.easting
        );
        assert!(
            (reference.northing - northing - 0.5).abs() <= 0.5 + 1e-6,
            "{name}: northing {}",
            reference.northing
        );
    }
}

#[test]
fn the_1_km_grid_lines_and_square_letters_are_where_geographiclib_puts_them() {
    for &Reference {
        name,
        lat,
        lon,
        mgrs,
        corner: (corner_lat, corner_lon),
        corner_km: (e_km, n_km),
        ..
    } in REFERENCES
    {
        let bounds = [lon - 0.03, lat - 0.02, lon + 0.03, lat + 0.02];
        let grid = mgrs_grid(bounds, 12.0);
        let nearest = |runs: Runs, label: String| {
            grid.lines
                .iter()
                .filter(|l| l.runs == runs && l.label.as_deref() == Some(label.as_str()))
                .map(|l| metres_to_line((corner_lon, corner_lat), &l.points))
                .fold(f64::INFINITY, f64::min)
        };
        let easting_line = nearest(Runs::NorthSouth, format!("{:02}", e_km % 100));
        let northing_line = nearest(Runs::EastWest, format!("{:02}", n_km % 100));
        assert!(
            easting_line < 1.0,
            "{name}: easting line {easting_line} m from GeographicLib's"
        );
        assert!(
            northing_line < 1.0,
            "{name}: northing line {northing_line} m from GeographicLib's"
        );
        // Zoomed out, the 100 km square around the point carries its two letters.
        let digits = mgrs.chars().take_while(char::is_ascii_digit).count();
        let letters = &mgrs[digits + 1..digits + 3];
        let wide = mgrs_grid([lon - 2.0, lat - 1.5, lon + 2.0, lat + 1.5], 7.0);
        assert!(
            wide.labels.iter().any(|l| l.text == letters
                && (l.at.0 - lon).abs() < 1.5
                && (l.at.1 - lat).abs() < 1.0),
            "{name}: no square labelled {letters}"
        );
    }
}

#[test]
fn a_grid_never_draws_more_than_a_few_thousand_lines() {
    for zoom in [1.0, 3.0, 5.5, 8.5, 11.5, 14.0] {
        let span = 360.0 / 2f64.powf(zoom) * 3.0;
        let grid = mgrs_grid(
            [
                30.0 - span,
                50.0 - span / 2.0,
                30.0 + span,
                50.0 + span / 2.0,
            ],
            zoom,
        );
        assert!(
            grid.lines.len() < 5000,
            "zoom {zoom}: {} lines",
            grid.lines.len()
        );
    }
}

#[test]
fn grids_anywhere_on_earth_at_any_zoom_never_panic() {
    // Views over the whole globe, the poles, the antimeridian and the zone exceptions.
    let mut views = Vec::new();
    for lon in (-180..=180).step_by(45) {
        for lat in (-85..=85).step_by(17) {
            for zoom in [1.0, 4.0, 6.0, 9.0, 12.0] {
                views.push((f64::from(lon), f64::from(lat), zoom));
            }
        }
    }
    views.extend([
        (5.0, 60.0, 7.0),
        (15.0, 78.0, 6.0),
        (179.99, 0.0, 12.0),
        (0.0, 83.9, 9.0),
    ]);
    for (lon, lat, zoom) in views {
        let span = 360.0 / 2f64.powf(zoom);
        let bounds = [lon - span, lat - span / 2.0, lon + span, lat + span / 2.0];
        let grid = mgrs_grid(bounds, zoom);
        let graticule = backstop::geometry::grid::graticule(bounds, zoom);
        assert!(
            grid.lines.len() < 5000,
            "{lon},{lat} z{zoom}: {} lines",
            grid.lines.len()
        );
        assert!(
            graticule.lines.len() < 200,
            "{lon},{lat} z{zoom}: graticule"
        );
        let _ = grid_reference(lon, lat.clamp(-79.9, 83.9));
    }
    // geoconvert asserts on this point; Backstop answers a centimetre north of it.
    let equator = grid_reference(-180.0, 0.0).map(|r| (r.zone, r.band));
    assert_eq!(equator, Some((1, 'N')));
}
