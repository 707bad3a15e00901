//! A GeoJSON data file held as its JSON tree, edited feature by feature and written back
//! in one stable layout (one-space indents, one value per line, keys in the order read),
//! so an edit of one feature changes only that feature's lines in a `git diff`.

use serde_json::{Map, Value};

/// A FeatureCollection being edited: what Backstop does not know (foreign members,
/// properties of its own) is kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoJsonDocument {
    root: Map<String, Value>,
    ends_with_newline: bool,
}

impl GeoJsonDocument {
    /// An empty FeatureCollection, as a new layer's file starts.
    pub fn empty() -> Self {
        let mut root = Map::new();
        root.insert("type".into(), Value::String("FeatureCollection".into()));
        root.insert("features".into(), Value::Array(Vec::new()));
        Self {
            root,
            ends_with_newline: true,
        }
    }

    /// Reads `text`; an error says why it is not a FeatureCollection Backstop can edit.
    pub fn parse(text: &str) -> Result<Self, String> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
        let Value::Object(root) = value else {
            return Err("the top level is not a JSON object".into());
        };
        if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
            return Err("the top level is not a FeatureCollection".into());
        }
        if !root.get("features").is_some_and(Value::is_array) {
            return Err("\"features\" is not a list".into());
        }
        Ok(Self {
            root,
            ends_with_newline: text.ends_with('\n'),
        })
    }

    /// The text to write: the stable layout, ending as the file read did.
    pub fn to_text(&self) -> String {
        let mut bytes = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b" ");
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        // A Map of Values always serialises; the fallback keeps this free of panics.
        if serde::Serialize::serialize(&self.root, &mut serializer).is_err() {
            return String::new();
        }
        let mut text = String::from_utf8(bytes).unwrap_or_default();
        if self.ends_with_newline {
            text.push('\n');
        }
        text
    }

    fn features(&self) -> &[Value] {
        self.root
            .get("features")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    fn features_mut(&mut self) -> Option<&mut Vec<Value>> {
        let entry = self
            .root
            .entry("features")
            .or_insert_with(|| Value::Array(Vec::new()));
        if !entry.is_array() {
            *entry = Value::Array(Vec::new());
        }
        entry.as_array_mut()
    }

    /// How many features the file holds.
    pub fn len(&self) -> usize {
        self.features().len()
    }

    /// True when the file holds no feature.
    pub fn is_empty(&self) -> bool {
        self.features().is_empty()
    }

    /// The position of the feature whose `properties.id` is `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.features().iter().position(|feature| {
            feature
                .get("properties")
                .and_then(|p| p.get("id"))
                .and_then(Value::as_str)
                == Some(id)
        })
    }

    /// The properties of the feature at `index` (empty when it has none).
    pub fn properties(&self, index: usize) -> Map<String, Value> {
        self.features()
            .get(index)
            .and_then(|f| f.get("properties"))
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    }

    /// The geometry of the feature at `index`.
    pub fn geometry(&self, index: usize) -> Option<Value> {
        self.features().get(index)?.get("geometry").cloned()
    }

    /// Sets the feature at `index`: `properties` replace the known keys in place (new
    /// keys go last, keys set to null are removed) and `geometry` replaces the old one.
    pub fn update(&mut self, index: usize, properties: Map<String, Value>, geometry: Value) {
        let Some(Value::Object(feature)) = self.features_mut().and_then(|f| f.get_mut(index))
        else {
            return;
        };
        let kept = feature
            .entry("properties")
            .or_insert_with(|| Value::Object(Map::new()));
        if !kept.is_object() {
            *kept = Value::Object(Map::new());
        }
        if let Value::Object(kept) = kept {
            merge_properties(kept, properties);
        }
        feature.insert("geometry".into(), geometry);
    }

    /// Appends a feature.
    pub fn push(&mut self, properties: Map<String, Value>, geometry: Value) {
        let mut clean = Map::new();
        merge_properties(&mut clean, properties);
        let mut feature = Map::new();
        feature.insert("type".into(), Value::String("Feature".into()));
        feature.insert("properties".into(), Value::Object(clean));
        feature.insert("geometry".into(), geometry);
        if let Some(features) = self.features_mut() {
            features.push(Value::Object(feature));
        }
    }

    /// Removes the feature at `index`.
    pub fn remove(&mut self, index: usize) {
        if let Some(features) = self.features_mut()
            && index < features.len()
        {
            features.remove(index);
        }
    }
}

