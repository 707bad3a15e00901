//! The rule for user files that fail to parse: move them aside, say where, never
//! overwrite them, nor one another.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// A temporary file older than this is a crashed save's, whoever wrote it.
const STALE_AFTER: Duration = Duration::from_secs(60 * 60);

/// Moves a file that could not be read to `<name>.bak-<timestamp>` beside it (with
/// `-2`, `-3`, … when that name is taken, so two failures in one second keep both
/// files). Returns the sentence to tell the user, and the backup's path when it worked.
pub fn move_aside(path: &Path, what: &str, reason: &str) -> (String, Option<PathBuf>) {
    match move_to_unique_backup(path) {
        Ok(backup) => (
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

/// Moves `path` to the first free `<name>.bak-<timestamp>[-n]`. The name is taken with a
/// hard link, which fails rather than replace an existing file, so two processes (or
/// two failures in one second) can never land on the same backup.
fn move_to_unique_backup(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = crate::model::timestamp_now();
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let backup = path.with_file_name(format!("{name}.bak-{stamp}{suffix}"));
        match std::fs::hard_link(path, &backup) {
            Ok(()) => {
                std::fs::remove_file(path)?;
                return Ok(backup);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            // No hard links here (some removable drives): take a name nobody has.
            Err(_) if !backup.exists() => {
                std::fs::rename(path, &backup)?;
                return Ok(backup);
            }
            Err(_) => continue,
        }
    }
    Err(std::io::Error::other("no free backup name"))
}

/// Removes temporary files a killed save left beside `path` (the file itself is whole):
/// only those whose writer is gone or that are over an hour old, never another running
/// Backstop's save in progress.
pub fn remove_stale_temporaries(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        let writer = middle.split('.').next().and_then(|p| p.parse::<u32>().ok());
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_none_or(|age| age > STALE_AFTER);
        if old || writer.is_none_or(|pid| !process_is_running(pid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// True when a process with this id runs (Linux: it has a `/proc` entry); this process
/// counts as running.
fn process_is_running(pid: u32) -> bool {
    pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_backups_in_the_same_second_keep_both_files() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("slides.toml");
        std::fs::write(&path, "first broken").unwrap_or_else(|e| panic!("{e}"));
        let (_, first) = move_aside(&path, "slides", "bad");
        std::fs::write(&path, "second broken").unwrap_or_else(|e| panic!("{e}"));
        let (_, second) = move_aside(&path, "slides", "bad");
        let (Some(first), Some(second)) = (first, second) else {
            panic!("a backup failed");
        };
        assert_ne!(first, second);
        assert_eq!(
            std::fs::read_to_string(&first).unwrap_or_default(),
            "first broken"
        );
        assert_eq!(
            std::fs::read_to_string(&second).unwrap_or_default(),
            "second broken"
        );
        assert!(!path.exists());
    }

    #[test]
    fn a_running_writers_temporary_file_is_left_and_a_dead_ones_removed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("annotations.geojson");
        let ours = dir
            .path()
            .join(format!(".annotations.geojson.{}.0.tmp", std::process::id()));
        // Process ids above the kernel's maximum (4194304) never run.
        let dead = dir.path().join(".annotations.geojson.4294967295.0.tmp");
        let foreign = dir.path().join(".other.json.1.0.tmp");
        for file in [&ours, &dead, &foreign] {
            std::fs::write(file, "x").unwrap_or_else(|e| panic!("{e}"));
        }
        remove_stale_temporaries(&path);
        assert!(ours.exists(), "a running writer's save was removed");
        assert!(!dead.exists(), "a dead writer's leftover stayed");
        assert!(foreign.exists(), "another file's temporary was touched");
    }
}
