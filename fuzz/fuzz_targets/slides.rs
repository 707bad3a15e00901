//! slides.toml as the app reads it (a broken one is moved aside) and as check reads it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (dir, path) = backstop_fuzz_support::file_with("slides.toml", bytes);
    let files = backstop::io::ScenarioFiles::new(backstop::io::ScenarioSource::Folder(
        dir.path().to_path_buf(),
    ));
    let _ = backstop::io::check_slides_file(&path);
    let _ = backstop::io::load_slides(&path, &files);
});

#[path = "../support.rs"]
mod backstop_fuzz_support;
