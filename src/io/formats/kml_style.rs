//! KML styles as the simplestyle properties the map draws with: LineStyle, PolyStyle
//! and IconStyle colours (KML's `aabbggrr`) and widths, shared or inline.

use kml::types::{Element, Style};
use serde_json::{Map, Value};

/// A placemark's look, as simplestyle properties.
#[derive(Debug, Clone, Default)]
pub(super) struct Look {
    pub(super) stroke: Option<(String, f64)>,
    pub(super) stroke_width: Option<f64>,
    pub(super) fill: Option<(String, f64)>,
    pub(super) marker: Option<String>,
}

/// The look a shared `<Style>` gives.
pub(super) fn look_of_style(style: &Style) -> Look {
    let mut look = Look::default();
    if let Some(line) = &style.line {
        look.stroke = kml_colour(&line.color);
        look.stroke_width = Some(line.width).filter(|w| *w > 0.0);
    }
    if let Some(poly) = &style.poly {
        look.fill = if poly.fill {
            kml_colour(&poly.color)
        } else {
            Some(("#000000".into(), 0.0))
        };
    }
    if let Some(icon) = &style.icon {
        look.marker = kml_colour(&icon.color).map(|(c, _)| c);
    }
    look
}

/// An inline `<Style>` inside a placemark, read from its generic elements.
pub(super) fn inline_look(style: &Element, look: &mut Look) {
    let content = |e: &Element, name: &str| {
        e.children
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.content.clone())
    };
    for part in &style.children {
        match part.name.as_str() {
            "LineStyle" => {
                if let Some(c) = content(part, "color").as_deref().and_then(kml_colour) {
                    look.stroke = Some(c);
                }
                if let Some(w) = content(part, "width").and_then(|w| w.trim().parse().ok()) {
                    look.stroke_width = Some(w);
                }
            }
            "PolyStyle" => {
                if let Some(c) = content(part, "color").as_deref().and_then(kml_colour) {
                    look.fill = Some(c);
                }
                if content(part, "fill").is_some_and(|f| f.trim() == "0") {
                    look.fill = Some(("#000000".into(), 0.0));
                }
            }
            "IconStyle" => {
                if let Some((c, _)) = content(part, "color").as_deref().and_then(kml_colour) {
                    look.marker = Some(c);
                }
            }
            _ => {}
        }
    }
}

/// KML writes colours as `aabbggrr` hex; simplestyle as `#rrggbb` and an opacity.
fn kml_colour(text: &str) -> Option<(String, f64)> {
    let hex = text.trim().trim_start_matches('#');
    if hex.len() != 8 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    let (a, b, g, r) = (byte(0)?, byte(2)?, byte(4)?, byte(6)?);
    Some((format!("#{r:02x}{g:02x}{b:02x}"), f64::from(a) / 255.0))
}

/// Writes the look into a feature's properties.
pub(super) fn apply_look(look: &Look, properties: &mut Map<String, Value>) {
    let number =
        |v: f64| serde_json::Number::from_f64((v * 1000.0).round() / 1000.0).map(Value::Number);
    if let Some((colour, opacity)) = &look.stroke {
        properties.insert("stroke".into(), Value::String(colour.clone()));
        if let Some(v) = number(*opacity) {
            properties.insert("stroke-opacity".into(), v);
        }
    }
    if let Some(width) = look.stroke_width.and_then(number) {
        properties.insert("stroke-width".into(), width);
    }
    if let Some((colour, opacity)) = &look.fill {
        properties.insert("fill".into(), Value::String(colour.clone()));
        if let Some(v) = number(*opacity) {
            properties.insert("fill-opacity".into(), v);
        }
    }
    if let Some(colour) = &look.marker {
        properties.insert("marker-color".into(), Value::String(colour.clone()));
    }
}
