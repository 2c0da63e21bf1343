"""Command line: ``katalog validate`` and friends. Turns library errors into messages and exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from katalog.catalogue import build_catalogue
from katalog.export import export_files, write_files
from katalog.model import Catalogue
from katalog.problems import Problem, format_problems
from katalog.scaffold import QUESTIONS, ScaffoldError, new_file
from katalog.validate import validate_content
from katalog.views import catalogue_view
from katalog.wording import DEFAULT_SOURCES, SOURCES_SETTING, read_sources, sources_dir, wording_problems


def main(argv: list[str] | None = None) -> int:
    """Run the katalog command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="katalog", description="Oplæringsvejleder-kataloget")
    parser.add_argument("--content", type=Path, default=Path("content"), help="indholdsmappen (standard: content)")
    parser.add_argument("--schemas", type=Path, default=Path("schemas"), help="skemamappen (standard: schemas)")
    commands = parser.add_subparsers(required=True, metavar="kommando")
    check = commands.add_parser("validate", help="tjek alt indhold og vis alle problemer")
    check.add_argument("--format", choices=["text", "github"], default="text", help="github: annoteringer til Actions")
    check.set_defaults(run=_validate)
    export = commands.add_parser("export", help="skriv katalog.json, katalog.schema.json og moduler.csv")
    export.add_argument("--out", type=Path, required=True, help="mappen, filerne skrives i")
    export.set_defaults(run=_export)
    book = commands.add_parser("pdf", help="lav kataloget som PDF-bog")
    book.add_argument("--out", type=Path, required=True, help="PDF-filen, der skal skrives")
    book.set_defaults(run=_pdf)
    words = commands.add_parser("own-words", help="find tekster, der følger kildernes ordlyd for tæt")
    words.add_argument(
        "--sources",
        type=Path,
        help=f"mappen med kilderapporterne som .txt (standard: ${SOURCES_SETTING} eller {DEFAULT_SOURCES})",
    )
    words.add_argument("--format", choices=["text", "github"], default="text", help="github: annoteringer til Actions")
    words.set_defaults(run=_own_words)
    _add_new(commands)
    return parser


def _add_new(commands: Any) -> None:
    new = commands.add_parser("new", help="lav en ny fil: module, pathway, role eller provider")
    kinds = new.add_subparsers(required=True, metavar="slags", dest="kind")
    for name, questions in QUESTIONS.items():
        kind = kinds.add_parser(name, help=f"en ny fil i content/ ({name}); det, der mangler, spørger den om")
        for question in questions:
            kind.add_argument(question.flag, dest=question.dest, metavar="VÆRDI", help=question.label)
        kind.set_defaults(run=_new)


def _new(args: argparse.Namespace) -> int:
    given = {question.dest: getattr(args, question.dest) for question in QUESTIONS[args.kind]}
    ask = input if sys.stdin.isatty() else None  # questions only when a person can answer them
    try:
        path = new_file(args.kind, args.content, args.schemas, given, ask=ask, say=_say)
    except ScaffoldError as error:
        print(f"katalog new {args.kind}:\n{error}", file=sys.stderr)
        return 1
    print(f"Skrev {path}. Udfyld gerne flere felter; se «Felter i indholdet» på sitet.")
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    if _content_missing(args):
        return 2
    tree, problems = validate_content(args.content, args.schemas)
    if problems:
        _print_problems(problems, args.format)
        return 1
    count = sum(len(docs) for docs in tree.documents.values())
    print(f"Alt indhold er gyldigt: {count} filer tjekket.")
    return 0


def _print_problems(problems: list[Problem], style: str) -> None:
    """Print problems as `path:line:col: message`; for GitHub, as annotations first (the list goes to stderr)."""
    if style == "github":
        print("\n".join(p.as_github_annotation() for p in problems))
    print(format_problems(problems), file=sys.stderr if style == "github" else sys.stdout)


def _export(args: argparse.Namespace) -> int:
    catalogue = _valid_catalogue(args)
    if isinstance(catalogue, int):
        return catalogue
    written = write_files(export_files(catalogue, args.schemas), args.out)
    print(f"Skrev {len(written)} filer i {args.out}: {', '.join(path.name for path in written)}.")
    return 0


def _pdf(args: argparse.Namespace) -> int:
    catalogue = _valid_catalogue(args)
    if isinstance(catalogue, int):
        return catalogue
    from katalog.pdf import PdfError, write_pdf  # WeasyPrint is slow to import; only this command needs it

    try:
        target = write_pdf(catalogue_view(catalogue), args.out)
    except PdfError as error:
        print(f"katalog: {error}", file=sys.stderr)
        return 1
    print(f"Skrev {target} ({target.stat().st_size // 1000} kB).")
    return 0


def _own_words(args: argparse.Namespace) -> int:
    sources = args.sources or sources_dir()
    if not sources.is_dir() or not any(sources.glob("*.txt")):
        print(
            f"katalog: der er ingen kilderapporter (*.txt) i '{sources}'; sæt {SOURCES_SETTING} eller --sources",
            file=sys.stderr,
        )
        return 2
    if _content_missing(args):
        return 2
    tree, problems = validate_content(args.content, args.schemas)
    problems = problems or wording_problems(tree, read_sources(sources))
    if problems:
        _print_problems(problems, args.format)
        return 1
    print("Alle tekster er skrevet med egne ord.")
    return 0


def _valid_catalogue(args: argparse.Namespace) -> Catalogue | int:
    """Validate like `katalog validate`; return the catalogue, or the exit code after printing problems."""
    if _content_missing(args):
        return 2
    tree, problems = validate_content(args.content, args.schemas)
    if problems:
        print(format_problems(problems))
        print("Intet er skrevet.", file=sys.stderr)
        return 1
    return build_catalogue(tree)


def _content_missing(args: argparse.Namespace) -> bool:
    missing: bool = not args.content.is_dir()
    if missing:
        print(f"katalog: indholdsmappen '{args.content}' findes ikke", file=sys.stderr)
    return missing


if __name__ == "__main__":
    sys.exit(main())
