//! scenario.toml's settings (title, subtitle, as-of date, prepared by, caveat, buffer
//! width) and its layers' titles, styles and order, edited in place.

use serde_json::{Map, Value as Json};
use toml_edit::{Item, Value};

use super::toml_records::{FieldChange, edit_record, parse_document};
use super::toml_values::{set_changed, set_value};
use crate::io::diagnostic::{Diagnostic, Location, Severity};
use crate::io::record::Record;
use crate::model::{Layer, Scenario};

const FILE: &str = "scenario.toml";

/// The scenario's settings as the form shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsDraft {
    /// Title for the top bar and pictures.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// YYYY-MM-DD, or empty.
    pub as_of: String,
    /// Who prepared the briefing.
    pub prepared_by: String,
    /// The banner line.
    pub caveat: String,
    /// The buffer zone's width in km ("" when the scenario has no buffer).
    pub buffer_width_km: String,
}

impl SettingsDraft {
    /// The form's copy of `scenario`'s settings.
    pub fn of(scenario: &Scenario) -> Self {
        Self {
            title: scenario.title.clone(),
            subtitle: scenario.subtitle.clone(),
            as_of: scenario.as_of.map(|d| d.to_string()).unwrap_or_default(),
            prepared_by: scenario.prepared_by.clone(),
            caveat: scenario.caveat.clone(),
            buffer_width_km: scenario
                .buffer
                .as_ref()
                .map(|b| b.width_km.to_string())
                .unwrap_or_default(),
        }
    }
}

/// Everything wrong with `draft`, by the record reader `backstop check` uses.
pub fn check_settings(draft: &SettingsDraft, has_buffer: bool) -> Vec<Diagnostic> {
    let mut map = Map::new();
    map.insert("title".into(), Json::String(draft.title.trim().into()));
    if !draft.as_of.trim().is_empty() {
        map.insert("as_of".into(), Json::String(draft.as_of.trim().into()));
    }
    let mut record = Record::new(&map, FILE, "table", 0, "title");
    record.required_str("title");
    record.optional_date("as_of");
    let mut out = std::mem::take(&mut record.diagnostics);
    if has_buffer {
        let width = draft.buffer_width_km.trim().parse::<f64>();
        if !width.is_ok_and(|w| w.is_finite() && w > 0.0 && w <= 500.0) {
            out.push(Diagnostic {
                file: FILE.into(),
                location: Location::Record {
                    what: "buffer",
                    index: 0,
                    id: None,
                    field: Some("width_km".into()),
                },
                severity: Severity::Error,
                message: "expected a width in km above 0 and at most 500".into(),
            });
        }
    }
    out
}

/// `text` (scenario.toml) with the settings that changed from `before` to `after` set.
pub fn write_settings(
    text: &str,
    before: &SettingsDraft,
    after: &SettingsDraft,
) -> Result<String, String> {
    let mut document = parse_document(FILE, text)?;
    let top = document.as_table_mut();
    for (key, old, new) in [
        ("title", &before.title, &after.title),
        ("subtitle", &before.subtitle, &after.subtitle),
        ("as_of", &before.as_of, &after.as_of),
        ("prepared_by", &before.prepared_by, &after.prepared_by),
        ("caveat", &before.caveat, &after.caveat),
    ] {
        set_changed(top, key, old != new, new.trim());
    }
    if before.buffer_width_km != after.buffer_width_km
        && let Ok(width) = after.buffer_width_km.trim().parse::<f64>()
        && let Some(buffer) = document.get_mut("buffer").and_then(Item::as_table_mut)
    {
        set_value(buffer, "width_km", Value::from(width));
    }
    Ok(document.to_string())
}

/// One layer's title and style as the form shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerStyleDraft {
    /// The layer's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Stroke colour, sRGB.
    pub stroke: [u8; 3],
    /// Fill colour, sRGB.
    pub fill: [u8; 3],
    /// Fill opacity, 0..=1.
    pub fill_opacity: f32,
    /// Stroke width in points.
    pub width: f32,
    /// Dashed stroke.
    pub dashed: bool,
}

impl LayerStyleDraft {
    /// The form's copy of a layer.
    pub fn of(layer: &Layer) -> Self {
        Self {
            id: layer.id.clone(),
            title: layer.title.clone(),
            stroke: layer.style.stroke,
            fill: layer.style.fill,
            fill_opacity: layer.style.fill_opacity,
            width: layer.style.width,
            dashed: layer.style.dashed,
        }
    }
}

fn hex(colour: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", colour[0], colour[1], colour[2])
}

/// Rounds a slider's value to what a person would write (two decimals).
fn tidy(value: f32) -> f64 {
    (f64::from(value) * 100.0).round() / 100.0
}

