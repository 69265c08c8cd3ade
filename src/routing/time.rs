//! Time without a clock or a date crate: RFC 3339 parsing and formatting, and civil-date
//! arithmetic (days ↔ year-month-day, weekdays), written by hand because `chrono` would add
//! weight to the wasm package for the handful of functions routing needs.
//!
//! Time is always an argument: instants are Unix seconds (`i64`), shown in RFC 3339.
//! **Daylight saving time is not modelled**: a timezone is a fixed UTC offset taken from the
//! data (a business calendar's `utc_offset`). A team whose clocks move twice a year changes the
//! offset in its calendar data when they do.
//!
//! ```
//! use helpdesk_ai::routing::time::Timestamp;
//! let t = Timestamp::parse("2026-03-06T17:00:00+03:00").unwrap();
//! assert_eq!(t.unix, 1_772_805_600);
//! assert_eq!(t.to_string(), "2026-03-06T17:00:00+03:00");
//! assert_eq!(t.in_offset(0).to_string(), "2026-03-06T14:00:00Z");
//! ```

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The earliest instant routing works with: 0000-01-02T00:00:00Z (a day after the first
/// four-digit-year instant, so that any UTC offset still formats as a four-digit year).
pub const MIN_UNIX: i64 = -62_167_132_800;
/// The latest instant routing works with: 9999-12-30T23:59:59Z (a day before the last one).
pub const MAX_UNIX: i64 = 253_402_214_399;

/// Seconds in a civil day (no leap seconds: Unix time has none).
pub const DAY: i64 = 86_400;

/// Clamps an instant into the range routing works with, so that arithmetic on hostile input
/// (e.g. `i64::MAX`) saturates instead of overflowing and every instant formats as RFC 3339.
pub fn clamp(unix: i64) -> i64 {
    unix.clamp(MIN_UNIX, MAX_UNIX)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
///
/// ```
/// use helpdesk_ai::routing::time::{civil_from_days, days_from_civil};
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2000, 3, 1), 11_017);
/// assert_eq!(civil_from_days(11_017), (2000, 3, 1));
/// ```
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = if m <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date `(year, month, day)` of a day number (days since 1970-01-01).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
pub fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

/// Whether a year is a Gregorian leap year.
pub fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days in a month (0 for a month outside 1…12).
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// An instant together with the UTC offset it is shown in.
///
/// Serialises as an RFC 3339 string (`"2026-03-09T12:00:00+03:00"`); deserialises from an
/// RFC 3339 string (keeping its offset) or from an integer of Unix seconds (shown in UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// The offset it is shown in, minutes east of UTC (−1439 … 1439).
    pub offset_minutes: i32,
}

impl Timestamp {
    /// An instant shown in the given offset (the instant is clamped to [`MIN_UNIX`]…[`MAX_UNIX`],
    /// the offset to ±23:59).
    pub fn new(unix: i64, offset_minutes: i32) -> Timestamp {
        Timestamp { unix: clamp(unix), offset_minutes: offset_minutes.clamp(-1439, 1439) }
    }

    /// An instant shown in UTC.
    pub fn utc(unix: i64) -> Timestamp {
        Timestamp::new(unix, 0)
    }

    /// The same instant shown in another offset.
    pub fn in_offset(self, offset_minutes: i32) -> Timestamp {
        Timestamp::new(self.unix, offset_minutes)
    }

