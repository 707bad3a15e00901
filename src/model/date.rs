//! Calendar dates as written in the data files (`YYYY-MM-DD`).

use std::fmt;

use serde::Serialize;

/// A calendar date without a time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists in that month.
    ///
    /// ```
    /// use backstop::model::Date;
    /// assert!(Date::parse("2026-01-06").is_some());
    /// assert!(Date::parse("2026-02-30").is_none());
    /// assert!(Date::parse("6 Jan 2026").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let year_text = parts.next()?;
        let month_text = parts.next()?;
        let day_text = parts.next()?;
        if year_text.len() != 4 || month_text.len() != 2 || day_text.len() != 2 {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let month: u8 = month_text.parse().ok()?;
        let day: u8 = day_text.parse().ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// The military date-time group of this day at `hours:minutes` UTC ("Zulu"), as
    /// briefing maps print it: day, time, zone letter, month, year.
    ///
    /// ```
    /// use backstop::model::Date;
    /// let day = Date::parse("2026-01-10");
    /// assert_eq!(day.map(|d| d.date_time_group(12, 0)).as_deref(), Some("101200ZJAN26"));
    /// ```
    pub fn date_time_group(&self, hours: u8, minutes: u8) -> String {
        const MONTHS: [&str; 12] = [
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
        ];
        let month = MONTHS
            .get(usize::from(self.month.saturating_sub(1)))
            .copied()
            .unwrap_or("???");
        format!(
            "{:02}{:02}{:02}Z{month}{:02}",
            self.day,
            hours,
            minutes,
            self.year.rem_euclid(100)
        )
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The start or end of a feature's validity: a date, or a phase of the scenario
/// (for instance `D` for the ceasefire, whose date is not known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Validity {
    /// A calendar date.
    Date(Date),
    /// The id of a phase or event in events.toml.
    Phase(String),
}

impl fmt::Display for Validity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Validity::Date(date) => date.fmt(f),
            Validity::Phase(phase) => write!(f, "phase {phase}"),
        }
    }
}

/// The UTC date and time now, as "YYYYMMDD-HHMMSS", for file names.
pub fn timestamp_now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = ((seconds / 86_400) as i64, seconds % 86_400);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}
