"""Danish words for the catalogue's controlled values, and number formats readers expect.

The one table of labels: every enum in schemas/ has its labels here (a test holds the two together),
so a value the schemas allow always has a label, and one they refuse never reaches rendering.
"""

from __future__ import annotations

from katalog.model import Duration, DurationRange

ENTRIES = {"sosu": "SOSU", "pau": "PAU"}
ENTRY_LONG = {
    "sosu": "SOSU (social- og sundhedsuddannelserne)",
    "pau": "PAU (den pædagogiske assistentuddannelse)",
}
TIERS = {
    "basis": "Basis",
    "overbygning": "Overbygning",
    "specialisering": "Specialisering",
    "ajourføring": "Ajourføring",
}
STATUSES = {
    "gældende": "Gældende",
    "anbefalet": "Anbefalet (ny)",
    "udgår": "Foreslås nedlagt",
    "nedlagt": "Nedlagt",
}
# What each status means for a reader who wants to sign up: one explanation, shown as a legend.
STATUS_EXPLAINED = {
    "gældende": "Kan tages i dag: modulet har et AMU-nummer eller udbydes som i dag.",
    "anbefalet": "Forslag fra rapporten (2023), kan ikke tilmeldes endnu.",
    "udgår": "Findes i dag, men rapporten (2023) foreslår, at modulet nedlægges eller afløses.",
    "nedlagt": "Udbydes ikke længere.",
}
TODAY_STATUSES = frozenset({"gældende", "udgår"})
STRUCTURE_KINDS = {"nuværende": "Nuværende struktur", "anbefalet": "Anbefalet struktur"}
GUIDE_PHASES = {
    "baggrund": "Baggrund",
    "før": "Før kurset",
    "under": "Under kurset",
    "efter": "Efter kurset",
    "praktisk": "Praktisk",
}
EXAMPLE_WITHOUT_PLACE = "Eksempel"  # a pathway kind 'eksempel' the catalogue put together, not a real municipality's
INFERRED = "skønnet ud fra rapporten"
PATHWAY_KINDS = {"anbefalet": "Anbefalet forløb", "typisk": "Typisk forløb i dag", "eksempel": "Eksempel fra praksis"}
FIELD_NAMES = {
    "amu_number": "AMU-nummer",
    "duration": "Varighed",
    "tier": "Niveau",
    "entries": "Indgang",
    "approved": "Godkendt",
    "target_group": "Målgruppe",
    "prerequisites": "Forudsætninger",
    "goals": "Mål",
    "fkb": "FKB",
}
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
DURATION_BANDS = (("1-3 dage", 0, 3), ("4-6 dage", 3.5, 6), ("7-12 dage", 6.5, 12), ("over 12 dage", 12.5, 10_000))


def number(value: float) -> str:
    """Format a number the Danish way: 1.374, 2,5."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")


def duration(value: Duration) -> str:
    """Say a duration in words: '11 dage', '10 ECTS', '5 dage og 10 ECTS'."""
    parts = []
    if value.days is not None:
        parts.append(f"{number(value.days)} {'dag' if value.days == 1 else 'dage'}")
    if value.ects is not None:
        parts.append(f"{number(value.ects)} ECTS")
    return " og ".join(parts) if parts else "ikke oplyst"


def duration_range(value: DurationRange) -> str:
    """Say a computed total; a range where a choice or an optional step makes it vary.

    Modules without a stated length are said to be there, never silently counted as nothing.
    """
    text = _known_range(value)
    if value.incomplete and not value.high.is_empty:
        return f"{text} plus moduler uden oplyst længde"
    return text


def _known_range(value: DurationRange) -> str:
    if value.is_fixed:
        return duration(value.low)
    low, high = value.low, value.high
    if low.ects == high.ects and low.days is not None and high.days is not None:
        days = f"{number(low.days)}-{number(high.days)} dage"
        return days + (f" og {number(high.ects)} ECTS" if high.ects else "")
    return f"{duration(low)} til {duration(high)}"


def duration_band(value: Duration) -> str:
    """Group days into the bands the module filter offers."""
    if value.days is None:
        return "ECTS" if value.ects is not None else "ikke oplyst"
    return next(label for label, low, high in DURATION_BANDS if low <= value.days <= high)


def date(value: str | None) -> str:
    """Write an ISO date or month as Danish text: '2022-11' -> 'november 2022'."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{int(parts[2])}. {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


BAND_LABELS = {"ECTS": "Angivet i ECTS", "ikke oplyst": "Ikke oplyst"}


def band_label(band: str) -> str:
    """The filter label of a duration band."""
    return BAND_LABELS.get(band, band)


# The progression map's columns (katalog.views.progression.COLUMNS): what a reader can do with the modules in each.
MAP_COLUMNS = {"tidligere": "Nedlagt", "i-dag": "Kan tages i dag", "forslag": "Forslag fra rapporten (2023)"}
