//! The user's tiles.toml.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (_dir, path) = backstop_fuzz_support::file_with("tiles.toml", bytes);
    let _ = backstop::tiles::load_sources(&path);
});

#[path = "../support.rs"]
mod backstop_fuzz_support;
