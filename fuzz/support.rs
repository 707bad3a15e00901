//! What the fuzz targets share: files written into a fresh temporary folder, so every
//! input is read exactly as the app reads a file, backups and all.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A temporary folder holding `bytes` as `name`.
pub fn file_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder for the fuzzer");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("writing the fuzzer's input");
    (dir, path)
}

/// The shipped scenario (the project's data/) with `file` replaced by `bytes`.
pub fn scenario_with(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder for the fuzzer");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    copy(&data, dir.path());
    std::fs::write(dir.path().join(file), bytes).expect("writing the fuzzer's input");
    dir
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("data/").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copying data/");
        }
    }
}

/// Opens a tile pack and reads and decodes, as the map would, a few of its tiles.
pub fn open_and_read(path: &Path) {
    if let Ok(pack) = backstop::tiles::open_pack(path) {
        for (z, x, y) in [(0, 0, 0), (1, 0, 0), (1, 1, 1), (2, 1, 2), (3, 5, 2)] {
            if let Ok(bytes) = pack.tile_bytes(backstop::tiles::TileKey { z, x, y }) {
                let _ = backstop::tiles::decode_tile(&bytes);
            }
        }
    }
}