    /// Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`. A space or a
    /// lower-case `t`/`z` is accepted too (RFC 3339 allows them); fractions of a second are
    /// dropped; a leap second `:60` counts as `:59`.
    ///
    /// ```
    /// use helpdesk_ai::routing::time::Timestamp;
    /// assert_eq!(Timestamp::parse("1970-01-01T00:00:01.5Z").unwrap().unix, 1);
    /// assert!(Timestamp::parse("2026-02-30T10:00:00Z").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let b = text.trim().as_bytes();
        let bad = |what: &str| {
            Err(format!("{what} in {:?} (expected RFC 3339, e.g. 2026-03-09T12:00:00+03:00)", clip(text)))
        };
        if b.len() < 20 {
            return bad("too short");
        }
        let num = |from: usize, to: usize| -> Option<i64> {
            b[from..to]
                .iter()
                .try_fold(0i64, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0')))
        };
        let (Some(year), Some(month), Some(day)) = (num(0, 4), num(5, 7), num(8, 10)) else {
            return bad("a bad date");
        };
        if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return bad("a bad date separator");
        }
        let (Some(hour), Some(minute), Some(second)) = (num(11, 13), num(14, 16), num(17, 19)) else {
            return bad("a bad time");
        };
        if b[13] != b':' || b[16] != b':' {
            return bad("a bad time separator");
        }
        let (month, day) = (month as u32, day as u32);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return bad("no such date");
        }
        if hour > 23 || minute > 59 || second > 60 {
            return bad("no such time");
        }
        let mut rest = &b[19..];
        if rest.first() == Some(&b'.') {
            let digits = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return bad("an empty fraction of a second");
            }
            rest = &rest[1 + digits..];
        }
        let Ok(offset) =
            std::str::from_utf8(rest).map_err(|_| ()).and_then(|s| parse_offset(s).map_err(|_| ()))
        else {
            return bad("a bad UTC offset");
        };
        let local = days_from_civil(year, month, day) * DAY + hour * 3600 + minute * 60 + second.min(59);
        Ok(Timestamp::new(local - i64::from(offset) * 60, offset))
    }
}

/// Parses a UTC offset: `Z`, `+HH:MM` or `-HH:MM` (hours 0…23), into minutes east of UTC.
///
/// ```
/// use helpdesk_ai::routing::time::parse_offset;
/// assert_eq!(parse_offset("+03:00"), Ok(180));
/// assert_eq!(parse_offset("-05:30"), Ok(-330));
/// assert_eq!(parse_offset("Z"), Ok(0));
/// ```
pub fn parse_offset(text: &str) -> Result<i32, String> {
    let b = text.as_bytes();
    if b == b"Z" || b == b"z" {
        return Ok(0);
    }
    let ok = b.len() == 6
        && matches!(b[0], b'+' | b'-')
        && b[3] == b':'
        && [1, 2, 4, 5].iter().all(|&i| b[i].is_ascii_digit());
    if !ok {
        return Err(format!("bad UTC offset {:?} (expected Z, +HH:MM or -HH:MM)", clip(text)));
    }
    let hours = i32::from(b[1] - b'0') * 10 + i32::from(b[2] - b'0');
    let minutes = i32::from(b[4] - b'0') * 10 + i32::from(b[5] - b'0');
    if hours > 23 || minutes > 59 {
        return Err(format!("bad UTC offset {:?}: hours 0-23, minutes 0-59", clip(text)));
    }
    let total = hours * 60 + minutes;
    Ok(if b[0] == b'-' { -total } else { total })
}

/// Formats a UTC offset as RFC 3339 wants it: `Z` for zero, else `±HH:MM`.
pub fn format_offset(offset_minutes: i32, out: &mut String) {
    if offset_minutes == 0 {
        out.push('Z');
    } else {
        out.push(if offset_minutes < 0 { '-' } else { '+' });
        let m = u64::from(offset_minutes.unsigned_abs());
        push_digits(out, m / 60, 2);
        out.push(':');
        push_digits(out, m % 60, 2);
    }
}

/// The local civil time of an instant in an offset: `(day number, seconds since midnight)`.
pub fn local_day_and_second(unix: i64, offset_minutes: i32) -> (i64, i64) {
    let local = clamp(unix) + i64::from(offset_minutes) * 60;
    (local.div_euclid(DAY), local.rem_euclid(DAY))
}

/// Writes `n` as exactly `width` decimal digits (zero-padded; higher digits dropped) — the
/// formatting machinery of `write!` costs more than the rest of a timestamp together.
pub(crate) fn push_digits(out: &mut String, n: u64, width: u32) {
    for i in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u64.pow(i) % 10) as u8));
    }
}

/// Writes a number in decimal without padding.
pub(crate) fn push_number(out: &mut String, n: u64) {
    let width = n.checked_ilog10().unwrap_or(0) + 1;
    push_digits(out, n, width);
}

