//! The business calendar: working days, opening hours and holidays in a fixed UTC offset, and
//! the SLA arithmetic on it ("4 business hours after Friday 17:00 is Monday 12:00").
//!
//! DST is not modelled: the offset is fixed (see [`super::time`]).
//!
//! ```
//! use helpdesk_ai::routing::sla::BusinessCalendar;
//! use helpdesk_ai::routing::time::Timestamp;
//! let calendar = BusinessCalendar::default(); // Mon–Fri 09:00–18:00, UTC+03:00 (Moscow)
//! let friday_5pm = Timestamp::parse("2026-03-06T17:00:00+03:00").unwrap().unix;
//! let due = calendar.add_business_minutes(friday_5pm, 4 * 60);
//! assert_eq!(Timestamp::new(due, 180).to_string(), "2026-03-09T12:00:00+03:00");
//! ```

use super::error::RoutingError;
use super::time::{self, clamp, days_from_civil, local_day_and_second, weekday, DAY};
use serde::Deserialize;

const SOURCE: &str = "calendar";
const DEFAULT_CALENDAR: &str = include_str!("../../data/routing/calendar.json");
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// A loop guard: no SLA is longer than this many calendar days (about 27 years), so a
/// calendar whose only working days are buried under holidays still terminates.
const MAX_DAYS_SCANNED: i64 = 10_000;
/// At most this many holidays, so validation and lookups stay cheap.
const MAX_HOLIDAYS: usize = 5_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    #[serde(default)]
    note: Option<String>,
    utc_offset: String,
    working_days: Vec<String>,
    open: String,
    close: String,
    #[serde(default)]
    holidays: Vec<String>,
}

/// When the support desk works: the clock SLAs run on unless a ticket's priority or tier is
/// served round the clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCalendar {
    offset_minutes: i32,
    working: [bool; 7],
    open: i64,
    close: i64,
    holidays: Vec<i64>,
    description: String,
}

impl Default for BusinessCalendar {
    /// The embedded calendar (`data/routing/calendar.json`): Monday to Friday, 09:00–18:00,
    /// UTC+03:00 — the seed's team works on Moscow time.
    fn default() -> Self {
        // A unit test proves the embedded calendar is valid.
        BusinessCalendar::from_json(DEFAULT_CALENDAR).expect("the embedded calendar is valid")
    }
}

impl BusinessCalendar {
    /// Loads a calendar:
    /// `{"utc_offset": "+03:00", "working_days": ["mon", …], "open": "09:00", "close": "18:00",
    /// "holidays": ["2026-01-01", …]}` (`close` may be `"24:00"`; `open` must be before it).
    ///
    /// ```
    /// use helpdesk_ai::routing::sla::BusinessCalendar;
    /// let err = BusinessCalendar::from_json(r#"{"utc_offset": "+03:00", "working_days": ["mon", "fri", "sun", "moon"],
    ///     "open": "09:00", "close": "18:00"}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "calendar: working_days: unknown day \"moon\" (use mon, tue, wed, thu, fri, sat, sun)");
    /// ```
    pub fn from_json(json: &str) -> Result<BusinessCalendar, RoutingError> {
        let raw: RawCalendar = serde_json::from_str(json).map_err(|e| RoutingError::json(SOURCE, "", &e))?;
        let offset_minutes = time::parse_offset(raw.utc_offset.trim())
            .map_err(|m| RoutingError::new(SOURCE, "utc_offset", m))?;
        let mut working = [false; 7];
        for day in &raw.working_days {
            let name = day.trim().to_ascii_lowercase();
            let Some(i) = (0..7).find(|&i| name == WEEKDAYS[i] || name == full_day_name(i)) else {
                let m = format!("unknown day {:?} (use mon, tue, wed, thu, fri, sat, sun)", clip(day));
                return Err(RoutingError::new(SOURCE, "working_days", m));
            };
            working[i] = true;
        }
        if !working.contains(&true) {
            return Err(RoutingError::new(SOURCE, "working_days", "at least one working day is needed"));
        }
        let open = clock_minutes(&raw.open).map_err(|m| RoutingError::new(SOURCE, "open", m))?;
        let close = clock_minutes(&raw.close).map_err(|m| RoutingError::new(SOURCE, "close", m))?;
        if open >= close {
            let m = format!(
                "opening time {} must be before closing time {} (overnight shifts are not supported)",
                raw.open, raw.close
            );
            return Err(RoutingError::new(SOURCE, "open", m));
        }
        if raw.holidays.len() > MAX_HOLIDAYS {
            return Err(RoutingError::new(SOURCE, "holidays", format!("more than {MAX_HOLIDAYS} holidays")));
        }
        let mut holidays = Vec::with_capacity(raw.holidays.len());
        for (i, h) in raw.holidays.iter().enumerate() {
            let day =
                civil_date(h).map_err(|m| RoutingError::new(SOURCE, format!("holiday {}", i + 1), m))?;
            holidays.push(day);
        }
        holidays.sort_unstable();
        holidays.dedup();
        let days: Vec<&str> = WEEKDAYS.iter().zip(working).filter(|(_, w)| *w).map(|(d, _)| *d).collect();
        let mut offset = String::new();
        time::format_offset(offset_minutes, &mut offset);
        let description = raw.note.unwrap_or_else(|| {
            format!(
                "{} {}–{} UTC{}",
                days.join(","),
                raw.open.trim(),
                raw.close.trim(),
                if offset == "Z" { "" } else { &offset }
            )
        });
        Ok(BusinessCalendar {
            offset_minutes,
            working,
            open: open * 60,
            close: close * 60,
            holidays,
            description,
        })
    }

