//! Export benchmark: a 3840×2160 picture, off screen, through the same paint code.

use backstop::BackstopApp;
use backstop::export::{ExportOptions, OffscreenRenderer, fit_ukraine_view, render_picture};
use backstop::io::{ScenarioFiles, ScenarioSource};
use criterion::{Criterion, criterion_group, criterion_main};

fn export(c: &mut Criterion) {
    let app = BackstopApp::new(
        &ScenarioFiles::new(ScenarioSource::Builtin),
        // Nothing is saved: a folder that need not exist keeps the user's files out.
        backstop::io::UserFolders::inside(&std::env::temp_dir().join("backstop-bench")),
    );
    let Ok(mut renderer) = OffscreenRenderer::new() else {
        eprintln!("no graphics adapter: export benchmark skipped");
        return;
    };
    let snapshot = app.picture.clone();
    let size = [3840, 2160];
    let options = ExportOptions::default();
    let view = fit_ukraine_view(size, options, true);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("3840x2160 picture (render + read back)", |b| {
        b.iter(|| render_picture(&mut renderer, &snapshot, view, size, options))
    });
    group.bench_function("3840x2160 picture + PNG encoding", |b| {
        b.iter(|| {
            let image = render_picture(&mut renderer, &snapshot, view, size, options);
            let mut bytes = Vec::new();
            if let Ok(image) = image {
                let _ = image.write_to(
                    &mut std::io::Cursor::new(&mut bytes),
                    image::ImageFormat::Png,
                );
            }
            bytes
        })
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
