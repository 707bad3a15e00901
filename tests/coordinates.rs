//! The coordinate parser and formatter against positions computed independently, once,
//! with GeographicLib's GeoConvert 2.x (`echo REF | GeoConvert -p 2`,
//! `echo LAT LON | GeoConvert -m -p 0`, `… -u -p 0`): MGRS and UTM agree to a metre,
//! near zone and band edges and south of the equator too.

use backstop::geometry::distance_km;
use backstop::geometry::position::{
    CoordinateFormat, PositionError, format_position, parse_position, parse_position_exactly,
};

/// MGRS references and the centre of their square, as GeoConvert reads them.
const MGRS_REFERENCES: &[(&str, f64, f64)] = &[
    ("36UUA1234567890", 50.2333598, 30.3686548),
    ("36UUA123678", 50.2329974, 30.3687378),
    ("35ULR0000000000", 49.6194218, 24.2309489),
    ("37UCS9999999999", 51.4423477, 37.5611162),
    ("31UDQ4838011890", 48.8578313, 2.2962599),
    ("19HCD5432112345", -33.3181815, -70.5650267),
    ("60HUE0000100001", -37.0249023, 174.7516480),
    ("01KHV1234554321", -18.4784604, -174.0424960),
    ("32VKK9999000010", 57.6977156, 5.6436787),
    ("36NVF1234512345", 0.1116830, 32.2122946),
    ("35MQT1234567890", -2.0987855, 28.9092130),
    ("33XWG1234512345", 77.5871085, 15.5144911),
];

/// Positions and their MGRS (1 m, truncated) and UTM (rounded) as GeoConvert writes them.
const POSITIONS: &[(f64, f64, &str, &str)] = &[
    (50.4501, 30.5234, "36UUA2418291607", "36 324182 5591608"),
    (47.99999, 29.99999, "35TQP2377520654", "35 723775 5320655"),
    (48.00001, 30.00001, "36UTU7622420656", "36 276225 5320657"),
    (-0.00001, 36.5, "37MBV2172399998", "37 221724 9999999"),
    (0.00001, 36.5, "37NBA2172300001", "37 221724 1"),
    (-33.9249, 18.4241, "34HBH6188143182", "34 261882 6243182"),
    (56.1, 3.1, "32VJH3322632906", "32 133226 6232906"),
    (78.2, 15.6, "33XWG1369680760", "33 513697 8680760"),
    (83.9, -30.5, "25XEP2965017573", "25 529650 9317573"),
    (-79.9, 100.1, "47CNM2153429372", "47 521534 1129372"),
    (40.7484, -73.9857, "18TWL8562811322", "18 585628 4511322"),
    (-54.8, -68.3, "19FEV4500027239", "19 545000 3927239"),
];

fn metres_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    distance_km([a.1, a.0], [b.1, b.0]) * 1000.0
}

