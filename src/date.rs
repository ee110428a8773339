//! Calendar dates at the precision a fact sheet gives them: a year, a month or a day.
//!
//! "2024-09" means September 2024 and stays that everywhere it is shown, sorted or exported; it
//! is never silently turned into 1 September.

use std::fmt;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day.
///
/// Ordering is chronological by first day, and a coarser date sorts before a finer one that
/// starts on the same day ("2024" < "2024-01" < "2024-01-01"), so a timeline lists the broad
/// context before the precise events inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a text is not a date, in words a curator can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("expected a date written YYYY, YYYY-MM or YYYY-MM-DD")]
    Shape,
    #[error("the year must be between 1 and 9999")]
    Year,
    #[error("there is no month {0}: months run from 01 to 12")]
    Month(u32),
    #[error("there is no day {day} in {year:04}-{month:02}: that month has {last} days")]
    Day {
        year: u16,
        month: u8,
        day: u32,
        last: u8,
    },
}

impl PartialDate {
    /// Builds a date from its parts, checking the calendar (leap years included).
    pub fn new(year: u32, month: Option<u32>, day: Option<u32>) -> Result<Self, DateError> {
        if !(1..=9999).contains(&year) {
            return Err(DateError::Year);
        }
        let year = year as u16;
        let Some(month) = month else {
            return if day.is_some() {
                Err(DateError::Shape)
            } else {
                Ok(Self {
                    year,
                    month: None,
                    day: None,
                })
            };
        };
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        let month = month as u8;
        let Some(day) = day else {
            return Ok(Self {
                year,
                month: Some(month),
                day: None,
            });
        };
        let last = days_in_month(year, month);
        if day == 0 || day > u32::from(last) {
            return Err(DateError::Day {
                year,
                month,
                day,
                last,
            });
        }
        Ok(Self {
            year,
            month: Some(month),
            day: Some(day as u8),
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (exactly four, two and two digits).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let mut parts = text.split('-');
        let year = digits(parts.next(), 4)?;
        let month = parts.next().map(|p| digits(Some(p), 2)).transpose()?;
        let day = parts.next().map(|p| digits(Some(p), 2)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Shape);
        }
        Self::new(year, month, day)
    }

    /// A date written in words, as articles write it: `July 5, 2024`, `5 July 2024`,
    /// `05 Jul. 2024`, `July 2024`. Only for a hint: a fact sheet writes dates as numbers.
    #[must_use]
    pub fn from_words(text: &str) -> Option<Self> {
        let (mut year, mut month, mut day) = (None, None, None);
        for word in text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
        {
            let word = word.strip_suffix('.').unwrap_or(word);
            let slot = if let Some(m) = month_named(word) {
                (&mut month, m)
            } else if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
                (&mut year, word.parse().ok()?)
            } else {
                let number = ["st", "nd", "rd", "th"]
                    .iter()
                    .find_map(|s| word.strip_suffix(s))
                    .unwrap_or(word);
                if number.is_empty()
                    || number.len() > 2
                    || !number.bytes().all(|b| b.is_ascii_digit())
                {
                    return None;
                }
                (&mut day, number.parse().ok()?)
            };
            if slot.0.replace(slot.1).is_some() {
                return None;
            }
        }
        Self::new(year?, Some(month?), day).ok()
    }

    #[must_use]
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    #[must_use]
    pub fn year(self) -> u16 {
        self.year
    }

    #[must_use]
    pub fn month(self) -> Option<u8> {
        self.month
    }

