//! Every overlay format as the app and `check --overlay` read it: the first byte picks
//! the file's extension, the rest is its content.
#![no_main]

use libfuzzer_sys::fuzz_target;

const EXTENSIONS: [&str; 9] = ["kml", "kmz", "csv", "shp", "zip", "gpkg", "fgb", "gpx", "geojson"];

fuzz_target!(|bytes: &[u8]| {
    let Some((&pick, content)) = bytes.split_first() else {
        return;
    };
    let extension = EXTENSIONS[usize::from(pick) % EXTENSIONS.len()];
    let (_dir, path) = backstop_fuzz_support::file_with(&format!("overlay.{extension}"), content);
    let options = backstop::io::formats::ReadOptions::default();
    let _ = backstop::io::formats::read_overlay(&path, content, &options);
});

#[path = "../support.rs"]
mod backstop_fuzz_support;
