"""Machine-readable copies of the catalogue: katalog.json with its schema, moduler.csv, JSON-LD."""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from katalog.export.records import EXPORT_VERSION, catalogue_record, data_date
from katalog.export.table import COLUMNS, modules_csv
from katalog.model import Catalogue

JSON_FILE = "katalog.json"
SCHEMA_FILE = "katalog.schema.json"
CSV_FILE = "moduler.csv"

__all__ = [
    "COLUMNS",
    "CSV_FILE",
    "EXPORT_VERSION",
    "JSON_FILE",
    "SCHEMA_FILE",
    "catalogue_json",
    "data_date",
    "export_files",
    "modules_csv",
    "write_files",
]


def catalogue_json(catalogue: Catalogue, site_url: str = "") -> bytes:
    """Return katalog.json: every record, references resolved, readable and stable for diffs."""
    # Written piece by piece into the bytes rather than made as one string first: at 5,000 modules the string and
    # its copies were the top of a build's memory.
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
    json.dump(catalogue_record(catalogue, site_url), text, ensure_ascii=False, indent=2)
    text.write("\n")
    text.flush()
    text.detach()  # the bytes stay open for getvalue
    return buffer.getvalue()


def export_files(catalogue: Catalogue, schema_dir: Path, site_url: str = "") -> dict[str, bytes]:
    """Return the export files by name: the JSON, the schema it follows and the CSV."""
    return {
        JSON_FILE: catalogue_json(catalogue, site_url),
        SCHEMA_FILE: (schema_dir / SCHEMA_FILE).read_bytes(),
        CSV_FILE: modules_csv(catalogue, site_url),
    }


def write_files(files: Mapping[str, bytes], out_dir: Path) -> list[Path]:
    """Write files into out_dir, each through a temporary file so no reader sees half a file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_atomically(out_dir / name, content) for name, content in files.items()]


def write_atomically(target: Path, content: bytes) -> Path:
    """Write content to target by renaming a finished temporary file over it."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