/// `text` (scenario.toml) with the layer's title and the style keys that changed set in
/// its inline `style` table, the others as they were.
pub fn write_layer_style(
    text: &str,
    before: &LayerStyleDraft,
    after: &LayerStyleDraft,
) -> Result<String, String> {
    let title = FieldChange::text(before.title != after.title, &after.title);
    let text = edit_record(
        FILE,
        text,
        "layers",
        "id",
        Some(&after.id),
        vec![("title", title)],
    )?;
    let mut document = parse_document(FILE, &text)?;
    let layers = document
        .get_mut("layers")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| "\"layers\" is not a list of [[layers]] tables".to_owned())?;
    let layer = layers
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(after.id.as_str()))
        .ok_or_else(|| format!("scenario.toml no longer has a layer \"{}\"", after.id))?;
    if !layer.contains_key("style") {
        layer.insert("style", toml_edit::value(toml_edit::InlineTable::new()));
    }
    let style = layer
        .get_mut("style")
        .and_then(Item::as_value_mut)
        .and_then(Value::as_inline_table_mut)
        .ok_or_else(|| format!("layer \"{}\": style is not written as {{ … }}", after.id))?;
    let mut set = |key: &str, changed: bool, value: Value| {
        if changed {
            match style.get_mut(key) {
                Some(old) => {
                    let decor = old.decor().clone();
                    *old = value;
                    *old.decor_mut() = decor;
                }
                None => {
                    style.insert(key, value);
                }
            }
        }
    };
    set(
        "stroke",
        before.stroke != after.stroke,
        hex(after.stroke).into(),
    );
    set("fill", before.fill != after.fill, hex(after.fill).into());
    set(
        "fill_opacity",
        before.fill_opacity != after.fill_opacity,
        tidy(after.fill_opacity).into(),
    );
    set(
        "width",
        before.width != after.width,
        tidy(after.width).into(),
    );
    set("dashed", before.dashed != after.dashed, after.dashed.into());
    Ok(document.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layers_changed_colour_is_the_only_change_in_its_style() {
        let text = "[[layers]]\nid = \"air\"\ntitle = \"Air\"\nstyle = { stroke = \"#2f7fd0\", fill = \"#2f7fd0\", width = 1.5, dashed = true }\n";
        let before = LayerStyleDraft {
            id: "air".into(),
            title: "Air".into(),
            stroke: [0x2f, 0x7f, 0xd0],
            fill: [0x2f, 0x7f, 0xd0],
            fill_opacity: 0.15,
            width: 1.5,
            dashed: true,
        };
        let after = LayerStyleDraft {
            stroke: [0xff, 0, 0],
            ..before.clone()
        };
        assert_eq!(
            write_layer_style(text, &before, &after),
            Ok(text.replace("stroke = \"#2f7fd0\"", "stroke = \"#ff0000\""))
        );
    }
}

/// A named ring set's name and radii as the settings form shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct RingSetDraft {
    /// Its id (not edited).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Radii in km, as typed: "25, 50, 100".
    pub radii: String,
}

impl RingSetDraft {
    /// The form's copy of a ring set.
    pub fn of(set: &crate::model::RingSet) -> Self {
        let radii: Vec<String> = set.radii_km.iter().map(|r| format!("{r}")).collect();
        Self {
            id: set.id.clone(),
            name: set.name.clone(),
            radii: radii.join(", "),
        }
    }

    /// The radii typed, as numbers (`None` when one is not a number).
    fn radii_km(&self) -> Option<Vec<f64>> {
        self.radii
            .split([',', ';', ' '])
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.trim().parse::<f64>().ok())
            .collect()
    }
}

/// Everything wrong with a ring set's radii, by the reader `backstop check` uses.
pub fn check_ring_set(draft: &RingSetDraft) -> Vec<Diagnostic> {
    let Some(radii) = draft.radii_km() else {
        return vec![Diagnostic {
            file: FILE.into(),
            location: Location::Record {
                what: "ring_set",
                index: 0,
                id: Some(draft.id.clone()),
                field: Some("radii_km".into()),
            },
            severity: Severity::Error,
            message: format!("\"{}\" is not a list of distances in km", draft.radii),
        }];
    };
    let entry = serde_json::json!([{
        "id": draft.id,
        "name": draft.name,
        "radii_km": radii,
        "status": "illustrative",
        "description": "checked from the settings form",
    }]);
    let mut out = Vec::new();
    crate::io::ring_sets::read(Some(&entry), &mut out);
    out
}

/// `text` (scenario.toml) with the ring set's name and radii set in place.
pub fn write_ring_set(
    text: &str,
    before: &RingSetDraft,
    after: &RingSetDraft,
) -> Result<String, String> {
    let radii = after
        .radii_km()
        .ok_or_else(|| format!("\"{}\" is not a list of distances in km", after.radii))?;
    let mut list = toml_edit::Array::new();
    for radius in radii {
        if radius.fract() == 0.0 && radius.abs() < 1e9 {
            list.push(radius as i64);
        } else {
            list.push(radius);
        }
    }
    let radii_change = if before.radii_km() == after.radii_km() {
        FieldChange::Keep
    } else {
        FieldChange::Set(Value::Array(list))
    };
    edit_record(
        FILE,
        text,
        "ring_sets",
        "id",
        Some(&after.id),
        vec![
            (
                "name",
                FieldChange::text(before.name != after.name, &after.name),
            ),
            ("radii_km", radii_change),
        ],
    )
}
