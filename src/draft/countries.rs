//! Countries and their demonyms, and the continents, regions and cities news names, for guessing
//! an actor's kind.
//!
//! The countries are the `keshvar` crate's (ISO 3166-1, with each country's other names and its
//! nationality): every name it gives in the Latin alphabet without a bracket or a comma is a
//! spelling of the country, and its nationality (in the plural too) a demonym. Where countries share a spelling
//! or a demonym ("Dutch", "Congo") the more populous keeps it. On top of the data set, what news
//! writes and it lacks: the name news uses where it differs from the ISO short name ("Russia",
//! "South Korea"), short forms and demonyms ("US", "Britain", "Emirati"), and Kosovo, which ISO
//! does not list. The regions and US states are a short list of our own: no crate names regions as news does, and
//! keshvar's subdivisions would double its build time for fifty names. The cities are a list
//! of our own too (`cities.txt`, national capitals and the most-reported cities): keshvar has
//! no capitals, and a gazetteer crate would bring thousands of towns whose names are words or
//! people's names.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The name news uses for a country where it differs from the ISO short name, by ISO code.
const NEWS_NAMES: &[(&str, &str)] = &[
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("CD", "Democratic Republic of the Congo"),
    ("CI", "Ivory Coast"),
    ("CV", "Cape Verde"),
    ("CZ", "Czech Republic"),
    ("FM", "Micronesia"),
    ("GB", "United Kingdom"),
    ("IR", "Iran"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("LA", "Laos"),
    ("MD", "Moldova"),
    ("PS", "Palestine"),
    ("RU", "Russia"),
    ("SY", "Syria"),
    ("TR", "Turkey"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("US", "United States"),
    ("VA", "Vatican City"),
    ("VE", "Venezuela"),
    ("VN", "Vietnam"),
];

/// Spellings and demonyms news uses that the data set lacks, by the country's name (news's).
const NEWS_FORMS: &[(&str, &[&str], &[&str])] = &[
    ("United States", &["US", "U.S.", "America"], &[]),
    ("United Kingdom", &["Britain", "Great Britain"], &[]),
    ("United Arab Emirates", &["UAE"], &["Emirati"]),
    ("South Korea", &["Republic of Korea"], &[]),
    ("Netherlands", &["Holland"], &[]),
    ("Myanmar", &["Burma"], &["Burmese"]),
    ("Bosnia and Herzegovina", &["Bosnia"], &["Bosnian"]),
    ("Argentina", &[], &["Argentine", "Argentinian"]),
    ("Ecuador", &[], &["Ecuadorian"]),
    ("Iceland", &[], &["Icelandic"]),
    ("Kazakhstan", &[], &["Kazakh"]),
    ("Luxembourg", &[], &["Luxembourgish"]),
    ("Nepal", &[], &["Nepali"]),
    ("Niger", &[], &["Nigerien"]),
    ("Saudi Arabia", &[], &["Saudi"]),
    ("Slovenia", &[], &["Slovenian"]),
    ("Tajikistan", &[], &["Tajik"]),
    ("Uzbekistan", &[], &["Uzbek"]),
    ("Cape Verde", &[], &["Cape Verdean"]),
    ("Kosovo", &["Kosovo"], &["Kosovar"]),
];

/// Continents, regions and the states of the United States (but Georgia, a country too, and
/// Washington, more often the capital or a person): places, not countries.
pub const REGIONS: &[&str] = &[
    "Africa",
    "Antarctica",
    "Arctic",
    "Asia",
    "Balkans",
    "Baltic",
    "Caribbean",
    "Caucasus",
    "Central Asia",
    "Eastern Europe",
    "Europe",
    "Gaza",
    "Indo-Pacific",
    "Latin America",
    "Middle East",
    "North Africa",
    "North America",
    "Pacific",
    "Sahel",
    "South America",
    "Southeast Asia",
    "West Bank",
    "Western Europe",
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York State",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Every spelling of a country: its name as news writes it, and whether the spelling is its
/// demonym.
static SPELLINGS: LazyLock<HashMap<&'static str, (&'static str, bool)>> = LazyLock::new(|| {
    let mut countries: Vec<keshvar::Country> = keshvar::CountryIterator::new().collect();
    countries.sort_by_key(|c| std::cmp::Reverse(c.maybe_population().unwrap_or(0)));
    // Names in the Latin alphabet (the data set has Japanese and Russian ones too), without the
    // brackets and commas of ISO's long forms ("Korea (Republic of)").
    let latin = |c: char| c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c);
    let clean = |n: &&str| n.chars().all(latin) && !n.contains(['(', ')', '[', ',']);
    let mut out: HashMap<&'static str, (&'static str, bool)> = HashMap::new();
    for c in &countries {
        let code = c.alpha2().to_string();
        let name = NEWS_NAMES
            .iter()
            .find(|(a, _)| *a == code)
            .map_or(c.iso_short_name(), |(_, n)| *n);
        if REGIONS.contains(&name) {
            continue; // Antarctica is a place
        }
        let names = [name, c.iso_short_name()]
            .into_iter()
            .chain(c.unofficial_name_list().iter().copied());
        for n in names.filter(clean) {
            out.entry(n).or_insert((name, false));
        }
        for d in c
            .maybe_nationality()
            .into_iter()
            .flat_map(|d| d.split(", "))
        {
            out.entry(d).or_insert((name, true));
        }
    }
    for (name, spellings, demonyms) in NEWS_FORMS {
        out.insert(name, (name, false));
        for s in *spellings {
            out.insert(s, (name, false));
        }
        for d in *demonyms {
            out.insert(d, (name, true));
        }
    }
    out
});

