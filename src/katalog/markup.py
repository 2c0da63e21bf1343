"""What Markdown content may use, and how content text becomes HTML.

Content comes from pull requests by people outside the team, so it is data: nothing in it may put
markup with behaviour on the site or in the PDF. Every text field in schemas/ says which of two kinds
it is, with the keyword ``"x-katalog-markup"``:

``plain``
    Titles, names, summaries, notes and other short texts. Shown exactly as written; nothing in them
    is Markdown. In HTML escape them (Jinja's autoescape does); inside Markdown use `markdown_text`,
    so Markdown and attribute-list syntax in them stays text.
``prose``
    Descriptions, goals, tasks and other running text. A small Markdown subset: paragraphs, *emphasis*,
    **strong**, lists and links to full ``http``, ``https`` and ``mailto`` addresses. Render them
    with `prose_html` (or `inline_html` for one paragraph without its ``<p>``).

Two lines of defence: validation refuses text that uses more than its kind allows (`findings`, with
the place in the text, so the editor gets ``path:line:col``), and rendering escapes raw HTML, converts
the Markdown without extensions (no ``attr_list``, no ``md_in_html``) and sanitises the result with
nh3 against an allow-list of tags, attributes and URL schemes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import markdown  # type: ignore[import-untyped]
import nh3
from markupsafe import Markup, escape

MARKUP_KEYWORD = "x-katalog-markup"
PLAIN = "plain"
PROSE = "prose"

ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "code", "ul", "ol", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": frozenset({"href", "title"})}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a text may not contain: where it starts in the text, the text itself, and why (Danish)."""

    start: int
    text: str
    message: str


def findings(kind: str, text: str) -> list[Finding]:
    """Return what a text of the given kind ('plain' or 'prose') may not contain, in order of place."""
    if not _MARKUP_SIGN.search(text):  # most texts: one line without brackets, so none of the patterns can match
        return []
    return all_findings(kind, text)


def all_findings(kind: str, text: str) -> list[Finding]:
    """findings the long way, for every text: each pattern searched for."""
    found = _attribute_lists(text)
    found += _plain_links(text) if kind == PLAIN else _prose_problems(text)
    return _first_of_each(sorted(found, key=lambda finding: finding.start))


def _first_of_each(found: list[Finding]) -> list[Finding]:
    """Keep the first finding of each message, saying how often it occurs: '<b>…</b>' is one problem, not two."""
    first: dict[str, Finding] = {}
    counts: dict[str, int] = {}
    for finding in found:
        first.setdefault(finding.message, finding)
        counts[finding.message] = counts.get(finding.message, 0) + 1
    return [
        Finding(
            f.start, f.text, f.message + (f" ({counts[f.message]} steder i feltet)" if counts[f.message] > 1 else "")
        )
        for f in first.values()
    ]


_CONVERTER = markdown.Markdown(output_format="html")  # no extensions: no attr_list, no md_in_html


# One line of words and ordinary punctuation, starting with a letter: nothing Markdown or the sanitiser would
# change, so it is one paragraph as written. Most prose in the catalogue (goals, tasks, notes) is like that, and
# converting it was a tenth of a build at 1,000 modules. tests/test_perf.py holds the shortcut to the full path.
# Words are separated by exactly one space, so the pattern has one way to match and cannot backtrack for long.
# Hyphens and quotation marks count as ordinary: most Danish prose has them («SOSU-assistent»), and Markdown
# leaves them alone inside a line.
_ONE_PLAIN_PARAGRAPH = re.compile(r"[^\W\d_][\w,.;:()?'/%–«»\"…!+§-]*(?: [\w,.;:()?'/%–«»\"…!+§-]+)*")


def prose_html(text: str) -> Markup:
    """Render prose as safe HTML: raw HTML escaped, Markdown without extensions, then sanitised by allow-list."""
    if _ONE_PLAIN_PARAGRAPH.fullmatch(text) and "_" not in text:
        return Markup(f"<p>{text}</p>")
    return converted_prose_html(text)


def converted_prose_html(text: str) -> Markup:
    """prose_html the long way, for every text: Markdown conversion and sanitising."""
    _CONVERTER.reset()  # forget the last text's references and stash; a new converter costs four times as much
    converted = _CONVERTER.convert(_escape_html(text))
    return Markup(
        nh3.clean(
            converted,
            tags=set(ALLOWED_TAGS),
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(ALLOWED_SCHEMES),
            link_rel="noopener noreferrer",
        )
    )


def _escape_html(text: str) -> str:
    # <, > and & only: raw HTML becomes text, while quotes stay for Markdown's link titles (it escapes them itself).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline_html(text: str) -> Markup:
    """Render one-paragraph prose (a goal, a list item) like `prose_html`, without the wrapping <p>."""
    rendered = str(prose_html(text))
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


# Python-Markdown's backslash escapes; a backslash before any of these shows the character as text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(text: str) -> Markup:
    """Make plain text safe to place inside Markdown: one line, HTML-escaped, Markdown syntax backslash-escaped.

    For a heading (``# {{ title|md_text }}``), a list item or a table cell: a title ending in
    ``{: onclick=… }`` or holding ``[x](javascript:…)`` then shows as written instead of adding
    attributes or a link.
    """
    one_line = " ".join(str(text).split())
    return Markup(escape(_MARKDOWN_SPECIAL.sub(r"\\\1", one_line)))


# Look-alikes for the characters HTML gives a meaning to.
_SEARCH_LOOKALIKES = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06"})


