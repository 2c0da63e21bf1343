"""schema.org JSON-LD for module pages (Course) and pathway pages (EducationalOccupationalProgram).

Search engines read these from a ``<script type="application/ld+json">`` element. The JSON is
written so no YAML text can end that element early: <, > and & become \\u escapes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from katalog import urls, vocab
from katalog.model import Duration, Module, Pathway, Provider

CONTEXT = "https://schema.org"


def course(module: Module, providers: Iterable[Provider] = ()) -> dict[str, Any]:
    """Describe a module as a schema.org Course."""
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Course",
        "name": module.title,
        "description": module.summary,
        "identifier": module.id,
        "inLanguage": "da",
    }
    optional = {
        "alternateName": module.short_title if module.short_title != module.title else None,
        "courseCode": str(module.amu_number) if module.amu_number else None,
        "educationalLevel": vocab.TIERS.get(module.tier or ""),
        "timeRequired": iso_days(module.duration),
        "numberOfCredits": _credits(module.duration),
        "teaches": list(module.goals) or None,
        "coursePrerequisites": module.prerequisites,
        "audience": {"@type": "Audience", "audienceType": module.target_group} if module.target_group else None,
        "provider": [_organisation(p) for p in providers] or None,
    }
    return data | {key: value for key, value in optional.items() if value is not None}


def program(pathway: Pathway, base: str = "../../") -> dict[str, Any]:
    """Describe a pathway as a schema.org EducationalOccupationalProgram; module links relative to base."""
    total = pathway.total
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "EducationalOccupationalProgram",
        "name": pathway.title,
        "description": pathway.summary,
        "identifier": pathway.id,
        "inLanguage": "da",
        "audience": {"@type": "Audience", "audienceType": pathway.role.title},
        "hasCourse": [_course_ref(m, base) for m in pathway.modules],
    }
    if total.is_fixed and iso_days(total.low):
        data["timeToComplete"] = iso_days(total.low)
    if total.is_fixed and _credits(total.low):
        data["numberOfCredits"] = _credits(total.low)
    return data


def script(data: dict[str, Any]) -> Markup:
    """Wrap JSON-LD in a script element that no value inside can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def course_script(module: Module, providers: Iterable[Provider] = ()) -> Markup:
    """Return the Course JSON-LD element for a module page."""
    return script(course(module, providers))


def program_script(pathway: Pathway) -> Markup:
    """Return the EducationalOccupationalProgram JSON-LD element for a pathway page."""
    return script(program(pathway))


def iso_days(duration: Duration) -> str | None:
    """Write days as an ISO 8601 duration ('P11D'); None when the length is not in days."""
    if not duration.days:
        return None
    days = duration.days
    return f"P{int(days)}D" if float(days).is_integer() else f"P{days}D"


def _credits(duration: Duration) -> dict[str, Any] | None:
    if not duration.ects:
        return None
    return {"@type": "StructuredValue", "value": duration.ects, "unitText": "ECTS"}


def _organisation(provider: Provider) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "EducationalOrganization", "name": provider.name}
    if provider.place:
        data["address"] = {"@type": "PostalAddress", "addressLocality": provider.place, "addressCountry": "DK"}
    return data


def _course_ref(module: Module, base: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Course", "name": module.title, "url": urls.module(module.id).relative(base)}
    if module.amu_number:
        data["courseCode"] = str(module.amu_number)
    return data