/// The country a spelling names, as news names it, and whether the spelling is its demonym.
#[must_use]
pub fn country(spelling: &str) -> Option<(&'static str, bool)> {
    SPELLINGS.get(spelling).copied().or_else(|| {
        // The people of a country, in the plural: "Americans", "Ukrainians".
        let (name, demonym) = SPELLINGS.get(spelling.strip_suffix('s')?)?;
        demonym.then_some((*name, true))
    })
}

#[must_use]
pub fn is_region(spelling: &str) -> bool {
    REGIONS.contains(&spelling)
}

/// Cities news names alone (`cities.txt`).
static CITIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("cities.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether a spelling is a city's name on the list (national capitals and the most-reported
/// cities: "Tokyo", "Kyiv", "Ho Chi Minh City").
#[must_use]
pub fn is_city(spelling: &str) -> bool {
    CITIES.contains(spelling)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_short_forms_and_demonyms_find_their_country() {
        assert_eq!(country("US"), Some(("United States", false)));
        assert_eq!(country("United States"), Some(("United States", false)));
        assert_eq!(country("USA"), Some(("United States", false)));
        assert_eq!(country("Russian"), Some(("Russia", true)));
        assert_eq!(country("Russia"), Some(("Russia", false)));
        assert_eq!(country("Tokyo"), None);
        // A speech calls "Americans" what it elsewhere calls "America".
        assert_eq!(country("Americans"), Some(("United States", true)));
        assert_eq!(country("Swiss"), Some(("Switzerland", true)));
        assert_eq!(country("South Korea"), Some(("South Korea", false)));
        assert_eq!(country("Emirati"), Some(("United Arab Emirates", true)));
        assert_eq!(country("Kosovo"), Some(("Kosovo", false)));
        assert!(is_region("Indo-Pacific"));
        assert!(is_city("Tokyo"));
        assert!(is_city("Ho Chi Minh City"));
        // A name as often a person's is left out.
        assert!(!is_city("Washington"));
        assert!(!is_city(
            "# Cities news names alone: national capitals and the largest and most-reported cities, as"
        ));
    }

    #[test]
    fn a_shared_demonym_goes_to_the_more_populous_country() {
        assert_eq!(country("Dutch"), Some(("Netherlands", true)));
        assert_eq!(country("French"), Some(("France", true)));
        assert_eq!(country("Italian"), Some(("Italy", true)));
        assert_eq!(country("Chinese"), Some(("China", true)));
        assert_eq!(country("Congo"), Some(("Congo", false)));
    }

    #[test]
    fn every_country_of_the_data_set_is_found_by_its_news_name() {
        let mut found = 0;
        for c in keshvar::CountryIterator::new() {
            let code = c.alpha2().to_string();
            let name = NEWS_NAMES
                .iter()
                .find(|(a, _)| *a == code)
                .map_or(c.iso_short_name(), |(_, n)| *n);
            if !name.contains(['(', ',']) && !REGIONS.contains(&name) {
                assert_eq!(country(name).map(|c| c.0), Some(name), "{code}");
                found += 1;
            }
        }
        assert!(found >= 240, "{found}");
        // Every name the supplement uses is a country of the data set, or Kosovo.
        for (name, _, _) in NEWS_FORMS {
            assert_eq!(country(name), Some((*name, false)), "{name}");
        }
    }

    #[test]
    fn regions_are_not_countries() {
        for r in REGIONS {
            assert_eq!(country(r), None, "{r}");
        }
    }
}
