"""Own words: find prose in the content that follows the source reports too closely.

Facts carry over from the reports, sentences do not. A text is judged by the words it shares with the
reports in the same order: a long run of copied words, or a text made mostly of three-word sequences that
also stand in a report, is a paraphrase that kept the original's sentence. Names and titles are facts: fields
that hold them are not checked, and inside prose, text in quotation marks and every name the content itself
gives (titles, glossary terms and synonyms) are cut out before the words are compared.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from katalog.load import ContentTree, Document, FieldPath
from katalog.problems import Problem

SHINGLE = 3  # words per sequence; short enough that a swapped word here and there does not hide a copy
MAX_SHARE = 0.6  # above this share of words in shared sequences, the text is the report's sentence reworded
MAX_RUN = 8  # this many words in a row, unchanged, is a quotation without quotation marks
MIN_WORDS = 8  # shorter texts are mostly names and set phrases
# Fields that hold names, titles and table labels (facts); their values are also the names cut out of prose.
NAME_FIELDS = frozenset(
    {"title", "short_title", "name", "term", "synonyms", "abbreviations", "label", "organisation", "commissioned_by"}
)
NOT_PROSE = NAME_FIELDS | {"id", "see_also", "sources"}

_TOKEN = re.compile(r"[0-9a-zæøåéü]+|\|")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|»[^«]*«|„[^“]*“')
_CUT = " | "  # stands where a quotation or name was cut out; no sequence runs across it

Place = tuple[str, int]  # a source file's name and a 1-based line
# Where the source reports are: a setting, because they live beside the project, not in it.
SOURCES_SETTING = "KATALOG_SOURCES"
DEFAULT_SOURCES = Path("../shared/seeds")


def sources_dir(environ: Mapping[str, str] = os.environ, base: Path = Path()) -> Path:
    """Return the folder of source reports: $KATALOG_SOURCES, else ../shared/seeds, relative to base."""
    return base / (environ.get(SOURCES_SETTING, "").strip() or DEFAULT_SOURCES)


@dataclass(frozen=True, slots=True)
class SourceIndex:
    """Every three-word sequence of the source reports with the places it stands, and every longer run."""

    places: dict[tuple[str, ...], tuple[Place, ...]]
    runs: frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Overlap:
    """How much of one text the sources already hold, and where most of it comes from."""

    words: int
    share: float
    longest_run: int
    place: Place | None

    @property
    def too_close(self) -> bool:
        return self.words >= MIN_WORDS and (self.share > MAX_SHARE or self.longest_run >= MAX_RUN)


@dataclass(frozen=True, slots=True)
class Names:
    """The names the content gives, as one pattern; cut out of prose before it is compared."""

    pattern: re.Pattern[str] | None = None

    def cut(self, text: str) -> str:
        return self.pattern.sub(_CUT, text) if self.pattern else text


def names_from(values: Iterable[str]) -> Names:
    """Make the name pattern from names of two words or more; longest first, so the whole name is cut."""
    names = sorted({value.strip() for value in values if len(value.split()) > 1}, key=len, reverse=True)
    if not names:
        return Names()
    alternatives = "|".join(re.escape(name) for name in names)
    return Names(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE))


def words_of(text: str, names: Names = Names()) -> list[str | None]:
    """Return the lower-cased words of a text; None stands where a quotation or a name was cut out."""
    tokens = _TOKEN.findall(names.cut(_QUOTED.sub(_CUT, text)).lower())
    return [None if token == "|" else token for token in tokens]


def index_sources(texts: Iterable[tuple[str, str]]) -> SourceIndex:
    """Index (name, text) pairs of source reports."""
    places: dict[tuple[str, ...], list[Place]] = {}
    runs: set[tuple[str, ...]] = set()
    for name, text in texts:
        numbered = _numbered_words(text)
        words = [word for _, word in numbered]
        for start, (line_number, _) in enumerate(numbered[: len(numbered) - SHINGLE + 1]):
            places.setdefault(tuple(words[start : start + SHINGLE]), []).append((name, line_number))
        runs.update(tuple(words[start : start + MAX_RUN]) for start in range(len(words) - MAX_RUN + 1))
    return SourceIndex({sequence: tuple(found) for sequence, found in places.items()}, frozenset(runs))


def read_sources(folder: Path) -> SourceIndex:
    """Index every ``*.txt`` report in a folder."""
    return index_sources((path.name, path.read_text("utf-8")) for path in sorted(folder.glob("*.txt")))


def _numbered_words(text: str) -> list[tuple[int, str]]:
    # Sequences run across line breaks: the extracts break lines in mid-sentence.
    lines = enumerate(text.splitlines(), 1)
    return [(number, word) for number, line in lines for word in _TOKEN.findall(line.lower()) if word != "|"]


def measure(text: str, index: SourceIndex, names: Names = Names()) -> Overlap:
    """Measure how much of a text stands, word for word and in order, in the sources."""
    words = words_of(text, names)
    copied = [False] * len(words)
    passages: Counter[tuple[str, int]] = Counter()
    first_line: dict[tuple[str, int], int] = {}
    for start in range(len(words) - SHINGLE + 1):
        places = index.places.get(_sequence(words, start, SHINGLE), ())
        if places:
            copied[start : start + SHINGLE] = [True] * SHINGLE
        # A passage is a twenty-line stretch of one report; the one most sequences come from is the original.
        for name, line in places:
            passage = (name, line // 20)
            first_line[passage] = min(line, first_line.get(passage, line))
        passages.update({(name, line // 20) for name, line in places})
    counted = sum(word is not None for word in words)
    share = sum(copied) / counted if counted else 0.0
    place = None
    if passages:
        best = passages.most_common(1)[0][0]
        place = (best[0], first_line[best])
    return Overlap(counted, share, _longest_run(words, index), place)


def _sequence(words: list[str | None], start: int, length: int) -> tuple[str, ...]:
    found = words[start : start + length]
    return () if None in found else tuple(word for word in found if word is not None)


def _longest_run(words: list[str | None], index: SourceIndex) -> int:
    best = run = 0
    for start in range(len(words) - MAX_RUN + 1):
        run = run + 1 if _sequence(words, start, MAX_RUN) in index.runs else 0
        best = max(best, run + MAX_RUN - 1 if run else 0)
    return best


def wording_problems(tree: ContentTree, index: SourceIndex) -> list[Problem]:
    """Return a problem for every prose text in the content that follows the sources too closely."""
    documents = [document for kind in tree.documents.values() for document in kind]
    names = names_from(name for document in documents for name in name_values(document.data))
    problems = [problem for document in documents for problem in _document_problems(document, index, names)]
    return sorted(problems)


def _document_problems(document: Document, index: SourceIndex, names: Names) -> Iterator[Problem]:
    for field, text in prose_fields(document.data):
        overlap = measure(text, index, names)
        if overlap.too_close:
            yield document.problem(field, _message(overlap))


def prose_fields(data: Any) -> Iterator[tuple[FieldPath, str]]:
    """Yield every text an editor writes in own words, with its field path."""
    for field, text in _texts(data):
        if not any(part in NOT_PROSE for part in field if isinstance(part, str)):
            yield field, text


def name_values(data: Any) -> Iterator[str]:
    """Yield every name and title the content gives: texts whose nearest field name is a name field."""
    for field, text in _texts(data):
        if next((part for part in reversed(field) if isinstance(part, str)), None) in NAME_FIELDS:
            yield text


def _texts(data: Any, field: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield field, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*field, key))
    elif isinstance(data, list):
        for position, value in enumerate(data):
            yield from _texts(value, (*field, position))


def _message(overlap: Overlap) -> str:
    where = f" (mest fra {overlap.place[0]} linje {overlap.place[1]})" if overlap.place else ""
    if overlap.longest_run >= MAX_RUN:
        found = f"{overlap.longest_run} ord i træk står ordret i kilden{where}"
    else:
        found = f"{round(overlap.share * 100)} % af ordene følger kildens ordlyd{where}"
    return (
        f"teksten ligger for tæt på kilden: {found}. Skriv den med egne ord, eller sæt navne og titler i "
        '"anførselstegn"'
    )
