//! The exported picture: the map with its briefing furniture (title, caveat banners,
//! legend of what is visible, scale bar, north arrow, sources), laid out in points and
//! rendered at any pixel size.

use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Stroke, pos2, vec2};

use super::furniture::{caption_box, footer_words, north_arrow, stated_scale, title_words};
use super::render::{OffscreenRenderer, RenderError};
use std::sync::Arc;

use crate::map::{MapFrame, MapStyle, paint_map};
use crate::mesh::WorldView;
use crate::scene::Picture;

/// Which parts of the picture to draw around the map.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// Title, subtitle and as-of date.
    pub title: bool,
    /// The caveat banner, top and bottom.
    pub caveat: bool,
    /// The legend of what is visible.
    pub legend: bool,
    /// The scale bar.
    pub scale_bar: bool,
    /// The north arrow.
    pub north_arrow: bool,
    /// Sources and attribution.
    pub footer: bool,
    /// How many points tall the picture is laid out: fewer makes text and symbols larger
    /// (slides for a projector use fewer than images for a report).
    pub points_high: f32,
    /// On a printed page, metres of paper per layout point: the map then states its
    /// scale ("1:2,000,000 at 48.5°N") beside the scale bar.
    #[serde(skip)]
    pub paper_metres_per_point: Option<f64>,
    /// Leave out the text of the banners, title, footer and caption (their places stay,
    /// see [`PictureLayout`]): a PowerPoint slide puts editable text boxes there.
    #[serde(skip)]
    pub text_as_boxes: bool,
}

/// Where the parts of a drawn picture are, in its points.
#[derive(Debug, Clone, PartialEq)]
pub struct PictureLayout {
    /// The whole picture.
    pub full: Rect,
    /// The map.
    pub map: Rect,
    /// The caveat banners, top then bottom (none without a caveat).
    pub banners: Vec<Rect>,
    /// The title bar above the map.
    pub title_bar: Option<Rect>,
    /// The sources and attribution bar under the map.
    pub footer_bar: Option<Rect>,
    /// The caption's box on the map.
    pub caption: Option<Rect>,
}

impl ExportOptions {
    /// Pixels per point for a picture `height` pixels tall.
    pub fn pixels_per_point(&self, height: u32) -> f32 {
        (height as f32 / self.points_high.max(100.0)).max(0.25)
    }
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            title: true,
            caveat: true,
            legend: true,
            scale_bar: true,
            north_arrow: true,
            footer: true,
            points_high: EXPORT_POINTS_HIGH,
            paper_metres_per_point: None,
            text_as_boxes: false,
        }
    }
}

/// The camera of an export: centre and zoom for a picture 1080 points tall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExportView {
    /// Centre longitude.
    pub lon: f64,
    /// Centre latitude.
    pub lat: f64,
    /// Zoom for the picture's point size.
    pub zoom: f64,
}

/// Height of every export in points: text and symbols keep their proportions at any size.
pub const EXPORT_POINTS_HIGH: f32 = 1080.0;

/// Pixels per point for a picture `height` pixels tall.
pub fn pixels_per_point_for(height: u32) -> f32 {
    (height as f32 / EXPORT_POINTS_HIGH).max(0.25)
}

/// Renders a picture of `size` pixels.
pub fn render_picture(
    renderer: &mut OffscreenRenderer,
    picture: &Picture,
    view: ExportView,
    size: [u32; 2],
    options: ExportOptions,
) -> Result<image::RgbaImage, RenderError> {
    let pixels_per_point = options.pixels_per_point(size[1]);
    renderer.render(size, pixels_per_point, |ui| {
        draw_picture(ui, picture, view, options);
    })
}

const BANNER: f32 = 26.0;
/// Longest wait for a picture's tiles from a slow server; packs and the cache are instant.
const TILE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(20);
const TITLE: f32 = 64.0;
const FOOTER: f32 = 44.0;

