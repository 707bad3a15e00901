//! Reading the stress overlay in every format GDAL writes it to (ogr2ogr, when it is
//! installed): Backstop's readers' throughput, beside the GeoJSON reader's and GDAL's
//! 123 MB/s on the same file (../shared/bench/README.md).

use std::path::{Path, PathBuf};

use backstop::io::formats::{ReadOptions, read_overlay};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "support/stress.rs"]
mod stress;

/// The stress file converted to `name` by ogr2ogr (once), or `None` without GDAL.
fn converted(source: &Path, name: &str, args: &[&str]) -> Option<PathBuf> {
    let path = source.with_file_name(name);
    if !path.exists() {
        let status = std::process::Command::new("ogr2ogr")
            .args(["-q", "-f"])
            .args(args)
            .arg(&path)
            .arg(source)
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("ogr2ogr could not write {name}: skipped");
            return None;
        }
    }
    Some(path)
}

fn formats(c: &mut Criterion) {
    let source = stress::stress_file();
    let mut group = c.benchmark_group("formats");
    group.sample_size(10);
    let files = [
        ("stress.geojson", vec![]),
        ("stress.kml", vec!["KML"]),
        ("stress.fgb", vec!["FlatGeobuf"]),
        ("stress.gpkg", vec!["GPKG"]),
        ("stress.shp.zip", vec!["ESRI Shapefile"]),
        ("stress.gpx", vec!["GPX", "-lco", "FORCE_GPX_TRACK=YES"]),
    ];
    for (name, args) in files {
        let path = if args.is_empty() {
            Some(source.clone())
        } else {
            converted(&source, name, &args)
        };
        let Some(path) = path else { continue };
        let bytes = std::fs::read(&path).unwrap_or_default();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("read {name}"), |b| {
            b.iter(|| std::hint::black_box(read_overlay(&path, &bytes, &ReadOptions::default())))
        });
    }
    group.finish();
}

criterion_group!(benches, formats);
criterion_main!(benches);
