//! The deck as a PDF handout: one A4 page per slide, the slide drawn as vectors exactly
//! as its PNG (title, caveat, legend, caption), and, when asked, the speaker notes under
//! it on a portrait page.

use egui::{Color32, FontId, RichText, pos2, vec2};

use super::deck::{slide_options, slide_view};
use super::page::{PageSize, Paper};
use super::vector::{PdfPage, Recording};
use super::{DeckPage, SLIDE_POINTS_HIGH, draw_picture};

/// Points of margin around the slide, in the slide's own points.
const MARGIN: f32 = 60.0;
/// Size of the notes' text, in the slide's points (about 10.5 printed points).
const NOTES_SIZE: f32 = 30.0;

/// Draws every page and writes the handout titled `title`; with `notes`, each slide's
/// notes under it. `progress(done, total)` after each page; stops once `cancelled()`.
pub fn write_handout(
    recording: &mut Recording,
    pages: &[DeckPage],
    notes: bool,
    title: &str,
    mut progress: impl FnMut(usize, usize),
    cancelled: impl Fn() -> bool,
) -> Result<Vec<u8>, String> {
    let paper = PageSize::Paper {
        paper: Paper::A4,
        landscape: !notes,
    };
    let (width, height) = paper.points();
    let slide_size = vec2(SLIDE_POINTS_HIGH * 16.0 / 9.0, SLIDE_POINTS_HIGH);
    // The page in the slide's points: the slide and its margins fill the width.
    let page_width = slide_size.x + 2.0 * MARGIN;
    let page = vec2(page_width, page_width * height / width);
    let options = slide_options();
    let pixels = [1920, 1080];
    let mut drawings = Vec::with_capacity(pages.len());
    for (done, deck_page) in pages.iter().enumerate() {
        if cancelled() {
            return Err(format!("cancelled after {done} of {} pages", pages.len()));
        }
        let view = slide_view(deck_page, pixels, options);
        let footer = format!("{} · slide {} of {}", title, done + 1, pages.len());
        let drawing = recording.record(page, 2.0, |ui| {
            let painter = ui.painter().clone();
            painter.rect_filled(ui.max_rect(), 0.0, Color32::WHITE);
            let slide = egui::Rect::from_min_size(pos2(MARGIN, MARGIN), slide_size);
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(slide));
            draw_picture(&mut child, &deck_page.picture, view, options);
            painter.rect_stroke(
                slide,
                0.0,
                egui::Stroke::new(1.0, Color32::from_gray(170)),
                egui::StrokeKind::Outside,
            );
            if notes && !deck_page.notes.trim().is_empty() {
                let area = egui::Rect::from_min_max(
                    pos2(MARGIN, slide.bottom() + 50.0),
                    pos2(page.x - MARGIN, page.y - 2.0 * MARGIN),
                );
                let mut text = ui.new_child(egui::UiBuilder::new().max_rect(area));
                text.label(
                    RichText::new("Speaker notes")
                        .size(NOTES_SIZE * 0.8)
                        .color(Color32::from_gray(90)),
                );
                text.add_space(8.0);
                text.label(
                    RichText::new(&deck_page.notes)
                        .size(NOTES_SIZE)
                        .color(Color32::from_gray(20)),
                );
            }
            painter.text(
                pos2(page.x - MARGIN, page.y - MARGIN * 0.6),
                egui::Align2::RIGHT_BOTTOM,
                &footer,
                FontId::proportional(20.0),
                Color32::from_gray(90),
            );
        });
        drawings.push(drawing);
        progress(done + 1, pages.len());
    }
    let pdf_pages: Vec<PdfPage<'_>> = drawings
        .iter()
        .map(|drawing| PdfPage {
            drawing,
            width,
            height,
        })
        .collect();
    super::vector::write_pdf(&pdf_pages, recording.faces(), title)
}