    /// The calendar's UTC offset, minutes east of UTC.
    pub fn offset_minutes(&self) -> i32 {
        self.offset_minutes
    }

    /// The calendar in words (its `note`, or e.g. `mon,tue,wed,thu,fri 09:00–18:00 UTC+03:00`).
    pub fn description(&self) -> &str {
        &self.description
    }

    fn is_working_day(&self, day: i64) -> bool {
        self.working[weekday(day) as usize] && self.holidays.binary_search(&day).is_err()
    }

    /// Whether the desk is open at an instant.
    pub fn is_open(&self, unix: i64) -> bool {
        let (day, second) = local_day_and_second(unix, self.offset_minutes);
        self.is_working_day(day) && (self.open..self.close).contains(&second)
    }

    /// The instant after `minutes` of working time counted from `start` (working time starts at
    /// the next opening if the desk is closed at `start`). A deadline falls at most at a closing
    /// time, never "before opening on the next day". Results saturate at [`time::MAX_UNIX`].
    pub fn add_business_minutes(&self, start: i64, minutes: u32) -> i64 {
        let start = clamp(start);
        let mut remaining = i64::from(minutes) * 60;
        if remaining == 0 {
            return start;
        }
        let offset = i64::from(self.offset_minutes) * 60;
        let (mut day, mut second) = local_day_and_second(start, self.offset_minutes);
        for _ in 0..MAX_DAYS_SCANNED {
            if self.is_working_day(day) {
                let from = second.max(self.open);
                if from < self.close {
                    let available = self.close - from;
                    if remaining <= available {
                        return clamp(day * DAY + from + remaining - offset);
                    }
                    remaining -= available;
                }
            }
            day += 1;
            second = 0;
            if day * DAY - offset > time::MAX_UNIX {
                break;
            }
        }
        time::MAX_UNIX
    }

    /// Working minutes between two instants (0 when `to` is not after `from`).
    pub fn business_minutes_between(&self, from: i64, to: i64) -> i64 {
        let (from, to) = (clamp(from), clamp(to));
        if to <= from {
            return 0;
        }
        let (d0, s0) = local_day_and_second(from, self.offset_minutes);
        let (d1, s1) = local_day_and_second(to, self.offset_minutes);
        let mut seconds = 0;
        for day in (d0..=d1).take(MAX_DAYS_SCANNED as usize) {
            if self.is_working_day(day) {
                let lo = if day == d0 { s0.max(self.open) } else { self.open };
                let hi = if day == d1 { s1.min(self.close) } else { self.close };
                seconds += (hi - lo).max(0);
            }
        }
        seconds / 60
    }

    /// The deadline `minutes` after `start`: in working time when `business_hours`, else on
    /// the wall clock.
    pub fn deadline(&self, start: i64, minutes: u32, business_hours: bool) -> i64 {
        if business_hours {
            self.add_business_minutes(start, minutes)
        } else {
            clamp(clamp(start) + i64::from(minutes) * 60)
        }
    }
}

fn full_day_name(i: usize) -> &'static str {
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][i]
}

