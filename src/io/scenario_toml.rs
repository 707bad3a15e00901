//! scenario.toml: title, caveat, initial view, layers, sources and the computed buffer.

use serde_json::{Map, Value};

use super::diagnostic::{Diagnostic, Severity};
use super::record::Record;
use crate::model::{BufferSpec, Layer, LayerKind, LayerStyle, Scenario, View};

pub(crate) const FILE: &str = "scenario.toml";

const TOP_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "as_of",
    "as_of_time",
    "prepared_by",
    "caveat",
    "view",
    "layers",
    "sources",
    "buffer",
    "ring_sets",
];
const LAYER_FIELDS: &[&str] = &["id", "title", "file", "kind", "visible", "style"];
const STYLE_FIELDS: &[&str] = &["stroke", "fill", "fill_opacity", "width", "dashed"];

/// Reads the top-level table of scenario.toml into `scenario` (layers without features).
pub(crate) fn read(table: &Map<String, Value>, scenario: &mut Scenario, out: &mut Vec<Diagnostic>) {
    let mut top = Record::new(table, FILE, "table", 0, "title");
    top.warn_unknown_fields(TOP_FIELDS);
    scenario.title = top.required_str("title").unwrap_or_default();
    scenario.subtitle = top.optional_str("subtitle");
    scenario.as_of = top.optional_date("as_of");
    scenario.as_of_time = top.optional_utc_time("as_of_time");
    scenario.prepared_by = top.optional_str("prepared_by");
    scenario.caveat = top.optional_str("caveat");
    scenario.sources = top.sources();
    out.append(&mut top.diagnostics);

    if let Some(view) = table.get("view") {
        scenario.view = Some(read_view(view, out));
    }
    scenario.layers = read_layers(table.get("layers"), out);
    scenario.buffer = table.get("buffer").and_then(|b| read_buffer(b, out));
    scenario.ring_sets = super::ring_sets::read(table.get("ring_sets"), out);
}

fn read_view(value: &Value, out: &mut Vec<Diagnostic>) -> View {
    let mut view = View::default();
    let Value::Object(map) = value else {
        out.push(Diagnostic::file(
            FILE,
            Severity::Error,
            "[view] must be a table",
        ));
        return view;
    };
    let mut record = Record::new(map, FILE, "view", 0, "");
    record.warn_unknown_fields(&["center", "zoom"]);
    match map.get("center").and_then(Value::as_array) {
        Some(pair)
            if pair.len() == 2
                && pair[0]
                    .as_f64()
                    .is_some_and(|x| (-180.0..=180.0).contains(&x))
                && pair[1]
                    .as_f64()
                    .is_some_and(|y| (-85.0..=85.0).contains(&y)) =>
        {
            view.lon = pair[0].as_f64().unwrap_or(view.lon);
            view.lat = pair[1].as_f64().unwrap_or(view.lat);
        }
        None if !map.contains_key("center") => {}
        _ => record.report(
            Some("center"),
            Severity::Error,
            "expected [lon, lat] within -180..180, -85..85".into(),
        ),
    }
    if let Some(zoom) = record.optional_number("zoom") {
        if (1.0..=18.0).contains(&zoom) {
            view.zoom = zoom;
        } else {
            record.report(
                Some("zoom"),
                Severity::Error,
                format!("zoom {zoom} is outside 1..18"),
            );
        }
    }
    out.append(&mut record.diagnostics);
    view
}

fn read_layers(value: Option<&Value>, out: &mut Vec<Diagnostic>) -> Vec<Layer> {
    let Some(value) = value else {
        out.push(Diagnostic::file(
            FILE,
            Severity::Error,
            "no [[layers]]: nothing to show",
        ));
        return Vec::new();
    };
    let Value::Array(items) = value else {
        out.push(Diagnostic::file(
            FILE,
            Severity::Error,
            "layers must be a list of [[layers]] tables",
        ));
        return Vec::new();
    };
    let mut layers: Vec<Layer> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let Value::Object(map) = item else {
            out.push(Diagnostic::file(
                FILE,
                Severity::Error,
                format!("layer {index} is not a table"),
            ));
            continue;
        };
        let mut record = Record::new(map, FILE, "layer", index, "id");
        record.warn_unknown_fields(LAYER_FIELDS);
        let id = record.required_str("id");
        let title = record.optional_str("title");
        let kind = record.keyword("kind", LayerKind::from_keyword, &LayerKind::expected());
        let visible = record.optional_bool("visible").unwrap_or(true);
        let file = match record.optional_str("file") {
            f if f.is_empty() => None,
            f => Some(f),
        };
        if matches!(kind, Some(LayerKind::Hubs | LayerKind::Overlay)) && file.is_none() {
            record.report(
                Some("file"),
                Severity::Error,
                "this kind of layer needs a file".into(),
            );
        }
        let style = map
            .get("style")
            .map(|s| read_style(s, &mut record))
            .unwrap_or_default();
        if let Some(id) = &id
            && layers.iter().any(|l| &l.id == id)
        {
            record.report(
                Some("id"),
                Severity::Error,
                format!("duplicate layer id \"{id}\""),
            );
        }
        let ok = !record.has_errors();
        out.append(&mut record.diagnostics);
        if let (true, Some(id), Some(kind)) = (ok, id, kind) {
            layers.push(Layer {
                title: if title.is_empty() { id.clone() } else { title },
                id,
                file,
                kind,
                visible,
                style,
                features: Vec::new(),
                failed: false,
            });
        }
    }
    layers
}

