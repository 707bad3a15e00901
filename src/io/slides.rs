//! Slides on disk: `slides.toml` in the scenario folder (in the user's data folder for
//! the built-in scenario, which ships its own briefing). Written atomically; a file that
//! fails to parse is kept as a backup and reported, never overwritten.

use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Location, Severity};
use super::files::{ScenarioFiles, ScenarioSource};
use super::write_atomic;
use crate::model::{Deck, Scenario};

/// The file name inside a scenario folder.
pub const SLIDES_FILE: &str = "slides.toml";

/// Slides files larger than this are refused (they are hand-made; this is a broken file).
const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// What loading found.
#[derive(Debug, Default)]
pub struct SlidesLoad {
    /// The deck.
    pub deck: Deck,
    /// Problems: a file moved aside, slides naming layers or times that do not exist.
    pub problems: Vec<Diagnostic>,
    /// Where a file that failed to parse was moved to.
    pub backup: Option<PathBuf>,
}

fn parse(text: &str) -> Result<Deck, String> {
    let deck = toml::from_str::<Deck>(text).map_err(|e| e.message().to_owned())?;
    // TOML has nan and inf; a slide framed on them frames nothing.
    for (index, slide) in deck.slides.iter().enumerate() {
        if let Some(bad) = slide.bounds.iter().find(|b| !b.is_finite()) {
            return Err(format!(
                "slide {} (\"{}\"): bounds: the number {bad} is not finite",
                index + 1,
                slide.title
            ));
        }
    }
    Ok(deck)
}

/// Loads the slides at `path`; with no file there, the built-in scenario's shipped
/// briefing (or no slides for a folder).
pub fn load_slides(path: &Path, files: &ScenarioFiles) -> SlidesLoad {
    super::remove_stale_temporaries(path);
    let mut load = SlidesLoad::default();
    let shipped = || match files.source() {
        ScenarioSource::Builtin => files
            .read_text(SLIDES_FILE)
            .ok()
            .and_then(|text| parse(&text).ok())
            .unwrap_or_default(),
        ScenarioSource::Folder(_) => Deck::default(),
    };
    let text = match super::read_bounded(path, MAX_BYTES) {
        Err(super::ReadError::NotFound) => {
            load.deck = shipped();
            return load;
        }
        Err(e @ super::ReadError::NotAFile(_)) => {
            // Never moved aside: it is not a broken copy of the user's slides.
            load.problems.push(Diagnostic::file(
                SLIDES_FILE,
                Severity::Error,
                format!("{}: {e}", path.display()),
            ));
            load.deck = shipped();
            return load;
        }
        Err(e) => Err(e.to_string()),
        Ok(bytes) => super::text_of(bytes),
    };
    match text.and_then(|t| parse(&t)) {
        Ok(mut deck) => {
            load.problems.extend(cut_long_texts(&mut deck));
            load.deck = deck;
        }
        Err(reason) => {
            let (problem, backup) = super::move_aside(path, "slides", &reason);
            load.problems
                .push(Diagnostic::file(SLIDES_FILE, Severity::Error, problem));
            load.backup = backup;
            load.deck = shipped();
        }
    }
    load
}

/// Cuts slide texts longer than a picture can lay out, with a warning for each.
fn cut_long_texts(deck: &mut Deck) -> Vec<Diagnostic> {
    use crate::model::{MAX_LABEL_CHARS, MAX_TEXT_CHARS, cut_text};
    let mut problems = Vec::new();
    for (index, slide) in deck.slides.iter_mut().enumerate() {
        for (field, text, max) in [
            ("title", &mut slide.title, MAX_LABEL_CHARS),
            ("caption", &mut slide.caption, MAX_TEXT_CHARS),
            ("notes", &mut slide.notes, MAX_TEXT_CHARS),
        ] {
            if cut_text(text, max) {
                problems.push(Diagnostic {
                    file: SLIDES_FILE.to_owned(),
                    location: Location::Record {
                        what: "slide",
                        index,
                        id: None,
                        field: Some(field.to_owned()),
                    },
                    severity: Severity::Warning,
                    message: format!("longer than {max} characters: cut there"),
                });
            }
        }
    }
    problems
}

