//! Countries and their demonyms, and the continents and regions news names, for guessing an
//! actor's kind.
//!
//! Kept here rather than taken from a crate: the draft needs the short forms news writes
//! ("US", "UK", "South Korea") and the demonyms ("Russian", "Ukrainian") beside the names, which
//! the ISO 3166 crates do not carry, and crates.io could not be searched from where this was
//! written. Two hundred lines of data, checked by the tests below.

/// Country name as news writes it, its demonym, and other spellings.
pub const COUNTRIES: &[(&str, &str, &[&str])] = &[
    ("Afghanistan", "Afghan", &[]),
    ("Albania", "Albanian", &[]),
    ("Algeria", "Algerian", &[]),
    ("Andorra", "Andorran", &[]),
    ("Angola", "Angolan", &[]),
    ("Argentina", "Argentine", &["Argentinian"]),
    ("Armenia", "Armenian", &[]),
    ("Australia", "Australian", &[]),
    ("Austria", "Austrian", &[]),
    ("Azerbaijan", "Azerbaijani", &[]),
    ("Bahrain", "Bahraini", &[]),
    ("Bangladesh", "Bangladeshi", &[]),
    ("Belarus", "Belarusian", &[]),
    ("Belgium", "Belgian", &[]),
    ("Bolivia", "Bolivian", &[]),
    ("Bosnia and Herzegovina", "Bosnian", &["Bosnia"]),
    ("Brazil", "Brazilian", &[]),
    ("Bulgaria", "Bulgarian", &[]),
    ("Cambodia", "Cambodian", &[]),
    ("Cameroon", "Cameroonian", &[]),
    ("Canada", "Canadian", &[]),
    ("Chile", "Chilean", &[]),
    ("China", "Chinese", &[]),
    ("Colombia", "Colombian", &[]),
    ("Croatia", "Croatian", &[]),
    ("Cuba", "Cuban", &[]),
    ("Cyprus", "Cypriot", &[]),
    ("Czech Republic", "Czech", &["Czechia"]),
    ("Denmark", "Danish", &[]),
    ("Ecuador", "Ecuadorian", &[]),
    ("Egypt", "Egyptian", &[]),
    ("Estonia", "Estonian", &[]),
    ("Ethiopia", "Ethiopian", &[]),
    ("Finland", "Finnish", &[]),
    ("France", "French", &[]),
    ("Georgia", "Georgian", &[]),
    ("Germany", "German", &[]),
    ("Ghana", "Ghanaian", &[]),
    ("Greece", "Greek", &[]),
    ("Hungary", "Hungarian", &[]),
    ("Iceland", "Icelandic", &[]),
    ("India", "Indian", &[]),
    ("Indonesia", "Indonesian", &[]),
    ("Iran", "Iranian", &[]),
    ("Iraq", "Iraqi", &[]),
    ("Ireland", "Irish", &[]),
    ("Israel", "Israeli", &[]),
    ("Italy", "Italian", &[]),
    ("Japan", "Japanese", &[]),
    ("Jordan", "Jordanian", &[]),
    ("Kazakhstan", "Kazakh", &[]),
    ("Kenya", "Kenyan", &[]),
    ("Kosovo", "Kosovar", &[]),
    ("Kuwait", "Kuwaiti", &[]),
    ("Latvia", "Latvian", &[]),
    ("Lebanon", "Lebanese", &[]),
    ("Libya", "Libyan", &[]),
    ("Lithuania", "Lithuanian", &[]),
    ("Luxembourg", "Luxembourgish", &[]),
    ("Malaysia", "Malaysian", &[]),
    ("Mali", "Malian", &[]),
    ("Malta", "Maltese", &[]),
    ("Mexico", "Mexican", &[]),
    ("Moldova", "Moldovan", &[]),
    ("Mongolia", "Mongolian", &[]),
    ("Montenegro", "Montenegrin", &[]),
    ("Morocco", "Moroccan", &[]),
    ("Myanmar", "Burmese", &["Burma"]),
    ("Nepal", "Nepali", &[]),
    ("Netherlands", "Dutch", &["Holland"]),
    ("New Zealand", "New Zealander", &[]),
    ("Niger", "Nigerien", &[]),
    ("Nigeria", "Nigerian", &[]),
    ("North Korea", "North Korean", &[]),
    ("North Macedonia", "Macedonian", &[]),
    ("Norway", "Norwegian", &[]),
    ("Oman", "Omani", &[]),
    ("Pakistan", "Pakistani", &[]),
    ("Palestine", "Palestinian", &[]),
    ("Panama", "Panamanian", &[]),
    ("Peru", "Peruvian", &[]),
    ("Philippines", "Filipino", &[]),
    ("Poland", "Polish", &[]),
    ("Portugal", "Portuguese", &[]),
    ("Qatar", "Qatari", &[]),
    ("Romania", "Romanian", &[]),
    ("Russia", "Russian", &["Russian Federation"]),
    ("Rwanda", "Rwandan", &[]),
    ("Saudi Arabia", "Saudi", &[]),
    ("Senegal", "Senegalese", &[]),
    ("Serbia", "Serbian", &[]),
    ("Singapore", "Singaporean", &[]),
    ("Slovakia", "Slovak", &[]),
    ("Slovenia", "Slovenian", &[]),
    ("Somalia", "Somali", &[]),
    ("South Africa", "South African", &[]),
    ("South Korea", "South Korean", &["Republic of Korea"]),
    ("South Sudan", "South Sudanese", &[]),
    ("Spain", "Spanish", &[]),
    ("Sri Lanka", "Sri Lankan", &[]),
    ("Sudan", "Sudanese", &[]),
    ("Sweden", "Swedish", &[]),
    ("Switzerland", "Swiss", &[]),
    ("Syria", "Syrian", &[]),
    ("Taiwan", "Taiwanese", &[]),
    ("Tajikistan", "Tajik", &[]),
    ("Tanzania", "Tanzanian", &[]),
    ("Thailand", "Thai", &[]),
    ("Tunisia", "Tunisian", &[]),
    ("Turkey", "Turkish", &["Türkiye"]),
    ("Turkmenistan", "Turkmen", &[]),
    ("Uganda", "Ugandan", &[]),
    ("Ukraine", "Ukrainian", &[]),
    ("United Arab Emirates", "Emirati", &["UAE"]),
    (
        "United Kingdom",
        "British",
        &["UK", "Britain", "Great Britain"],
    ),
    (
        "United States",
        "American",
        &["US", "USA", "U.S.", "America"],
    ),
    ("Uruguay", "Uruguayan", &[]),
    ("Uzbekistan", "Uzbek", &[]),
    ("Venezuela", "Venezuelan", &[]),
    ("Vietnam", "Vietnamese", &[]),
    ("Yemen", "Yemeni", &[]),
    ("Zambia", "Zambian", &[]),
    ("Zimbabwe", "Zimbabwean", &[]),
];

