//! The deck as a PowerPoint file (OOXML, ECMA-376): one 16:9 slide per Backstop slide,
//! the map picture full-bleed, the title, caveat, caption and sources as editable text
//! boxes, and the speaker notes in each slide's notes page. Written part by part on the
//! zip crate: no maintained Rust crate writes PresentationML with pictures and notes.

mod package;
mod slide;

use std::io::Write as _;

use zip::write::SimpleFileOptions;

pub use package::{SLIDE_HEIGHT_EMU, SLIDE_WIDTH_EMU};
pub use slide::{SlideWords, notes_xml, slide_xml};

use super::deck::{slide_options, slide_view};
use super::{DeckPage, OffscreenRenderer, credit_line, draw_picture, sources_line};

/// Text as XML character data: escaped, and without the control characters XML forbids.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Renders every page at `size` pixels and writes the deck titled `title`;
/// `progress(done, total)` after each slide, and stops once `cancelled()` says so.
pub fn write_pptx(
    renderer: &mut OffscreenRenderer,
    pages: &[DeckPage],
    size: [u32; 2],
    title: &str,
    mut progress: impl FnMut(usize, usize),
    cancelled: impl Fn() -> bool,
) -> Result<Vec<u8>, String> {
    let mut options = slide_options();
    options.text_as_boxes = true;
    let mut slides = Vec::with_capacity(pages.len());
    for (done, page) in pages.iter().enumerate() {
        if cancelled() {
            return Err(format!("cancelled after {done} of {} slides", pages.len()));
        }
        let view = slide_view(page, size, options);
        let mut layout = None;
        let image = renderer
            .render(size, options.pixels_per_point(size[1]), |ui| {
                layout = Some(draw_picture(ui, &page.picture, view, options));
            })
            .map_err(|e| format!("slide {}: {e}", done + 1))?;
        let Some(layout) = layout else {
            return Err(format!("slide {}: nothing was drawn", done + 1));
        };
        let mut png = Vec::new();
        image
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .map_err(|e| format!("slide {}: cannot encode its picture: {e}", done + 1))?;
        let text = &page.picture.text;
        let words = SlideWords {
            layout,
            title: text.title.clone(),
            subtitle: text.subtitle.clone(),
            as_of: text.as_of.as_ref().map(|date| format!("as of {date}")),
            date_time_group: text
                .date_time_group
                .as_ref()
                .map(|group| format!("DTG {group}")),
            caption: text.caption.clone(),
            caveat: text.caveat.clone(),
            sources: sources_line(&page.picture),
            credit: credit_line(&page.picture),
            notes: page.notes.clone(),
        };
        slides.push((words, png));
        progress(done + 1, pages.len());
    }
    package_deck(&slides, title)
}

/// The parts every deck of `count` slides titled `title` has.
fn fixed_parts(count: usize, title: &str) -> Vec<(String, Vec<u8>)> {
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            package::content_types(count).into_bytes(),
        ),
        (
            "_rels/.rels".into(),
            package::root_relationships().into_bytes(),
        ),
        (
            "ppt/presentation.xml".into(),
            package::presentation(count).into_bytes(),
        ),
        (
            "ppt/_rels/presentation.xml.rels".into(),
            package::presentation_relationships(count).into_bytes(),
        ),
        (
            "ppt/slideMasters/slideMaster1.xml".into(),
            package::slide_master().into_bytes(),
        ),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels".into(),
            package::slide_master_relationships().into_bytes(),
        ),
        (
            "ppt/slideLayouts/slideLayout1.xml".into(),
            package::slide_layout().into_bytes(),
        ),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels".into(),
            package::slide_layout_relationships().into_bytes(),
        ),
        (
            "ppt/notesMasters/notesMaster1.xml".into(),
            package::notes_master().into_bytes(),
        ),
        (
            "ppt/notesMasters/_rels/notesMaster1.xml.rels".into(),
            package::notes_master_relationships().into_bytes(),
        ),
        (
            "ppt/theme/theme1.xml".into(),
            package::theme("Backstop").into_bytes(),
        ),
        (
            "ppt/theme/theme2.xml".into(),
            package::theme("Backstop notes").into_bytes(),
        ),
    ];
    for (name, xml) in package::presentation_properties()
        .into_iter()
        .chain(package::document_properties(title, count))
    {
        parts.push((name.to_owned(), xml.into_bytes()));
    }
    parts
}

/// Slide `n`'s parts: the slide, its picture, its notes page and their relationships.
fn slide_parts(n: usize, words: &SlideWords, png: &[u8]) -> Vec<(String, Vec<u8>)> {
    vec![
        (
            format!("ppt/slides/slide{n}.xml"),
            slide_xml(words).into_bytes(),
        ),
        (
            format!("ppt/slides/_rels/slide{n}.xml.rels"),
            package::relationships(&[
                (
                    "rId1".into(),
                    "slideLayout",
                    "../slideLayouts/slideLayout1.xml".into(),
                ),
                ("rId2".into(), "image", format!("../media/slide{n}.png")),
                (
                    "rId3".into(),
                    "notesSlide",
                    format!("../notesSlides/notesSlide{n}.xml"),
                ),
            ])
            .into_bytes(),
        ),
        (format!("ppt/media/slide{n}.png"), png.to_vec()),
        (
            format!("ppt/notesSlides/notesSlide{n}.xml"),
            notes_xml(&words.notes).into_bytes(),
        ),
        (
            format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
            package::relationships(&[
                (
                    "rId1".into(),
                    "notesMaster",
                    "../notesMasters/notesMaster1.xml".into(),
                ),
                ("rId2".into(), "slide", format!("../slides/slide{n}.xml")),
            ])
            .into_bytes(),
        ),
    ]
}

/// Zips the parts of a deck of `slides` (their words and PNG pictures).
pub fn package_deck(slides: &[(SlideWords, Vec<u8>)], title: &str) -> Result<Vec<u8>, String> {
    let mut parts = fixed_parts(slides.len(), title);
    for (i, (words, png)) in slides.iter().enumerate() {
        parts.extend(slide_parts(i + 1, words, png));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        // PNGs are compressed already; storing them saves time and nothing else.
        let method = if name.ends_with(".png") {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        zip.start_file(
            name.as_str(),
            SimpleFileOptions::default().compression_method(method),
        )
        .map_err(|e| format!("cannot add {name} to the deck: {e}"))?;
        zip.write_all(&bytes)
            .map_err(|e| format!("cannot add {name} to the deck: {e}"))?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| format!("cannot finish the deck: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_loses_the_control_characters_xml_forbids() {
        assert_eq!(
            xml_text("A & B <\"C\">\u{7}\u{1b}\tD\nE"),
            "A &amp; B &lt;&quot;C&quot;&gt;\tD\nE"
        );
    }
}