impl GeoJsonDocument {
    /// The feature a draft would make, as the file reader sees it: the feature it was
    /// read from (by `original_id`, or a new one at the end) with `properties` merged in
    /// (properties Backstop does not know are kept, and checked too).
    pub(crate) fn draft_feature(
        &self,
        original_id: Option<&str>,
        properties: Map<String, Value>,
        geometry: Value,
    ) -> crate::io::geojson_read::RawFeature {
        let index = original_id
            .and_then(|id| self.index_of(id))
            .unwrap_or(self.len());
        let mut kept = self.properties(index);
        merge_properties(&mut kept, properties);
        crate::io::geojson_read::RawFeature {
            index,
            properties: kept,
            geometry: Some(geometry),
        }
    }

    /// Writes a draft: the feature with `original_id` updated in place, or a new one
    /// at the end.
    pub(crate) fn write_draft(
        &mut self,
        original_id: Option<&str>,
        properties: Map<String, Value>,
        geometry: Value,
    ) -> Result<(), String> {
        match original_id {
            Some(id) => {
                let index = self
                    .index_of(id)
                    .ok_or_else(|| format!("the file no longer has a feature \"{id}\""))?;
                self.update(index, properties, geometry);
            }
            None => self.push(properties, geometry),
        }
        Ok(())
    }
}

/// Sets each key of `new` in `kept`: a null removes it, an existing key keeps its place.
fn merge_properties(kept: &mut Map<String, Value>, new: Map<String, Value>) {
    for (key, value) in new {
        if value.is_null() {
            kept.shift_remove(&key);
        } else if let Some(slot) = kept.get_mut(&key) {
            *slot = value;
        } else {
            kept.insert(key, value);
        }
    }
}

/// A GeoJSON Point at `lon`, `lat`, rounded to 1e-6° (about 10 cm), as hand-written
/// files give them.
pub fn point_geometry(lon: f64, lat: f64) -> Value {
    let round = |v: f64| (v * 1e6).round() / 1e6;
    serde_json::json!({ "type": "Point", "coordinates": [round(lon), round(lat)] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_geojson_file_is_written_back_byte_for_byte() {
        for name in crate::io::ScenarioSource::builtin_file_names() {
            if !name.ends_with(".geojson") {
                continue;
            }
            let text = crate::io::files::builtin_text(name).unwrap_or_default();
            let document = GeoJsonDocument::parse(text);
            assert_eq!(document.map(|d| d.to_text()), Ok(text.to_owned()), "{name}");
        }
    }

    #[test]
    fn an_update_keeps_unknown_properties_and_their_place() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","mine":1,"name":"A"},"geometry":null}]}"#;
        let Ok(mut document) = GeoJsonDocument::parse(text) else {
            panic!("the test file parses");
        };
        let mut new = Map::new();
        new.insert("name".into(), Value::String("B".into()));
        new.insert("personnel".into(), Value::Null);
        new.insert("status".into(), Value::String("reported".into()));
        document.update(0, new, point_geometry(30.0, 50.0));
        let keys: Vec<String> = document.properties(0).keys().cloned().collect();
        assert_eq!(keys, ["id", "mine", "name", "status"]);
        assert_eq!(document.properties(0)["name"], "B");
    }

    #[test]
    fn a_file_that_is_not_a_feature_collection_is_refused_with_the_reason() {
        assert!(GeoJsonDocument::parse("[1, 2]").is_err_and(|e| e.contains("not a JSON object")));
        assert!(GeoJsonDocument::parse("{\"type\": \"Feature\"}").is_err());
        assert!(GeoJsonDocument::parse("{").is_err_and(|e| e.contains("not valid JSON")));
    }
}