impl Timestamp {
    /// Appends the RFC 3339 form to a string.
    pub fn write_to(&self, out: &mut String) {
        let (days, second) = local_day_and_second(self.unix, self.offset_minutes);
        let (y, m, d) = civil_from_days(days);
        push_digits(out, y.clamp(0, 9999) as u64, 4);
        out.push('-');
        push_digits(out, u64::from(m), 2);
        out.push('-');
        push_digits(out, u64::from(d), 2);
        out.push('T');
        push_digits(out, (second / 3600) as u64, 2);
        out.push(':');
        push_digits(out, (second / 60 % 60) as u64, 2);
        out.push(':');
        push_digits(out, (second % 60) as u64, 2);
        format_offset(self.offset_minutes, out);
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(25);
        self.write_to(&mut out);
        f.write_str(&out)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = String::with_capacity(25);
        self.write_to(&mut out);
        s.serialize_str(&out)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date-time string or Unix seconds")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Ok(Timestamp::utc(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
                Ok(Timestamp::utc(i64::try_from(v).unwrap_or(i64::MAX)))
            }
        }
        d.deserialize_any(V)
    }
}

/// Serde helpers for an `i64` of Unix seconds kept as RFC 3339 in JSON (`#[serde(with = …)]`).
pub mod unix_seconds {
    use super::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the instant as an RFC 3339 string in UTC.
    pub fn serialize<S: Serializer>(unix: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Timestamp::utc(*unix))
    }

    /// Reads an RFC 3339 string or an integer of Unix seconds.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        Timestamp::deserialize(d).map(|t| t.unix)
    }
}

/// Serde helpers for an `Option<i64>` of Unix seconds (null or absent is `None`).
pub mod opt_unix_seconds {
    use super::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the instant as an RFC 3339 string in UTC, or null.
    pub fn serialize<S: Serializer>(unix: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
        match unix {
            Some(t) => s.collect_str(&Timestamp::utc(*t)),
            None => s.serialize_none(),
        }
    }

    /// Reads an RFC 3339 string, an integer of Unix seconds, or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        Ok(Option::<Timestamp>::deserialize(d)?.map(|t| t.unix))
    }
}

/// At most 40 characters of a bad value, for an error message.
fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_over_centuries() {
        for days in (-800_000..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(weekday(days_from_civil(2026, 3, 6)), 4, "2026-03-06 is a Friday");
        assert_eq!(weekday(days_from_civil(2024, 2, 29)), 3, "2024-02-29 was a Thursday");
    }

    #[test]
    fn range_limits_format_as_four_digit_years() {
        for offset in [-1439, 0, 1439] {
            let lo = Timestamp::new(i64::MIN, offset).to_string();
            let hi = Timestamp::new(i64::MAX, offset).to_string();
            assert!(lo.starts_with("0000-01-0") && hi.starts_with("9999-12-3"), "{lo} {hi}");
            assert_eq!(Timestamp::parse(&lo).unwrap().unix, MIN_UNIX);
            assert_eq!(Timestamp::parse(&hi).unwrap().unix, MAX_UNIX);
        }
    }

    #[test]
    fn parses_and_rejects() {
        let t = Timestamp::parse("2024-02-29 23:59:60.123-00:30").unwrap();
        assert_eq!(t.to_string(), "2024-02-29T23:59:59-00:30");
        for bad in [
            "",
            "2026-03-06",
            "2026-13-01T00:00:00Z",
            "2026-03-06T24:00:00Z",
            "2026-03-06T10:00:00",
            "2026-03-06T10:00:00+3:00",
            "2026-03-06T10:00:00+24:00",
            "2026-03-06T10:00:00.Z",
            "2026-03-06T10:00:00Zjunk",
            "２０２６-03-06T10:00:00Z",
            "2023-02-29T00:00:00Z",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn serde_accepts_strings_and_integers() {
        let t: Timestamp = serde_json::from_str("\"2026-03-06T17:00:00+03:00\"").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"2026-03-06T17:00:00+03:00\"");
        let u: Timestamp = serde_json::from_str("0").unwrap();
        assert_eq!(u.to_string(), "1970-01-01T00:00:00Z");
        assert!(serde_json::from_str::<Timestamp>("\"soon\"").is_err());
        assert!(serde_json::from_str::<Timestamp>("1.5").is_err());
    }
}
