//! Drawing the scenario: overlay areas and lines, then hubs with their labels.

use egui::{Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use super::labels::{Occupied, halo_text};
use super::mesh_paint::append_fill;
use super::style::{HOVER, SELECTION, layer_colour, status_stroke};
use super::symbols::{HubMark, paint_hub_symbol};
use crate::analysis::{Presence, PresenceMap};
use crate::mesh::WorldView;
use crate::model::{LayerKind, Scenario, Selection, Status};
use crate::scene::Scene;

/// How much of its colour a filtered-out feature keeps when dimmed.
pub const DIMMED: f32 = 0.22;

/// Hub symbol size in points (an APP-6 friendly frame is a 3:2 rectangle).
pub const HUB_SYMBOL: egui::Vec2 = egui::Vec2::new(27.0, 18.0);

/// Paints overlay layers in order (fills, then their strokes), below the hubs. Each
/// layer's opacity scales its fill and stroke; the selected and hovered features are
/// outlined.
pub fn paint_overlays(painter: &Painter, view: &WorldView, frame: &super::MapFrame<'_>) {
    let scenario = frame.scenario;
    for (index, layer) in scenario.layers.iter().enumerate() {
        if layer.kind == LayerKind::Hubs || !frame.visible.get(index).copied().unwrap_or(false) {
            continue;
        }
        let Some(layer_scene) = frame.scene.layers.get(index) else {
            continue;
        };
        let opacity = frame.opacity.get(index).copied().unwrap_or(1.0);
        let mut mesh = Mesh::default();
        if let Some(fill) = layer_scene.fill.for_zoom(view.zoom) {
            let colour = layer_colour(layer.style.fill, layer.style.fill_opacity * opacity);
            append_fill(&mut mesh, view, fill, |feature| {
                match frame.feature_presence(index, feature) {
                    Presence::Shown => colour,
                    Presence::Dimmed => colour.gamma_multiply(DIMMED),
                    Presence::Hidden => Color32::TRANSPARENT,
                }
            });
        }
        painter.add(Shape::mesh(mesh));
        for (feature_index, (feature, lines)) in
            layer.features.iter().zip(&layer_scene.lines).enumerate()
        {
            let presence = frame.feature_presence(index, feature_index);
            if presence == Presence::Hidden {
                continue;
            }
            let (colour, width, dashed) = status_stroke(&layer.style, feature.status);
            let colour = match presence {
                Presence::Dimmed => colour.gamma_multiply(opacity * DIMMED),
                _ => colour.gamma_multiply(opacity),
            };
            let highlight = if frame
                .selection
                .is_some_and(|s| s.is_feature(&layer.id, &feature.id))
            {
                Some(SELECTION)
            } else if frame
                .hovered
                .is_some_and(|s| s.is_feature(&layer.id, &feature.id))
            {
                Some(HOVER)
            } else {
                None
            };
            let on_screen = lines.lines.iter().flat_map(|line| {
                visible_runs(&screen_points(view, line), view.screen.expand(20.0))
            });
            for points in on_screen {
                if let Some(highlight) = highlight {
                    painter.add(Shape::line(
                        points.clone(),
                        Stroke::new(width + 4.0, highlight),
                    ));
                }
                if dashed {
                    let dash = (width * 4.0).max(5.0);
                    painter.extend(Shape::dashed_line(
                        &points,
                        Stroke::new(width, colour),
                        dash,
                        dash * 0.6,
                    ));
                } else {
                    painter.add(Shape::line(points, Stroke::new(width, colour)));
                }
            }
        }
    }
}

/// Where a hub's symbol and label go on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct HubPlacement {
    /// Index into `Scenario::hubs`.
    pub hub: usize,
    /// Other hubs drawn under the same symbol because they would cover it (a cluster).
    pub others: Vec<usize>,
    /// The symbol's rectangle.
    pub symbol: Rect,
    /// The label's rectangle, when there was room for it.
    pub label: Option<(Rect, String)>,
}

const HUB_LABEL_SIZE: f32 = 13.0;

/// Hubs closer than this on screen, in points, share one symbol.
const CLUSTER_DISTANCE: f32 = 14.0;

impl HubPlacement {
    /// Every hub under this symbol, the first one first.
    pub fn members(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.hub).chain(self.others.iter().copied())
    }

    /// The symbol's label: the hub's name, or how many hubs a cluster holds.
    pub fn label(&self, scenario: &Scenario) -> String {
        match (self.others.len(), scenario.hubs.get(self.hub)) {
            (0, Some(hub)) => hub.name.clone(),
            (others, _) => format!("{} hubs", others + 1),
        }
    }
}

