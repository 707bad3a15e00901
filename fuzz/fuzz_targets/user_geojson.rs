//! A dropped GeoJSON overlay: the fast reader, then the meshes the map draws from.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok((features, problems)) = backstop::io::read_user_geojson("fuzz.geojson", bytes) {
        let _ = backstop::overlay::UserLayer::prepare(
            0,
            "fuzz.geojson".into(),
            bytes.len() as u64,
            features,
            problems,
            &backstop::overlay::LoadProgress::default(),
        );
    }
});
