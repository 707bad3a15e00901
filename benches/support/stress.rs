//! The stress overlays every benchmark shares: `../shared/bench/make_stress.py` (about
//! 50 MB, 1,247 lines, 1.2 M vertices) and the same generator with a 200 MB target
//! (about 4.9 M vertices), generated once into target/bench-data.

use std::path::PathBuf;

/// Generates the 50 MB stress file once (with the shared generator), and returns its path.
pub fn stress_file() -> PathBuf {
    stress_file_of(50)
}

/// The stress file made by the shared generator with a target of `megabytes`.
pub fn stress_file_of(megabytes: u64) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let name = match megabytes {
        50 => "stress.geojson".to_owned(),
        other => format!("stress-{other}mb.geojson"),
    };
    let path = root.join("target/bench-data").join(name);
    if !path.exists() {
        let _ = std::fs::create_dir_all(path.parent().unwrap_or(&root));
        let generator = root.join("../shared/bench/make_stress.py");
        // The same generator, its size target replaced: same seed, same walks, more of them.
        let script = format!(
            "import sys; sys.argv = ['make_stress.py', {path:?}]; exec(open({generator:?}).read().replace('TARGET = 50_000_000', 'TARGET = {target}'))",
            path = path.display().to_string(),
            generator = generator.display().to_string(),
            target = megabytes * 1_000_000,
        );
        let status = std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "could not run {}",
            generator.display()
        );
    }
    path
}
