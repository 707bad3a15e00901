//! A feature's own look, from the simplestyle properties a file carries (`stroke`,
//! `stroke-width`, `stroke-opacity`, `fill`, `fill-opacity`, `marker-color`): what KML
//! styles become when read, and what GeoJSON from geojson.io or Mapbox already has.

use serde_json::{Map, Value};

/// The simplestyle properties a look is read from.
const STYLE_KEYS: &[&str] = &[
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "fill",
    "fill-opacity",
    "marker-color",
];

/// Colours as RGBA; `None` where the layer's own colour applies.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FeatureLook {
    /// Line colour.
    pub stroke: Option<[u8; 4]>,
    /// Line width, points.
    pub stroke_width: Option<f32>,
    /// Area fill.
    pub fill: Option<[u8; 4]>,
    /// Point colour.
    pub marker: Option<[u8; 4]>,
}

impl FeatureLook {
    /// The look a feature's properties give, if they give any.
    pub fn of(properties: &Map<String, Value>) -> Option<FeatureLook> {
        Self::from_properties(|key| properties.get(key))
    }

    /// True when a layer with these property names may carry looks of its own.
    pub fn may_style(keys: &[String]) -> bool {
        keys.iter().any(|k| STYLE_KEYS.contains(&k.as_str()))
    }

    /// The look the properties `get` finds give, if they give any.
    pub fn from_properties<'v>(get: impl Fn(&str) -> Option<&'v Value>) -> Option<FeatureLook> {
        let opacity = |key: &str| {
            get(key)
                .and_then(value_number)
                .map(|o| (o.clamp(0.0, 1.0) * 255.0).round() as u8)
        };
        let colour = |key: &str, alpha: Option<u8>| {
            get(key)
                .and_then(Value::as_str)
                .and_then(hex_colour)
                .map(|[r, g, b]| [r, g, b, alpha.unwrap_or(255)])
        };
        let look = FeatureLook {
            stroke: colour("stroke", opacity("stroke-opacity")),
            stroke_width: get("stroke-width")
                .and_then(value_number)
                .map(|w| w.clamp(0.0, 20.0) as f32),
            fill: colour("fill", opacity("fill-opacity")),
            marker: colour("marker-color", None),
        };
        (look != FeatureLook::default()).then_some(look)
    }
}

fn value_number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|v: &f64| v.is_finite())
}

/// "#rrggbb" or "#rgb".
fn hex_colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
    match hex.len() {
        6 => Some([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?]),
        3 => Some([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn simplestyle_properties_become_a_look() {
        let Value::Object(properties) =
            json!({"stroke": "#ff0000", "stroke-width": 3, "fill": "#0f0", "fill-opacity": 0.5})
        else {
            panic!()
        };
        let look = FeatureLook::of(&properties).unwrap_or_default();
        assert_eq!(look.stroke, Some([255, 0, 0, 255]));
        assert_eq!(look.stroke_width, Some(3.0));
        assert_eq!(look.fill, Some([0, 255, 0, 128]));
    }

    #[test]
    fn a_feature_without_style_properties_has_no_look() {
        let Value::Object(properties) = json!({"name": "x", "stroke": "red"}) else {
            panic!()
        };
        assert_eq!(FeatureLook::of(&properties), None);
    }
}
