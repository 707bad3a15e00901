//! nations.toml: one `[[nations]]` entry per country.

use serde_json::{Map, Value};

use super::diagnostic::{Diagnostic, Severity};
use super::record::Record;
use crate::model::{Nation, Role};

pub(crate) const FILE: &str = "nations.toml";
const FIELDS: &[&str] = &[
    "iso",
    "name",
    "roles",
    "commitment",
    "personnel",
    "status",
    "sources",
];

/// Reads every nation; an entry with errors is left out, the others load.
pub(crate) fn read(table: &Map<String, Value>, out: &mut Vec<Diagnostic>) -> Vec<Nation> {
    let Some(Value::Array(items)) = table.get("nations") else {
        out.push(Diagnostic::file(
            FILE,
            Severity::Error,
            "expected a list of [[nations]] tables",
        ));
        return Vec::new();
    };
    let mut nations: Vec<Nation> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let Value::Object(map) = item else {
            out.push(Diagnostic::file(
                FILE,
                Severity::Error,
                format!("nation {index} is not a table"),
            ));
            continue;
        };
        let mut record = Record::new(map, FILE, "nation", index, "iso");
        record.warn_unknown_fields(FIELDS);
        let iso = record.required_str("iso");
        if let Some(iso) = &iso {
            if iso.len() != 2 || !iso.chars().all(|c| c.is_ascii_uppercase()) {
                record.report(
                    Some("iso"),
                    Severity::Error,
                    format!("\"{iso}\" is not an ISO 3166-1 alpha-2 code (two capital letters)"),
                );
            } else if nations.iter().any(|n| &n.iso == iso) {
                record.report(
                    Some("iso"),
                    Severity::Error,
                    format!("duplicate nation \"{iso}\""),
                );
            }
        }
        let name = record.required_str("name");
        let roles: Vec<Role> = record
            .str_list("roles", true)
            .into_iter()
            .filter_map(|word| {
                let role = Role::from_keyword(&word);
                if role.is_none() {
                    record.report(
                        Some("roles"),
                        Severity::Error,
                        format!(
                            "unknown role \"{word}\" (expected one of {})",
                            Role::expected()
                        ),
                    );
                }
                role
            })
            .collect();
        let commitment = record.optional_str("commitment");
        let personnel = record.personnel("personnel");
        let status = record.status();
        let sources = record.sources();
        record.require_source_unless_illustrative(status, &sources);
        let ok = !record.has_errors();
        out.append(&mut record.diagnostics);
        if let (true, Some(iso), Some(name), Some(status)) = (ok, iso, name, status) {
            nations.push(Nation {
                iso,
                name,
                roles,
                commitment,
                personnel,
                status,
                sources,
            });
        }
    }
    nations
}
