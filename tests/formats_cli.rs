//! `backstop check --overlay` and `backstop export --overlay` on files of every format:
//! problems named headless, and conversions that read back with the same features.

use std::path::{Path, PathBuf};

mod common;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/format_fixtures/files")
        .join(name)
}

const FORMATS: &[(&str, usize)] = &[
    ("points.kml", 10),
    ("areas.kmz", 8),
    ("areas.shp.zip", 8),
    ("points-utm36.shp.zip", 10),
    ("areas.gpkg", 8),
    ("areas.fgb", 8),
    ("points.csv", 10),
    ("points-cp1251.csv", 10),
    ("line.gpx", 1),
    ("areas-3857.geojson", 8),
];

#[test]
fn check_reads_an_overlay_of_every_format_and_counts_its_features() {
    let home = common::TestHome::new();
    for (name, count) in FORMATS {
        let output = home
            .backstop()
            .args(["check", "--overlay"])
            .arg(fixture(name))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{name}: {stdout}");
        assert!(
            stdout.contains(&format!(
                "{name}: {count} feature{} read",
                if *count == 1 { "" } else { "s" }
            )),
            "{name}: {stdout}"
        );
    }
}

#[test]
fn check_names_the_file_row_and_column_of_a_bad_overlay() {
    let home = common::TestHome::new();
    let csv = home.root().join("sightings.csv");
    std::fs::write(&csv, "name;lat;lon\nok;50,1;30,2\nbad;north;30,2\n").unwrap_or_default();
    let output = home
        .backstop()
        .args(["check", "--overlay"])
        .arg(&csv)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("sightings.csv:3: column \"lat\": error: \"north\" is not a coordinate"),
        "{stdout}"
    );
    assert!(stdout.contains("sightings.csv: 1 feature read"), "{stdout}");
}

#[test]
fn export_converts_every_format_to_geojson_kml_and_csv_with_the_same_features() {
    let home = common::TestHome::new();
    for (name, count) in FORMATS {
        for extension in ["geojson", "kml", "csv"] {
            let out = home.root().join(format!("{name}.{extension}"));
            let output = home
                .backstop()
                .args(["export", "--overlays-only", "--overlay"])
                .arg(fixture(name))
                .arg("--out")
                .arg(&out)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(
                output.status.success(),
                "{name} → {extension}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let bytes = std::fs::read(&out).unwrap_or_default();
            let (features, problems) =
                backstop::io::formats::read_overlay(&out, &bytes, &Default::default())
                    .unwrap_or_else(|e| panic!("{name} → {extension}: {e:?}"));
            assert!(problems.is_empty(), "{name} → {extension}: {problems:?}");
            // A CSV holds one row a feature, at a point on it (its WKT beside).
            assert_eq!(features.len(), *count, "{name} → {extension}");
        }
    }
}

#[test]
fn export_draws_an_overlay_into_the_picture_and_adds_it_to_the_scenario_data() {
    let home = common::TestHome::new();
    let out = home.root().join("all.geojson");
    let status = home
        .backstop()
        .args(["export", "--overlay"])
        .arg(fixture("areas.kmz"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.status.success());
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let features = value["features"].as_array().cloned().unwrap_or_default();
    let from_kmz = features
        .iter()
        .filter(|f| f["properties"]["layer"] == "areas.kmz")
        .count();
    assert_eq!(from_kmz, 8);
    assert!(features.iter().any(|f| f["properties"]["layer"] == "hubs"));
}
