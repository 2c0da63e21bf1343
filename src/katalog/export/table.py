"""moduler.csv: one row per module, made for Excel with Danish settings.

UTF-8 with a byte order mark (so Excel reads æ, ø and å), semicolons between fields, CRLF line
ends, decimal commas, lists joined with " | " inside one field (titles themselves contain commas). A text that starts like a formula
(=, +, -, @) gets a leading apostrophe, so a spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import Any

from katalog import urls, vocab
from katalog.model import Catalogue, Module

FORMULA_STARTS = ("=", "+", "-", "@")

Column = tuple[str, str, Callable[[Catalogue, Module], Any]]


LIST_SEPARATOR = " | "


def _join(values: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values)


def _names(items: Iterable[Any], attribute: str) -> str:
    return _join(getattr(item, attribute) for item in items)


def _decimal(value: float | None) -> str:
    return "" if value is None else vocab.number(value).replace(".", "")


# (header, what the column holds, value); the downloads page lists the same columns for readers.
COLUMNS: tuple[Column, ...] = (
    ("Id", "modulets id, som også er en del af adressen på sitet", lambda c, m: m.id),
    ("Titel", "den officielle titel", lambda c, m: m.title),
    ("Kort titel", "den korte titel, hvis der er en", lambda c, m: m.short_title),
    ("Uddannelsestype", "fx Arbejdsmarkedsuddannelse (AMU)", lambda c, m: m.course_type.name),
    ("AMU-nummer", "fagnummeret for AMU-moduler", lambda c, m: m.amu_number),
    ("FKB", "numre på fælles kompetencebeskrivelser", lambda c, m: _join(m.fkb)),
    ("Dage", "varighed i dage (decimalkomma)", lambda c, m: _decimal(m.duration.days)),
    ("ECTS", "varighed i ECTS-point (decimalkomma)", lambda c, m: _decimal(m.duration.ects)),
    ("Niveau", "basis, overbygning, specialisering eller ajourføring", lambda c, m: vocab.TIERS.get(m.tier or "")),
    ("Indgang", "SOSU og/eller PAU", lambda c, m: _join(vocab.ENTRIES[e] for e in m.entries)),
    ("Status", "gældende, anbefalet (ny), foreslås nedlagt eller nedlagt", lambda c, m: vocab.STATUSES[m.status]),
    ("Godkendt", "hvornår modulet blev godkendt (ÅÅÅÅ-MM)", lambda c, m: m.approved),
    ("Roller", "de roller, modulet især er for", lambda c, m: _names(m.roles, "title")),
    ("Udbydere", "skoler, som kilderne viser udbyder modulet", lambda c, m: _names(c.providers_of(m), "name")),
    ("Forløb", "katalogets forløb, modulet indgår i", lambda c, m: _names(c.pathways_of(m), "title")),
    ("Erstatter", "id'er på moduler, dette modul erstatter", lambda c, m: _join(m.replaces)),
    ("Erstattes af", "id'er på moduler, der erstatter dette", lambda c, m: _join(m.replaced_by)),
    ("Resumé", "modulet i én sætning", lambda c, m: m.summary),
    ("Side", "adressen på modulets side", lambda c, m: urls.module(m.id).relative("")),
)


def modules_csv(catalogue: Catalogue, site_url: str = "") -> bytes:
    """Return moduler.csv as bytes: BOM, semicolons, CRLF, one row per module."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header for header, _, _ in COLUMNS)
    base = site_url.rstrip("/") + "/" if site_url else ""
    for module in catalogue.modules.values():
        row = [_cell(value(catalogue, module)) for _, _, value in COLUMNS]
        row[-1] = base + row[-1]
        writer.writerow(row)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())  # one line per record keeps the file readable in any tool
    return "'" + text if text.startswith(FORMULA_STARTS) else text
