//! Sources and personnel as a form holds them (text fields), and as the data files spell
//! them.

use serde_json::{Map, Value};

use crate::model::{Personnel, Source};

/// One source in a form: the texts typed, checked when the record is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceDraft {
    /// Who said it and where.
    pub title: String,
    /// A link, or empty.
    pub url: String,
    /// YYYY-MM-DD, or empty.
    pub date: String,
}

impl SourceDraft {
    /// The form's copy of a loaded source.
    pub fn of(source: &Source) -> Self {
        Self {
            title: source.title.clone(),
            url: source.url.clone().unwrap_or_default(),
            date: source.date.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// `{title, url, date}` with the empty fields left out, as the files write them.
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("title".into(), Value::String(self.title.trim().to_owned()));
        for (key, text) in [("url", &self.url), ("date", &self.date)] {
            if !text.trim().is_empty() {
                map.insert(key.into(), Value::String(text.trim().to_owned()));
            }
        }
        Value::Object(map)
    }
}

/// The fields every scenario feature has, as a form holds them.
pub struct FeatureText<'a> {
    /// Unique id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// The kind's keyword.
    pub kind: &'a str,
    /// The status's keyword.
    pub status: &'a str,
    /// What it rests on.
    pub sources: &'a [SourceDraft],
    /// Free text.
    pub description: &'a str,
    /// A date, a phase id or empty.
    pub valid_from: &'a str,
    /// A date, a phase id or empty.
    pub valid_to: &'a str,
}

/// Trimmed text, or null (which removes the property) when empty.
pub fn text_or_null(text: &str) -> Value {
    match text.trim() {
        "" => Value::Null,
        t => Value::String(t.to_owned()),
    }
}

/// A feature's properties in the README's order: id, name, kind, then `extra` (a hub's
/// nations and personnel, an overlay's operator), status, sources, description and
/// validity.
pub fn feature_properties(text: FeatureText<'_>, extra: Vec<(&str, Value)>) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert("id".into(), Value::String(text.id.trim().to_owned()));
    map.insert("name".into(), Value::String(text.name.trim().to_owned()));
    map.insert("kind".into(), Value::String(text.kind.into()));
    for (key, value) in extra {
        map.insert(key.into(), value);
    }
    map.insert("status".into(), Value::String(text.status.into()));
    map.insert("sources".into(), sources_json(text.sources));
    map.insert("description".into(), text_or_null(text.description));
    map.insert("valid_from".into(), text_or_null(text.valid_from));
    map.insert("valid_to".into(), text_or_null(text.valid_to));
    map
}

/// The sources as a JSON list.
pub fn sources_json(sources: &[SourceDraft]) -> Value {
    Value::Array(sources.iter().map(SourceDraft::to_json).collect())
}

/// The text a form shows for personnel: "600", "500–1000", or empty.
pub fn personnel_text(personnel: Option<Personnel>) -> String {
    personnel.map(|p| p.to_string()).unwrap_or_default()
}

/// Personnel typed as "600", "6,000", "500-1000" or "500–1000": null when empty, a
/// number, or `[min, max]`; text that is neither is passed on as text, so the file
/// reader's own message says what is wrong with it.
pub fn personnel_json(text: &str) -> Value {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '\u{202f}')
        .collect();
    if clean.is_empty() {
        return Value::Null;
    }
    let number = |t: &str| t.parse::<u64>().ok().map(Value::from);
    if let Some(n) = number(&clean) {
        return n;
    }
    for dash in ['–', '-', '—'] {
        if let Some((low, high)) = clean.split_once(dash)
            && let (Some(low), Some(high)) = (number(low), number(high))
        {
            return Value::Array(vec![low, high]);
        }
    }
    Value::String(text.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personnel_is_read_as_a_number_or_a_range() {
        assert_eq!(personnel_json(""), Value::Null);
        assert_eq!(personnel_json(" 6,000 "), Value::from(6000));
        assert_eq!(personnel_json("500–1000"), serde_json::json!([500, 1000]));
        assert_eq!(personnel_json("500 - 1000"), serde_json::json!([500, 1000]));
        assert_eq!(personnel_json("many"), Value::String("many".into()));
    }

    #[test]
    fn a_source_leaves_out_what_was_not_typed() {
        let source = SourceDraft {
            title: " Reuters ".into(),
            url: String::new(),
            date: "2026-01-06".into(),
        };
        assert_eq!(
            source.to_json(),
            serde_json::json!({"title": "Reuters", "date": "2026-01-06"})
        );
    }
}
