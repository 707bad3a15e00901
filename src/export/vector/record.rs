//! Running the paint code headless and keeping its shapes: no GPU is involved, egui lays
//! the picture out and we take what it would have tessellated.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{TextureId, epaint};

use super::shapes::Converter;
use super::{Drawing, FontFaces};

/// A headless egui context for vector pictures. Keep one for many pictures: it caches
/// fonts and text layout between them.
pub struct Recording {
    ctx: egui::Context,
    faces: FontFaces,
    textures: HashMap<TextureId, Arc<epaint::ColorImage>>,
}

impl Default for Recording {
    fn default() -> Self {
        Self::new()
    }
}

impl Recording {
    /// A context with the exports' light look and no feathering: strokes come out at
    /// their true width, and the PDF or SVG viewer anti-aliases.
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        ctx.set_visuals(egui::Visuals::light());
        ctx.tessellation_options_mut(|o| o.feathering = false);
        Self {
            ctx,
            faces: FontFaces::new(&egui::FontDefinitions::default()),
            textures: HashMap::new(),
        }
    }

    /// Runs `draw` in a frame `size` points large and returns what it painted. Raster
    /// content (tiles) is fetched for `pixels_per_point` pixels per point.
    pub fn record(
        &mut self,
        size: egui::Vec2,
        pixels_per_point: f32,
        mut draw: impl FnMut(&mut egui::Ui),
    ) -> Drawing {
        let input = || crate::export::render::headless_input(size, pixels_per_point);
        // The first pass of a fresh context loads its fonts and lays nothing out right.
        let mut warm_up = self.ctx.run_ui(input(), &mut draw);
        self.keep_textures(&warm_up.textures_delta);
        // Handled: kept here, as a renderer would upload them (egui checks in debug).
        warm_up.textures_delta.clear();
        let mut output = self.ctx.run_ui(input(), &mut draw);
        self.keep_textures(&output.textures_delta);
        let freed = std::mem::take(&mut output.textures_delta.free);
        output.textures_delta.clear();
        let mut converter = Converter::new(size, &mut self.faces, &self.textures);
        converter.add_all(&output.shapes);
        let drawing = converter.drawing;
        // Freed textures (last picture's tiles) go only now that nothing refers to them.
        for id in &freed {
            self.textures.remove(id);
        }
        drawing
    }

    /// The font faces the drawings' text runs refer to.
    pub fn faces(&self) -> &FontFaces {
        &self.faces
    }

    fn keep_textures(&mut self, delta: &egui::TexturesDelta) {
        for (id, change) in delta
            .set
            .iter()
            .flat_map(|(id, changes)| changes.iter().map(move |c| (id, c)))
        {
            let epaint::ImageData::Color(image) = &change.image;
            match change.pos {
                None => {
                    self.textures.insert(*id, image.clone());
                }
                Some([x, y]) => {
                    let Some(whole) = self.textures.get_mut(id) else {
                        continue;
                    };
                    let whole = Arc::make_mut(whole);
                    let width = whole.size[0];
                    for row in 0..image.size[1] {
                        for column in 0..image.size[0] {
                            let target = (y + row) * width + x + column;
                            if let (Some(pixel), Some(slot)) = (
                                image.pixels.get(row * image.size[0] + column),
                                whole.pixels.get_mut(target),
                            ) {
                                *slot = *pixel;
                            }
                        }
                    }
                }
            }
        }
    }
}
