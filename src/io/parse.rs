//! Syntax-level parsing of JSON and TOML text into values, with line and column on failure.

use serde_json::{Map, Value};

use super::diagnostic::{Diagnostic, Location, Severity, line_column};
use super::record::toml_to_json;

/// Parses JSON text; a syntax error becomes a diagnostic with line and column.
pub(crate) fn parse_json(file: &str, text: &str) -> Result<Value, Box<Diagnostic>> {
    serde_json::from_str(text).map_err(|e| json_error(file, &e, "invalid JSON"))
}

/// A serde_json error as a diagnostic with line and column, its message after `what`.
pub(crate) fn json_error(file: &str, error: &serde_json::Error, what: &str) -> Box<Diagnostic> {
    Box::new(Diagnostic {
        file: file.to_owned(),
        location: Location::Text {
            line: error.line().max(1),
            column: error.column().max(1),
        },
        severity: Severity::Error,
        message: format!("{what}: {}", strip_position(&error.to_string())),
    })
}

/// Parses TOML text into a JSON-model table; a syntax error becomes a diagnostic with line and column.
pub(crate) fn parse_toml(file: &str, text: &str) -> Result<Map<String, Value>, Box<Diagnostic>> {
    match text.parse::<toml::Table>() {
        Ok(table) => match toml_to_json(toml::Value::Table(table)) {
            Value::Object(map) => Ok(map),
            _ => Err(Box::new(Diagnostic::file(
                file,
                Severity::Error,
                "not a TOML table",
            ))),
        },
        Err(e) => {
            let (line, column) = e
                .span()
                .map_or((1, 1), |span| line_column(text, span.start));
            Err(Box::new(Diagnostic {
                file: file.to_owned(),
                location: Location::Text { line, column },
                severity: Severity::Error,
                message: format!("invalid TOML: {}", e.message()),
            }))
        }
    }
}

/// serde_json appends " at line L column C"; the location already says that.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_syntax_error_names_its_line_and_column() {
        let error = parse_json("hubs.geojson", "{\n  \"type\": ,\n}").err();
        let location = error.map(|d| d.location);
        assert_eq!(
            location,
            Some(Location::Text {
                line: 2,
                column: 11
            })
        );
    }

    #[test]
    fn a_toml_syntax_error_names_its_line() {
        let error = parse_toml("nations.toml", "[[nations]]\niso = \n").err();
        assert!(matches!(
            error.map(|d| d.location),
            Some(Location::Text { line: 2, .. })
        ));
    }
}
