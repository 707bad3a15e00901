//! A user overlay's features as columns: the geometries in one list, and each property a
//! column of small indices into the values it takes. A CSV of 200,000 events with a dozen
//! columns costs a few bytes per cell rather than a map of strings per row, and a
//! column's distinct values (the event types, the oblasts) are there for colouring,
//! legends and filters without a pass over the rows.

use std::collections::HashMap;

use geo::Geometry;
use serde_json::{Map, Value};

use super::fast_geojson::UserFeature;

/// Columns with more distinct values than this stop looking values up (free text, ids):
/// each row then gets a value of its own, and the column has no categories.
const MAX_CATEGORIES: usize = 2048;

/// No value in this row.
const ABSENT: u32 = u32::MAX;

/// The values a categorical column has met, to find a repeated one's index.
#[derive(Debug, Clone, Default)]
struct Lookup {
    strings: HashMap<Box<str>, u32>,
    others: HashMap<String, u32>,
}

impl Lookup {
    fn find(&self, value: &Value) -> Option<u32> {
        match value {
            Value::String(text) => self.strings.get(text.as_str()).copied(),
            other => self.others.get(&other.to_string()).copied(),
        }
    }

    fn insert(&mut self, value: &Value, index: u32) {
        match value {
            Value::String(text) => self.strings.insert(text.as_str().into(), index),
            other => self.others.insert(other.to_string(), index),
        };
    }
}

/// One property across every feature.
#[derive(Debug, Clone, Default)]
struct Column {
    /// The values it takes; a row's cell is an index into them.
    values: Vec<Value>,
    /// Each value's index while the column is still categorical (strings by their text,
    /// other values by their JSON).
    lookup: Option<Lookup>,
    /// One per feature ([`ABSENT`] where the feature has no such property).
    cells: Vec<u32>,
    /// How many features have each value (kept while the column is categorical).
    counts: Vec<usize>,
}

impl Column {
    fn new() -> Self {
        Self {
            lookup: Some(Lookup::default()),
            ..Self::default()
        }
    }

    fn push(&mut self, row: usize, value: Value) {
        self.cells.resize(row, ABSENT);
        let index = match &mut self.lookup {
            Some(lookup) => {
                let index = match lookup.find(&value) {
                    Some(index) => index,
                    None => {
                        let index = self.values.len() as u32;
                        lookup.insert(&value, index);
                        self.values.push(value);
                        self.counts.push(0);
                        index
                    }
                };
                if let Some(count) = self.counts.get_mut(index as usize) {
                    *count += 1;
                }
                if self.values.len() > MAX_CATEGORIES {
                    self.lookup = None;
                    self.counts = Vec::new();
                }
                index
            }
            None => {
                self.values.push(value);
                (self.values.len() - 1) as u32
            }
        };
        self.cells.push(index);
    }

    fn get(&self, row: usize) -> Option<&Value> {
        let cell = *self.cells.get(row)?;
        (cell != ABSENT).then(|| self.values.get(cell as usize))?
    }
}

/// The features of a user overlay, in the order the file gave them.
#[derive(Debug, Clone, Default)]
pub struct FeatureTable {
    geometries: Vec<Geometry<f64>>,
    names: Vec<String>,
    columns: Vec<Column>,
    by_name: HashMap<String, usize>,
}

impl FeatureTable {
    /// No features.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a feature; its properties go into their columns (new ones are added).
    pub fn push(&mut self, feature: UserFeature) {
        self.push_parts(feature.geometry, feature.properties);
    }

    /// Adds a feature from its geometry and its properties' names and values (a reader
    /// that has the names once, such as a CSV's header, need not copy them per row).
    pub fn push_parts<K: AsRef<str>>(
        &mut self,
        geometry: Geometry<f64>,
        properties: impl IntoIterator<Item = (K, Value)>,
    ) {
        let row = self.geometries.len();
        self.geometries.push(geometry);
        for (name, value) in properties {
            let name = name.as_ref();
            let column = match self.by_name.get(name) {
                Some(column) => *column,
                None => {
                    self.columns.push(Column::new());
                    self.by_name.insert(name.to_owned(), self.names.len());
                    self.names.push(name.to_owned());
                    self.columns.len() - 1
                }
            };
            self.columns[column].push(row, value);
        }
    }

    /// How many features.
    pub fn len(&self) -> usize {
        self.geometries.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.geometries.is_empty()
    }

    /// Every feature's geometry, by index.
    pub fn geometries(&self) -> &[Geometry<f64>] {
        &self.geometries
    }

    /// Feature `row`'s geometry.
    pub fn geometry(&self, row: usize) -> Option<&Geometry<f64>> {
        self.geometries.get(row)
    }

    /// The property names, in the order they were first met.
    pub fn keys(&self) -> &[String] {
        &self.names
    }

    /// Feature `row`'s value of property `key`.
    pub fn property(&self, row: usize, key: &str) -> Option<&Value> {
        self.columns.get(*self.by_name.get(key)?)?.get(row)
    }

    /// Feature `row`'s properties, in column order.
    pub fn properties(&self, row: usize) -> impl Iterator<Item = (&str, &Value)> {
        self.names
            .iter()
            .zip(&self.columns)
            .filter_map(move |(name, column)| Some((name.as_str(), column.get(row)?)))
    }

