//! The word lists that briefs, annotations and corrections are drawn from.

use crate::annotation::Color;

/// Highlight colours as readers use them: mostly the default.
pub(super) const COLORS: &[Color] = &[
    Color::Yellow,
    Color::Yellow,
    Color::Yellow,
    Color::Green,
    Color::Green,
    Color::Blue,
    Color::Red,
    Color::Purple,
];

pub(super) const TAGS: &[&str] = &[
    "chips",
    "export-controls",
    "follow-up",
    "rates",
    "china",
    "earnings",
    "check",
    "sources",
    "timeline",
];

/// Words a correction puts in place of others.
pub(super) const CORRECTIONS: &[&str] = &[
    "revised",
    "preliminary",
    "reported",
    "expected",
    "disputed",
    "official",
    "estimated",
    "planned",
    "partial",
    "initial",
];

pub(super) const NAMES: &[&str] = &[
    "Micron",
    "Samsung",
    "Reuters",
    "Alibaba",
    "Siemens",
    "Maria Lopez",
    "John Carter",
    "Li Wei",
    "Anna Schmidt",
    "Ravi Patel",
    "the European Commission",
    "the central bank",
    "the finance ministry",
    "the regulator",
    "the union",
    "the White House",
    "Beijing",
    "Washington",
    "the chief executive",
    "a government spokesman",
    "analysts",
    "investors",
    "lawmakers",
    "officials",
];

pub(super) const PLACES: &[&str] = &[
    "Asia",
    "Europe",
    "China",
    "Japan",
    "the Netherlands",
    "Germany",
    "Brazil",
    "India",
    "Texas",
    "London",
    "Singapore",
    "Seoul",
    "Taipei",
    "Brussels",
    "the United States",
    "the region",
];

pub(super) const VERBS: &[&str] = &[
    "said",
    "announced",
    "warned",
    "confirmed",
    "denied",
    "launched",
    "expanded",
    "reviewed",
    "rejected",
    "approved",
    "delayed",
    "proposed",
    "signalled",
    "disclosed",
    "cut",
    "raised",
    "imposed",
    "eased",
    "defended",
    "questioned",
];

pub(super) const ADJECTIVES: &[&str] = &[
    "new",
    "broader",
    "sweeping",
    "modest",
    "sharp",
    "unexpected",
    "long-awaited",
    "temporary",
    "strategic",
    "key",
    "foreign",
    "domestic",
    "advanced",
    "fragile",
    "record",
    "quarterly",
];

pub(super) const NOUNS: &[&str] = &[
    "probe",
    "restrictions",
    "export controls",
    "supply chains",
    "memory chips",
    "tariffs",
    "earnings",
    "forecast",
    "investment",
    "talks",
    "security review",
    "licence",
    "subsidies",
    "factory",
    "shares",
    "revenue",
    "guidance",
    "sanctions",
    "merger",
    "inflation",
    "interest rates",
    "technology",
    "equipment",
    "market",
];

pub(super) const WHEN: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "over the weekend",
    "last week",
    "earlier this month",
];

pub(super) const CONNECTORS: &[&str] =
    &["while", "and", "as", "after", "although", "because", "but"];

pub(super) const PREPOSITIONS: &[&str] = &["in", "across", "from", "near", "outside"];

pub(super) const NAMES_UNICODE: &[&str] = &[
    "José Núñez",
    "Jürgen Müller",
    "François Dubois",
    "李伟",
    "田中さん",
    "Zoë Brontë",
    "the Bundesministerium für Wirtschaft",
];

pub(super) const PLACES_UNICODE: &[&str] = &[
    "Zürich",
    "São Paulo",
    "Kraków",
    "東京",
    "北京",
    "München",
    "Besançon",
    "서울",
];

pub(super) const NOUNS_UNICODE: &[&str] = &[
    "半導体",
    "café talks",
    "résumé checks",
    "naïve forecasts",
    "Übergangsregeln",
    "東京の半導体工場で生産された記憶装置",
    "mood 🙂",
    "données",
];
