//! Briefing deliverables: the map as PDF and SVG (vectors, text as text), the deck as a
//! PowerPoint file with notes and as a PDF handout, from the library, the command line
//! and the app.

use std::io::Read as _;

use backstop::BackstopApp;
use backstop::export::vector::{Recording, write_pdf, write_svg};
use backstop::export::{
    ExportOptions, PageSize, Paper, VectorFormat, VectorRequest, vector_drawing,
    write_vector_picture,
};

#[allow(dead_code)]
mod common;

use egui_kittest::kittest::Queryable as _;

fn app() -> BackstopApp {
    common::TestHome::new().builtin_app()
}

fn a4() -> VectorRequest {
    VectorRequest {
        page: PageSize::Paper {
            paper: Paper::A4,
            landscape: true,
        },
        view: None,
        scale: None,
        options: ExportOptions::default(),
    }
}

/// Whitespace collapsed, so that a line wrapped in the picture still matches.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Place names a map of Ukraine at A4 must show (Natural Earth's spelling).
const PLACES: &[&str] = &[
    "Kyiv",
    "Kharkiv",
    "Odesa",
    "Lviv",
    "Dnipro",
    "Zaporizhzhia",
    "Mykolaiv",
    "Chernihiv",
    "Sumy",
    "Poltava",
    "Vinnytsia",
    "Kherson",
    "Chisinau",
    "Minsk",
    "Warsaw",
    "Bucharest",
    "Moscow",
    "Rivne",
    "Zhytomyr",
    "Luhansk",
    "Donetsk",
    "Simferopol",
];

#[test]
fn an_a4_picture_holds_the_title_caveat_every_source_and_place_names_as_text() {
    let app = app();
    let mut recording = Recording::new();
    let drawing = vector_drawing(&mut recording, &app.picture, &a4());
    let all = words(&drawing.texts().join(" "));
    let scenario = &app.documents.report.scenario;
    assert!(all.contains(&words(&scenario.title)), "no title in {all}");
    assert!(all.contains(&words(&scenario.caveat)), "no caveat");
    for source in &scenario.sources {
        assert!(
            all.contains(&words(&source.title)),
            "the source \"{}\" is not in the text",
            source.title
        );
    }
    let places: Vec<&&str> = PLACES.iter().filter(|p| all.contains(**p)).collect();
    assert!(places.len() >= 10, "only {places:?} of the place names");
    // The built-in basemap is vectors: nothing raster at all.
    assert!(drawing.images.is_empty(), "{} images", drawing.images.len());
}

#[test]
fn the_pdf_of_the_ukraine_view_is_a_small_vector_file_of_the_page_size_asked_for() {
    let app = app();
    let mut recording = Recording::new();
    let bytes = write_vector_picture(&mut recording, &app.picture, &a4(), VectorFormat::Pdf)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.len() < 5 * 1024 * 1024, "{} bytes", bytes.len());
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("/MediaBox[0 0 841.8") && text.contains(" 595.2"),
        "no A4 landscape media box"
    );
}

#[test]
fn an_svg_has_text_elements_holding_the_title_and_place_names() {
    let app = app();
    let mut recording = Recording::new();
    let request = VectorRequest {
        page: PageSize::Pixels {
            width: 1920,
            height: 1080,
        },
        ..a4()
    };
    let drawing = vector_drawing(&mut recording, &app.picture, &request);
    let bytes = write_svg(&drawing, recording.faces(), 508.0, 285.75, "Test")
        .unwrap_or_else(|e| panic!("{e}"));
    let svg = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}"));
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    // Each <text> element's characters, read as an XML reader would (which also says
    // the document is well-formed).
    let mut texts: Vec<String> = Vec::new();
    let mut inside: Option<String> = None;
    let mut reader = quick_xml::Reader::from_str(&svg);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e)) if e.name().as_ref() == b"text" => {
                inside = Some(String::new());
            }
            Ok(quick_xml::events::Event::End(e)) if e.name().as_ref() == b"text" => {
                texts.extend(inside.take().map(|t| words(&t)));
            }
            Ok(quick_xml::events::Event::Text(t)) => {
                if let (Some(text), Ok(chars)) = (inside.as_mut(), t.decode()) {
                    text.push(' ');
                    text.push_str(&chars);
                }
            }
            Ok(_) => {}
            Err(e) => panic!("the SVG is not well-formed: {e}"),
        }
    }
    assert!(texts.len() > 20, "{} text elements", texts.len());
    for place in ["Kyiv", "Kharkiv", "Dnipro", "Lviv"] {
        assert!(texts.iter().any(|t| t == place), "no <text> for {place}");
    }
    let title = words(&app.documents.report.scenario.title);
    assert!(
        texts.contains(&title),
        "no <text> holds the title {title:?}"
    );
}

