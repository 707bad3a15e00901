//! The GeoJSON reader on small files: every geometry, bad features, legacy crs, syntax errors.

use super::*;

#[test]
fn every_geometry_type_reads_and_altitudes_are_ignored() {
    let text = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"p"},"geometry":{"type":"Point","coordinates":[30,50,120]}},
        {"type":"Feature","properties":{},"geometry":{"coordinates":[[30,50],[31,51]],"type":"LineString"}},
        {"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,50]]]}},
        {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[30,50],[31,50],[31,51],[30,50]]]]}},
        {"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]}]}}
    ]}"#;
    let (features, problems) =
        read_user_geojson("mine.geojson", text.as_bytes()).unwrap_or_default();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(features.len(), 5);
    assert_eq!(
        features[0].geometry,
        Geometry::Point(Point::new(30.0, 50.0))
    );
    assert_eq!(features[0].properties["name"], "p");
}

#[test]
fn a_bad_feature_is_named_and_left_out_and_the_rest_load() {
    let text = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[30,50]}},
        {"type":"Feature","properties":{"id":"b"},"geometry":{"type":"LineString","coordinates":[[30,95],[31,51]]}}
    ]}"#;
    let (features, problems) =
        read_user_geojson("mine.geojson", text.as_bytes()).unwrap_or_default();
    assert_eq!(features.len(), 1);
    let line = problems[0].to_string();
    assert!(line.contains("mine.geojson"), "{line}");
    assert!(line.contains("\"b\""), "{line}");
    assert!(line.contains("geometry"), "{line}");
    assert!(line.contains("out of range"), "{line}");
}

#[test]
fn a_legacy_crs_is_honoured_and_an_unknown_one_refused() {
    let text = r#"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[3397848.3,6522000.0]}}]}"#;
    let (features, problems) = read_user_geojson("m.geojson", text.as_bytes()).unwrap_or_default();
    assert!(problems.is_empty(), "{problems:?}");
    let Some(Geometry::Point(p)) = features.first().map(|f| &f.geometry) else {
        panic!("no point")
    };
    assert!(
        (p.x() - 30.5234).abs() < 1e-3 && p.y() > 50.0 && p.y() < 51.0,
        "{p:?}"
    );
    let unknown = text.replace("EPSG::3857", "EPSG::999999");
    let error = read_user_geojson("m.geojson", unknown.as_bytes()).err();
    assert!(error.is_some_and(|e| e.message.contains("999999")));
}

#[test]
fn a_syntax_error_gives_line_and_column() {
    let text = "{\"type\":\"FeatureCollection\",\n\"features\":[ {,] }";
    let error = read_user_geojson("mine.geojson", text.as_bytes())
        .err()
        .unwrap_or_else(|| panic!("should fail"));
    assert!(
        matches!(error.location, Location::Text { line: 2, .. }),
        "{error}"
    );
}

#[test]
fn a_crs_written_after_the_features_is_still_honoured() {
    let text = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[3397848.3,6522000.0]}},
        {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[100.0,50.0]}}],
        "crs":{"type":"name","properties":{"name":"EPSG:3857"}}}"#;
    let (features, problems) =
        read_user_geojson("late.geojson", text.as_bytes()).unwrap_or_default();
    assert!(problems.is_empty(), "{problems:?}");
    // [100, 50] also reads as lon/lat: the first reading of it is forgotten.
    assert_eq!(features.len(), 2, "each read once, not twice");
    let Some(Geometry::Point(near_null_island)) = features.get(1).map(|f| &f.geometry) else {
        panic!("no second point")
    };
    assert!(near_null_island.x().abs() < 0.01, "{near_null_island:?}");
    let Some(Geometry::Point(p)) = features.first().map(|f| &f.geometry) else {
        panic!("no point")
    };
    assert!((p.x() - 30.5234).abs() < 1e-3, "{p:?}");
}

#[test]
fn features_reach_the_sink_in_file_order() {
    let text = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[30,50]}},
        {"type":"Feature","properties":{"n":2},"geometry":{"type":"Point","coordinates":[31,50]}}]}"#;
    let mut seen: Vec<UserFeature> = Vec::new();
    let problems = read_geojson_into("m.geojson", text.as_bytes(), &mut seen).unwrap_or_default();
    assert!(problems.is_empty());
    let numbers: Vec<_> = seen.iter().map(|f| f.properties["n"].clone()).collect();
    assert_eq!(numbers, [1, 2]);
}
