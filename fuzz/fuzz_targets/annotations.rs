//! annotations.geojson as the app reads it (a broken one is moved aside) and as check does.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (_dir, path) = backstop_fuzz_support::file_with("annotations.geojson", bytes);
    let _ = backstop::io::check_annotations_file(&path);
    let _ = backstop::io::load_annotations(&path);
});

#[path = "../support.rs"]
mod backstop_fuzz_support;
