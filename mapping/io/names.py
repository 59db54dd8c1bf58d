"""Fixed synthetic name and place lists for the demo data set (plain data: no logic, no real people).

Forenames and family names are common ones, combined at random, so no generated full name is
meant to be anyone; place names, streets, schools, venues and groups are invented. Town names
and postcode districts are real areas of Kingston upon Thames and Richmond upon Thames, so the
map looks right; every address within them is made up.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Town(NamedTuple):
    name: str
    borough: str
    latitude: float
    longitude: float
    postcode: str


# Data tables below keep several items per line on purpose (they are lists, not code).
# fmt: off
KINGSTON = "Kingston upon Thames"
RICHMOND = "Richmond upon Thames"

#: Town centres the demo spreads its places around, in the order the scales use them.
TOWNS: Final[tuple[Town, ...]] = (
    Town("Kingston", KINGSTON, 51.4106, -0.3007, "KT1"),
    Town("Twickenham", RICHMOND, 51.4462, -0.3290, "TW1"),
    Town("Surbiton", KINGSTON, 51.3937, -0.3033, "KT6"),
    Town("Richmond", RICHMOND, 51.4613, -0.3037, "TW9"),
    Town("New Malden", KINGSTON, 51.4014, -0.2600, "KT3"),
    Town("Teddington", RICHMOND, 51.4275, -0.3320, "TW11"),
    Town("Norbiton", KINGSTON, 51.4120, -0.2840, "KT2"),
    Town("Whitton", RICHMOND, 51.4490, -0.3440, "TW2"),
    Town("Tolworth", KINGSTON, 51.3800, -0.2820, "KT5"),
    Town("East Sheen", RICHMOND, 51.4630, -0.2660, "SW14"),
    Town("Hook", KINGSTON, 51.3730, -0.3010, "KT9"),
    Town("Ham", RICHMOND, 51.4330, -0.3080, "TW10"),
)

#: Bounding box every demo coordinate stays in: (south, north, west, east).
BOUNDS: Final[tuple[float, float, float, float]] = (51.37, 51.47, -0.35, -0.25)

#: Other local authorities that place children in the area (for `home_authority`).
OTHER_AUTHORITIES: Final[tuple[str, ...]] = (
    "London Borough of Croydon",
    "London Borough of Lambeth",
    "London Borough of Hounslow",
    "London Borough of Southwark",
    "Surrey County Council",
    "Royal Borough of Greenwich",
    "London Borough of Brent",
    "Hampshire County Council",
)

# -- people ------------------------------------------------------------------------------------
# Name pools by heritage: (male forenames, female forenames, family names, languages, religions).


class NamePool(NamedTuple):
    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]
    languages: tuple[str, ...]
    religions: tuple[str, ...]


POOLS: Final[dict[str, NamePool]] = {
    "british": NamePool(
        ("Tyler", "Ethan", "Oliver", "Harry", "Leo", "Alfie", "Theo", "Reggie", "Callum", "Kieran",
         "Finley", "Oscar", "George", "Charlie", "Archie", "Mason", "Riley", "Bailey", "Jack",
         "Connor", "Lewis", "Ryan", "Jordan", "Kayden"),
        ("Amelia", "Olivia", "Isla", "Ava", "Chloe", "Lily", "Ruby", "Grace", "Paige", "Megan",
         "Ellie", "Sophie", "Freya", "Demi", "Kiera", "Skye", "Jade", "Courtney", "Holly", "Tilly",
         "Evie", "Macey"),
        ("Taylor", "Jones", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
         "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Clarke",
         "Hughes", "Edwards", "Turner", "Fletcher", "Hayes", "Pearce", "Barker", "Lowe", "Murphy",
         "Kelly", "Doyle", "Fraser", "Harding", "Pryce", "Ashworth", "Gillespie", "Tanner"),
        ("English",),
        ("Christian", "No religion", "No religion"),
    ),
    "caribbean": NamePool(
        ("Jamal", "Tyrese", "Andre", "Deshawn", "Marcus", "Jermaine", "Kai", "Rashad", "Devon",
         "Tristan", "Jalen", "Nathaniel"),
        ("Keisha", "Shanice", "Tiana", "Nia", "Imani", "Chantelle", "Jasmine", "Tia", "Aaliyah",
         "Alicia", "Renee", "Kezia"),
        ("Campbell", "Francis", "Grant", "Henry", "Lewis", "Morgan", "Reid", "Stewart",
         "Bennett", "Gayle", "Samuels", "McKenzie", "Christie", "Thomas", "Bailey", "Rowe"),
        ("English",),
        ("Christian", "No religion", "Rastafari"),
    ),
    "west_african": NamePool(
        ("Kofi", "Kwame", "Tobi", "Femi", "Chidi", "Emmanuel", "Tayo", "Samuel", "Daniel",
         "Kwabena", "Olu", "Nnamdi"),
        ("Amara", "Ama", "Esi", "Ifeoma", "Adaeze", "Chioma", "Abena", "Precious", "Blessing",
         "Temi", "Funmi", "Zainab"),
        ("Okafor", "Adeyemi", "Mensah", "Owusu", "Boateng", "Asante", "Okoye", "Nwosu",
         "Adebayo", "Oduya", "Appiah", "Eze", "Bello", "Danso", "Ogunleye", "Yeboah"),
        ("English", "Yoruba", "Twi", "Igbo"),
        ("Christian", "Muslim", "Christian"),
    ),
    "south_asian": NamePool(
        ("Arjun", "Rohan", "Dev", "Ayaan", "Aarav", "Vikram", "Nikhil", "Karan", "Harjit",
         "Sahil", "Ravi", "Jasdeep"),
        ("Priya", "Anaya", "Diya", "Simran", "Kavya", "Meera", "Anjali", "Nisha", "Harleen",
         "Riya", "Tara", "Jaspreet"),
        ("Patel", "Shah", "Singh", "Kaur", "Sharma", "Gupta", "Mistry", "Joshi", "Sandhu",
         "Gill", "Mehta", "Parmar", "Dhillon", "Chauhan", "Desai", "Nair"),
        ("English", "Gujarati", "Punjabi", "Tamil", "Hindi"),
        ("Hindu", "Sikh", "No religion"),
    ),
    "pakistani_bangladeshi": NamePool(
        ("Mohammed", "Hamza", "Yusuf", "Ibrahim", "Zayn", "Bilal", "Haris", "Adam", "Imran",
         "Rayyan", "Umar", "Sami"),
        ("Aisha", "Fatima", "Maryam", "Sana", "Hiba", "Layla", "Noor", "Safiya", "Yasmin",
         "Amira", "Hafsa", "Mariam"),
        ("Khan", "Ahmed", "Hussain", "Ali", "Begum", "Rahman", "Chowdhury", "Iqbal", "Malik",
         "Akhtar", "Butt", "Mahmood", "Siddiqui", "Uddin", "Islam", "Qureshi"),
        ("English", "Urdu", "Bengali", "Punjabi"),
        ("Muslim",),
    ),
    "european": NamePool(
        ("Mateusz", "Jakub", "Tomasz", "Cristian", "Ionut", "Luca", "Mateo", "Luis", "Andrei",
         "Filip", "Marco", "Diogo"),
        ("Maja", "Zuzanna", "Natalia", "Elena", "Bianca", "Daria", "Ana", "Sofia", "Ewa",
         "Ioana", "Giulia", "Beatriz"),
        ("Nowak", "Kowalski", "Wisniewski", "Popescu", "Ionescu", "Rossi", "Silva", "Santos",
         "Costa", "Dabrowski", "Marin", "Ferreira", "Lewandowski", "Stan", "Russo", "Pereira"),
        ("English", "Polish", "Romanian", "Portuguese", "Italian"),
        ("Christian", "No religion"),
    ),
    "east_asian": NamePool(
        ("Jun", "Minh", "Min-jun", "Hao", "Jin", "Ji-ho", "Wei", "Duc"),
        ("Mei", "Linh", "Seo-yeon", "Ji-woo", "Hana", "Xin", "Thu", "Yuna"),
        ("Nguyen", "Tran", "Chen", "Wong", "Lee", "Kim", "Park", "Choi", "Pham", "Zhang"),
        ("English", "Korean", "Vietnamese", "Cantonese"),
        ("No religion", "Christian", "Buddhist"),
    ),
    "middle_eastern": NamePool(
        ("Amir", "Reza", "Omar", "Ali", "Karim", "Yousef", "Dara", "Emre", "Can", "Hassan"),
        ("Leila", "Shirin", "Zahra", "Yara", "Elif", "Nour", "Dilan", "Rana", "Maya", "Sara"),
        ("Ahmadi", "Hosseini", "Mohammadi", "Yilmaz", "Demir", "Kaya", "Hassan", "Haddad",
         "Karimi", "Aziz", "Rostami", "Celik"),
        ("English", "Farsi", "Arabic", "Turkish", "Kurdish", "Dari"),
        ("Muslim", "No religion"),
    ),
}

#: Synthetic ethnicity distribution: (value, weight, name pools it draws from).
ETHNICITIES: Final[tuple[tuple[str, int, tuple[str, ...]], ...]] = (
    ("White British", 36, ("british",)),
    ("White Other", 9, ("european",)),
    ("Black Caribbean", 9, ("caribbean",)),
    ("Black African", 10, ("west_african",)),
    ("Asian Indian", 6, ("south_asian",)),
    ("Asian Pakistani", 5, ("pakistani_bangladeshi",)),
    ("Asian Bangladeshi", 2, ("pakistani_bangladeshi",)),
    ("Asian Other", 4, ("east_asian",)),
    ("Mixed", 11, ("british", "caribbean", "west_african")),
    ("Any other", 5, ("middle_eastern", "east_asian")),
    ("Not known", 3, ("british", "european", "west_african")),
)

#: Street names and nicknames children and adults are known by.
STREET_ALIASES: Final[tuple[str, ...]] = (
    "Lil T", "Smokey", "Blade", "Ghost", "Trigga", "Skinny", "Junior", "Bugsy", "Shorty",
    "Nines", "Rocco", "Jinx", "Frosty", "Dizzy", "Spider", "Biggs", "Ace", "Kiki", "Bambi",
    "Red", "Tiny", "Scrappy", "Midnight", "Sparks",
)

#: Synthetic professionals who report links (role and a made-up collar or staff number).
REPORTERS: Final[dict[str, tuple[str, ...]]] = {
    "Police": ("PC 4417", "PC 2291", "DC 6120", "PS 1183", "PCSO 7702", "DS 3058"),
    "Children's Social Care": ("SW team A", "SW team B", "Exploitation lead", "Return-home worker"),
    "Education": ("DSL", "Head of year", "Attendance officer", "PRU DSL"),
    "Health": ("School nurse", "Sexual health nurse", "A&E liaison", "CAMHS clinician"),
    "Youth Offending Service": ("YOS case manager", "YOS police officer"),
    "Housing": ("Housing officer", "ASB officer"),
    "Voluntary sector": ("Youth worker", "Detached youth worker", "Mentor"),
    "Licensing": ("Licensing officer",),
}

# -- places ------------------------------------------------------------------------------------

STREETS: Final[tuple[str, ...]] = (
    "Alder Lane", "Barrow Street", "Cedar Parade", "Copper Row", "Dovecote Road",
    "Elmstead Avenue", "Fernhill Road", "Gatley Street", "Hazel Parade", "Heron Walk",
    "Kestrel Road", "Larkspur Way", "Mallard Close", "Marlowe Street", "Nettlecombe Road",
    "Oakridge Avenue", "Orchard Parade", "Pennyfield Road", "Quarry Lane", "Rookery Way",
    "Saffron Street", "Sandpiper Road", "Tamsin Close", "Thornbury Parade", "Upland Road",
    "Vicarage Row", "Wharfside Street", "Willowmere Road", "Wrenfield Close", "Yewtree Lane",
    "Brambling Road", "Caxton Row", "Dunmore Street", "Farrier Lane", "Glebe Parade",
    "Hollins Road", "Linnet Way", "Merrow Street", "Osprey Close", "Tollgate Road",
)

BUILDINGS: Final[tuple[str, ...]] = (
    "Kestrel House", "Heron Court", "Alder House", "Marlowe Court", "Falcon Tower",
    "Linnet House", "Ferry Court", "Wharf House", "Tanners Court", "Osprey House",
)

FAST_FOOD: Final[tuple[str, ...]] = (
    "Golden Wing Chicken", "Cluckers", "Chick'n'Go", "Hot Wings Express", "Peri Flame",
    "Burger Yard", "Kebab Corner", "Pizza Dock", "Chick Stop", "Fry Republic",
    "Mr Crispy", "Big Bite Burgers", "Smokehouse Grill", "Night Owl Kebabs",
)
SHOPS: Final[tuple[str, ...]] = (
    "Express Mini Market", "Vape Zone", "Mobile Fix", "Corner Convenience", "Late Stop Off Licence",
    "Phone Hub", "Sweet Treats", "Discount Booze & Food",
)
LICENSED: Final[tuple[str, ...]] = (
    "The Ferryman's Arms", "The Lamplighter", "The Copper Kettle", "The Old Oak",
    "The Bargeman", "Club Neon",
)
HOTELS: Final[tuple[str, ...]] = (
    "Riverside Lodge", "Kingsgate Inn", "Budget Stay", "Crown Guest House", "Meadow B&B",
    "Station Hotel", "Thameside Rooms",
)
PARKS: Final[tuple[str, ...]] = (
    "Recreation Ground", "Fields", "Common", "Meadows", "Skate Park", "Playing Fields",
    "Gardens", "Riverside Walk",
)
PARK_PREFIXES: Final[tuple[str, ...]] = (
    "Larkfield", "Hollins", "Ashgrove", "Brookmead", "Fernside", "Kingfisher", "Orchard",
    "Willow", "Ferry", "Elmbridge Lane",
)
SCHOOL_PREFIXES: Final[tuple[str, ...]] = (
    "Riverbrook", "Fernbrook", "Larkmead", "Willowmere", "Kestrel Park", "Brightwater",
    "St Aldwyn's", "Oakhurst", "Heronsgate", "Tollbridge", "Mereside", "St Cuthwin's",
)
SCHOOL_KINDS: Final[tuple[str, ...]] = (
    "Academy", "High School", "School", "College", "Pupil Referral Unit",
)
TRANSPORT: Final[tuple[str, ...]] = ("Station", "Bus Station", "Interchange", "Bus Stop")
ONLINE_SPACES: Final[tuple[str, ...]] = (
    "Group chat 'link up'", "Gaming server 'night shift'", "Photo app story group",
    "Video channel 'drill clips'", "Encrypted channel 'menu'",
)

# -- groups and organisations ------------------------------------------------------------------

STREET_GANGS: Final[tuple[str, ...]] = (
    "Heron Estate Youngers", "Larkspur Mandem", "Copper Row Crew", "Block Nine", "Tidemark Boys",
    "Wharfside Youngers", "Eastfield Crew", "Southbank Tinies", "Orchard Estate Gang",
    "Quarry Lane Crew", "Rookery Boys", "Linnet Way Youngers",
)
COUNTY_LINES: Final[tuple[str, ...]] = (
    "'Smokey' line", "'Echo' line", "'Blue' line", "'Tony' line", "'Razor' line", "'Kash' line",
)
LINE_DESTINATIONS: Final[tuple[str, ...]] = (
    "Portsmouth", "Bournemouth", "Guildford", "Reading", "Brighton", "Basingstoke",
    "Crawley", "Southampton",
)
OCGS: Final[tuple[str, ...]] = ("Marsh Street network", "Vale Road firm", "Northgate network")
PROTECTIVE_ORGS: Final[tuple[str, ...]] = (
    "Riverside Boxing Club", "Thameside Youth Hub", "Lantern Mentoring", "Southside Football Club",
    "Open Doors Music Project", "Kingfisher Sea Cadets",
)
# fmt: on
