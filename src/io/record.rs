//! Reading the fields of one record (a GeoJSON feature's properties or a TOML table),
//! reporting every problem instead of stopping at the first.

use serde_json::{Map, Value};

use super::diagnostic::{Diagnostic, Location, Severity};
use crate::model::{Date, Personnel, Source, Status, Validity};

/// One record being read, with the place to pin its diagnostics to.
pub(crate) struct Record<'a> {
    pub(crate) fields: &'a Map<String, Value>,
    file: &'a str,
    what: &'static str,
    index: usize,
    id: Option<String>,
    /// Problems found so far in this record.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl<'a> Record<'a> {
    /// Starts reading `fields`, the `index`th `what` of `file`; `id_field` names its key.
    pub(crate) fn new(
        fields: &'a Map<String, Value>,
        file: &'a str,
        what: &'static str,
        index: usize,
        id_field: &str,
    ) -> Self {
        let id = fields.get(id_field).and_then(|v| match v {
            Value::String(s) if !s.starts_with(NOT_FINITE) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        Self {
            fields,
            file,
            what,
            index,
            id,
            diagnostics: Vec::new(),
        }
    }

    /// True when an error was reported for this record.
    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Reports a problem about `field` (or the record as a whole when `None`).
    pub(crate) fn report(&mut self, field: Option<&str>, severity: Severity, message: String) {
        self.diagnostics.push(Diagnostic {
            file: self.file.to_owned(),
            location: Location::Record {
                what: self.what,
                index: self.index,
                id: self.id.clone(),
                field: field.map(str::to_owned),
            },
            severity,
            message,
        });
    }

    fn wrong_type(&mut self, field: &str, expected: &str) {
        let found = self.fields.get(field).map_or("nothing", json_type_name);
        self.report(
            Some(field),
            Severity::Error,
            format!("expected {expected}, found {found}"),
        );
    }

    /// A required, non-empty string.
    pub(crate) fn required_str(&mut self, field: &str) -> Option<String> {
        match self.fields.get(field) {
            None | Some(Value::Null) => {
                self.report(
                    Some(field),
                    Severity::Error,
                    "missing required field".into(),
                );
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() && !s.starts_with(NOT_FINITE) => {
                self.report(Some(field), Severity::Error, "must not be empty".into());
                None
            }
            Some(Value::String(s)) if !s.starts_with(NOT_FINITE) => Some(self.capped(field, s)),
            Some(_) => {
                self.wrong_type(field, "a string");
                None
            }
        }
    }

    /// `text`, cut to the longest text a picture can lay out, with a warning when cut.
    fn capped(&mut self, field: &str, text: &str) -> String {
        let mut text = text.to_owned();
        if crate::model::cut_text(&mut text, crate::model::MAX_TEXT_CHARS) {
            self.report(
                Some(field),
                Severity::Warning,
                format!(
                    "longer than {} characters: cut there",
                    crate::model::MAX_TEXT_CHARS
                ),
            );
        }
        text
    }

    /// An optional string; empty when absent.
    pub(crate) fn optional_str(&mut self, field: &str) -> String {
        match self.fields.get(field) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) if !s.starts_with(NOT_FINITE) => {
                let s = s.clone();
                self.capped(field, &s)
            }
            Some(_) => {
                self.wrong_type(field, "a string");
                String::new()
            }
        }
    }

    /// An optional boolean.
    pub(crate) fn optional_bool(&mut self, field: &str) -> Option<bool> {
        match self.fields.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                self.wrong_type(field, "true or false");
                None
            }
        }
    }

    /// An optional number.
    pub(crate) fn optional_number(&mut self, field: &str) -> Option<f64> {
        match self.fields.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => n.as_f64(),
            Some(_) => {
                self.wrong_type(field, "a number");
                None
            }
        }
    }

    /// A keyword from a closed list, parsed by `parse`; `expected` lists the allowed words.
    pub(crate) fn keyword<T>(
        &mut self,
        field: &str,
        parse: impl Fn(&str) -> Option<T>,
        expected: &str,
    ) -> Option<T> {
        let word = self.required_str(field)?;
        let parsed = parse(&word);
        if parsed.is_none() {
            self.report(
                Some(field),
                Severity::Error,
                format!("unknown value \"{word}\" (expected one of {expected})"),
            );
        }
        parsed
    }

    /// The status field, required.
    pub(crate) fn status(&mut self) -> Option<Status> {
        self.keyword("status", Status::from_keyword, &Status::expected())
    }

    /// A list of strings; a single string is accepted as a list of one.
    pub(crate) fn str_list(&mut self, field: &str, required: bool) -> Vec<String> {
        match self.fields.get(field) {
            None | Some(Value::Null) => {
                if required {
                    self.report(
                        Some(field),
                        Severity::Error,
                        "missing required field".into(),
                    );
                }
                Vec::new()
            }
            Some(Value::String(s)) if !s.starts_with(NOT_FINITE) => vec![s.clone()],
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) if !s.starts_with(NOT_FINITE) => out.push(s.clone()),
                        other => {
                            let found = json_type_name(other);
                            self.report(
                                Some(field),
                                Severity::Error,
                                format!(
                                    "expected a list of strings, found an item that is {found}"
                                ),
                            );
                        }
                    }
                }
                if required && out.is_empty() {
                    self.report(Some(field), Severity::Error, "must not be empty".into());
                }
                out
            }
            Some(_) => {
                self.wrong_type(field, "a list of strings");
                Vec::new()
            }
        }
    }

    /// A personnel figure: a number or `[min, max]`.
    pub(crate) fn personnel(&mut self, field: &str) -> Option<Personnel> {
        let value = self.fields.get(field)?;
        let as_count = |v: &Value| v.as_u64().and_then(|n| u32::try_from(n).ok());
        match value {
            Value::Null => None,
            Value::Number(_) => match as_count(value) {
                Some(n) => Some(Personnel { min: n, max: n }),
                None => {
                    self.report(
                        Some(field),
                        Severity::Error,
                        "expected a whole number of people".into(),
                    );
                    None
                }
            },
            Value::Array(pair) if pair.len() == 2 => {
                match (as_count(&pair[0]), as_count(&pair[1])) {
                    (Some(min), Some(max)) if min <= max => Some(Personnel { min, max }),
                    (Some(_), Some(_)) => {
                        self.report(
                            Some(field),
                            Severity::Error,
                            "range [min, max] has min greater than max".into(),
                        );
                        None
                    }
                    _ => {
                        self.report(
                            Some(field),
                            Severity::Error,
                            "expected [min, max] with two whole numbers".into(),
                        );
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(field, "a number or [min, max]");
                None
            }
        }
    }

    /// An optional date `YYYY-MM-DD`.
    pub(crate) fn optional_date(&mut self, field: &str) -> Option<Date> {
        let text = match self.fields.get(field) {
            None | Some(Value::Null) => return None,
            Some(Value::String(s)) if !s.starts_with(NOT_FINITE) => s.clone(),
            Some(_) => {
                self.wrong_type(field, "a date YYYY-MM-DD");
                return None;
            }
        };
        let date = Date::parse(&text);
        if date.is_none() {
            self.report(
                Some(field),
                Severity::Error,
                format!("bad date \"{text}\" (expected YYYY-MM-DD, a real calendar day)"),
            );
        }
        date
    }

    /// An optional time of day in UTC, `HH:MM` or `HHMM`, with or without a final "Z".
    pub(crate) fn optional_utc_time(&mut self, field: &str) -> Option<(u8, u8)> {
        let text = self.optional_str(field);
        if text.is_empty() {
            return None;
        }
        let digits: String = text.trim_end_matches(['Z', 'z']).replace(':', "");
        let parsed = (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| {
                Some((
                    digits[..2].parse::<u8>().ok()?,
                    digits[2..].parse::<u8>().ok()?,
                ))
            })
            .flatten()
            .filter(|(h, m)| *h < 24 && *m < 60);
        if parsed.is_none() {
            self.report(
                Some(field),
                Severity::Error,
                format!("bad time \"{text}\" (expected HH:MM in UTC, for example \"12:00\")"),
            );
        }
        parsed
    }

    /// A validity bound: a date, or a phase id checked against `phase_ids`.
    pub(crate) fn validity(&mut self, field: &str, phase_ids: &[String]) -> Option<Validity> {
        let text = match self.fields.get(field) {
            None | Some(Value::Null) => return None,
            Some(Value::String(s)) if !s.starts_with(NOT_FINITE) => s.clone(),
            Some(_) => {
                self.wrong_type(field, "a date YYYY-MM-DD or a phase id");
                return None;
            }
        };
        if let Some(date) = Date::parse(&text) {
            return Some(Validity::Date(date));
        }
        if phase_ids.contains(&text) {
            return Some(Validity::Phase(text));
        }
        let looks_like_date = text.chars().next().is_some_and(|c| c.is_ascii_digit());
        let message = if looks_like_date {
            format!("bad date \"{text}\" (expected YYYY-MM-DD, a real calendar day)")
        } else {
            format!(
                "\"{text}\" is neither a date YYYY-MM-DD nor a phase id from events.toml ({})",
                phase_ids.join(", ")
            )
        };
        self.report(Some(field), Severity::Error, message);
        None
    }

    /// The `sources` list: each item `{title, url, date}`.
    pub(crate) fn sources(&mut self) -> Vec<Source> {
        let items = match self.fields.get("sources") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(_) => {
                self.wrong_type("sources", "a list of {title, url, date}");
                return Vec::new();
            }
        };
        let mut sources = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Value::Object(map) = item else {
                self.report(
                    Some("sources"),
                    Severity::Error,
                    format!("source {i} is not a table {{title, url, date}}"),
                );
                continue;
            };
            let title = match map.get("title") {
                Some(Value::String(s)) if !s.trim().is_empty() && !s.starts_with(NOT_FINITE) => {
                    s.clone()
                }
                _ => {
                    self.report(
                        Some("sources"),
                        Severity::Error,
                        format!("source {i} has no title"),
                    );
                    continue;
                }
            };
            let url = map.get("url").and_then(Value::as_str).map(str::to_owned);
            if let Some(url) = &url
                && !(url.starts_with("https://") || url.starts_with("http://"))
            {
                self.report(
                    Some("sources"),
                    Severity::Warning,
                    format!("source {i} url \"{url}\" is not an http(s) link"),
                );
            }
            let date = match map.get("date") {
                Some(Value::String(text)) => {
                    let date = Date::parse(text);
                    if date.is_none() {
                        self.report(
                            Some("sources"),
                            Severity::Error,
                            format!("source {i} has a bad date \"{text}\" (expected YYYY-MM-DD)"),
                        );
                    }
                    date
                }
                None | Some(Value::Null) => None,
                Some(_) => {
                    self.report(
                        Some("sources"),
                        Severity::Error,
                        format!("source {i} date must be a string YYYY-MM-DD"),
                    );
                    None
                }
            };
            sources.push(Source { title, url, date });
        }
        sources
    }

    /// Warns about every field not in `known` (a typo hides data otherwise).
    pub(crate) fn warn_unknown_fields(&mut self, known: &[&str]) {
        let unknown: Vec<String> = self
            .fields
            .keys()
            .filter(|k| !known.contains(&k.as_str()))
            .cloned()
            .collect();
        for field in unknown {
            self.report(
                Some(&field),
                Severity::Warning,
                format!("unknown field (known fields: {})", known.join(", ")),
            );
        }
    }

    /// Errors when a feature that is not illustrative has no source.
    pub(crate) fn require_source_unless_illustrative(
        &mut self,
        status: Option<Status>,
        sources: &[Source],
    ) {
        if sources.is_empty() && status.is_some_and(|s| s != Status::Illustrative) {
            self.report(
                Some("sources"),
                Severity::Error,
                "a feature that is not illustrative needs at least one source".into(),
            );
        }
    }
}

/// How a TOML number that is not finite (`nan`, `inf`) reaches the readers, which share
/// JSON's model: JSON has no such numbers, and turning them into null would read as a
/// missing field. No text in a data file starts with a NUL character.
const NOT_FINITE: &str = "\u{0}not finite: ";

/// "a number", "a list", … for messages.
pub(crate) fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(s) if s.starts_with(NOT_FINITE) => match &s[NOT_FINITE.len()..] {
            "NaN" => "a number that is not finite (nan)",
            "-inf" => "a number that is not finite (-inf)",
            _ => "a number that is not finite (inf)",
        },
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Converts parsed TOML into the JSON model so one reader serves both formats.
pub(crate) fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map_or_else(|| Value::String(format!("{NOT_FINITE}{f}")), Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}