#[test]
fn a_paper_page_at_a_stated_scale_says_so_by_the_scale_bar() {
    let app = app();
    let mut recording = Recording::new();
    let request = VectorRequest {
        scale: Some(2_000_000.0),
        ..a4()
    };
    let drawing = vector_drawing(&mut recording, &app.picture, &request);
    let all = drawing.texts().join(" ");
    assert!(all.contains("Scale 1:2,000,000 at"), "{all}");
    // A picture-size page has no paper, so no stated scale.
    let pixels = VectorRequest {
        page: PageSize::Pixels {
            width: 1920,
            height: 1080,
        },
        ..a4()
    };
    let drawing = vector_drawing(&mut recording, &app.picture, &pixels);
    assert!(!drawing.texts().join(" ").contains("Scale 1:"));
}

#[test]
fn a_two_page_pdf_has_two_pages_of_their_own_sizes() {
    let app = app();
    let mut recording = Recording::new();
    let landscape = vector_drawing(&mut recording, &app.picture, &a4());
    let portrait_request = VectorRequest {
        page: PageSize::Paper {
            paper: Paper::A3,
            landscape: false,
        },
        ..a4()
    };
    let portrait = vector_drawing(&mut recording, &app.picture, &portrait_request);
    let pages = [
        backstop::export::vector::PdfPage {
            drawing: &landscape,
            width: 841.89,
            height: 595.28,
        },
        backstop::export::vector::PdfPage {
            drawing: &portrait,
            width: 841.89,
            height: 1190.55,
        },
    ];
    let bytes = write_pdf(&pages, recording.faces(), "two").unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("/MediaBox").count(), 2);
    assert!(text.contains("1190.5"));
}

/// Every part of a zip, by name.
fn zip_parts(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    let mut parts = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap_or_else(|e| panic!("{e}"));
        let mut data = Vec::new();
        file.read_to_end(&mut data)
            .unwrap_or_else(|e| panic!("{e}"));
        let name = file.name().unwrap_or_else(|e| panic!("{e}")).to_string();
        parts.insert(name, data);
    }
    parts
}

/// The values of `attribute="…"` in `xml`.
fn attributes<'x>(xml: &'x str, attribute: &str) -> Vec<&'x str> {
    let needle = format!(" {attribute}=\"");
    xml.split(needle.as_str())
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(value, _)| value))
        .collect()
}

#[test]
fn the_powerpoint_deck_has_each_slide_with_its_words_and_notes_and_no_dangling_part() {
    let app = app();
    let pages = app.deck_pages();
    assert_eq!(pages.len(), 8);
    let mut renderer = backstop::export::OffscreenRenderer::new().unwrap_or_else(|e| panic!("{e}"));
    let mut seen = Vec::new();
    let bytes = backstop::export::pptx::write_pptx(
        &mut renderer,
        &pages,
        [960, 540],
        "Deck",
        |done, total| seen.push((done, total)),
        || false,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(seen.last(), Some(&(8, 8)));
    let parts = zip_parts(&bytes);
    let names: Vec<&String> = parts.keys().collect();
    assert!(parts.contains_key("[Content_Types].xml"), "{names:?}");
    let types = String::from_utf8_lossy(&parts["[Content_Types].xml"]).into_owned();
    for (n, page) in pages.iter().enumerate() {
        let n = n + 1;
        let slide =
            String::from_utf8_lossy(&parts[&format!("ppt/slides/slide{n}.xml")]).into_owned();
        let escape = |t: &str| backstop::export::pptx::xml_text(t);
        assert!(
            slide.contains(&escape(&page.picture.text.title)),
            "slide {n} lacks its title"
        );
        if let Some(caption) = &page.picture.text.caption {
            let first_line = caption.lines().next().unwrap_or_default();
            assert!(
                slide.contains(&escape(first_line)),
                "slide {n} lacks its caption"
            );
        }
        assert!(slide.contains(&escape(&page.picture.text.caveat)));
        assert!(slide.contains("Sources: "));
        let notes = String::from_utf8_lossy(&parts[&format!("ppt/notesSlides/notesSlide{n}.xml")])
            .into_owned();
        let first_note = page.notes.lines().next().unwrap_or_default();
        assert!(
            !first_note.is_empty(),
            "slide {n} of the built-in deck has notes"
        );
        assert!(
            notes.contains(&escape(first_note)),
            "notes page {n} lacks the notes"
        );
        assert!(types.contains(&format!("/ppt/slides/slide{n}.xml")));
        let png = &parts[&format!("ppt/media/slide{n}.png")];
        let picture = image::load_from_memory(png).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((picture.width(), picture.height()), (960, 540));
    }
    for (name, data) in &parts {
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let xml = String::from_utf8_lossy(data).into_owned();
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed: {e}"),
            }
        }
        // Every relationship points at a part of the package.
        if let Some(folder) = name.strip_suffix(".rels") {
            let base = folder.replace("_rels/", "");
            let base = std::path::Path::new(&base)
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default();
            for target in attributes(&xml, "Target") {
                let mut path = base.clone();
                for step in target.split('/') {
                    match step {
                        ".." => {
                            path.pop();
                        }
                        step => path.push(step),
                    }
                }
                let resolved = path.to_string_lossy().replace('\\', "/");
                assert!(
                    parts.contains_key(&resolved),
                    "{name} points at missing {resolved}"
                );
            }
        }
    }
}

