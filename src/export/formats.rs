//! Data exports: GeoJSON (RFC 7946), KML for Google Earth, and CSV of hubs.

use geo::Geometry;
use serde_json::{Value, json};

use crate::model::{Hub, OverlayFeature, Scenario, Source};

fn sources_json(sources: &[Source]) -> Value {
    Value::Array(
        sources
            .iter()
            .map(|s| json!({"title": s.title, "url": s.url, "date": s.date.map(|d| d.to_string())}))
            .collect(),
    )
}

fn geometry_json(geometry: &Geometry<f64>) -> Value {
    let position = |c: &geo::Coord<f64>| json!([c.x, c.y]);
    let ring = |l: &geo::LineString<f64>| Value::Array(l.0.iter().map(position).collect());
    let polygon = |p: &geo::Polygon<f64>| {
        Value::Array(
            std::iter::once(p.exterior())
                .chain(p.interiors())
                .map(ring)
                .collect(),
        )
    };
    match geometry {
        Geometry::Point(p) => json!({"type": "Point", "coordinates": [p.x(), p.y()]}),
        Geometry::MultiPoint(mp) => {
            json!({"type": "MultiPoint", "coordinates": mp.0.iter().map(|p| json!([p.x(), p.y()])).collect::<Vec<_>>()})
        }
        Geometry::LineString(l) => json!({"type": "LineString", "coordinates": ring(l)}),
        Geometry::MultiLineString(ml) => {
            json!({"type": "MultiLineString", "coordinates": ml.0.iter().map(ring).collect::<Vec<_>>()})
        }
        Geometry::Polygon(p) => json!({"type": "Polygon", "coordinates": polygon(p)}),
        Geometry::MultiPolygon(mp) => {
            json!({"type": "MultiPolygon", "coordinates": mp.0.iter().map(polygon).collect::<Vec<_>>()})
        }
        _ => Value::Null,
    }
}

fn hub_properties(hub: &Hub) -> Value {
    json!({
        "layer": "hubs",
        "id": hub.id,
        "name": hub.name,
        "kind": hub.kind.keyword(),
        "lead": hub.lead,
        "partners": hub.partners,
        "personnel": hub.personnel.map(|p| if p.min == p.max { json!(p.min) } else { json!([p.min, p.max]) }),
        "status": hub.status.keyword(),
        "sources": sources_json(&hub.sources),
        "description": hub.description,
        "valid_from": hub.valid_from.as_ref().map(ToString::to_string),
        "valid_to": hub.valid_to.as_ref().map(ToString::to_string),
    })
}

fn overlay_properties(layer: &str, feature: &OverlayFeature) -> Value {
    json!({
        "layer": layer,
        "id": feature.id,
        "name": feature.name,
        "kind": feature.kind.keyword(),
        "operator": feature.operator,
        "status": feature.status.keyword(),
        "sources": sources_json(&feature.sources),
        "description": feature.description,
    })
}

/// Hubs, overlay features (the computed buffer included), the user's annotations and the
/// user's own overlays as one FeatureCollection; each feature's `layer` property says
/// which.
pub fn to_geojson(
    scenario: &Scenario,
    annotations: &[crate::model::Annotation],
    user: &[std::sync::Arc<crate::overlay::UserLayer>],
) -> String {
    let hubs = scenario.hubs.iter().map(|hub| {
        json!({"type": "Feature", "properties": hub_properties(hub), "geometry": {"type": "Point", "coordinates": [hub.lon, hub.lat]}})
    });
    let overlays = scenario.overlay_features().map(|(layer, feature)| {
        json!({"type": "Feature", "properties": overlay_properties(&layer.id, feature), "geometry": geometry_json(&feature.geometry)})
    });
    let drawn = crate::io::annotations_to_geojson(annotations);
    let drawn = drawn["features"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|mut feature| {
            feature["properties"]["layer"] = json!("annotations");
            feature
        });
    let features: Vec<Value> = hubs
        .chain(overlays)
        .chain(drawn)
        .chain(super::user_formats::user_features_geojson(user))
        .collect();
    let collection = json!({"type": "FeatureCollection", "features": features});
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}

