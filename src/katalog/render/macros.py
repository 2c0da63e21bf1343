"""What hand-written pages in docs/ can reach through mkdocs-macros, under Danish names.

Editors write Danish, so `{{ katalog.moduler | length }}` reads like the site it builds;
the English model stays the single source and this is only a view of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from katalog.model import (
    Catalogue,
    CourseType,
    GlossaryTerm,
    Module,
    Pathway,
    Provider,
    Role,
    SourceDocument,
    Structure,
)


@dataclass(frozen=True, slots=True)
class EditorView:
    """The catalogue's records as lists, named as on the site."""

    moduler: tuple[Module, ...]
    forloeb: tuple[Pathway, ...]
    roller: tuple[Role, ...]
    uddannelsestyper: tuple[CourseType, ...]
    strukturer: tuple[Structure, ...]
    udbydere: tuple[Provider, ...]
    ordliste: tuple[GlossaryTerm, ...]
    kilder: tuple[SourceDocument, ...]

    def __repr__(self) -> str:
        # mkdocs-macros writes every variable to its debug log with str() on each build, logging on or not;
        # the dataclass repr of the whole catalogue took seconds at 1,000 modules.
        return f"EditorView({len(self.moduler)} moduler)"


def editor_view(catalogue: Catalogue) -> EditorView:
    """Return the Danish-named view that docs/ pages see as `katalog`."""
    return EditorView(
        moduler=tuple(catalogue.modules.values()),
        forloeb=tuple(catalogue.pathways.values()),
        roller=tuple(catalogue.roles.values()),
        uddannelsestyper=tuple(catalogue.course_types.values()),
        strukturer=tuple(catalogue.structures.values()),
        udbydere=tuple(catalogue.providers.values()),
        ordliste=catalogue.glossary,
        kilder=tuple(catalogue.documents.values()),
    )