#[test]
fn the_pdf_handout_writes_one_page_per_slide_with_the_notes_under_it() {
    let app = app();
    let pages = app.deck_pages();
    let mut recording = Recording::new();
    let bytes = backstop::export::write_handout(
        &mut recording,
        &pages,
        true,
        "Handout",
        |_, _| {},
        || false,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(text.matches("/MediaBox").count(), pages.len());
    assert!(
        text.contains("595.2") && text.contains("841.8"),
        "A4 portrait pages"
    );
    // Cancelled before the first page, nothing is made.
    let cancelled = backstop::export::write_handout(
        &mut recording,
        &pages,
        true,
        "Handout",
        |_, _| {},
        || true,
    );
    assert!(cancelled.is_err());
}

#[test]
fn the_command_line_writes_pdf_svg_and_a_deck_and_refuses_a_scale_without_paper() {
    let home = common::TestHome::new();
    let out = home.root().join("out");
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    let run = |args: &[&str]| {
        home.backstop()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let path = |name: &str| out.join(name).display().to_string();
    let pdf = run(&["export", "--out", &path("map.pdf"), "--scale", "1:3000000"]);
    assert!(
        pdf.status.success(),
        "{}",
        String::from_utf8_lossy(&pdf.stderr)
    );
    assert!(std::fs::read(out.join("map.pdf")).is_ok_and(|b| b.starts_with(b"%PDF-")));
    let svg = run(&["export", "--out", &path("map.svg"), "--page", "A3-portrait"]);
    assert!(
        svg.status.success(),
        "{}",
        String::from_utf8_lossy(&svg.stderr)
    );
    let text = std::fs::read_to_string(out.join("map.svg")).unwrap_or_default();
    assert!(text.contains("width=\"297.00mm\"") && text.contains("height=\"420.00mm\""));
    let refused = run(&[
        "export",
        "--out",
        &path("refused.pdf"),
        "--page",
        "1920x1080",
        "--scale",
        "1:1000000",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--scale needs a paper --page"));
    assert!(!out.join("refused.pdf").exists());
    let bad_page = run(&["export", "--out", &path("b5.pdf"), "--page", "B5"]);
    assert_eq!(bad_page.status.code(), Some(2));
    let deck = run(&[
        "export",
        "--slides",
        &path("deck.pptx"),
        "--size",
        "960x540",
    ]);
    assert!(
        deck.status.success(),
        "{}",
        String::from_utf8_lossy(&deck.stderr)
    );
    assert!(String::from_utf8_lossy(&deck.stdout).contains("8 slides"));
    let parts = zip_parts(&std::fs::read(out.join("deck.pptx")).unwrap_or_default());
    assert!(parts.contains_key("ppt/notesSlides/notesSlide8.xml"));
    let handout = run(&["export", "--slides", &path("handout.pdf"), "--notes"]);
    assert!(
        handout.status.success(),
        "{}",
        String::from_utf8_lossy(&handout.stderr)
    );
    assert!(std::fs::read(out.join("handout.pdf")).is_ok_and(|b| b.starts_with(b"%PDF-")));
}

#[test]
fn the_export_dialog_saves_a_pdf_page_and_the_slides_panel_a_powerpoint_deck() {
    let mut harness = common::builtin();
    let path = harness.home.root().join("briefing.pdf");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(4);
    harness.get_by_label("PDF").click();
    harness.run_steps(2);
    harness.get_by_label("A3").click();
    harness.run_steps(2);
    harness.state_mut().dialogs.export.path = path.display().to_string();
    harness.get_by_label("Save PDF").click();
    harness.run_steps(2);
    common::run_until(&mut harness, "the PDF export", |app| !app.exporting());
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        String::from_utf8_lossy(&bytes).contains("1190.5"),
        "A3 landscape is 1190.55 wide"
    );
    harness.get_by_label_contains("Saved");
    // The Slides panel's PowerPoint button writes a deck into Pictures (the dialog,
    // closed, no longer covers the panel).
    harness.state_mut().dialogs.export.open = false;
    harness
        .state_mut()
        .queue(backstop::app::Command::ToggleSlidesPanel);
    harness.run_steps(3);
    harness.get_by_label("PowerPoint…").click();
    harness.run_steps(2);
    assert!(
        harness.state().jobs.deck.is_some(),
        "the PowerPoint export did not start"
    );
    common::run_until(&mut harness, "the PowerPoint export", |app| {
        app.jobs.deck.is_none()
    });
    harness.run_steps(2);
    let pictures = harness.state().folders.pictures.clone();
    let deck = std::fs::read_dir(&pictures)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pptx"))
        .unwrap_or_else(|| {
            let toasts: Vec<String> = harness
                .state()
                .jobs
                .exports
                .toasts
                .iter()
                .map(|t| t.text.clone())
                .collect();
            panic!("no .pptx in {}; toasts {toasts:?}", pictures.display())
        });
    assert_eq!(
        zip_parts(&std::fs::read(&deck).unwrap_or_default())
            .keys()
            .filter(|k| k.starts_with("ppt/notesSlides/notesSlide"))
            .count(),
        8
    );
    harness.get_by_label_contains("PowerPoint deck");
    // Without notes, the handout's pages are landscape slides.
    harness.get_by_label("with notes").click();
    harness.run_steps(2);
    assert!(!harness.state().dialogs.handout_notes);
    harness.get_by_label("PDF handout…").click();
    harness.run_steps(2);
    assert!(
        harness.state().jobs.deck.is_some(),
        "the handout did not start"
    );
    common::run_until(&mut harness, "the handout", |app| app.jobs.deck.is_none());
    let handout = std::fs::read_dir(&pictures)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .unwrap_or_else(|| panic!("no handout in {}", pictures.display()));
    let bytes = std::fs::read(&handout).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(
        text.matches("/MediaBox[0 0 841.8").count(),
        8,
        "8 landscape pages"
    );
}

/// Reads `xml` to the end; panics naming `what` if it is not well-formed.
fn assert_well_formed(xml: &str, what: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{what} is not well-formed: {e}"),
        }
    }
}

#[test]
fn markup_and_control_characters_in_the_words_keep_every_file_readable() {
    let mut app = app();
    let hostile = "Kyiv <b>&amp;</b> \"quotes\" ]]> \u{7}bell\u{1b}[31m";
    for slide in &mut app.documents.slides.deck.slides {
        slide.title = hostile.to_owned();
        slide.caption = format!("{hostile}\nsecond line");
        slide.notes = format!("{hostile} notes");
    }
    let pages = app.deck_pages();
    let mut renderer = backstop::export::OffscreenRenderer::new().unwrap_or_else(|e| panic!("{e}"));
    let bytes = backstop::export::pptx::write_pptx(
        &mut renderer,
        &pages[..2],
        [480, 270],
        hostile,
        |_, _| {},
        || false,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for (name, data) in zip_parts(&bytes) {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            assert_well_formed(&String::from_utf8_lossy(&data), &name);
        }
    }
    let slide = String::from_utf8_lossy(&zip_parts(&bytes)["ppt/slides/slide1.xml"]).into_owned();
    assert!(slide.contains("Kyiv &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;quotes&quot; ]]&gt; bell[31m"));
    let mut recording = Recording::new();
    let mut picture = app.picture.clone();
    picture.text.title = hostile.to_owned();
    let drawing = vector_drawing(&mut recording, &picture, &a4());
    let svg = write_svg(&drawing, recording.faces(), 297.0, 210.0, hostile)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_well_formed(&String::from_utf8_lossy(&svg), "the SVG");
    let pdf = write_pdf(
        &[backstop::export::vector::PdfPage {
            drawing: &drawing,
            width: 841.89,
            height: 595.28,
        }],
        recording.faces(),
        hostile,
    );
    assert!(pdf.is_ok_and(|b| b.starts_with(b"%PDF-")));
}