    #[must_use]
    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// Days since 1970-01-01 of the first day this date covers.
    #[must_use]
    pub fn first_day(self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Days since 1970-01-01 of the last day this date covers.
    #[must_use]
    pub fn last_day(self) -> i64 {
        match (self.month, self.day) {
            (Some(m), Some(d)) => days_from_civil(self.year, m, d),
            (Some(m), None) => days_from_civil(self.year, m, days_in_month(self.year, m)),
            (None, _) => days_from_civil(self.year, 12, 31),
        }
    }

    /// Whether this date lies wholly before `other` begins: what "`end` before `date`" means when
    /// the two have different precisions ("2024-07" to "2024-07-11" is fine).
    #[must_use]
    pub fn ends_before_start_of(self, other: Self) -> bool {
        self.last_day() < other.first_day()
    }

    /// The date written without the year when `base` has the same one: `07-11` after
    /// `2024-07-09`, `2025-01-02` after `2024-12-30`. The month stays, since a lone day number
    /// reads like a count; a month alone keeps its year, since `→ 09` would read as a day.
    #[must_use]
    pub fn relative_to(self, base: Self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) if self.year == base.year => format!("{m:02}-{d:02}"),
            _ => self.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// The months' names in English, January first: the one list that reading dates in words (here
/// and in the draft) and showing them (the Timeline's axis) share.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month a word names, in English: the whole name or its first three letters or more, in
/// any case (`July`, `jul`, `Sept`).
fn month_named(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    (1..).zip(MONTHS).find_map(|(n, m)| {
        let prefix = m.get(..word.len())?;
        prefix.eq_ignore_ascii_case(word).then_some(n)
    })
}

/// "Jun 2024" for a day number (days since 1970-01-01).
#[must_use]
pub fn month_label(day: i64) -> String {
    let (year, month) = year_month(day);
    let name = MONTHS[usize::from(month - 1)];
    format!("{} {year}", &name[..3])
}

fn digits(part: Option<&str>, len: usize) -> Result<u32, DateError> {
    match part {
        Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
            p.parse().map_err(|_| DateError::Shape)
        }
        _ => Err(DateError::Shape),
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `days_from_civil`: proleptic Gregorian calendar, day 0 = 1970-01-01.
fn days_from_civil(year: u16, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year and month (1–12) of a day number (days since 1970-01-01): Howard Hinnant's
/// `civil_from_days`, the inverse of [`PartialDate::first_day`].
#[must_use]
pub fn year_month(day: i64) -> (i64, u8) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let month = u8::try_from(month).unwrap_or(1); // 1..=12 by construction
    (yoe + era * 400 + i64::from(month <= 2), month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn keeps_precision_when_shown() {
        assert_eq!(d("2024").to_string(), "2024");
        assert_eq!(d("2024-09").to_string(), "2024-09");
        assert_eq!(d("2024-07-09").to_string(), "2024-07-09");
        assert_eq!(d("2024-09").precision(), Precision::Month);
        assert_eq!(d("2024-09").day(), None);
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert_eq!(PartialDate::parse("2024-13-40"), Err(DateError::Month(13)));
        assert_eq!(PartialDate::parse("24-7"), Err(DateError::Shape));
        assert_eq!(PartialDate::parse("2024-7-09"), Err(DateError::Shape));
        assert_eq!(PartialDate::parse("2024-07-09-01"), Err(DateError::Shape));
        assert_eq!(PartialDate::parse("0000"), Err(DateError::Year));
        assert_eq!(PartialDate::parse(""), Err(DateError::Shape));
        assert_eq!(PartialDate::parse("２０２４"), Err(DateError::Shape));
        assert!(matches!(
            PartialDate::parse("2023-02-29"),
            Err(DateError::Day { last: 28, .. })
        ));
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("2000-02-29").is_ok());
        assert!(PartialDate::parse("1900-02-29").is_err());
    }

    #[test]
    fn orders_chronologically_with_coarser_first() {
        let mut dates = [
            d("2024-11-05"),
            d("2024-07"),
            d("2024-07-09"),
            d("2024"),
            d("2023-12-31"),
            d("2024-06-27"),
        ];
        dates.sort();
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "2023-12-31",
                "2024",
                "2024-06-27",
                "2024-07",
                "2024-07-09",
                "2024-11-05"
            ]
        );
    }

    #[test]
    fn day_numbers_cover_the_whole_period() {
        assert_eq!(d("1970-01-01").first_day(), 0);
        assert_eq!(d("2024-07-09").first_day(), 19_913);
        assert_eq!(d("2024-02").last_day() - d("2024-02").first_day(), 28);
        assert_eq!(d("2024").last_day() - d("2024").first_day(), 365);
    }

    #[test]
    fn month_labels() {
        assert_eq!(month_label(19_901), "Jun 2024");
        assert_eq!(month_label(0), "Jan 1970");
    }

    #[test]
    fn year_month_inverts_day_numbers() {
        for date in [
            "1970-01-01",
            "2024-02-29",
            "2024-12-31",
            "1900-03-01",
            "2400-02-29",
        ] {
            let day = d(date);
            assert_eq!(
                year_month(day.first_day()),
                (i64::from(day.year()), day.month().unwrap())
            );
        }
    }

    #[test]
    fn end_before_start_respects_precision() {
        // "2024-07" to "2024-07-11" is fine: the month contains the day.
        assert!(!d("2024-07").ends_before_start_of(d("2024-07-11")));
        assert!(!d("2024-07-11").ends_before_start_of(d("2024-07")));
        assert!(d("2024-07-08").ends_before_start_of(d("2024-07-09")));
    }

    #[test]
    fn relative_dates_drop_what_the_base_says() {
        assert_eq!(d("2024-07-11").relative_to(d("2024-07-09")), "07-11");
        assert_eq!(d("2024-08-02").relative_to(d("2024-07-09")), "08-02");
        assert_eq!(d("2025-01-02").relative_to(d("2024-12-30")), "2025-01-02");
        assert_eq!(d("2024-09").relative_to(d("2024-07")), "2024-09");
        assert_eq!(d("2024-07").relative_to(d("2024-07-01")), "2024-07");
    }

    #[test]
    fn dates_written_in_words_are_read_for_a_hint() {
        let day = |y, m, d| PartialDate::new(y, Some(m), Some(d)).ok();
        assert_eq!(PartialDate::from_words("July 5, 2024"), day(2024, 7, 5));
        assert_eq!(PartialDate::from_words("5 July 2024"), day(2024, 7, 5));
        assert_eq!(PartialDate::from_words("05 Jul. 2024"), day(2024, 7, 5));
        assert_eq!(PartialDate::from_words("Sept 30th, 2024"), day(2024, 9, 30));
        assert_eq!(
            PartialDate::from_words("July 2024"),
            PartialDate::new(2024, Some(7), None).ok()
        );
        assert_eq!(PartialDate::from_words("July 32, 2024"), None);
        assert_eq!(PartialDate::from_words("July 5"), None);
        assert_eq!(PartialDate::from_words("Ju 5 2024"), None);
        assert_eq!(PartialDate::from_words("July July 2024"), None);
        assert_eq!(PartialDate::from_words("next week"), None);
    }
}
