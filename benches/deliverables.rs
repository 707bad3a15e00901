//! Deliverables benchmark: an A4 PDF and an SVG of the Ukraine view, and the built-in
//! 8-slide deck as PNGs, as PowerPoint and as a PDF handout, at 1920×1080.

use backstop::BackstopApp;
use backstop::export::vector::Recording;
use backstop::export::{
    ExportOptions, OffscreenRenderer, PageSize, Paper, VectorFormat, VectorRequest,
    write_vector_picture,
};
use backstop::io::{ScenarioFiles, ScenarioSource};
use criterion::{Criterion, criterion_group, criterion_main};

fn deliverables(c: &mut Criterion) {
    let app = BackstopApp::new(
        &ScenarioFiles::new(ScenarioSource::Builtin),
        // Nothing is saved: a folder that need not exist keeps the user's files out.
        backstop::io::UserFolders::inside(&std::env::temp_dir().join("backstop-bench")),
    );
    let picture = app.picture.clone();
    let a4 = VectorRequest {
        page: PageSize::Paper {
            paper: Paper::A4,
            landscape: true,
        },
        view: None,
        scale: None,
        options: ExportOptions::default(),
    };
    let mut recording = Recording::new();
    let mut group = c.benchmark_group("deliverables");
    group.sample_size(10);
    group.bench_function("A4 PDF of the Ukraine view", |b| {
        b.iter(|| write_vector_picture(&mut recording, &picture, &a4, VectorFormat::Pdf))
    });
    group.bench_function("A4 SVG of the Ukraine view", |b| {
        b.iter(|| write_vector_picture(&mut recording, &picture, &a4, VectorFormat::Svg))
    });
    let pages = app.deck_pages();
    group.bench_function("8-slide PDF handout with notes", |b| {
        b.iter(|| {
            backstop::export::write_handout(
                &mut recording,
                &pages,
                true,
                "Deck",
                |_, _| {},
                || false,
            )
        })
    });
    let Ok(mut renderer) = OffscreenRenderer::new() else {
        eprintln!("no graphics adapter: the deck benchmarks are skipped");
        return;
    };
    let folder = std::env::temp_dir().join(format!("backstop-bench-deck-{}", std::process::id()));
    group.bench_function("8-slide PNG deck at 1920x1080", |b| {
        b.iter(|| {
            backstop::export::render_deck(
                &mut renderer,
                &pages,
                &folder,
                [1920, 1080],
                |_, _| {},
                || false,
            )
        })
    });
    group.bench_function("8-slide PowerPoint deck at 1920x1080", |b| {
        b.iter(|| {
            backstop::export::pptx::write_pptx(
                &mut renderer,
                &pages,
                [1920, 1080],
                "Deck",
                |_, _| {},
                || false,
            )
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&folder);
}

criterion_group!(benches, deliverables);
criterion_main!(benches);
