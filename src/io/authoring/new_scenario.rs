//! A new scenario folder: a copy of the built-in scenario (every file, comments and
//! all) or a blank one to fill in.

use std::path::{Path, PathBuf};

/// What a new scenario starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewScenario {
    /// Every file of the built-in scenario, byte for byte.
    CopyOfBuiltin,
    /// A title, a caveat, an empty hubs layer and the built-in coalition's nations.
    Blank,
}

const BLANK_SCENARIO: &str = r##"# A Backstop scenario. Every field is documented in Backstop's README.md.

title = "New scenario"
subtitle = ""
prepared_by = ""
caveat = "UNCLASSIFIED — ILLUSTRATIVE: say here what this picture may and may not be used for"

# Layers are drawn in this order: the first is at the bottom.
[[layers]]
id = "hubs"
title = "Hubs, HQ and coordination cells"
file = "hubs.geojson"
kind = "hubs"
visible = true
style = { stroke = "#1f4fa0", fill = "#80a8e8" }
"##;

const BLANK_HUBS: &str = "{\n \"type\": \"FeatureCollection\",\n \"features\": []\n}\n";

const BLANK_EVENTS: &str = r#"# Dated events and phases of the scenario. Phases may have no date yet; features
# can name a phase id in valid_from/valid_to. Every field is documented in README.md.
"#;

/// The files of a new scenario, relative names and texts.
pub fn new_scenario_files(kind: NewScenario) -> Vec<(&'static str, &'static str)> {
    match kind {
        NewScenario::CopyOfBuiltin => crate::io::ScenarioSource::builtin_file_names()
            .filter_map(|name| Some((name, crate::io::files::builtin_text(name)?)))
            .collect(),
        NewScenario::Blank => vec![
            ("scenario.toml", BLANK_SCENARIO),
            ("hubs.geojson", BLANK_HUBS),
            (
                "nations.toml",
                crate::io::files::builtin_text("nations.toml").unwrap_or_default(),
            ),
            ("events.toml", BLANK_EVENTS),
        ],
    }
}

/// Writes a new scenario into `folder`, which must not exist or be empty; returns the
/// files written. Each file is written atomically.
pub fn write_new_scenario(folder: &Path, kind: NewScenario) -> Result<Vec<PathBuf>, String> {
    let shown = folder.display();
    match std::fs::read_dir(folder) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(format!(
                    "{shown} already exists and is not empty: choose a new or empty folder"
                ));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            return Err(format!("{shown} is a file, not a folder"));
        }
        Err(e) => return Err(format!("cannot read {shown}: {e}")),
    }
    let mut written = Vec::new();
    for (name, text) in new_scenario_files(kind) {
        let path = folder.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot make {}: {e}", parent.display()))?;
        }
        crate::io::write_atomic(&path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_with_files_in_it_is_refused() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        assert!(std::fs::write(dir.path().join("notes.txt"), "mine").is_ok());
        let refused = write_new_scenario(dir.path(), NewScenario::Blank);
        assert!(refused.is_err_and(|e| e.contains("not empty")));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("notes.txt")).ok(),
            Some("mine".into())
        );
    }
}
