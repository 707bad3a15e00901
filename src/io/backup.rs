//! The rule for user files that fail to parse: move them aside, say where, never
//! overwrite them.

use std::path::{Path, PathBuf};

/// Moves a file that could not be read to `<name>.bak-<timestamp>` beside it. Returns the
/// sentence to tell the user, and the backup's path when the move worked.
pub fn move_aside(path: &Path, what: &str, reason: &str) -> (String, Option<PathBuf>) {
    let backup = path.with_file_name(format!(
        "{}.bak-{}",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        crate::model::timestamp_now()
    ));
    match std::fs::rename(path, &backup) {
        Ok(()) => (
            format!(
                "{}: could not read the {what} ({reason}); the file was kept as {}",
                path.display(),
                backup.display()
            ),
            Some(backup),
        ),
        Err(e) => (
            format!(
                "{}: could not read the {what} ({reason}) nor move the file aside ({e}); it will not be overwritten",
                path.display()
            ),
            None,
        ),
    }
}

/// Removes temporary files a killed save left beside `path` (the file itself is whole).
pub fn remove_stale_temporaries(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&prefix) && file.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
