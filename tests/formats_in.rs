//! Files written by other tools load as GDAL reads them: the fixtures in
//! tests/format_fixtures/files were written by ogr2ogr (GDAL 3.6) from data/ by
//! tests/format_fixtures/make.sh, and expected/ holds GDAL's own reading of each, in
//! WGS84. Backstop's readers must find the same features at the same coordinates.

use std::path::{Path, PathBuf};

use backstop::io::UserFeature;
use backstop::io::formats::{ReadOptions, read_overlay};
use geo::CoordsIter;

mod common;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/format_fixtures")
}

fn read_ours(name: &str) -> Vec<UserFeature> {
    let path = fixtures().join("files").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (features, problems) = read_overlay(&path, &bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
    features.to_features()
}

/// GDAL's features: the coordinates of each, sorted (rings may start elsewhere).
fn read_gdal(name: &str) -> Vec<Option<Vec<[f64; 2]>>> {
    let path = fixtures().join("expected").join(format!("{name}.geojson"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let features = value["features"].as_array().cloned().unwrap_or_default();
    features
        .iter()
        .map(|f| {
            let geometry = &f["geometry"];
            if geometry.is_null() {
                return None;
            }
            let geometry: geojson::Geometry =
                serde_json::from_value(geometry.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
            let geometry: geo::Geometry<f64> = geometry
                .try_into()
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            Some(sorted_coords(&geometry))
        })
        .collect()
}

fn sorted_coords(geometry: &geo::Geometry<f64>) -> Vec<[f64; 2]> {
    let mut coords: Vec<[f64; 2]> = geometry.coords_iter().map(|c| [c.x, c.y]).collect();
    coords.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    coords
}

fn assert_same_as_gdal(name: &str, ours: &[UserFeature], gdal: &[Option<Vec<[f64; 2]>>]) {
    assert_eq!(ours.len(), gdal.len(), "{name}: feature count");
    for (index, (mine, theirs)) in ours.iter().zip(gdal).enumerate() {
        let Some(theirs) = theirs else {
            panic!("{name}: GDAL gives feature {index} no geometry")
        };
        let mine = sorted_coords(&mine.geometry);
        assert_eq!(
            mine.len(),
            theirs.len(),
            "{name}: feature {index} vertex count"
        );
        for (a, b) in mine.iter().zip(theirs) {
            let off = (a[0] - b[0]).abs().max((a[1] - b[1]).abs());
            assert!(off < 1e-6, "{name}: feature {index}: {a:?} vs GDAL's {b:?}");
        }
    }
}

#[test]
fn every_format_gdal_writes_loads_with_gdals_features_and_coordinates() {
    for name in [
        "points.kml",
        "areas.kml",
        "areas.kmz",
        "points.shp.zip",
        "areas.shp.zip",
        "points-utm36.shp.zip",
        "areas.gpkg",
        "points-3857.gpkg",
        "areas.fgb",
        "points.csv",
        "points.gpx",
        "line.gpx",
        "areas-3857.geojson",
    ] {
        let ours = read_ours(name);
        assert_same_as_gdal(name, &ours, &read_gdal(name));
    }
}

#[test]
fn a_semicolon_csv_in_windows_1251_with_cyrillic_headers_and_decimal_commas_loads() {
    let ours = read_ours("points-cp1251.csv");
    // GDAL counts the rows but cannot read decimal commas; the points are the hubs'.
    let gdal_rows = read_gdal("points-cp1251.csv").len();
    assert_eq!(ours.len(), gdal_rows);
    assert_same_as_gdal("points-cp1251.csv", &ours, &read_gdal("points.kml"));
    let first = &ours[0].properties;
    assert_eq!(first["назва"], "MNF-U headquarters, Paris");
    assert_eq!(first["статус"], "reported");
}

#[test]
fn attributes_keep_their_encoding_and_kml_keeps_names() {
    let shapefile = read_ours("points-utm36.shp.zip");
    let kml = read_ours("points.kml");
    for (a, b) in shapefile.iter().zip(&kml) {
        assert_eq!(a.properties["name"], b.properties["name"]);
    }
    let gpkg = read_ours("areas.gpkg");
    assert!(
        gpkg.iter()
            .any(|f| f.properties["name"] == "Square with a hole")
    );
    let holed = gpkg
        .iter()
        .find(|f| f.properties["name"] == "Square with a hole")
        .map(|f| &f.geometry);
    assert!(
        matches!(holed, Some(geo::Geometry::Polygon(p)) if p.interiors().len() == 1),
        "{holed:?}"
    );
}

#[test]
fn a_shapefile_in_a_projection_nobody_can_undo_is_a_clear_error() {
    let home = common::TestHome::new();
    let zip = home.root().join("odd.shp.zip");
    let source = fixtures().join("files/points-utm36.shp.zip");
    let bytes = std::fs::read(&source).unwrap_or_default();
    // The same Shapefile with a .prj no projection library reads.
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    let mut out =
        zip::ZipWriter::new(std::fs::File::create(&zip).unwrap_or_else(|e| panic!("{e}")));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap_or_else(|e| panic!("{e}"));
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).unwrap_or_default();
        if name.ends_with(".prj") {
            content = br#"PROJCS["Made up",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["No_Such_Projection"],UNIT["Meter",1.0]]"#.to_vec();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        std::io::Write::write_all(&mut out, &content).unwrap_or_default();
    }
    out.finish().unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(&zip).unwrap_or_default();
    let error = read_overlay(&zip, &bytes, &ReadOptions::default())
        .err()
        .unwrap_or_default();
    let line = error.first().map(ToString::to_string).unwrap_or_default();
    assert!(line.starts_with("odd.shp.zip"), "{line}");
    assert!(line.contains("Made up"), "{line}");
}