/// Places the hub symbols on screen and claims their space; symbols are never hidden
/// by labels, only by the filters and the timeline.
pub fn place_hubs(
    view: &WorldView,
    scenario: &Scenario,
    scene: &Scene,
    presence: Option<&PresenceMap>,
    occupied: &mut Occupied,
) -> Vec<HubPlacement> {
    let area = view.screen.expand(40.0);
    let mut placements = Vec::new();
    for (index, position) in scene.hubs.iter().enumerate().take(scenario.hubs.len()) {
        if presence.is_some_and(|p| p.hub(index) == Presence::Hidden) {
            continue;
        }
        let centre = view.to_screen(*position);
        if !area.contains(centre) {
            continue;
        }
        if let Some(cluster) = placements
            .iter_mut()
            .find(|p: &&mut HubPlacement| p.symbol.center().distance(centre) < CLUSTER_DISTANCE)
        {
            cluster.others.push(index);
            continue;
        }
        let symbol = Rect::from_center_size(centre, HUB_SYMBOL);
        // The lead strip sits above the frame and the question-mark badge at its corner.
        occupied.take(symbol.expand2(vec2(8.0, 8.0)));
        placements.push(HubPlacement {
            hub: index,
            others: Vec::new(),
            symbol,
            label: None,
        });
    }
    placements
}

/// Finds room for each hub's label, right of its symbol or else left; a label with no room is left out.
pub fn place_hub_labels(
    painter: &Painter,
    view: &WorldView,
    scenario: &Scenario,
    placements: &mut [HubPlacement],
    occupied: &mut Occupied,
    crosses_coast: &dyn Fn(Rect) -> bool,
) {
    let screen = view.screen.shrink(2.0);
    let font = FontId::proportional(HUB_LABEL_SIZE);
    for placement in placements.iter_mut() {
        let full = placement.label(scenario);
        let symbol = placement.symbol;
        // Right, left, above, below; then the name shortened, right or left; else none:
        // a label never overlaps another label or symbol.
        let spots = |size: egui::Vec2| {
            [
                Align2::LEFT_CENTER
                    .anchor_size(pos2(symbol.right() + 10.0, symbol.center().y), size),
                Align2::RIGHT_CENTER
                    .anchor_size(pos2(symbol.left() - 10.0, symbol.center().y), size),
                Align2::CENTER_BOTTOM
                    .anchor_size(pos2(symbol.center().x, symbol.top() - 8.0), size),
                Align2::CENTER_TOP
                    .anchor_size(pos2(symbol.center().x, symbol.bottom() + 4.0), size),
            ]
        };
        let fits = |r: &Rect| screen.contains_rect(*r) && occupied.is_free(r.expand(1.0));
        let measure = |text: &str| {
            painter
                .layout_no_wrap(text.to_owned(), font.clone(), Color32::BLACK)
                .size()
        };
        // Where possible off the coast, so the label stays on one ground and readable.
        let all = spots(measure(&full));
        let mut chosen = all
            .iter()
            .copied()
            .find(|r| fits(r) && !crosses_coast(*r))
            .or_else(|| all.into_iter().find(fits))
            .map(|r| (r, full.clone()));
        if chosen.is_none() {
            chosen = shortened(&full).into_iter().find_map(|short| {
                spots(measure(&short))[..2]
                    .iter()
                    .copied()
                    .find(fits)
                    .map(|r| (r, short))
            });
        }
        if let Some((rect, _)) = &chosen {
            occupied.take(rect.expand(1.0));
        }
        placement.label = chosen;
    }
}

/// Shorter forms of a label, longest first: whole words, then an ellipsis.
fn shortened(label: &str) -> Vec<String> {
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..words.len())
        .rev()
        .map(|n| format!("{}…", words[..n].join(" ")))
        .collect()
}

/// Paints placed hub symbols and their labels, with the selection and hover outlined.
pub fn paint_hubs(painter: &Painter, placements: &[HubPlacement], frame: &super::MapFrame<'_>) {
    for placement in placements {
        let Some(hub) = frame.scenario.hubs.get(placement.hub) else {
            continue;
        };
        let rect = placement.symbol;
        // A symbol is dimmed only when every hub under it is filtered out.
        let dimmed = placement
            .members()
            .all(|i| frame.hub_presence(i) == Presence::Dimmed);
        let mut faded;
        let painter = if dimmed {
            faded = painter.clone();
            faded.multiply_opacity(DIMMED + 0.1);
            &faded
        } else {
            painter
        };
        let members: Vec<&crate::model::Hub> = placement
            .members()
            .filter_map(|i| frame.scenario.hubs.get(i))
            .collect();
        let any = |selection: Option<&Selection>| {
            selection.is_some_and(|s| members.iter().any(|m| s.is_hub(&m.id)))
        };
        let highlight = if any(frame.selection) {
            Some(SELECTION)
        } else if any(frame.hovered) {
            Some(HOVER)
        } else {
            None
        };
        // A cluster is drawn as a stack, styled by its least certain member, with a count.
        let status = members.iter().map(|m| m.status).max().unwrap_or(hub.status);
        let mark = HubMark {
            kind: hub.kind,
            status,
            planned: placement.members().any(|i| frame.hub_planned(i)),
        };
        for depth in (1..=placement.others.len().min(2)).rev() {
            let offset = vec2(3.0, -3.0) * depth as f32;
            paint_hub_symbol(painter, rect.translate(offset), mark, &[]);
        }
        if let Some(colour) = highlight {
            painter.rect_stroke(
                rect.expand(5.0),
                3.0,
                Stroke::new(3.0, colour),
                egui::StrokeKind::Outside,
            );
        }
        paint_hub_symbol(painter, rect, mark, &hub.lead);
        if !placement.others.is_empty() {
            let badge = rect.right_bottom();
            painter.circle(
                badge,
                8.0,
                frame.style.ink,
                Stroke::new(1.5, Color32::WHITE),
            );
            painter.text(
                badge,
                Align2::CENTER_CENTER,
                members.len().to_string(),
                FontId::proportional(11.0),
                Color32::WHITE,
            );
        }
        let label_colour = if status == Status::Illustrative {
            frame.style.label.gamma_multiply(0.8)
        } else {
            frame.style.label
        };
        if let Some((rect, text)) = &placement.label {
            halo_text(
                painter,
                rect.min,
                Align2::LEFT_TOP,
                text,
                FontId::proportional(HUB_LABEL_SIZE),
                label_colour,
                frame.style.label_halo,
            );
        }
    }
}

