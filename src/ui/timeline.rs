//! The timeline bar: events as ticks, phases as bands, a draggable "as of" cursor that
//! hides what is not valid at that time, and Play to step through the stops.

use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Stroke, pos2, vec2};

use crate::analysis::StopKind;
use crate::app::{BackstopApp, Command};

/// Band colours, alternating.
const BANDS: [Color32; 2] = [
    Color32::from_rgb(214, 226, 240),
    Color32::from_rgb(232, 222, 204),
];

/// The timeline at the bottom of the window.
pub fn timeline_panel(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    if app.documents.timeline.stops.is_empty() {
        return;
    }
    egui::Panel::bottom("timeline")
        .resizable(false)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let playing = app.state.playing;
                if ui
                    .selectable_label(playing, if playing { "Pause" } else { "Play" })
                    .on_hover_text("Step through the events and phases")
                    .clicked()
                {
                    commands.push(Command::TogglePlay);
                }
                if ui
                    .selectable_label(app.state.shown.as_of.is_none(), "All times")
                    .on_hover_text("Show everything, whatever its dates")
                    .clicked()
                {
                    commands.push(Command::SetAsOf(None));
                }
                let text = match app.state.shown.as_of {
                    Some(stop) => format!("As of {}", app.documents.timeline.describe(stop)),
                    None => "All times shown".into(),
                };
                ui.label(RichText::new(text).strong());
                if let Some(stop) = app
                    .state
                    .shown
                    .as_of
                    .and_then(|s| app.documents.timeline.stops.get(s))
                {
                    ui.label(RichText::new(&stop.title).weak());
                }
            });
            strip(ui, app, commands);
        });
}

/// The axis: bands, ticks with labels, the cursor; click or drag to move the cursor.
fn strip(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let count = app.documents.timeline.stops.len();
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), 58.0), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Timeline"));
    let inner = rect.shrink2(vec2(40.0, 0.0));
    let x_of = |stop: usize| {
        if count < 2 {
            inner.center().x
        } else {
            inner.left() + inner.width() * stop as f32 / (count - 1) as f32
        }
    };
    let painter = ui.painter_at(rect);
    let dark = ui.visuals().dark_mode;
    let ink = ui.visuals().text_color();
    let band_top = rect.top() + 2.0;
    let step = if count < 2 {
        inner.width()
    } else {
        inner.width() / (count - 1) as f32
    };
    for (i, band) in app.documents.timeline.bands.iter().enumerate() {
        let left = x_of(band.from) - step * 0.45;
        let right = x_of(band.to) + step * 0.45;
        let r = Rect::from_min_max(pos2(left, band_top), pos2(right, band_top + 18.0));
        let fill = if dark {
            BANDS[i % 2].gamma_multiply(0.35)
        } else {
            BANDS[i % 2]
        };
        painter.rect_filled(r, 3.0, fill);
        // One line, cut at the band's end: the full title is in the tick's tooltip.
        painter.with_clip_rect(r.shrink(1.0)).text(
            r.left_center() + vec2(4.0, 0.0),
            Align2::LEFT_CENTER,
            &band.title,
            FontId::proportional(11.0),
            ink,
        );
    }
    let axis_y = rect.top() + 30.0;
    painter.line_segment(
        [
            pos2(inner.left() - 10.0, axis_y),
            pos2(inner.right() + 10.0, axis_y),
        ],
        Stroke::new(1.5, ink.gamma_multiply(0.6)),
    );
    for (index, stop) in app.documents.timeline.stops.iter().enumerate() {
        let x = x_of(index);
        let (size, colour) = match stop.kind {
            StopKind::Event => (4.0, Color32::from_rgb(40, 80, 160)),
            StopKind::Phase => (5.0, Color32::from_rgb(150, 100, 20)),
        };
        painter.circle_filled(pos2(x, axis_y), size, colour);
        // Labels alternate rows so neighbours do not collide.
        let y = axis_y + if index % 2 == 0 { 8.0 } else { 18.0 };
        painter.text(
            pos2(x, y),
            Align2::CENTER_TOP,
            &stop.short,
            FontId::proportional(10.5),
            ink,
        );
        let hit = Rect::from_center_size(pos2(x, axis_y), vec2(16.0, 16.0));
        let tick = ui
            .interact(
                hit,
                ui.scope_id().with(("time-stop", index)),
                Sense::click(),
            )
            .on_hover_text(format!("{}\n{}", stop.short, stop.title));
        tick.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Time: {}", stop.short))
        });
        if tick.clicked() {
            commands.push(Command::SetAsOf(Some(index)));
        }
    }
    if (response.clicked() || response.dragged())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let nearest = (0..count)
            .min_by(|a, b| {
                (x_of(*a) - pointer.x)
                    .abs()
                    .total_cmp(&(x_of(*b) - pointer.x).abs())
            })
            .unwrap_or(0);
        if app.state.shown.as_of != Some(nearest) || app.state.playing {
            commands.push(Command::SetAsOf(Some(nearest)));
        }
    }
    if let Some(stop) = app.state.shown.as_of {
        let x = x_of(stop);
        let cursor = Color32::from_rgb(200, 30, 30);
        painter.line_segment(
            [pos2(x, rect.top()), pos2(x, rect.bottom())],
            Stroke::new(2.0, cursor),
        );
        painter.add(egui::Shape::convex_polygon(
            vec![
                pos2(x - 6.0, rect.top()),
                pos2(x + 6.0, rect.top()),
                pos2(x, rect.top() + 8.0),
            ],
            cursor,
            Stroke::NONE,
        ));
    }
}
