"""The kinds of content file, where they live and which schema governs them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of content: a folder of one-record files, or one file holding a list."""

    name: str
    schema: str
    location: str
    label: str
    one_per_file: bool = True

    def path_of(self, record_id: str) -> str:
        """Return the content-relative path a record with this id lives in."""
        return f"{self.location}/{record_id}.yaml" if self.one_per_file else self.location


MODULE = Kind("module", "module.schema.json", "modules", "modul")
PATHWAY = Kind("pathway", "pathway.schema.json", "pathways", "forløb")
COURSE_TYPE = Kind("course_type", "course-type.schema.json", "course-types", "uddannelsestype")
ROLE = Kind("role", "role.schema.json", "roles", "rolle")
STRUCTURE = Kind("structure", "structure.schema.json", "structure", "struktur")
PROVIDER = Kind("provider", "provider.schema.json", "providers", "udbyder")
GLOSSARY = Kind("glossary", "glossary.schema.json", "glossary.yaml", "ordliste", one_per_file=False)
SOURCES = Kind("sources", "sources.schema.json", "sources.yaml", "kildeliste", one_per_file=False)
GUIDE = Kind("guide", "guide.schema.json", "guides", "guide")

KINDS = (MODULE, PATHWAY, COURSE_TYPE, ROLE, STRUCTURE, PROVIDER, GLOSSARY, SOURCES, GUIDE)
