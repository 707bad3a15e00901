//! An ACLED-style event file for the benchmarks: 200,000 dated points with a type, a
//! sub-type, an oblast, fatalities and a note, clustered round ten oblast centres, written
//! once into target/bench-data (deterministic: the same file on every machine).

use std::io::Write as _;
use std::path::PathBuf;

const TYPES: &[(&str, &[&str])] = &[
    ("Battles", &["Armed clash", "Government regains territory"]),
    (
        "Explosions/Remote violence",
        &["Shelling/artillery/missile attack", "Air/drone strike"],
    ),
    ("Violence against civilians", &["Attack"]),
    ("Protests", &["Peaceful protest"]),
    ("Riots", &["Violent demonstration"]),
    (
        "Strategic developments",
        &["Looting/property destruction", "Other"],
    ),
];

const OBLASTS: &[(&str, f64, f64)] = &[
    ("Donetsk", 37.8, 48.0),
    ("Luhansk", 39.3, 48.6),
    ("Kharkiv", 36.25, 49.99),
    ("Zaporizhzhia", 35.1, 47.8),
    ("Kherson", 32.6, 46.6),
    ("Dnipropetrovsk", 35.0, 48.45),
    ("Sumy", 34.8, 50.9),
    ("Mykolaiv", 32.0, 46.97),
    ("Kyiv", 30.5, 50.45),
    ("Odesa", 30.7, 46.5),
];

/// A small, fixed pseudo-random sequence (xorshift), so the file is the same everywhere.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Roughly normal, mean 0, deviation 1 (the sum of four uniforms).
    fn gauss(&mut self) -> f64 {
        let sum: f64 = (0..4)
            .map(|_| (self.next() >> 11) as f64 / (1u64 << 53) as f64)
            .sum();
        (sum - 2.0) * 1.732
    }
}

/// Writes (once) and returns the 200,000-event CSV.
pub fn events_file() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("target/bench-data/events-200k.csv");
    if path.exists() {
        return path;
    }
    let _ = std::fs::create_dir_all(path.parent().unwrap_or(&root));
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    );
    let mut random = Sequence(20261201);
    let _ = writeln!(
        out,
        "event_id_cnty,event_date,event_type,sub_event_type,admin1,latitude,longitude,fatalities,notes"
    );
    for i in 0..200_000 {
        let (kind, subs) = TYPES[random.below(TYPES.len())];
        let sub = subs[random.below(subs.len())];
        let (oblast, lon, lat) = OBLASTS[random.below(OBLASTS.len())];
        let date = format!(
            "2025-{:02}-{:02}",
            1 + random.below(12),
            1 + random.below(28)
        );
        let _ = writeln!(
            out,
            "UKR{i},{date},{kind},{sub},{oblast},{:.4},{:.4},{},\"On {date}, {} reported in {oblast} oblast.\"",
            lat + random.gauss() * 0.35,
            lon + random.gauss() * 0.45,
            [0, 0, 0, 1, 2, 5][random.below(6)],
            sub.to_lowercase()
        );
    }
    let _ = out.flush();
    path
}
