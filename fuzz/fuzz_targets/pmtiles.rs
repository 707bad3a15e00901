//! A PMTiles pack: opened and checked, then a few tiles read and decoded.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (_dir, path) = backstop_fuzz_support::file_with("pack.pmtiles", bytes);
    backstop_fuzz_support::open_and_read(&path);
});

#[path = "../support.rs"]
mod backstop_fuzz_support;
