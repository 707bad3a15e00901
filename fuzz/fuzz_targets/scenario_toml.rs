//! A scenario's TOML files (the first byte chooses which), loaded with the rest of the
//! shipped scenario.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Some((choice, bytes)) = input.split_first() else {
        return;
    };
    let file = match choice % 3 {
        0 => "scenario.toml",
        1 => "nations.toml",
        _ => "events.toml",
    };
    let folder = backstop_fuzz_support::scenario_with(file, bytes);
    let _ = backstop::io::load_scenario(&backstop::io::ScenarioFiles::new(
        backstop::io::ScenarioSource::Folder(folder.path().to_path_buf()),
    ));
});

#[path = "../support.rs"]
mod backstop_fuzz_support;
