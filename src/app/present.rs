//! The presenter view: full screen, panels hidden, the slide's caption large, a counter,
//! clicker keys, a camera that flies between slides and layers that fade, a blackout and
//! a pointer highlight.

use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use walkers::lon_lat;

use super::{BackstopApp, Command};
use crate::geometry::{WorldPoint, world_to_lon_lat};
use crate::mesh::WorldView;

/// How long the camera takes between slides.
pub const FLIGHT: Duration = Duration::from_millis(1000);
/// Text and symbols are this much larger while presenting, for the back of the room.
pub const PROJECTOR_SCALE: f32 = 1.3;
/// Holding the button this long shows the pointer highlight instead of advancing.
const HOLD: Duration = Duration::from_millis(300);

/// A camera move: out, across, in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flight {
    from: (WorldPoint, f64),
    to: (WorldPoint, f64),
    /// How far out the camera goes at mid-flight, in zoom levels.
    lift: f64,
    started: Instant,
}

impl Flight {
    /// Where the camera is `elapsed` into the flight, and whether it has landed.
    pub fn at(&self, elapsed: Duration) -> ((WorldPoint, f64), bool) {
        let t = (elapsed.as_secs_f64() / FLIGHT.as_secs_f64()).clamp(0.0, 1.0);
        // Smoothstep: no jolt at either end.
        let e = t * t * (3.0 - 2.0 * t);
        let centre = WorldPoint {
            x: self.from.0.x + (self.to.0.x - self.from.0.x) * e,
            y: self.from.0.y + (self.to.0.y - self.from.0.y) * e,
        };
        let zoom = self.from.1 + (self.to.1 - self.from.1) * e
            - self.lift * (std::f64::consts::PI * t).sin();
        ((centre, zoom), t >= 1.0)
    }
}

/// Layers fading from one slide's look to the next: effective opacity (0 = hidden).
#[derive(Debug, Clone, PartialEq)]
struct Fade {
    from: Vec<f32>,
    to_visible: Vec<bool>,
    to_opacity: Vec<f32>,
    started: Instant,
}

/// The presenter view's state.
#[derive(Debug, Clone, Default)]
pub struct Presenter {
    /// The screen is black.
    pub blackout: bool,
    /// The camera move under way.
    pub flight: Option<Flight>,
    fade: Option<Fade>,
    /// When the primary button went down, for hold-to-highlight.
    pressed_at: Option<Instant>,
    /// Where to draw the pointer highlight this frame.
    pub highlight: Option<egui::Pos2>,
    /// The speaker-notes window (a second viewport where the system allows one) is open.
    pub notes_window: bool,
    /// When presenting began, for the notes window's clock.
    pub started: Option<Instant>,
}

impl BackstopApp {
    /// Before the presenter view draws: clicker keys, the camera flight and layer fades,
    /// the picture brought up to date.
    pub fn begin_presenter_frame(&mut self, ctx: &egui::Context) {
        self.jobs.repaint.know(ctx);
        self.read_presenter_keys(ctx);
        self.animate_presenter(ctx);
        self.refresh_picture();
    }

    /// After the map drew (it was at `before` last frame): a map that changed size
    /// frames the current slide again.
    pub fn after_presenter_map(&mut self, before: Option<egui::Rect>, ctx: &egui::Context) {
        let resized = before.map(|r| r.size()) != self.map_rect.map(|r| r.size());
        if (resized || self.refit_pending)
            && self.map_rect.is_some()
            && self.presenter.as_ref().is_some_and(|p| p.flight.is_none())
        {
            self.refit_pending = false;
            self.refit_current_slide();
            ctx.request_repaint();
        }
    }

    /// The speaker notes window was closed by the window manager.
    pub fn notes_window_closed(&mut self) {
        if let Some(presenter) = &mut self.presenter {
            presenter.notes_window = false;
        }
    }

    /// After the presenter view drew: what the keys asked for, and toasts.
    pub fn end_presenter_frame(&mut self, ctx: &egui::Context) {
        self.apply_commands(ctx);
        self.expire_toasts(ctx);
    }

    /// True in the presenter view.
    pub fn presenting(&self) -> bool {
        self.presenter.is_some()
    }

