//! Time in the scenario: dated events and phases, some of whose dates are not known
//! (the ceasefire "D"). They are put on one ordered axis: dated stops by date, then the
//! undated phases in the order events.toml lists them.

use crate::model::{Date, Scenario, Validity};

/// A place on the time axis. Dated moments come before undated phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimeKey {
    /// A calendar date.
    Dated(Date),
    /// The n-th phase with no date.
    Undated(usize),
}

/// What a stop on the timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// A dated event.
    Event,
    /// The start of a phase.
    Phase,
}

/// One place the "as of" cursor can stand.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// Where it is on the axis.
    pub key: TimeKey,
    /// Event or phase.
    pub kind: StopKind,
    /// The event's or phase's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// A short label for the axis: the date, or the phase id when undated.
    pub short: String,
}

/// A phase as a band over the stops it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Phase id.
    pub id: String,
    /// Phase title.
    pub title: String,
    /// First stop of the band.
    pub from: usize,
    /// Last stop of the band (inclusive).
    pub to: usize,
}

/// The scenario's time axis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// Stops in time order.
    pub stops: Vec<Stop>,
    /// Phases as bands over the stops.
    pub bands: Vec<Band>,
    /// Each phase's and event's place, by id.
    keys: Vec<(String, TimeKey)>,
}

impl Timeline {
    /// Builds the axis from the scenario's events and phases.
    pub fn of(scenario: &Scenario) -> Self {
        let mut keys: Vec<(String, TimeKey)> = Vec::new();
        let mut stops = Vec::new();
        for event in &scenario.events {
            keys.push((event.id.clone(), TimeKey::Dated(event.date)));
            stops.push(Stop {
                key: TimeKey::Dated(event.date),
                kind: StopKind::Event,
                id: event.id.clone(),
                title: event.title.clone(),
                short: event.date.to_string(),
            });
        }
        let mut undated = 0;
        for phase in &scenario.phases {
            let key = match phase.start {
                Some(date) => TimeKey::Dated(date),
                None => {
                    undated += 1;
                    TimeKey::Undated(undated - 1)
                }
            };
            keys.push((phase.id.clone(), key));
            // A dated phase that starts on an event's day shares its stop.
            if !stops.iter().any(|s: &Stop| s.key == key) {
                stops.push(Stop {
                    key,
                    kind: StopKind::Phase,
                    id: phase.id.clone(),
                    title: phase.title.clone(),
                    short: match phase.start {
                        Some(date) => date.to_string(),
                        None => phase.id.clone(),
                    },
                });
            }
        }
        stops.sort_by_key(|s| s.key);
        let mut bands = Vec::new();
        for (index, phase) in scenario.phases.iter().enumerate() {
            let Some(start) = keys.iter().find(|(id, _)| *id == phase.id).map(|k| k.1) else {
                continue;
            };
            // A phase lasts until its end date, or until the next phase starts.
            let end = phase.end.map(TimeKey::Dated).or_else(|| {
                scenario.phases[index + 1..]
                    .iter()
                    .filter_map(|p| keys.iter().find(|(id, _)| *id == p.id).map(|k| k.1))
                    .filter(|k| *k > start)
                    .min()
            });
            let from = stops.iter().position(|s| s.key >= start);
            let to = stops
                .iter()
                .rposition(|s| end.is_none_or(|end| s.key < end) && s.key >= start);
            if let (Some(from), Some(to)) = (from, to) {
                bands.push(Band {
                    id: phase.id.clone(),
                    title: phase.title.clone(),
                    from,
                    to,
                });
            }
        }
        Self { stops, bands, keys }
    }

    /// Where a feature's valid_from or valid_to falls; `None` for an unknown phase.
    pub fn key_of(&self, validity: &Validity) -> Option<TimeKey> {
        match validity {
            Validity::Date(date) => Some(TimeKey::Dated(*date)),
            Validity::Phase(id) => self.keys.iter().find(|(k, _)| k == id).map(|k| k.1),
        }
    }

    /// True when something valid from `from` until `to` exists at `at`.
    pub fn is_valid_at(&self, from: Option<&Validity>, to: Option<&Validity>, at: TimeKey) -> bool {
        let started = from
            .and_then(|f| self.key_of(f))
            .is_none_or(|from| from <= at);
        let ended = to.and_then(|t| self.key_of(t)).is_some_and(|to| to <= at);
        started && !ended
    }

    /// The key of a stop, by index.
    pub fn key_at(&self, stop: usize) -> Option<TimeKey> {
        self.stops.get(stop).map(|s| s.key)
    }

    /// "2026-01-06", or "phase D (date not known)", for the top bar and exports.
    pub fn describe(&self, stop: usize) -> String {
        match self.stops.get(stop) {
            Some(Stop {
                key: TimeKey::Dated(date),
                ..
            }) => date.to_string(),
            Some(stop) => format!("{} (date not known)", stop.title),
            None => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{ScenarioFiles, ScenarioSource, load_scenario};

    fn builtin() -> Timeline {
        Timeline::of(&load_scenario(&ScenarioFiles::new(ScenarioSource::Builtin)).scenario)
    }

    #[test]
    fn dated_stops_come_in_date_order_and_undated_phases_after_them() {
        let timeline = builtin();
        let shorts: Vec<&str> = timeline.stops.iter().map(|s| s.short.as_str()).collect();
        assert_eq!(shorts.first(), Some(&"2025-07-10"));
        assert_eq!(
            &shorts[shorts.len() - 3..],
            &["D", "deployment", "hq-rotation"]
        );
        let band = |id: &str| timeline.bands.iter().find(|b| b.id == id).cloned();
        let d = band("D").unwrap_or_else(|| panic!("no D band"));
        assert_eq!(d.from, d.to);
        let pre = band("pre-ceasefire").unwrap_or_else(|| panic!("no band"));
        assert!(pre.to < d.from);
    }

    #[test]
    fn validity_by_phase_follows_the_axis() {
        let timeline = builtin();
        let phase = |id: &str| Validity::Phase(id.into());
        let at = |id: &str| timeline.key_of(&phase(id)).unwrap_or(TimeKey::Undated(99));
        let deployment = phase("deployment");
        let rotation = phase("hq-rotation");
        assert!(!timeline.is_valid_at(Some(&deployment), None, at("D")));
        assert!(timeline.is_valid_at(Some(&deployment), None, at("deployment")));
        assert!(timeline.is_valid_at(None, Some(&rotation), at("deployment")));
        assert!(!timeline.is_valid_at(None, Some(&rotation), at("hq-rotation")));
        assert!(timeline.is_valid_at(None, None, at("paris-declaration")));
    }
}
