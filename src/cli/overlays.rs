//! Overlay files on the command line: checked like a scenario (`check --overlay`), and
//! drawn into or written out by `export --overlay`.

use std::io::Write;
use std::path::PathBuf;

use crate::io::formats::{ReadOptions, read_overlay};
use crate::io::{Diagnostic, Severity};

/// What `check` found in one overlay file.
pub(super) struct OverlayCheck {
    /// The file's name.
    pub name: String,
    /// Features that loaded.
    pub features: usize,
}

/// Reads each overlay file as the app would, collecting its problems; the features are
/// only counted.
pub(super) fn check_overlays(
    paths: &[PathBuf],
    options: &ReadOptions,
    out: &mut Vec<Diagnostic>,
) -> Vec<OverlayCheck> {
    let mut checks = Vec::new();
    for path in paths {
        let name = crate::overlay::display_name(path);
        let free = crate::io::available_memory();
        let size = crate::io::check_regular_file(path, u64::MAX).unwrap_or(0);
        if let Some(message) = crate::io::too_big_for_memory(size, free) {
            out.push(Diagnostic::file(&name, Severity::Error, message));
            checks.push(OverlayCheck { name, features: 0 });
            continue;
        }
        let bytes = match crate::io::read_bounded(path, crate::io::largest_overlay_for(free)) {
            Ok(bytes) => bytes,
            Err(e) => {
                out.push(Diagnostic::file(&name, Severity::Error, e.to_string()));
                checks.push(OverlayCheck { name, features: 0 });
                continue;
            }
        };
        let features = match read_overlay(path, &bytes, options) {
            Ok((features, problems)) => {
                out.extend(problems);
                if features.is_empty() {
                    out.push(Diagnostic::file(
                        &name,
                        Severity::Error,
                        "no feature could be read",
                    ));
                }
                features.len()
            }
            Err(problems) => {
                out.extend(problems);
                0
            }
        };
        checks.push(OverlayCheck { name, features });
    }
    checks
}

/// Loads every overlay into the app for an export; says what failed on `err`.
pub(super) fn load_overlays(
    app: &mut crate::BackstopApp,
    paths: &[PathBuf],
    options: &ReadOptions,
    err: &mut dyn Write,
) -> bool {
    let mut all_loaded = true;
    for path in paths {
        if let Err(problems) = app.load_overlay_now(path.clone(), options) {
            all_loaded = false;
            for problem in problems {
                let _ = writeln!(err, "backstop export: {problem}");
            }
        }
    }
    for problem in &app.overlays.problems {
        let _ = writeln!(err, "backstop export: {problem}");
    }
    all_loaded
}
