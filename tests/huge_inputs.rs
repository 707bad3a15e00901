//! Inputs far larger than any picture can show: a slide title of megabytes, an
//! annotation of ten megabytes of text. They are cut, with a warning, and the pictures
//! still render (before, they became index buffers larger than wgpu's limit: a panic).

mod common;

use backstop::export::{ExportOptions, OffscreenRenderer, fit_view, render_picture};
use backstop::io::{ScenarioFiles, ScenarioSource};

#[test]
fn a_megabyte_slide_title_and_a_huge_annotation_are_cut_and_the_slide_still_renders() {
    let folder = common::data_copy();
    let slides = folder.path().join("slides.toml");
    let text = std::fs::read_to_string(&slides).unwrap_or_default();
    let title = "Paris, 6 January 2026: security guarantees for Ukraine";
    let huge_title = "W".repeat(7_000_000);
    std::fs::write(&slides, text.replacen(title, &huge_title, 1)).unwrap_or_else(|e| panic!("{e}"));
    let huge_text = "Z".repeat(10_000_000);
    std::fs::write(
        folder.path().join("annotations.geojson"),
        format!(
            "{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[30.5,50.4]}},\"properties\":{{\"id\":1,\"kind\":\"text\",\"text\":\"{huge_text}\"}}}}]}}"
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let home = common::TestHome::new();
    let app = home.app(&ScenarioFiles::new(ScenarioSource::Folder(
        folder.path().to_path_buf(),
    )));
    let documents = &app.documents;
    let first = &documents.slides.deck.slides[0];
    assert_eq!(
        first.title.chars().count(),
        backstop::model::MAX_LABEL_CHARS + 1
    );
    assert!(first.title.ends_with('…'));
    assert_eq!(
        documents.annotations.items[0].text.chars().count(),
        backstop::model::MAX_TEXT_CHARS + 1
    );
    let problems: Vec<String> = app.all_diagnostics().map(ToString::to_string).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("slides.toml") && p.contains("\"title\"") && p.contains("cut")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("annotations.geojson") && p.contains("cut")),
        "{problems:#?}"
    );
    // The slide, its title and the annotation render as a picture.
    let pages = app.deck_pages();
    let mut renderer = OffscreenRenderer::new().unwrap_or_else(|e| panic!("{e}"));
    let size = [960, 540];
    let options = ExportOptions::default();
    let view = fit_view(pages[0].bounds, size, options, true, 0.0);
    let image = render_picture(&mut renderer, &pages[0].picture, view, size, options)
        .unwrap_or_else(|e| panic!("{e}"));
    common::assert_is_briefing_picture(&image, "the slide with a huge title", false);
}
