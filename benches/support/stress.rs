//! The stress overlay every benchmark shares: `../shared/bench/make_stress.py` (about
//! 50 MB, 1,247 lines, 1.2 M vertices), generated once into target/bench-data.

use std::path::PathBuf;

/// Generates the stress file once (with the shared generator), and returns its path.
pub fn stress_file() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("target/bench-data/stress.geojson");
    if !path.exists() {
        let _ = std::fs::create_dir_all(path.parent().unwrap_or(&root));
        let generator = root.join("../shared/bench/make_stress.py");
        let status = std::process::Command::new("python3")
            .arg(&generator)
            .arg(&path)
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "could not run {}",
            generator.display()
        );
    }
    path
}
