//! Damaged files of every overlay format (cut short, bytes overwritten, headers claiming
//! huge sizes) are answered with features or an error naming the file, never a crash, a
//! hang or unbounded memory; what a reader crate panics on is reported, not fatal.

use std::path::Path;

use backstop::io::formats::{ReadOptions, read_overlay};

fn fixtures() -> Vec<std::path::PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/format_fixtures/files");
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Versions of `bytes` a careless copy, a bad disk or a hostile sender would give.
fn damaged(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for fraction in [0.0, 0.01, 0.1, 0.33, 0.5, 0.9, 0.99] {
        out.push(bytes[..(bytes.len() as f64 * fraction) as usize].to_vec());
    }
    // Overwrite runs of bytes with 0xFF (huge lengths and counts) and with zeros.
    for (step, fill) in [(7usize, 0xFFu8), (13, 0x00), (97, 0x7F)] {
        for start in (0..bytes.len()).step_by(bytes.len() / step + 1) {
            let mut copy = bytes.to_vec();
            for b in copy.iter_mut().skip(start).take(8) {
                *b = fill;
            }
            out.push(copy);
        }
    }
    out
}

#[test]
fn damaged_files_of_every_format_are_refused_or_read_never_fatal() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut answered = 0;
    for fixture in fixtures() {
        let name = fixture
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&fixture).unwrap_or_default();
        for (index, copy) in damaged(&bytes).into_iter().enumerate() {
            // The GeoPackage reader opens the file itself: it must be on disk.
            let path = home.path().join(format!("{index}-{name}"));
            std::fs::write(&path, &copy).unwrap_or_default();
            let started = std::time::Instant::now();
            let result = read_overlay(&path, &copy, &ReadOptions::default());
            if std::env::var_os("BACKSTOP_DAMAGE_TIMES").is_some() {
                eprintln!("{name} #{index}: {:?}", started.elapsed());
            }
            match result {
                Ok((features, _)) => assert!(features.len() < 1000, "{name} #{index}"),
                Err(problems) => {
                    let line = problems
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    assert!(line.starts_with(&format!("{index}-{name}")), "{line}");
                }
            }
            answered += 1;
        }
    }
    assert!(answered > 300, "only {answered} damaged files tried");
}