/// `HH:MM` (00:00 … 24:00) to minutes since midnight.
fn clock_minutes(text: &str) -> Result<i64, String> {
    let t = text.trim();
    let b = t.as_bytes();
    let bad = || format!("bad time {:?} (expected HH:MM, 00:00 to 24:00)", clip(text));
    if b.len() != 5 || b[2] != b':' || ![0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit()) {
        return Err(bad());
    }
    let h = i64::from(b[0] - b'0') * 10 + i64::from(b[1] - b'0');
    let m = i64::from(b[3] - b'0') * 10 + i64::from(b[4] - b'0');
    if m > 59 || h > 24 || (h == 24 && m > 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// `YYYY-MM-DD` to a day number.
fn civil_date(text: &str) -> Result<i64, String> {
    let t = text.trim();
    let b = t.as_bytes();
    let bad = || format!("bad date {:?} (expected YYYY-MM-DD)", clip(text));
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| {
        t.get(r).filter(|s| s.bytes().all(|c| c.is_ascii_digit())).and_then(|s| s.parse::<i64>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err(bad());
    };
    let (m, d) = (m as u32, d as u32);
    if !(1..=12).contains(&m) || d == 0 || d > time::days_in_month(y, m) {
        return Err(bad());
    }
    Ok(days_from_civil(y, m, d))
}

fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::time::Timestamp;

    fn at(text: &str) -> i64 {
        Timestamp::parse(text).unwrap().unix
    }

    fn show(unix: i64) -> String {
        Timestamp::new(unix, 180).to_string()
    }

    #[test]
    fn embedded_calendar_loads() {
        let c = BusinessCalendar::from_json(DEFAULT_CALENDAR).expect("embedded calendar");
        assert_eq!(c.offset_minutes(), 180);
    }

    #[test]
    fn business_minutes_skip_nights_weekends_and_holidays() {
        let c = BusinessCalendar::default();
        let cases = [
            ("2026-03-06T17:00:00+03:00", 240, "2026-03-09T12:00:00+03:00"), // Friday → Monday
            ("2026-03-07T11:00:00+03:00", 60, "2026-03-09T10:00:00+03:00"),  // Saturday
            ("2026-03-09T07:00:00+03:00", 30, "2026-03-09T09:30:00+03:00"),  // before opening
            ("2026-03-09T14:00:00+03:00", 240, "2026-03-09T18:00:00+03:00"), // exactly at closing
            ("2026-03-09T17:59:00+03:00", 2, "2026-03-10T09:01:00+03:00"),
            ("2026-03-09T20:00:00+03:00", 540, "2026-03-10T18:00:00+03:00"), // a full day
            ("2026-03-06T17:00:00+03:00", 2880, "2026-03-16T11:00:00+03:00"), // 48 business hours
            ("2026-03-09T12:00:00Z", 0, "2026-03-09T15:00:00+03:00"),
        ];
        for (start, minutes, due) in cases {
            assert_eq!(show(c.add_business_minutes(at(start), minutes)), due, "{start} + {minutes}");
            let back = c.business_minutes_between(at(start), at(due));
            assert_eq!(back, i64::from(minutes), "{start} → {due}");
        }
        let with_holiday = BusinessCalendar::from_json(
            r#"{"utc_offset": "+03:00", "working_days": ["mon","tue","wed","thu","fri"], "open": "09:00", "close": "18:00", "holidays": ["2026-03-09"]}"#,
        )
        .unwrap();
        assert_eq!(
            show(with_holiday.add_business_minutes(at("2026-03-06T17:00:00+03:00"), 240)),
            "2026-03-10T12:00:00+03:00"
        );
        assert!(!with_holiday.is_open(at("2026-03-09T12:00:00+03:00")));
        assert!(with_holiday.is_open(at("2026-03-10T12:00:00+03:00")));
    }

    #[test]
    fn round_the_clock_and_saturation() {
        let c = BusinessCalendar::default();
        assert_eq!(
            show(c.deadline(at("2026-03-06T17:00:00+03:00"), 240, false)),
            "2026-03-06T21:00:00+03:00"
        );
        assert_eq!(c.add_business_minutes(i64::MAX, u32::MAX), time::MAX_UNIX);
        assert_eq!(c.deadline(i64::MAX, u32::MAX, false), time::MAX_UNIX);
        assert!(c.add_business_minutes(i64::MIN, 60) > time::MIN_UNIX);
        // The only working day is Sunday and the next 5000 Sundays are holidays: the scan gives up
        // after MAX_DAYS_SCANNED days and saturates instead of looping for ever.
        let sundays: Vec<String> = (0..MAX_HOLIDAYS as i64)
            .map(|i| {
                let (y, m, d) = time::civil_from_days(3 + 7 * i);
                format!("\"{y:04}-{m:02}-{d:02}\"")
            })
            .collect();
        let json = format!(
            r#"{{"utc_offset": "Z", "working_days": ["sun"], "open": "00:00", "close": "24:00", "holidays": [{}]}}"#,
            sundays.join(",")
        );
        let c = BusinessCalendar::from_json(&json).unwrap();
        assert_eq!(c.add_business_minutes(0, 60), time::MAX_UNIX);
    }

    #[test]
    fn bad_calendars_name_the_field() {
        let base = r#"{"utc_offset": "+03:00", "working_days": ["mon"], "open": "09:00", "close": "18:00"}"#;
        let cases = [
            (base.replace("+03:00", "+3"), "utc_offset"),
            (base.replace("[\"mon\"]", "[]"), "working_days"),
            (base.replace("[\"mon\"]", "[\"monkey\"]"), "working_days"),
            (base.replace("09:00", "9am"), "open"),
            (base.replace("18:00", "08:00"), "open"),
            (base.replace("18:00", "24:30"), "close"),
            (base.replace("}", ", \"holidays\": [\"2026-02-30\"]}"), "holiday 1"),
            (base.replace("}", ", \"timezone\": \"MSK\"}"), ""),
        ];
        for (json, item) in cases {
            let err = BusinessCalendar::from_json(&json).unwrap_err();
            assert_eq!(err.item, item, "{err}");
        }
        assert!(BusinessCalendar::from_json(&base.replace("[\"mon\"]", "[\"Monday\", \"tue\"]")).is_ok());
    }
}
