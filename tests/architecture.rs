//! The layering docs/architecture.md promises, checked on the source: which part of
//! `src/` may use which, and no cycle between parts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod common;

/// Every part of `src/` (a folder, or a top-level file) and the parts its code names
/// through `crate::…` (in paths and in `use crate::{…}` groups).
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut parts: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in common::walk(&src) {
        if file.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = file.strip_prefix(&src).unwrap_or(&file);
        let part = relative
            .components()
            .next()
            .map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_owned()
            })
            .unwrap_or_default();
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let used = parts.entry(part.clone()).or_default();
        for line in text.lines() {
            let code = line.split("//").next().unwrap_or_default();
            let mut rest = code;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                    let group = group.split('}').next().unwrap_or_default();
                    group.split(',').map(str::trim).collect()
                } else {
                    vec![rest]
                };
                for name in names {
                    let module: String = name
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !module.is_empty() && module != part {
                        used.insert(module);
                    }
                }
            }
        }
    }
    parts
}

fn assert_never_uses(parts: &BTreeMap<String, BTreeSet<String>>, part: &str, forbidden: &[&str]) {
    let used = parts.get(part).cloned().unwrap_or_default();
    let wrong: Vec<&&str> = forbidden.iter().filter(|f| used.contains(**f)).collect();
    assert!(wrong.is_empty(), "src/{part} uses {wrong:?}");
}

#[test]
fn export_and_map_know_neither_the_app_nor_the_panels_and_the_scene_knows_no_painter() {
    let parts = uses();
    assert_never_uses(&parts, "export", &["app", "ui"]);
    assert_never_uses(&parts, "map", &["app", "ui", "export"]);
    assert_never_uses(&parts, "scene", &["map", "app", "ui", "export"]);
}

#[test]
fn the_model_and_the_plain_data_layers_use_nothing_above_them() {
    let parts = uses();
    let above = [
        "analysis", "app", "ui", "map", "scene", "export", "overlay", "tiles", "cli",
    ];
    assert_never_uses(
        &parts,
        "model",
        &[&above[..], &["io", "mesh", "basemap", "job"]].concat(),
    );
    assert_never_uses(
        &parts,
        "geometry",
        &[&above[..], &["io", "model", "mesh"]].concat(),
    );
    assert_never_uses(&parts, "io", &above);
    assert_never_uses(&parts, "job", &[&above[..], &["io", "model"]].concat());
    for part in ["analysis", "tiles", "overlay", "mesh", "basemap"] {
        assert_never_uses(
            &parts,
            part,
            &["app", "ui", "map", "scene", "export", "cli"],
        );
    }
}

#[test]
fn no_import_cycle_spans_two_parts() {
    let parts = uses();
    // Depth-first search for a path back to where it started.
    fn reaches(
        parts: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        target: &str,
        seen: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> bool {
        for next in parts.get(from).into_iter().flatten() {
            if next == target {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if reaches(parts, next, target, seen, path) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    for part in parts.keys() {
        let mut path = vec![part.clone()];
        let found = reaches(&parts, part, part, &mut BTreeSet::new(), &mut path);
        assert!(!found, "an import cycle: {}", path.join(" → "));
    }
}
