//! Backstop: an offline briefing map of the security guarantees for Ukraine set out at the
//! Paris summit of 6 January 2026. Data flows one way: files → `io` (parse and validate) →
//! `model` → `scene` (prepared for drawing, and the `scene::Picture` snapshot) → `map`
//! (painted with egui, in the window and off screen by `export`); `ui` panels queue
//! `app::Command`s that the app applies once a frame. See docs/architecture.md.

pub mod analysis;
pub mod app;
pub mod basemap;
pub mod cli;
pub mod export;
pub mod geometry;
pub mod io;
pub mod job;
pub mod map;
pub mod mesh;
pub mod model;
pub mod overlay;
pub mod scene;
pub mod tiles;
pub mod ui;

pub use app::BackstopApp;