    /// Feature `row`'s properties as a JSON object (for writing it out).
    pub fn properties_map(&self, row: usize) -> Map<String, Value> {
        self.properties(row)
            .map(|(k, v)| (k.to_owned(), v.clone()))
            .collect()
    }

    /// The distinct values of property `key`, if it has few enough to be categories
    /// (in the order they were first met), with how many features have each.
    pub fn categories(&self, key: &str) -> Option<Vec<(&Value, usize)>> {
        let column = self.columns.get(*self.by_name.get(key)?)?;
        column.lookup.as_ref()?;
        Some(
            column
                .values
                .iter()
                .zip(column.counts.iter().copied())
                .collect(),
        )
    }

    /// The distinct values of property `key`, if it has few enough to be categories, in
    /// the order they were first met (without counting them: cheap enough for a frame).
    pub fn category_values(&self, key: &str) -> Option<&[Value]> {
        let column = self.columns.get(*self.by_name.get(key)?)?;
        column.lookup.as_ref()?;
        Some(&column.values)
    }

    /// Feature `row`'s category index in property `key` (see [`FeatureTable::categories`]).
    pub fn category_of(&self, row: usize, key: &str) -> Option<usize> {
        let column = self.columns.get(*self.by_name.get(key)?)?;
        let cell = *column.cells.get(row)?;
        (cell != ABSENT && column.lookup.is_some()).then_some(cell as usize)
    }

    /// About how many bytes it holds beyond its geometries' coordinates.
    pub fn property_bytes(&self) -> usize {
        self.columns
            .iter()
            .map(|c| c.cells.capacity() * 4 + c.values.capacity() * 32)
            .sum()
    }
}

impl FeatureTable {
    /// Feature `row` as it was read (geometry and properties), copied out.
    pub fn feature(&self, row: usize) -> Option<UserFeature> {
        Some(UserFeature {
            geometry: self.geometry(row)?.clone(),
            properties: self.properties_map(row),
        })
    }

    /// Every feature as it was read, each copied out as it comes (for writing them out).
    pub fn iter(&self) -> impl Iterator<Item = UserFeature> + '_ {
        (0..self.len()).filter_map(|row| self.feature(row))
    }

    /// Every feature as it was read, copied out.
    pub fn to_features(&self) -> Vec<UserFeature> {
        (0..self.len())
            .filter_map(|row| self.feature(row))
            .collect()
    }
}

impl IntoIterator for FeatureTable {
    type Item = UserFeature;
    type IntoIter = std::vec::IntoIter<UserFeature>;
    fn into_iter(self) -> Self::IntoIter {
        self.to_features().into_iter()
    }
}

impl FromIterator<UserFeature> for FeatureTable {
    fn from_iter<I: IntoIterator<Item = UserFeature>>(features: I) -> Self {
        let mut table = FeatureTable::new();
        for feature in features {
            table.push(feature);
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(properties: Value) -> UserFeature {
        UserFeature {
            geometry: Geometry::Point(geo::Point::new(30.0, 50.0)),
            properties: properties.as_object().cloned().unwrap_or_default(),
        }
    }

    #[test]
    fn properties_read_back_as_they_were_given_and_missing_ones_are_absent() {
        let table: FeatureTable = [
            feature(serde_json::json!({"type": "Battles", "n": 3})),
            feature(serde_json::json!({"n": 4})),
            feature(serde_json::json!({"type": "Protests", "note": "x"})),
        ]
        .into_iter()
        .collect();
        assert_eq!(table.len(), 3);
        assert_eq!(table.property(0, "type"), Some(&Value::from("Battles")));
        assert_eq!(table.property(1, "type"), None);
        assert_eq!(table.property(1, "n"), Some(&Value::from(4)));
        assert_eq!(table.property(2, "n"), None);
        let third: Vec<(&str, &Value)> = table.properties(2).collect();
        assert_eq!(third.len(), 2);
        assert_eq!(table.keys(), ["type", "n", "note"]);
    }

    #[test]
    fn a_column_of_few_values_has_categories_and_a_free_text_column_has_none() {
        let table: FeatureTable = (0..5000)
            .map(|i| {
                let kind = ["Battles", "Protests", "Riots"][i % 3];
                feature(serde_json::json!({"kind": kind, "note": format!("row {i}")}))
            })
            .collect();
        let kinds = table.categories("kind").unwrap_or_default();
        assert_eq!(kinds.len(), 3);
        assert_eq!(kinds[0], (&Value::from("Battles"), 1667));
        assert_eq!(table.category_of(4, "kind"), Some(1));
        assert!(table.categories("note").is_none());
        assert_eq!(table.property(4321, "note"), Some(&Value::from("row 4321")));
    }

    #[test]
    fn the_string_one_and_the_number_one_are_different_values() {
        let table: FeatureTable = [
            feature(serde_json::json!({"v": "1"})),
            feature(serde_json::json!({"v": 1})),
        ]
        .into_iter()
        .collect();
        assert_eq!(table.categories("v").map(|c| c.len()), Some(2));
    }
}