/// Checks the slides at `path` without touching the file (for `backstop check`): its
/// problems, and the deck when it reads. A missing file is no problem.
pub fn check_slides_file(path: &Path) -> (Option<Deck>, Vec<Diagnostic>) {
    let shown = path.display();
    let text = match super::read_bounded(path, MAX_BYTES) {
        Err(super::ReadError::NotFound) => return (None, Vec::new()),
        Err(e) => Err(e.to_string()),
        Ok(bytes) => super::text_of(bytes),
    };
    match text.and_then(|t| parse(&t)) {
        Ok(deck) => (Some(deck), Vec::new()),
        Err(reason) => (
            None,
            vec![Diagnostic::file(
                SLIDES_FILE,
                Severity::Error,
                format!(
                    "{shown}: cannot be read ({reason}); the app would keep it as a backup and show no slides of it"
                ),
            )],
        ),
    }
}

/// Warnings for slides that name layers or times the scenario does not have.
pub fn check_slides(deck: &Deck, scenario: &Scenario) -> Vec<Diagnostic> {
    let times: Vec<&str> = scenario
        .events
        .iter()
        .map(|e| e.id.as_str())
        .chain(scenario.phases.iter().map(|p| p.id.as_str()))
        .collect();
    let mut out = Vec::new();
    for (index, slide) in deck.slides.iter().enumerate() {
        let problem = |field: &str, message: String| Diagnostic {
            file: SLIDES_FILE.to_owned(),
            location: Location::Record {
                what: "slide",
                index,
                id: Some(slide.title.clone()),
                field: Some(field.to_owned()),
            },
            severity: Severity::Warning,
            message,
        };
        for id in slide.layers.keys() {
            if scenario.layer(id).is_none() {
                out.push(problem(
                    "layers",
                    format!("no layer \"{id}\" in this scenario"),
                ));
            }
        }
        if let Some(time) = &slide.as_of
            && !times.contains(&time.as_str())
        {
            out.push(problem(
                "as_of",
                format!("no event or phase \"{time}\" in events.toml"),
            ));
        }
        let [west, south, east, north] = slide.bounds;
        if !(west < east && south < north && (-85.0..=85.0).contains(&south) && north <= 85.0) {
            out.push(problem(
                "bounds",
                "expected [west, south, east, north] with west < east and south < north".into(),
            ));
        }
    }
    out
}

/// Writes the slides to `path` atomically.
pub fn save_slides(path: &Path, deck: &Deck) -> std::io::Result<()> {
    let text = toml::to_string_pretty(deck).map_err(std::io::Error::other)?;
    let header = "# Backstop slides: written by the app; safe to edit by hand.\n\n";
    write_atomic(path, format!("{header}{text}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_slides_file_is_moved_aside_and_the_shipped_deck_shows() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(SLIDES_FILE);
        std::fs::write(&path, "[[slides]\ntitle = ").unwrap_or_else(|e| panic!("{e}"));
        let load = load_slides(&path, &ScenarioFiles::new(ScenarioSource::Builtin));
        assert!(!path.exists());
        assert!(load.backup.as_ref().is_some_and(|b| b.exists()));
        assert!(load.problems[0].to_string().contains("kept as"));
        assert!(load.deck.slides.len() >= 6);
    }

    #[test]
    fn the_shipped_briefing_names_only_what_the_scenario_has() {
        let files = ScenarioFiles::new(ScenarioSource::Builtin);
        let scenario = super::super::load_scenario(&files).scenario;
        let deck = parse(&files.read_text(SLIDES_FILE).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!((6..=8).contains(&deck.slides.len()));
        assert_eq!(check_slides(&deck, &scenario), Vec::new());
        for slide in &deck.slides {
            assert!(!slide.caption.is_empty(), "{} has no caption", slide.title);
            assert!(!slide.notes.is_empty(), "{} has no notes", slide.title);
        }
    }
}
