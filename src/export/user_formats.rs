//! The user's own overlays written out as GeoJSON, KML or CSV: with the scenario, or
//! alone, so that `backstop export --overlay in.kmz --overlays-only --out out.geojson`
//! converts a file.

use std::collections::BTreeSet;
use std::sync::Arc;

use geo::{Geometry, InteriorPoint};
use geozero::ToWkt;
use serde_json::{Value, json};

use super::formats::{csv_field, kml_geometry, xml_escape};
use crate::geometry::position::{CoordinateFormat, format_position};
use crate::overlay::UserLayer;

/// Every feature of the layers as GeoJSON features, each with its layer's name in
/// `layer` (unless the feature has a `layer` of its own).
pub fn user_features_geojson(layers: &[Arc<UserLayer>]) -> Vec<Value> {
    let mut out = Vec::new();
    for layer in layers {
        for feature in layer.features.iter() {
            let mut properties = feature.properties.clone();
            properties
                .entry("layer")
                .or_insert_with(|| Value::String(layer.name.clone()));
            let geometry = serde_json::to_value(geojson::Geometry::from(&feature.geometry))
                .unwrap_or(Value::Null);
            out.push(json!({"type": "Feature", "properties": properties, "geometry": geometry}));
        }
    }
    out
}

/// The layers alone as one GeoJSON FeatureCollection.
pub fn user_layers_to_geojson(layers: &[Arc<UserLayer>]) -> String {
    let collection =
        json!({"type": "FeatureCollection", "features": user_features_geojson(layers)});
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The layers as KML folders: one placemark per feature, its name, and every other
/// property as ExtendedData.
pub fn user_layers_kml_folders(layers: &[Arc<UserLayer>]) -> String {
    let mut kml = String::new();
    for layer in layers {
        kml.push_str(&format!(
            "<Folder><name>{}</name>\n",
            xml_escape(&layer.name)
        ));
        for feature in layer.features.iter() {
            kml.push_str("<Placemark>");
            if let Some(name) = feature.properties.get("name") {
                kml.push_str(&format!("<name>{}</name>", xml_escape(&text_of(name))));
            }
            let data: String = feature
                .properties
                .iter()
                .filter(|(key, _)| key.as_str() != "name")
                .map(|(key, value)| {
                    format!(
                        "<Data name=\"{}\"><value>{}</value></Data>",
                        xml_escape(key),
                        xml_escape(&text_of(value))
                    )
                })
                .collect();
            if !data.is_empty() {
                kml.push_str(&format!("<ExtendedData>{data}</ExtendedData>"));
            }
            kml.push_str(&kml_geometry(&feature.geometry));
            kml.push_str("</Placemark>\n");
        }
        kml.push_str("</Folder>\n");
    }
    kml
}

/// The layers alone as a KML document.
pub fn user_layers_to_kml(layers: &[Arc<UserLayer>]) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n{}</Document></kml>\n",
        user_layers_kml_folders(layers)
    )
}

/// One row per feature: its layer, the latitude, longitude and MGRS of a point on it
/// (the point itself, or a point inside an area or on a line), its geometry as WKT, then
/// every property (the union of the layers' property names).
pub fn user_layers_to_csv(layers: &[Arc<UserLayer>]) -> String {
    let keys: BTreeSet<&String> = layers.iter().flat_map(|l| l.features.keys()).collect();
    let mut out = String::from("layer,lat,lon,mgrs,WKT");
    for key in &keys {
        out.push(',');
        out.push_str(&csv_field(key));
    }
    out.push('\n');
    for layer in layers {
        for feature in layer.features.iter() {
            let point = representative_point(&feature.geometry);
            let mut fields = vec![
                layer.name.clone(),
                point.map(|(_, lat)| lat.to_string()).unwrap_or_default(),
                point.map(|(lon, _)| lon.to_string()).unwrap_or_default(),
                point
                    .map(|(lon, lat)| format_position(lat, lon, CoordinateFormat::Mgrs))
                    .unwrap_or_default(),
                feature.geometry.to_wkt().unwrap_or_default(),
            ];
            fields.extend(keys.iter().map(|key| {
                feature
                    .properties
                    .get(*key)
                    .map(text_of)
                    .unwrap_or_default()
            }));
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out
}

/// A point on the geometry: the point, or one inside the area or on the line.
fn representative_point(geometry: &Geometry<f64>) -> Option<(f64, f64)> {
    geometry.interior_point().map(|p| (p.x(), p.y()))
}