    pub(super) fn start_presenting(&mut self, ctx: &egui::Context) {
        if self.documents.slides.deck.slides.is_empty() {
            self.toast("No slides to present: add one from the Slides panel", true);
            return;
        }
        self.presenter = Some(Presenter {
            started: Some(Instant::now()),
            ..Presenter::default()
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        ctx.set_zoom_factor(PROJECTOR_SCALE);
        let index = self.documents.slides.current.unwrap_or(0);
        self.go_to_slide(index, false);
        // The map's size changes with the panels gone: frame the slide again then.
        self.refit_pending = true;
    }

    pub(super) fn stop_presenting(&mut self, ctx: &egui::Context) {
        if self.presenter.take().is_some() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            ctx.set_zoom_factor(1.0);
        }
    }

    /// Shows slide `index`: at once, or (presenting, motion allowed) flying and fading.
    pub fn go_to_slide(&mut self, index: usize, animate: bool) {
        if index >= self.documents.slides.deck.slides.len() {
            return;
        }
        let animate = animate && !self.reduce_motion && self.world_view().is_some();
        let from_look = self.effective_opacity();
        let from_camera = self.camera();
        self.show_slide(index);
        let to_camera = self.camera();
        let flight = match (animate, from_camera, to_camera) {
            (true, Some(from), Some(to)) => {
                let span = (to.0.x - from.0.x).hypot(to.0.y - from.0.y);
                let screen = self.map_rect.map_or(1000.0, |r| r.width().max(1.0)) as f64;
                let wide = screen / (256.0 * 2f64.powf(from.1.min(to.1)));
                // Out far enough that both ends are on screen together at mid-flight.
                let lift = if span > wide * 0.5 {
                    ((span / (wide * 0.5)).log2() + 0.3).clamp(0.0, 4.0)
                } else {
                    0.0
                };
                Some(Flight {
                    from,
                    to,
                    lift,
                    started: Instant::now(),
                })
            }
            _ => None,
        };
        let fade = animate.then(|| Fade {
            from: from_look,
            to_visible: self.state.shown.visible.clone(),
            to_opacity: self.state.shown.opacity.clone(),
            started: Instant::now(),
        });
        if let (Some(flight), Some(_)) = (&flight, &self.presenter) {
            self.set_camera(flight.from);
        }
        if let Some(presenter) = &mut self.presenter {
            presenter.blackout = false;
            presenter.flight = flight;
            presenter.fade = fade;
        }
    }

    fn effective_opacity(&self) -> Vec<f32> {
        self.state
            .shown
            .visible
            .iter()
            .zip(&self.state.shown.opacity)
            .map(|(v, o)| if *v { *o } else { 0.0 })
            .collect()
    }

    fn camera(&self) -> Option<(WorldPoint, f64)> {
        let view = self.world_view()?;
        Some((view.center, view.zoom))
    }

    fn set_camera(&mut self, (centre, zoom): (WorldPoint, f64)) {
        let (lon, lat) = world_to_lon_lat(centre);
        self.map_memory.center_at(lon_lat(lon, lat));
        let _ = self.map_memory.set_zoom(zoom.clamp(1.0, 18.0));
    }

    /// Moves the flight and the fade on by one frame.
    pub(super) fn animate_presenter(&mut self, ctx: &egui::Context) {
        let Some(presenter) = &mut self.presenter else {
            return;
        };
        let mut camera = None;
        if let Some(flight) = presenter.flight {
            let (position, landed) = flight.at(flight.started.elapsed());
            camera = Some(if landed { flight.to } else { position });
            if landed {
                presenter.flight = None;
            }
        }
        let mut look = None;
        if let Some(fade) = &presenter.fade {
            let t = (fade.started.elapsed().as_secs_f32() / FLIGHT.as_secs_f32()).clamp(0.0, 1.0);
            if t >= 1.0 {
                look = Some((fade.to_visible.clone(), fade.to_opacity.clone()));
                presenter.fade = None;
            } else {
                let (visible, opacity): (Vec<bool>, Vec<f32>) = fade
                    .from
                    .iter()
                    .zip(fade.to_visible.iter().zip(&fade.to_opacity))
                    .map(|(from, (v, o))| {
                        let to = if *v { *o } else { 0.0 };
                        let now = from + (to - from) * t;
                        (now > 0.002, now)
                    })
                    .unzip();
                look = Some((visible, opacity));
            }
        }
        let moving = presenter.flight.is_some() || presenter.fade.is_some();
        if let Some(camera) = camera {
            self.set_camera(camera);
        }
        if let Some((visible, opacity)) = look {
            self.state.shown.visible = visible;
            self.state.shown.opacity = opacity;
        }
        if moving {
            ctx.request_repaint();
        }
    }

    /// Clicker and keyboard in the presenter view: every key means something else here.
    pub(super) fn read_presenter_keys(&mut self, ctx: &egui::Context) {
        let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        let mut commands = Vec::new();
        for key in [
            Key::PageDown,
            Key::ArrowRight,
            Key::Space,
            Key::Enter,
            Key::ArrowDown,
        ] {
            if pressed(key) {
                commands.push(Command::NextSlide);
            }
        }
        for key in [Key::PageUp, Key::ArrowLeft, Key::Backspace, Key::ArrowUp] {
            if pressed(key) {
                commands.push(Command::PreviousSlide);
            }
        }
        if pressed(Key::Home) {
            commands.push(Command::FirstSlide);
        }
        if pressed(Key::End) {
            commands.push(Command::LastSlide);
        }
        if pressed(Key::B) || pressed(Key::Period) {
            commands.push(Command::ToggleBlackout);
        }
        if pressed(Key::Escape) {
            commands.push(Command::StopPresenting);
        }
        if pressed(Key::N)
            && let Some(presenter) = &mut self.presenter
        {
            presenter.notes_window = !presenter.notes_window;
        }
        // A click advances; holding the button (or L) shows where the pointer is instead.
        let (down, released, pointer, dragged, laser) = ctx.input(|i| {
            (
                i.pointer.primary_pressed(),
                i.pointer.primary_released(),
                i.pointer.latest_pos(),
                i.pointer.is_decidedly_dragging(),
                i.key_down(Key::L),
            )
        });
        if let Some(presenter) = &mut self.presenter {
            if down {
                presenter.pressed_at = Some(Instant::now());
            }
            let held = presenter.pressed_at.is_some_and(|t| t.elapsed() >= HOLD);
            presenter.highlight = if laser || (held && !released) {
                pointer
            } else {
                None
            };
            if released {
                let quick = presenter.pressed_at.is_some_and(|t| t.elapsed() < HOLD);
                presenter.pressed_at = None;
                if quick && !dragged {
                    commands.push(Command::NextSlide);
                }
            }
            if presenter.pressed_at.is_some() || laser {
                ctx.request_repaint_after(Duration::from_millis(50));
            }
        }
        self.commands.extend(commands);
    }

    /// The next or previous slide, flying there.
    pub(super) fn step_slide(&mut self, step: isize) {
        let count = self.documents.slides.deck.slides.len();
        if count == 0 {
            return;
        }
        let current = self.documents.slides.current.unwrap_or(0) as isize;
        let next = (current + step).clamp(0, count as isize - 1) as usize;
        if next as isize != current || self.documents.slides.current.is_none() {
            self.go_to_slide(next, self.presenting());
        }
    }

    /// Frames the current slide again (after the map changed size).
    pub(super) fn refit_current_slide(&mut self) {
        if let Some(slide) = self
            .documents
            .slides
            .current
            .and_then(|i| self.documents.slides.deck.slides.get(i))
        {
            let [west, south, east, north] = slide.bounds;
            self.fit_bounds(west, south, east, north);
        }
    }
}

/// The world view a slide's bounds would get on `screen`.
pub fn slide_view(bounds: [f64; 4], screen: egui::Rect) -> WorldView {
    let [west, south, east, north] = bounds;
    let zoom = WorldView::zoom_to_fit(west, south, east, north, screen, 24.0);
    let nw = crate::geometry::lon_lat_to_world(west, north);
    let se = crate::geometry::lon_lat_to_world(east, south);
    let (lon, lat) = world_to_lon_lat(WorldPoint {
        x: (nw.x + se.x) / 2.0,
        y: (nw.y + se.y) / 2.0,
    });
    WorldView::new(lon, lat, zoom, screen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flight_rises_in_the_middle_and_lands_where_it_should() {
        let flight = Flight {
            from: (WorldPoint { x: 0.5, y: 0.3 }, 6.0),
            to: (WorldPoint { x: 0.6, y: 0.35 }, 8.0),
            lift: 2.0,
            started: Instant::now(),
        };
        let ((_, mid_zoom), landed) = flight.at(FLIGHT / 2);
        assert!(!landed);
        assert!(mid_zoom < 6.0, "{mid_zoom}");
        let ((centre, zoom), landed) = flight.at(FLIGHT);
        assert!(landed);
        assert_eq!((centre, zoom), flight.to);
    }
}
