//! Undo and redo across documents: one order for annotations and slides, whatever the
//! depth, and the files follow.

mod common;

use backstop::app::Command;
use backstop::io::{ScenarioFiles, ScenarioSource};
use backstop::model::{AnnotationShape, Deck};

fn state(harness: &common::AppHarness) -> (Vec<backstop::model::Annotation>, Deck) {
    let app = harness.state();
    (
        app.documents.annotations.items.clone(),
        app.documents.slides.deck.clone(),
    )
}

/// The `step`th edit: an annotation, a slide, or a slide's words, in turn.
fn edit(step: usize) -> Vec<Command> {
    let at = [30.0 + step as f64 * 0.01, 49.0];
    match step % 3 {
        0 => vec![Command::AddAnnotation(AnnotationShape::Text { at })],
        1 => vec![Command::AddSlide],
        _ => vec![
            Command::Checkpoint(backstop::app::UndoDomain::Slides),
            Command::EditSlideWords {
                index: 0,
                title: format!("Edited {step}"),
                caption: "typed".into(),
                notes: String::new(),
            },
        ],
    }
}

#[test]
fn a_hundred_and_fifty_edits_then_as_many_undos_restore_annotations_and_slides_exactly() {
    let (mut harness, folder) = common::data_copy_harness();
    let slides_file = folder.path().join("slides.toml");
    let original_slides = std::fs::read(&slides_file).unwrap_or_else(|e| panic!("{e}"));
    let mut states = vec![state(&harness)];
    for step in 0..150 {
        for command in edit(step) {
            harness.state_mut().queue(command);
        }
        harness.run_steps(1);
        states.push(state(&harness));
    }
    assert_eq!(states[150].0.len(), 50, "50 annotations added");
    assert_eq!(states[150].1.slides.len(), 8 + 50, "50 slides added");
    for back in (0..150).rev() {
        harness.state_mut().queue(Command::Undo);
        harness.run_steps(1);
        assert!(
            state(&harness) == states[back],
            "after undoing to step {back}"
        );
    }
    assert!(!harness.state().documents.history.can_undo());
    for (forward, expected) in states.iter().enumerate().skip(1) {
        harness.state_mut().queue(Command::Redo);
        harness.run_steps(1);
        assert!(
            state(&harness) == *expected,
            "after redoing to step {forward}"
        );
    }
    // Undo all the way again: the files are as they were.
    for _ in 0..150 {
        harness.state_mut().queue(Command::Undo);
    }
    harness.run_steps(1);
    drop(harness);
    let slides = std::fs::read(&slides_file).unwrap_or_else(|e| panic!("{e}"));
    let reloaded = backstop::io::load_slides(
        &slides_file,
        &ScenarioFiles::new(ScenarioSource::Folder(folder.path().to_path_buf())),
    );
    let shipped: Deck = toml::from_str(&String::from_utf8_lossy(&original_slides))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        reloaded.deck,
        shipped,
        "{}",
        String::from_utf8_lossy(&slides)
    );
    let annotations = backstop::io::load_annotations(&folder.path().join("annotations.geojson"));
    assert!(annotations.annotations.is_empty());
}

#[test]
fn typing_in_a_slide_field_is_one_undo_step_and_is_written_when_the_app_closes() {
    let (mut harness, folder) = common::data_copy_harness();
    let before = state(&harness);
    harness
        .state_mut()
        .queue(Command::Checkpoint(backstop::app::UndoDomain::Slides));
    for typed in ["T", "Ty", "Typ", "Typed"] {
        harness.state_mut().queue(Command::EditSlideWords {
            index: 0,
            title: typed.into(),
            caption: String::new(),
            notes: String::new(),
        });
        harness.run_steps(1);
    }
    assert_eq!(
        harness.state().documents.slides.deck.slides[0].title,
        "Typed"
    );
    harness.state_mut().queue(Command::Undo);
    harness.run_steps(1);
    assert!(
        state(&harness) == before,
        "one undo takes back the whole typing"
    );
    harness.state_mut().queue(Command::Redo);
    harness.run_steps(1);
    drop(harness);
    let saved = std::fs::read_to_string(folder.path().join("slides.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(saved.contains("title = \"Typed\""), "{saved}");
}