/// Where the map and its legend go inside a picture of `full` points: between the
/// banners, the title and the footer.
fn frame_rect(full: Rect, options: ExportOptions, has_caveat: bool) -> Rect {
    let mut rect = full;
    if options.caveat && has_caveat {
        rect.min.y += BANNER;
        rect.max.y -= BANNER;
    }
    if options.title {
        rect.min.y += TITLE;
    }
    if options.footer {
        rect.max.y -= FOOTER;
    }
    rect
}

/// The map's part of the frame: the legend has a strip of its own at the right, so it
/// never covers the subject.
fn map_rect(full: Rect, options: ExportOptions, has_caveat: bool) -> Rect {
    let mut rect = frame_rect(full, options, has_caveat);
    if options.legend {
        rect.max.x -= LEGEND_WIDTH;
    }
    rect
}

/// The view that frames Ukraine in a picture of `size` pixels, beside the legend.
pub fn fit_ukraine_view(size: [u32; 2], options: ExportOptions, has_caveat: bool) -> ExportView {
    fit_view(
        crate::geometry::UKRAINE_BOUNDS,
        size,
        options,
        has_caveat,
        0.0,
    )
}

/// The view that frames `bounds` (west, south, east, north) in a picture of `size`
/// pixels, beside the legend and above `bottom_room` points kept for a caption.
pub fn fit_view(
    bounds: [f64; 4],
    size: [u32; 2],
    options: ExportOptions,
    has_caveat: bool,
    bottom_room: f32,
) -> ExportView {
    let points = vec2(size[0] as f32, size[1] as f32) / options.pixels_per_point(size[1]);
    let mut rect = map_rect(Rect::from_min_size(Pos2::ZERO, points), options, has_caveat);
    rect.max.y -= bottom_room.min(rect.height() / 2.0);
    let [west, south, east, north] = bounds;
    let zoom = WorldView::zoom_to_fit(west, south, east, north, rect, 16.0);
    let (nw, se) = (
        crate::geometry::lon_lat_to_world(west, north),
        crate::geometry::lon_lat_to_world(east, south),
    );
    // Centre the box above the caption's room.
    let centre_world = crate::geometry::WorldPoint {
        x: (nw.x + se.x) / 2.0,
        y: (nw.y + se.y) / 2.0
            + f64::from(bottom_room.min(rect.height()) / 2.0) / (256.0 * 2f64.powf(zoom)),
    };
    let (lon, lat) = crate::geometry::world_to_lon_lat(centre_world);
    ExportView { lon, lat, zoom }
}

/// The legend strip's width in points.
const LEGEND_WIDTH: f32 = 300.0;