/// Continents and regions: places, not countries.
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
];

/// The country a spelling names, as its name in [`COUNTRIES`], and whether the spelling is its
/// demonym.
#[must_use]
pub fn country(spelling: &str) -> Option<(&'static str, bool)> {
    COUNTRIES.iter().find_map(|&(name, demonym, others)| {
        if spelling == name || others.contains(&spelling) {
            Some((name, false))
        } else if spelling == demonym || spelling.strip_suffix('s') == Some(demonym) {
            // The people of a country, in the plural: "Americans", "Ukrainians".
            Some((name, true))
        } else {
            None
        }
    })
}

#[must_use]
pub fn is_region(spelling: &str) -> bool {
    REGIONS.contains(&spelling)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_short_forms_and_demonyms_find_their_country() {
        assert_eq!(country("US"), Some(("United States", false)));
        assert_eq!(country("Russian"), Some(("Russia", true)));
        assert_eq!(country("Tokyo"), None);
        // A speech calls "Americans" what it elsewhere calls "America".
        assert_eq!(country("Americans"), Some(("United States", true)));
        assert_eq!(country("Swiss"), Some(("Switzerland", true)));
        assert!(is_region("Indo-Pacific"));
    }

    #[test]
    fn no_spelling_is_listed_twice() {
        let mut all: Vec<&str> = COUNTRIES
            .iter()
            .flat_map(|(n, d, o)| [*n, *d].into_iter().chain(o.iter().copied()))
            .chain(REGIONS.iter().copied())
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
