//! Reloading while the user edits: a file that now has errors keeps showing its last
//! good version, and its errors are listed, so a half-typed edit never blanks the map.

use super::diagnostic::{Diagnostic, Location, Severity};
use super::load::{LoadReport, compute_buffer};
use super::{events, nations, scenario_toml};
use crate::model::LayerKind;

fn has_errors(diagnostics: &[Diagnostic], file: &str) -> bool {
    diagnostics
        .iter()
        .any(|d| d.is_error() && d.file == file && !is_layer_file(d))
}

/// A layer whose file could not be opened is filed under scenario.toml; that is a
/// broken layer, not a broken frame.
fn is_layer_file(diagnostic: &Diagnostic) -> bool {
    matches!(&diagnostic.location, Location::Record { what: "layer", field: Some(field), .. } if field == "file")
}

fn kept_note(file: &str) -> Diagnostic {
    Diagnostic::file(
        file,
        Severity::Warning,
        "has errors: the map shows its last good version until they are fixed",
    )
}

/// `new` with every file that has errors replaced by what `previous` showed for it.
/// `previous` must be the report currently shown (itself already merged).
pub fn keep_last_good(new: LoadReport, previous: &LoadReport) -> LoadReport {
    if has_errors(&new.diagnostics, scenario_toml::FILE) && !previous.scenario.layers.is_empty() {
        // The scenario's frame is broken: keep everything as it was, list the new errors.
        let mut kept = previous.clone();
        kept.diagnostics = new.diagnostics;
        kept.diagnostics.push(kept_note(scenario_toml::FILE));
        return kept;
    }
    let mut notes = Vec::new();
    let LoadReport {
        scenario,
        mut diagnostics,
    } = new;
    // The new report is not shared yet: this never copies it.
    let mut scenario = std::sync::Arc::unwrap_or_clone(scenario);
    if has_errors(&diagnostics, nations::FILE) && !previous.scenario.nations.is_empty() {
        scenario.nations = previous.scenario.nations.clone();
        notes.push(kept_note(nations::FILE));
    }
    if has_errors(&diagnostics, events::FILE)
        && !(previous.scenario.events.is_empty() && previous.scenario.phases.is_empty())
    {
        scenario.events = previous.scenario.events.clone();
        scenario.phases = previous.scenario.phases.clone();
        notes.push(kept_note(events::FILE));
    }
    let mut line_replaced = false;
    let broken_files: Vec<String> = scenario
        .layers
        .iter()
        .filter(|l| {
            l.file
                .as_deref()
                .is_some_and(|file| has_errors(&diagnostics, file))
                || diagnostics
                    .iter()
                    .any(|d| d.is_layer_file_problem_of(&l.id))
        })
        .filter_map(|l| l.file.clone())
        .collect();
    let mut hubs_broken = false;
    for layer in &mut scenario.layers {
        let Some(file) = layer.file.clone() else {
            continue;
        };
        if !broken_files.contains(&file) {
            continue;
        }
        let Some(old) =
            previous.scenario.layers.iter().find(|l| {
                l.id == layer.id && l.file.as_deref() == Some(file.as_str()) && !l.failed
            })
        else {
            continue;
        };
        match layer.kind {
            LayerKind::Hubs => hubs_broken = true,
            _ => {
                layer.features = old.features.clone();
                line_replaced = true;
            }
        }
        layer.failed = false;
        notes.push(kept_note(&file));
    }
    if hubs_broken {
        scenario.hubs = previous.scenario.hubs.clone();
    }
    if line_replaced && scenario.buffer.is_some() {
        // The buffer follows the line it is computed from, old or new.
        diagnostics.retain(|d| {
            !matches!(&d.location, Location::Record { what: "buffer", .. })
                || d.file != scenario_toml::FILE
        });
        compute_buffer(&mut scenario, &mut diagnostics);
    }
    diagnostics.extend(notes);
    LoadReport {
        scenario: std::sync::Arc::new(scenario),
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{ScenarioFiles, ScenarioSource, load_scenario};

    fn folder_with(file: &str, text: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        for name in ScenarioSource::builtin_file_names() {
            let files = ScenarioFiles::new(ScenarioSource::Builtin);
            let content = files.read_text(name).unwrap_or_default();
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(&path, if name == file { text } else { &content });
        }
        dir
    }

    #[test]
    fn a_broken_layer_file_keeps_its_last_good_features_and_the_buffer() {
        let good = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
        let dir = folder_with("overlays/ceasefire_line.geojson", "{ broken");
        let broken = load_scenario(&ScenarioFiles::new(ScenarioSource::Folder(
            dir.path().to_path_buf(),
        )));
        let merged = keep_last_good(broken, &good);
        let line = merged.scenario.layer("line").map(|l| l.features.len());
        assert_eq!(line, Some(1));
        let buffer = merged.scenario.layer("buffer").map(|l| l.features.len());
        assert_eq!(buffer, Some(1));
        let text: Vec<String> = merged.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|t| t.starts_with("overlays/ceasefire_line.geojson:1:")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("last good version")),
            "{text:?}"
        );
    }

    #[test]
    fn a_broken_hubs_file_keeps_the_hubs() {
        let good = load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin));
        let dir = folder_with(
            "hubs.geojson",
            "{\"type\": \"FeatureCollection\", \"features\": [",
        );
        let broken = load_scenario(&ScenarioFiles::new(ScenarioSource::Folder(
            dir.path().to_path_buf(),
        )));
        assert!(broken.scenario.hubs.is_empty());
        let merged = keep_last_good(broken, &good);
        assert_eq!(merged.scenario.hubs.len(), good.scenario.hubs.len());
    }
}