fn read_style(value: &Value, record: &mut Record<'_>) -> LayerStyle {
    let mut style = LayerStyle::default();
    let Value::Object(map) = value else {
        record.report(
            Some("style"),
            Severity::Error,
            "style must be a table".into(),
        );
        return style;
    };
    for key in map.keys().filter(|k| !STYLE_FIELDS.contains(&k.as_str())) {
        record.report(
            Some(&format!("style.{key}")),
            Severity::Warning,
            format!("unknown style field (known: {})", STYLE_FIELDS.join(", ")),
        );
    }
    for (field, target) in [("stroke", &mut style.stroke), ("fill", &mut style.fill)] {
        if let Some(text) = map.get(field) {
            match text.as_str().and_then(parse_hex_colour) {
                Some(rgb) => *target = rgb,
                None => record.report(
                    Some(&format!("style.{field}")),
                    Severity::Error,
                    format!("expected a colour \"#rrggbb\", found {text}"),
                ),
            }
        }
    }
    if let Some(opacity) = map.get("fill_opacity") {
        match opacity.as_f64() {
            Some(o) if (0.0..=1.0).contains(&o) => style.fill_opacity = o as f32,
            _ => record.report(
                Some("style.fill_opacity"),
                Severity::Error,
                "expected a number from 0 to 1".into(),
            ),
        }
    }
    if let Some(width) = map.get("width") {
        match width.as_f64() {
            Some(w) if (0.0..=20.0).contains(&w) => style.width = w as f32,
            _ => record.report(
                Some("style.width"),
                Severity::Error,
                "expected a width from 0 to 20".into(),
            ),
        }
    }
    if let Some(dashed) = map.get("dashed") {
        match dashed.as_bool() {
            Some(d) => style.dashed = d,
            None => record.report(
                Some("style.dashed"),
                Severity::Error,
                "expected true or false".into(),
            ),
        }
    }
    style
}

fn read_buffer(value: &Value, out: &mut Vec<Diagnostic>) -> Option<BufferSpec> {
    let Value::Object(map) = value else {
        out.push(Diagnostic::file(
            FILE,
            Severity::Error,
            "[buffer] must be a table",
        ));
        return None;
    };
    let mut record = Record::new(map, FILE, "buffer", 0, "layer");
    record.warn_unknown_fields(&["layer", "from_feature", "width_km"]);
    let layer = record.required_str("layer");
    let from_feature = record.required_str("from_feature");
    let width_km = record.optional_number("width_km");
    match width_km {
        // Present but not a usable number: already reported as such.
        None if map.contains_key("width_km") => {}
        None => record.report(
            Some("width_km"),
            Severity::Error,
            "missing required field".into(),
        ),
        Some(w) if !(0.1..=500.0).contains(&w) => record.report(
            Some("width_km"),
            Severity::Error,
            format!("width {w} km is outside 0.1..500"),
        ),
        Some(_) => {}
    }
    let ok = !record.has_errors();
    out.append(&mut record.diagnostics);
    match (ok, layer, from_feature, width_km) {
        (true, Some(layer), Some(from_feature), Some(width_km)) => Some(BufferSpec {
            layer,
            from_feature,
            width_km,
        }),
        _ => None,
    }
}

/// Parses "#rrggbb".
pub(crate) fn parse_hex_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse_and_bad_ones_do_not() {
        assert_eq!(parse_hex_colour("#ff8000"), Some([255, 128, 0]));
        assert_eq!(parse_hex_colour("ff8000"), None);
        assert_eq!(parse_hex_colour("#ff80"), None);
    }
}
