//! A scenario's hubs.geojson or one of its overlays (the first byte chooses), loaded
//! with the rest of the shipped scenario: reading, validation, the buffer zone.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Some((choice, bytes)) = input.split_first() else {
        return;
    };
    let file = if choice % 2 == 0 {
        "hubs.geojson"
    } else {
        "overlays/ceasefire_line.geojson"
    };
    let folder = backstop_fuzz_support::scenario_with(file, bytes);
    let _ = backstop::io::load_scenario(&backstop::io::ScenarioFiles::new(
        backstop::io::ScenarioSource::Folder(folder.path().to_path_buf()),
    ));
});

#[path = "../support.rs"]
mod backstop_fuzz_support;