/// Points closer than this on screen are one point: they cannot be told apart.
const MIN_SCREEN_STEP: f32 = 0.75;

/// The most points one line of the scenario is drawn with. A line that still has more
/// after sub-pixel steps are dropped is drawn from an even sample of them, so no data
/// file can ask the renderer for more than it can hold in one buffer.
const MAX_SCREEN_POINTS: usize = 50_000;

/// A world line as screen points, sub-pixel steps dropped, at most
/// [`MAX_SCREEN_POINTS`] of them.
pub fn screen_points(view: &WorldView, line: &[crate::geometry::WorldPoint]) -> Vec<Pos2> {
    let mut points: Vec<Pos2> = Vec::with_capacity(line.len().min(MAX_SCREEN_POINTS));
    for point in line {
        let here = view.to_screen(*point);
        if points
            .last()
            .is_none_or(|last| last.distance(here) >= MIN_SCREEN_STEP)
        {
            points.push(here);
        }
    }
    if let Some(last) = line.last().map(|p| view.to_screen(*p))
        && points.last() != Some(&last)
    {
        points.push(last);
    }
    if points.len() > MAX_SCREEN_POINTS {
        let step = points.len().div_ceil(MAX_SCREEN_POINTS);
        let last = points[points.len() - 1];
        points = points.into_iter().step_by(step).collect();
        if points.last() != Some(&last) {
            points.push(last);
        }
    }
    points
}

/// The parts of a screen polyline that pass through `rect`: segments wholly outside are
/// dropped, so a dashed line 50,000 points long at a city zoom costs only what shows.
pub fn visible_runs(points: &[Pos2], rect: Rect) -> Vec<Vec<Pos2>> {
    let mut runs: Vec<Vec<Pos2>> = Vec::new();
    let mut current: Vec<Pos2> = Vec::new();
    for pair in points.windows(2) {
        let segment = Rect::from_two_pos(pair[0], pair[1]);
        if segment.intersects(rect) {
            if current.is_empty() {
                current.push(pair[0]);
            }
            current.push(pair[1]);
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_millions_of_points_is_drawn_with_a_bounded_number() {
        let view = WorldView::new(
            31.0,
            48.5,
            6.0,
            Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(1600.0, 1000.0)),
        );
        // Two million points zigzagging across the screen: nothing to drop as sub-pixel.
        let line: Vec<crate::geometry::WorldPoint> = (0..2_000_000)
            .map(|i| {
                crate::geometry::lon_lat_to_world(
                    25.0 + f64::from(i % 2) * 10.0,
                    45.0 + f64::from(i) * 0.000_004,
                )
            })
            .collect();
        let points = screen_points(&view, &line);
        assert!(points.len() <= MAX_SCREEN_POINTS + 1, "{}", points.len());
        // A smooth dense line keeps about one point per pixel step.
        let smooth: Vec<crate::geometry::WorldPoint> = (0..1_000_000)
            .map(|i| crate::geometry::lon_lat_to_world(25.0 + f64::from(i) * 0.00001, 48.0))
            .collect();
        let kept = screen_points(&view, &smooth).len();
        assert!(
            kept < 2_000,
            "{kept} points for a line a few hundred pixels long"
        );
    }

    #[test]
    fn only_the_runs_through_the_screen_are_kept() {
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
        let points = [
            pos2(-500.0, 50.0),
            pos2(-400.0, 50.0),
            pos2(50.0, 50.0),
            pos2(60.0, 50.0),
            pos2(900.0, 900.0),
            pos2(950.0, 900.0),
        ];
        let runs = visible_runs(&points, rect);
        assert_eq!(
            runs,
            vec![vec![
                pos2(-400.0, 50.0),
                pos2(50.0, 50.0),
                pos2(60.0, 50.0),
                pos2(900.0, 900.0)
            ]]
        );
    }
}