def search_filter_text(text: str) -> str:
    """Make plain text safe as a Pagefind filter value: <, > and & become look-alikes (‹ › ＆).

    Pagefind's search UI writes filter values into the page as HTML after its indexer has decoded every
    entity, so no amount of escaping survives; a course type named '<img onerror=…>' would run.
    """
    return text.translate(_SEARCH_LOOKALIKES)


# Attribute lists as attr_list reads them: '{: …}', '{#id}', '{ .class }', '{key=value}', and any
# '{…}' that ends a line (the end of a heading or paragraph, where a block's attributes go).
_ATTRIBUTE_LIST = re.compile(
    r"\{:|\{[ \t]*[#.][^\s}]|\{[^{}\n]*=[^{}\n]*\}|\{[^{}\n]*\}[ \t]*$",
    re.MULTILINE,
)
# Every pattern below needs one of these: attribute lists '{', links and images '[' or '](', HTML and autolinks
# '<', ATX headings '#', setext headings a line break. tests/test_perf.py holds findings to all_findings.
_MARKUP_SIGN = re.compile(r"[{\[\]<#\n]")
_LINK_OR_IMAGE = re.compile(r"!?\[[^\]\n]*\]\(")
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*\n?[ \t]*(\S*)", re.MULTILINE)
_IMAGE = re.compile(r"!\[")
_INLINE_LINK = re.compile(r"\]\(")
_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>|<!--|<![A-Za-z\[]|<\?")
# '<https://…>' or '<navn@sted>' as running text; after '](' or ']:' the brackets belong to a link (checked there).
_AUTOLINK = re.compile(r"(?<!\]\()(?<!\]:)(?<!\]: )(?:<[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>)")
# An ATX heading ('# …'), or a setext underline ('===' or '---' right under a line of text).
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]|$)|(?:(?<=\S\n)|(?<=\S[ \t]\n))[ ]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# Characters browsers drop from a URL before reading its scheme (whitespace and controls), and
# backslashes, which Markdown removes when they escape punctuation.
_DROPPED = re.compile(r"[\x00-\x20\x7f\\]")


def _attribute_lists(text: str) -> list[Finding]:
    message = (
        "attributlister som '{: … }' er ikke tilladt, fordi de kan give siden skjult opførsel; slet krølleparenteserne"
    )
    return [Finding(m.start(), m.group(), message) for m in _ATTRIBUTE_LIST.finditer(text)]


def _plain_links(text: str) -> list[Finding]:
    message = "feltet vises som almindelig tekst og kan ikke have links eller billeder; skriv teksten uden [ ]( )"
    found = [Finding(m.start(), m.group(), message) for m in _LINK_OR_IMAGE.finditer(text)]
    found += [Finding(m.start(), m.group(), message) for m in _REFERENCE_DEFINITION.finditer(text)]
    return found


def _prose_problems(text: str) -> list[Finding]:
    found = [Finding(m.start(), m.group(), _HTML_MESSAGE) for m in _HTML.finditer(text)]
    found += [Finding(m.start(), m.group(), _AUTOLINK_MESSAGE) for m in _AUTOLINK.finditer(text)]
    found += [Finding(m.start(), m.group(), _IMAGE_MESSAGE) for m in _IMAGE.finditer(text)]
    found += [Finding(m.start(), m.group().strip(), _HEADING_MESSAGE) for m in _HEADING.finditer(text)]
    for match in _INLINE_LINK.finditer(text):
        found += _check_address(match.end(), _destination(text, match.end()))
    for match in _REFERENCE_DEFINITION.finditer(text):
        found += _check_address(match.start(2), match.group(2))
    return found


_HTML_MESSAGE = "HTML er ikke tilladt i tekst; brug Markdown: *kursiv*, **fed**, punktlister og [link](https://…)"
_AUTOLINK_MESSAGE = "links i <…> er ikke tilladt; skriv dem som [tekst](https://…)"
_IMAGE_MESSAGE = "billeder er ikke tilladt i tekst; slet billedet"
_HEADING_MESSAGE = "overskrifter er ikke tilladt i tekst; siden sætter selv overskrifterne"


def _destination(text: str, start: int) -> str:
    """Return what stands between a link's '(' and its closing ')', parentheses inside kept in balance."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            if depth == 0:
                return text[start:index]
            depth -= 1
    return text[start:]


def _check_address(start: int, written: str) -> list[Finding]:
    """Refuse a link address unless it is a full http, https or mailto address, however it is disguised.

    A relative address means something different on the site, in the PDF and in the data, and MkDocs
    fails the build on one it cannot resolve; the catalogue's own pages are linked by the templates.
    """
    scheme = link_scheme(written)
    if scheme in ALLOWED_SCHEMES:
        return []
    shown = (written.split() or [""])[0]
    if scheme is None:
        message = f"linket '{shown}' er ikke en fuld adresse; skriv den med https:// (katalogets egne sider linker siden selv til)"
    else:
        message = f"links til '{scheme}:' er ikke tilladt; et link skal begynde med https://, http:// eller mailto:"
    return [Finding(start + len(written) - len(written.lstrip()), shown, message)]


def link_scheme(address: str) -> str | None:
    """Return the scheme a browser would see in a link address (lower case), or None for a relative address.

    Entities are decoded (``&#106;avascript:``), and whitespace, control characters and backslashes
    are dropped (``java\\tscript:``, ``javascript\\:``), so a disguised scheme is still found.
    """
    cleaned = _DROPPED.sub("", html.unescape(address)).lstrip("<").lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None
