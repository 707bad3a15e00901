//! Writing files so that a crash or a kill leaves either the old file or the new one,
//! never a truncated mix: write a temporary file beside it, flush it to disk, rename.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Tells concurrent writers in one process apart in their temporary names.
static SERIAL: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically and durably (the file and the rename synced).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_replacing(path, bytes, true)
}

/// Writes `bytes` to `path` so readers see the old file or the new one, never half;
/// with `durable` false nothing is synced to disk, for data that can be fetched again
/// (tiles), where a sync per file would cost more than losing it.
pub fn write_replacing(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backstop".into());
    let serial = SERIAL.fetch_add(1, Ordering::Relaxed);
    let temporary = parent.join(format!(".{name}.{}.{serial}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        if durable {
            file.sync_all()?;
        }
        std::fs::rename(&temporary, path)?;
        // The rename itself is durable once the folder is synced.
        if durable && let Ok(folder) = std::fs::File::open(&parent) {
            let _ = folder.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
        write_atomic(&path, b"new").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"new");
        assert_eq!(
            std::fs::read_dir(dir.path())
                .map(|d| d.count())
                .unwrap_or(0),
            1
        );
    }
}