pub(super) fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn kml_coordinates(line: &geo::LineString<f64>) -> String {
    line.0
        .iter()
        .map(|c| format!("{},{}", c.x, c.y))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn kml_geometry(geometry: &Geometry<f64>) -> String {
    let polygon = |p: &geo::Polygon<f64>| {
        let mut out = format!(
            "<Polygon><outerBoundaryIs><LinearRing><coordinates>{}</coordinates></LinearRing></outerBoundaryIs>",
            kml_coordinates(p.exterior())
        );
        for hole in p.interiors() {
            out.push_str(&format!(
                "<innerBoundaryIs><LinearRing><coordinates>{}</coordinates></LinearRing></innerBoundaryIs>",
                kml_coordinates(hole)
            ));
        }
        out.push_str("</Polygon>");
        out
    };
    match geometry {
        Geometry::Point(p) => format!(
            "<Point><coordinates>{},{}</coordinates></Point>",
            p.x(),
            p.y()
        ),
        Geometry::LineString(l) => format!(
            "<LineString><coordinates>{}</coordinates></LineString>",
            kml_coordinates(l)
        ),
        Geometry::MultiLineString(ml) => format!(
            "<MultiGeometry>{}</MultiGeometry>",
            ml.0.iter()
                .map(|l| format!(
                    "<LineString><coordinates>{}</coordinates></LineString>",
                    kml_coordinates(l)
                ))
                .collect::<String>()
        ),
        Geometry::Polygon(p) => polygon(p),
        Geometry::MultiPolygon(mp) => format!(
            "<MultiGeometry>{}</MultiGeometry>",
            mp.0.iter().map(polygon).collect::<String>()
        ),
        Geometry::MultiPoint(mp) => format!(
            "<MultiGeometry>{}</MultiGeometry>",
            mp.0.iter()
                .map(|p| kml_geometry(&Geometry::Point(*p)))
                .collect::<String>()
        ),
        Geometry::GeometryCollection(parts) => format!(
            "<MultiGeometry>{}</MultiGeometry>",
            parts.0.iter().map(kml_geometry).collect::<String>()
        ),
        _ => String::new(),
    }
}

/// KML colour aabbggrr from sRGB and opacity.
fn kml_colour(rgb: [u8; 3], opacity: f32) -> String {
    format!(
        "{:02x}{:02x}{:02x}{:02x}",
        (opacity.clamp(0.0, 1.0) * 255.0) as u8,
        rgb[2],
        rgb[1],
        rgb[0]
    )
}

fn kml_description(status: &str, description: &str, sources: &[Source]) -> String {
    let sources: Vec<String> = sources
        .iter()
        .map(|s| {
            let date = s.date.map(|d| format!(" ({d})")).unwrap_or_default();
            match &s.url {
                Some(url) => format!(
                    "<a href=\"{}\">{}</a>{date}",
                    xml_escape(url),
                    xml_escape(&s.title)
                ),
                None => format!("{}{date}", xml_escape(&s.title)),
            }
        })
        .collect();
    format!(
        "<![CDATA[<p><b>Status: {status}</b></p><p>{}</p><p>Sources: {}</p>]]>",
        xml_escape(description),
        sources.join("; ")
    )
}

/// Hubs and overlays as KML, one folder per layer, with styles and descriptions; the
/// user's own overlays follow, a folder each.
pub fn to_kml(scenario: &Scenario, user: &[std::sync::Arc<crate::overlay::UserLayer>]) -> String {
    let mut kml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n",
    );
    kml.push_str(&format!("<name>{}</name>\n", xml_escape(&scenario.title)));
    for layer in &scenario.layers {
        kml.push_str(&format!(
            "<Style id=\"{id}\"><LineStyle><color>{line}</color><width>{width}</width></LineStyle><PolyStyle><color>{fill}</color></PolyStyle></Style>\n",
            id = xml_escape(&layer.id),
            line = kml_colour(layer.style.stroke, 1.0),
            width = layer.style.width,
            fill = kml_colour(layer.style.fill, layer.style.fill_opacity),
        ));
    }
    for layer in &scenario.layers {
        kml.push_str(&format!(
            "<Folder><name>{}</name>\n",
            xml_escape(&layer.title)
        ));
        if layer.kind == crate::model::LayerKind::Hubs {
            for hub in &scenario.hubs {
                kml.push_str(&format!(
                    "<Placemark><name>{}</name><styleUrl>#{}</styleUrl><description>{}</description><Point><coordinates>{},{}</coordinates></Point></Placemark>\n",
                    xml_escape(&hub.name),
                    xml_escape(&layer.id),
                    kml_description(hub.status.keyword(), &hub.description, &hub.sources),
                    hub.lon,
                    hub.lat
                ));
            }
        }
        for feature in &layer.features {
            kml.push_str(&format!(
                "<Placemark><name>{}</name><styleUrl>#{}</styleUrl><description>{}</description>{}</Placemark>\n",
                xml_escape(&feature.name),
                xml_escape(&layer.id),
                kml_description(feature.status.keyword(), &feature.description, &feature.sources),
                kml_geometry(&feature.geometry)
            ));
        }
        kml.push_str("</Folder>\n");
    }
    kml.push_str(&super::user_formats::user_layers_kml_folders(user));
    kml.push_str("</Document></kml>\n");
    kml
}

