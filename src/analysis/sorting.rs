//! Sort orders of the panels' tables (nations, hub exposure): which column, which way,
//! and the rows in that order. Plain data, so the app keeps them and tests sort without
//! a window.

use crate::analysis::HubExposure;
use crate::model::{Hub, Nation, RoleCategory};

/// A table's sort order: a header click sorts by its column, a second click reverses.
pub trait SortOrder {
    /// The table's columns.
    type Column: PartialEq + Copy;
    /// Sorted by.
    fn column(&self) -> Self::Column;
    /// Largest first.
    fn descending(&self) -> bool;
    /// Sorts by `column`; a second click on the same column reverses the order.
    fn click(&mut self, column: Self::Column);
}

/// A column of the coalition table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CoalitionColumn {
    /// Country name.
    #[default]
    Name,
    /// Role category.
    Role,
    /// Personnel (upper bound).
    Personnel,
    /// Status.
    Status,
}

/// The table's sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CoalitionSort {
    /// Sorted by.
    pub column: CoalitionColumn,
    /// Largest last when true.
    pub descending: bool,
}

impl SortOrder for CoalitionSort {
    type Column = CoalitionColumn;

    fn column(&self) -> CoalitionColumn {
        self.column
    }

    fn descending(&self) -> bool {
        self.descending
    }

    fn click(&mut self, column: CoalitionColumn) {
        if self.column == column {
            self.descending = !self.descending;
        } else {
            self.column = column;
            self.descending = column == CoalitionColumn::Personnel;
        }
    }
}

impl CoalitionSort {
    /// The nations in this order.
    pub fn sorted<'a>(&self, nations: &'a [Nation]) -> Vec<&'a Nation> {
        let mut rows: Vec<&Nation> = nations.iter().collect();
        rows.sort_by(|a, b| {
            let order = match self.column {
                CoalitionColumn::Name => a.name.cmp(&b.name),
                CoalitionColumn::Role => {
                    RoleCategory::of(&a.roles).cmp(&RoleCategory::of(&b.roles))
                }
                CoalitionColumn::Personnel => {
                    a.personnel.map(|p| p.max).cmp(&b.personnel.map(|p| p.max))
                }
                CoalitionColumn::Status => a.status.cmp(&b.status),
            };
            order.then_with(|| a.name.cmp(&b.name))
        });
        if self.descending {
            rows.reverse();
        }
        rows
    }
}

/// A column of the exposure table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExposureColumn {
    /// Hub name.
    Hub,
    /// Distance to the monitored line.
    #[default]
    Line,
    /// Distance to Russia.
    Russia,
    /// Distance to Belarus.
    Belarus,
}

/// The exposure table's sort order: nearest first by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExposureSort {
    /// Sorted by.
    pub column: ExposureColumn,
    /// Largest first when true.
    pub descending: bool,
}

impl SortOrder for ExposureSort {
    type Column = ExposureColumn;

    fn column(&self) -> ExposureColumn {
        self.column
    }

    fn descending(&self) -> bool {
        self.descending
    }

    fn click(&mut self, column: ExposureColumn) {
        if self.column == column {
            self.descending = !self.descending;
        } else {
            self.column = column;
            self.descending = false;
        }
    }
}

impl ExposureSort {
    /// The rows in this order; unknown distances sort last.
    pub fn sorted<'a>(&self, hubs: &'a [Hub], rows: &'a [HubExposure]) -> Vec<&'a HubExposure> {
        let name = |e: &HubExposure| hubs.get(e.hub).map_or("", |h| h.name.as_str());
        let key = |e: &HubExposure| match self.column {
            ExposureColumn::Hub => None,
            ExposureColumn::Line => e.line_km,
            ExposureColumn::Russia => e.russia_km,
            ExposureColumn::Belarus => e.belarus_km,
        };
        let mut sorted: Vec<&HubExposure> = rows.iter().collect();
        sorted.sort_by(|a, b| {
            let order = match (key(a), key(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            let order = if self.descending {
                order.reverse()
            } else {
                order
            };
            let by_name = name(a).cmp(name(b));
            if self.column == ExposureColumn::Hub {
                if self.descending {
                    by_name.reverse()
                } else {
                    by_name
                }
            } else {
                order.then(by_name)
            }
        });
        sorted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Personnel, Role, Status};

    fn nation(iso: &str, name: &str, personnel: Option<u32>) -> Nation {
        Nation {
            iso: iso.into(),
            name: name.into(),
            roles: vec![Role::Training],
            commitment: String::new(),
            personnel: personnel.map(|n| Personnel { min: n, max: n }),
            status: Status::Reported,
            sources: Vec::new(),
        }
    }

    #[test]
    fn sorting_by_personnel_puts_the_largest_first_then_reverses() {
        let nations = [
            nation("FR", "France", Some(6000)),
            nation("LT", "Lithuania", Some(200)),
            nation("NO", "Norway", None),
        ];
        let mut sort = CoalitionSort::default();
        let order = |sort: &CoalitionSort| -> Vec<String> {
            sort.sorted(&nations)
                .iter()
                .map(|n| n.iso.clone())
                .collect()
        };
        sort.click(CoalitionColumn::Personnel);
        assert_eq!(order(&sort), ["FR", "LT", "NO"]);
        sort.click(CoalitionColumn::Personnel);
        assert_eq!(order(&sort), ["NO", "LT", "FR"]);
    }
}
