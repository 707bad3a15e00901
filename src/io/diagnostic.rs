//! Problems found while loading a scenario, each pinned to a file and a place in it.

use std::fmt;

use serde::Serialize;

/// How bad a problem is: errors mark data as unusable, warnings only as doubtful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data is suspicious but was loaded.
    Warning,
    /// The data (a feature, an entry or a whole file) was not loaded.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Where in a file a problem sits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Location {
    /// The file as a whole (missing, too large, wrong top-level structure).
    File,
    /// A syntax error, 1-based line and column.
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A record inside the file: a GeoJSON feature or a TOML table entry.
    Record {
        /// What the record is called in messages ("feature", "nation", "layer", "event").
        what: &'static str,
        /// 0-based position of the record in its list.
        index: usize,
        /// Its `id` (or `iso`) when it has one.
        id: Option<String>,
        /// The property or field the problem is about.
        field: Option<String>,
    },
    /// A row of a table file (CSV): its 1-based line and the column at fault.
    Row {
        /// 1-based line in the file.
        line: usize,
        /// The column's header, when one column is at fault.
        column: Option<String>,
    },
}

/// One problem: file, place, severity and a message written for a data author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Path of the file relative to the scenario folder (`hubs.geojson`, `overlays/line.geojson`).
    pub file: String,
    /// Where in that file.
    pub location: Location,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// True when the problem is with the file as a whole or its syntax, not one record:
    /// such a file could not be read, and is not rewritten by an edit.
    pub fn location_is_whole_file(&self) -> bool {
        matches!(self.location, Location::File | Location::Text { .. })
    }

    /// A problem with a file as a whole.
    pub fn file(file: &str, severity: Severity, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            location: Location::File,
            severity,
            message: message.into(),
        }
    }

    /// A problem with the file a `[[layers]]` entry of scenario.toml names (missing,
    /// outside the folder, not a file): filed where it is fixed, the entry's `file`.
    pub fn layer_file(index: usize, layer_id: &str, file: &str, message: &str) -> Self {
        Self {
            file: "scenario.toml".to_owned(),
            location: Location::Record {
                what: "layer",
                index,
                id: Some(layer_id.to_owned()),
                field: Some("file".to_owned()),
            },
            severity: Severity::Error,
            message: format!("{file}: {message}"),
        }
    }

    /// True for a [`Diagnostic::layer_file`] problem of the layer with this id.
    pub fn is_layer_file_problem_of(&self, layer_id: &str) -> bool {
        matches!(&self.location, Location::Record { what: "layer", id: Some(id), field: Some(field), .. }
            if id == layer_id && field == "file")
    }

    /// The id of the record the problem is about, if it names one.
    pub fn record_id(&self) -> Option<&str> {
        match &self.location {
            Location::Record { id, .. } => id.as_deref(),
            _ => None,
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Location::File => write!(f, "{}", self.file)?,
            Location::Text { line, column } => write!(f, "{}:{line}:{column}", self.file)?,
            Location::Row { line, column } => {
                write!(f, "{}:{line}", self.file)?;
                if let Some(column) = column {
                    write!(f, ": column \"{column}\"")?;
                }
            }
            Location::Record {
                what,
                index,
                id,
                field,
            } => {
                write!(f, "{}: {what} {index}", self.file)?;
                if let Some(id) = id {
                    write!(f, " (id \"{id}\")")?;
                }
                if let Some(field) = field {
                    write!(f, ": property \"{field}\"")?;
                }
            }
        }
        write!(f, ": {}: {}", self.severity, self.message)
    }
}

/// Counts of errors and warnings, for summaries and the top bar badge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProblemCounts {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
}

impl ProblemCounts {
    /// Counts the errors and warnings in a list.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Self {
        let mut counts = Self::default();
        for diagnostic in diagnostics {
            if diagnostic.is_error() {
                counts.errors += 1;
            } else {
                counts.warnings += 1;
            }
        }
        counts
    }
}

/// Turns a byte offset in `text` into a 1-based line and column (in characters).
pub fn line_column(text: &str, byte_offset: usize) -> (usize, usize) {
    let offset = byte_offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_problem_reads_like_a_compiler_message() {
        let diagnostic = Diagnostic {
            file: "hubs.geojson".into(),
            location: Location::Record {
                what: "feature",
                index: 3,
                id: Some("hub-odesa".into()),
                field: Some("status".into()),
            },
            severity: Severity::Error,
            message: "unknown value \"rumoured\"".into(),
        };
        assert_eq!(
            diagnostic.to_string(),
            "hubs.geojson: feature 3 (id \"hub-odesa\"): property \"status\": error: unknown value \"rumoured\""
        );
    }

    #[test]
    fn byte_offsets_become_lines_and_columns() {
        assert_eq!(line_column("ab\ncd\nef", 4), (2, 2));
        assert_eq!(line_column("", 10), (1, 1));
    }
}