fn only_reading(text: &str) -> (f64, f64) {
    let readings = parse_position(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    assert_eq!(readings.len(), 1, "{text:?}: {readings:?}");
    (readings[0].lat, readings[0].lon)
}

#[test]
fn mgrs_references_land_within_a_metre_of_geoconvert() {
    for (reference, lat, lon) in MGRS_REFERENCES {
        let got = only_reading(reference);
        let off = metres_between(got, (*lat, *lon));
        assert!(
            off < 1.0,
            "{reference}: {got:?} is {off:.2} m from GeoConvert's"
        );
    }
}

#[test]
fn mgrs_reads_with_spaces_lower_case_and_at_any_precision() {
    let joined = only_reading("36UUA1234567890");
    for spaced in [
        "36U UA 12345 67890",
        "36u ua 12345 67890",
        " 36UUA 12345 67890 ",
    ] {
        assert!(
            metres_between(only_reading(spaced), joined) < 0.01,
            "{spaced}"
        );
    }
    let coarse = only_reading("36UUA 123 678");
    assert!(metres_between(coarse, (50.2329974, 30.3687378)) < 1.0);
    // Grid zone and square alone: the square's centre.
    let square = only_reading("36UUA");
    assert!(metres_between(square, joined) < 80_000.0);
    let readings = parse_position("36U UA 12345 67890").unwrap_or_default();
    assert_eq!(readings[0].understood, "MGRS 36U UA 12345 67890");
}

#[test]
fn positions_are_written_as_geoconvert_writes_them() {
    for (lat, lon, mgrs, utm) in POSITIONS {
        let written = format_position(*lat, *lon, CoordinateFormat::Mgrs).replace(' ', "");
        assert_eq!(&written, mgrs, "MGRS of {lat}, {lon}");
        let written = format_position(*lat, *lon, CoordinateFormat::Utm);
        let mut parts = written.split(' ');
        let zone: String = parts
            .next()
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let rest: Vec<&str> = parts.collect();
        assert_eq!(
            format!("{zone} {}", rest.join(" ")),
            *utm,
            "UTM of {lat}, {lon}"
        );
    }
}

#[test]
fn what_is_written_reads_back_to_the_same_metre() {
    for (lat, lon, _, _) in POSITIONS {
        for format in CoordinateFormat::ALL {
            let text = format_position(*lat, *lon, format);
            let back = only_reading(&text);
            let tolerance = match format {
                // Four decimals of a degree: 11 m.
                CoordinateFormat::Decimal => 12.0,
                // A tenth of a second: 3 m.
                CoordinateFormat::Dms => 4.0,
                // Truncated to the metre, read back at the centre of that metre.
                CoordinateFormat::Mgrs | CoordinateFormat::Utm => 1.5,
            };
            let off = metres_between(back, (*lat, *lon));
            assert!(off < tolerance, "{text}: {back:?} is {off:.2} m away");
        }
    }
}

#[test]
fn utm_reads_with_a_band_letter_or_a_hemisphere() {
    let (lat, lon) = only_reading("36U 324182 5591608");
    assert!(metres_between((lat, lon), (50.4501, 30.5234)) < 1.5);
    let (lat, _) = only_reading("36 north 324182 5591608");
    assert!(lat > 50.0);
    let (lat, lon) = only_reading("34H 261882 6243182");
    assert!(metres_between((lat, lon), (-33.9249, 18.4241)) < 1.5);
}

#[test]
fn a_utm_letter_that_is_both_a_band_and_a_hemisphere_is_offered_as_choices() {
    // S is band S (32°N to 40°N) and the southern hemisphere; this northing fits both,
    // so both are offered, the band first.
    let readings = parse_position("36S 312345 3790123").unwrap_or_default();
    assert_eq!(readings.len(), 2, "{readings:?}");
    assert!(readings[0].lat > 32.0 && readings[0].lat < 40.0);
    assert!(readings[1].lat < -55.0 && readings[1].understood.contains("south"));
    assert!(parse_position_exactly("36S 312345 3790123").is_err());
    // This one is too far north for band S: only the southern hemisphere fits.
    let readings = parse_position("36S 312345 5590123").unwrap_or_default();
    assert_eq!(readings.len(), 1, "{readings:?}");
    assert!(readings[0].lat < -39.0, "{readings:?}");
    assert!(readings[0].understood.contains("south"), "{readings:?}");
}

/// Inputs in the forms the issue lists, and where each must land.
const LAT_LON_FORMS: &[(&str, f64, f64)] = &[
    ("50.45, 30.52", 50.45, 30.52),
    ("50.45,30.52", 50.45, 30.52),
    ("50.45 30.52", 50.45, 30.52),
    ("50.45; 30.52", 50.45, 30.52),
    ("-33.92, 18.42", -33.92, 18.42),
    ("50.45N 30.52E", 50.45, 30.52),
    ("30.52E 50.45N", 50.45, 30.52),
    ("30.52 E, 50.45 N", 50.45, 30.52),
    ("N50.45 E30.52", 50.45, 30.52),
    ("E30.52 N50.45", 50.45, 30.52),
    ("33.92S 18.42E", -33.92, 18.42),
    ("40.7484N 73.9857W", 40.7484, -73.9857),
    ("40.7484N 73.9857O", 40.7484, -73.9857),
    ("50°27′00″N 30°31′12″E", 50.45, 30.52),
    ("50°27'00\"N 30°31'12\"E", 50.45, 30.52),
    ("50° 27′ 00″ N, 30° 31′ 12″ E", 50.45, 30.52),
    ("50°27'00''N 30°31'12''E", 50.45, 30.52),
    ("N50 27.0 E30 31.2", 50.45, 30.52),
    ("N 50 27 0 E 30 31 12", 50.45, 30.52),
    ("50 27 00 N 30 31 12 E", 50.45, 30.52),
    ("50°27.0′N 30°31.2′E", 50.45, 30.52),
    ("50°27′ 30°31.2′", 50.45, 30.52),
    ("S33°55′30″ E18°25′12″", -33.925, 18.42),
    ("50º27'N 30º31.2'E", 50.45, 30.52),
    ("+50.45 +30.52", 50.45, 30.52),
    ("30.52E, 50°27′N", 50.45, 30.52),
];

#[test]
fn latitude_and_longitude_read_in_every_common_form() {
    for (text, lat, lon) in LAT_LON_FORMS {
        let readings = parse_position(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let first = &readings[0];
        let off = metres_between((first.lat, first.lon), (*lat, *lon));
        assert!(off < 0.5, "{text:?} read as {first:?}");
    }
}

#[test]
fn two_bare_numbers_are_latitude_first_and_the_other_order_is_offered() {
    let readings = parse_position("50.45, 30.52").unwrap_or_default();
    assert_eq!(readings.len(), 2);
    assert!(!readings[0].longitude_first && readings[1].longitude_first);
    assert!((readings[1].lat - 30.52).abs() < 1e-9);
    // Only one order fits: no choice to offer.
    assert_eq!(parse_position("120.5, 45.2").unwrap_or_default().len(), 1);
    // Where no choice can be offered, latitude first is taken; longitude first is not.
    assert!(parse_position_exactly("50.45, 30.52").is_ok_and(|p| p.lat == 50.45));
    assert!(parse_position_exactly("120.5, 45.2").is_err());
}

#[test]
fn garbage_is_refused_with_a_reason() {
    for text in ["Kyiv", "", "hello world"] {
        assert_eq!(
            parse_position(text),
            Err(PositionError::NotAPosition),
            "{text:?}"
        );
    }
    let invalid = [
        ("50.45", "one number"),
        ("95.0N 30E", "out of range"),
        ("50N 30N", "both numbers are latitudes"),
        ("50°75′N 30°E", "under 60"),
        ("36U UA 1234 567", "same number of digits"),
        ("36UUA1234567", "as many easting as northing"),
        ("61U UA 12345 67890", "zone 61 does not exist"),
        ("36I UA 12345 67890", "not a latitude band"),
        ("50.45N 30.52", "both numbers, or for neither"),
        ("1, 2, 3", "more than one separator"),
        ("36U 50 5590123", "out of range"),
    ];
    for (text, reason) in invalid {
        match parse_position(text) {
            Err(PositionError::Invalid(message)) => {
                assert!(message.contains(reason), "{text:?}: {message}")
            }
            other => panic!("{text:?} should be refused ({reason}), got {other:?}"),
        }
    }
}

#[test]
fn polar_mgrs_references_read_as_geoconvert_reads_them() {
    for (reference, lat, lon) in [
        ("ZCC7772818959", 84.9999986, 29.9999676),
        ("ATK1895922271", -84.9999986, -119.9999676),
        ("ZGC2677330125", 84.2872326, 42.2479658),
    ] {
        let got = only_reading(reference);
        let off = metres_between(got, (lat, lon));
        assert!(
            off < 1.0,
            "{reference}: {got:?} is {off:.2} m from GeoConvert's"
        );
    }
}
