//! Values written into TOML files in the layout the built-in files use, and set so that
//! what surrounds them (comments after a value, key order) stays as it was.

use serde_json::Value as Json;
use toml_edit::{Array, InlineTable, Item, Table, Value};

use super::sources::SourceDraft;

/// Sets `key` to `value` when `changed`, keeping the old value's comment; an empty
/// text removes the key.
pub fn set_changed(table: &mut Table, key: &str, changed: bool, text: &str) {
    if !changed {
        return;
    }
    if text.is_empty() {
        table.remove(key);
        return;
    }
    set_value(table, key, Value::from(text));
}

/// Sets `key` to `value`, keeping the decor (spacing, a trailing comment) of the value
/// it replaces.
pub fn set_value(table: &mut Table, key: &str, mut value: Value) {
    if let Some(old) = table.get(key).and_then(Item::as_value) {
        *value.decor_mut() = old.decor().clone();
    }
    table.insert(key, Item::Value(value));
}

/// `["a", "b"]` on one line.
pub fn string_list(words: &[&str]) -> Array {
    let mut array = Array::new();
    for word in words {
        array.push(*word);
    }
    array
}

/// A list of `{ title, url, date }`: one source on one line, several one per line, as
/// the built-in files write them.
pub fn sources_item(sources: &[SourceDraft]) -> Item {
    let mut array = Array::new();
    for source in sources {
        let mut table = InlineTable::new();
        table.insert("title", Value::from(source.title.trim()));
        for (key, text) in [("url", &source.url), ("date", &source.date)] {
            if !text.trim().is_empty() {
                table.insert(key, Value::from(text.trim()));
            }
        }
        table.fmt();
        array.push(table);
    }
    if sources.len() > 1 {
        for value in array.iter_mut() {
            value.decor_mut().set_prefix("\n  ");
            value.decor_mut().set_suffix("");
        }
        array.set_trailing_comma(true);
        array.set_trailing("\n");
    }
    Item::Value(Value::Array(array))
}

/// A JSON number or list of numbers (personnel, radii) as a TOML value.
pub fn json_to_item(value: &Json) -> Result<Item, String> {
    fn one(value: &Json) -> Result<Value, String> {
        match value {
            Json::Number(n) if n.is_i64() => Ok(Value::from(n.as_i64().unwrap_or_default())),
            Json::Number(n) => Ok(Value::from(n.as_f64().unwrap_or_default())),
            Json::String(s) => Ok(Value::from(s.as_str())),
            Json::Bool(b) => Ok(Value::from(*b)),
            Json::Array(items) => {
                let mut array = Array::new();
                for item in items {
                    array.push(one(item)?);
                }
                Ok(Value::Array(array))
            }
            other => Err(format!("{other} cannot be written to TOML")),
        }
    }
    one(value).map(Item::Value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_value_keeps_its_comment() {
        let Ok(mut document) = "a = 1 # why\nb = 2\n".parse::<toml_edit::DocumentMut>() else {
            panic!("the test text parses");
        };
        set_value(document.as_table_mut(), "a", Value::from(5));
        assert_eq!(document.to_string(), "a = 5 # why\nb = 2\n");
    }

    #[test]
    fn several_sources_go_one_per_line() {
        let source = |title: &str| SourceDraft {
            title: title.into(),
            url: String::new(),
            date: "2026-01-06".into(),
        };
        let mut document = toml_edit::DocumentMut::new();
        document.insert("sources", sources_item(&[source("A"), source("B")]));
        assert_eq!(
            document.to_string(),
            "sources = [\n  { title = \"A\", date = \"2026-01-06\" },\n  { title = \"B\", date = \"2026-01-06\" },\n]\n"
        );
    }
}