pub(super) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// One row per hub: id, name, lon, lat, every other property, and its exposure
/// (geodesic km to the monitored line and to the borders of Russia and Belarus, and the
/// ring sets that reach it).
pub fn hubs_to_csv(scenario: &Scenario, exposures: &[crate::analysis::HubExposure]) -> String {
    let mut out = String::from(
        "id,name,lon,lat,mgrs,kind,lead,partners,personnel_min,personnel_max,status,valid_from,valid_to,description,sources,dist_line_km,dist_russia_km,dist_belarus_km,reached_by\n",
    );
    let km = |value: Option<f64>| value.map(|v| format!("{v:.1}")).unwrap_or_default();
    for (index, hub) in scenario.hubs.iter().enumerate() {
        let exposure = exposures.iter().find(|e| e.hub == index);
        let sources: Vec<String> = hub.sources.iter().map(Source::citation).collect();
        let fields = [
            hub.id.clone(),
            hub.name.clone(),
            hub.lon.to_string(),
            hub.lat.to_string(),
            crate::geometry::position::format_position(
                hub.lat,
                hub.lon,
                crate::geometry::position::CoordinateFormat::Mgrs,
            ),
            hub.kind.keyword().to_owned(),
            hub.lead.join(" "),
            hub.partners.join(" "),
            hub.personnel.map(|p| p.min.to_string()).unwrap_or_default(),
            hub.personnel.map(|p| p.max.to_string()).unwrap_or_default(),
            hub.status.keyword().to_owned(),
            hub.valid_from
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            hub.valid_to
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            hub.description.clone(),
            sources.join("; "),
            km(exposure.and_then(|e| e.line_km)),
            km(exposure.and_then(|e| e.russia_km)),
            km(exposure.and_then(|e| e.belarus_km)),
            exposure.map(|e| e.reach_text()).unwrap_or_default(),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{ScenarioFiles, ScenarioSource, load_scenario};

    #[test]
    fn the_geojson_export_reads_back_with_every_hub_and_overlay() {
        let scenario = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin)).scenario;
        let value: Value =
            serde_json::from_str(&to_geojson(&scenario, &[], &[])).unwrap_or_default();
        let count = value["features"].as_array().map_or(0, Vec::len);
        assert_eq!(
            count,
            scenario.hubs.len() + scenario.overlay_features().count()
        );
    }

    #[test]
    fn csv_fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