/// Draws the picture into `ui`, filling it, and says where its parts went.
pub fn draw_picture(
    ui: &mut egui::Ui,
    picture: &Picture,
    view: ExportView,
    options: ExportOptions,
) -> PictureLayout {
    let full = ui.max_rect();
    let painter = ui.painter().clone();
    let scenario = &picture.scenario;
    let text = &picture.text;
    let style = MapStyle::LIGHT;
    painter.rect_filled(full, 0.0, Color32::WHITE);
    let banner = options.caveat && picture.has_caveat();
    let map_rect = map_rect(full, options, picture.has_caveat());
    let frame_rect = frame_rect(full, options, picture.has_caveat());
    let mut layout = PictureLayout {
        full,
        map: map_rect,
        banners: Vec::new(),
        title_bar: None,
        footer_bar: None,
        caption: None,
    };
    let words = !options.text_as_boxes;
    if banner {
        for rect in [
            Rect::from_min_size(full.min, vec2(full.width(), BANNER)),
            Rect::from_min_size(
                pos2(full.left(), full.bottom() - BANNER),
                vec2(full.width(), BANNER),
            ),
        ] {
            painter.rect_filled(rect, 0.0, Color32::from_rgb(150, 30, 30));
            layout.banners.push(rect);
            if !words {
                continue;
            }
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                &text.caveat,
                FontId::proportional(15.0),
                Color32::WHITE,
            );
        }
    }
    if options.title {
        let bar = Rect::from_min_size(
            frame_rect.min - vec2(0.0, TITLE),
            vec2(frame_rect.width(), TITLE),
        );
        layout.title_bar = Some(bar);
    }
    if options.title && words {
        title_words(&painter, layout.title_bar.unwrap_or(frame_rect), text);
    }
    if options.footer {
        let bar = Rect::from_min_size(frame_rect.left_bottom(), vec2(frame_rect.width(), FOOTER));
        layout.footer_bar = Some(bar);
    }
    if options.footer && words {
        footer_words(&painter, layout.footer_bar.unwrap_or(frame_rect), picture);
    }

    let world_view = WorldView::new(view.lon, view.lat, view.zoom, map_rect);
    let raster = picture.tiles.as_ref().map(|backend| {
        let deadline = std::time::Instant::now() + TILE_DEADLINE;
        let (layer, handles) =
            crate::tiles::export_layer(backend.as_ref(), &world_view, ui.ctx(), deadline);
        // The textures must outlive this pass; the next picture's replace them.
        ui.ctx()
            .data_mut(|d| d.insert_temp(egui::Id::unique("export tiles"), Arc::new(handles)));
        layer
    });
    let mut frame = MapFrame::of(picture, &style);
    frame.scale_bar = options.scale_bar;
    frame.raster = raster.as_ref();
    frame.grid_edges = crate::map::GridEdges::All;
    paint_map(&painter.with_clip_rect(map_rect), &world_view, &frame);
    if options.scale_bar
        && let Some(paper) = options.paper_metres_per_point
    {
        stated_scale(&painter, &world_view, view, paper, &style);
    }
    if let Some(caption) = &text.caption {
        layout.caption = Some(caption_box(&painter, map_rect, caption, words));
    }
    if options.north_arrow {
        north_arrow(&painter, map_rect.left_top() + vec2(34.0, 44.0), &style);
    }
    if options.legend {
        let strip = Rect::from_min_max(map_rect.right_top(), pos2(full.right(), map_rect.bottom()));
        let entries = picture.legend_in(Some(world_view.visible_world(0.0)));
        draw_legend(
            ui,
            strip,
            scenario,
            &picture.user_overlays,
            &style,
            &entries,
        );
    }
    layout
}

/// The legend in its strip beside the map, in two columns when one would not fit.
fn draw_legend(
    ui: &mut egui::Ui,
    strip: Rect,
    scenario: &crate::model::Scenario,
    user_overlays: &[crate::overlay::ShownOverlay],
    style: &MapStyle,
    entries: &[crate::scene::LegendEntry],
) {
    let painter = ui.painter();
    painter.line_segment(
        [strip.left_top(), strip.left_bottom()],
        Stroke::new(1.0, Color32::from_gray(170)),
    );
    let inner = strip.shrink2(vec2(14.0, 12.0));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
    child.label(RichText::new("Legend").strong().size(15.0));
    if entries.is_empty() {
        child.weak("Nothing of the scenario is in view.");
        return;
    }
    // A row is about 30 points tall; past what the strip holds, split in two.
    let rows_fit = ((inner.height() - 30.0) / 30.0).max(1.0) as usize;
    if entries.len() <= rows_fit {
        crate::map::show_legend(&mut child, scenario, user_overlays, style, entries);
    } else {
        let half = entries.len().div_ceil(2);
        child.columns(2, |columns| {
            crate::map::show_legend(
                &mut columns[0],
                scenario,
                user_overlays,
                style,
                &entries[..half],
            );
            crate::map::show_legend(
                &mut columns[1],
                scenario,
                user_overlays,
                style,
                &entries[half..],
            );
        });
    }
}
