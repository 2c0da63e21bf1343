"""Markup policy: what plain text and prose may hold, and how prose becomes safe HTML."""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]
import pytest

from katalog.markup import (
    PLAIN,
    PROSE,
    findings,
    inline_html,
    link_scheme,
    markdown_text,
    prose_html,
    search_filter_text,
)

from .sitecheck import live_markup

# The Markdown extensions the site's pages are converted with (mkdocs.yml): plain text must survive them.
SITE_EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "def_list", "toc"]


def site_markdown(text: str) -> str:
    return str(markdown.markdown(text, extensions=SITE_EXTENSIONS))


@pytest.mark.parametrize(
    ("written", "scheme"),
    [
        ("https://example.org", "https"),
        ("mailto:a@example.org", "mailto"),
        ("../roller/koordinator/", None),
        ("#mål", None),
        ("side?a=b:c", None),
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        (" \tjava\nscript:alert(1)", "javascript"),
        ("jav&#x61;script:alert(1)", "javascript"),
        ("javascript&colon;alert(1)", "javascript"),
        ("javascript\\:alert(1)", "javascript"),
        ("<javascript:alert(1)>", "javascript"),
        ("\x01javascript:alert(1)", "javascript"),
        ("DATA:text/html,<script>", "data"),
        ("javascript%3Aalert(1)", None),
    ],
)
def test_the_scheme_is_found_however_it_is_disguised(written: str, scheme: str | None) -> None:
    """Case, entities, whitespace, controls and backslashes do not hide a link's scheme."""
    assert link_scheme(written) == scheme


@pytest.mark.parametrize(
    ("kind", "text", "found"),
    [
        (PLAIN, "Titel {: onmouseover=alert(1) }", "{:"),
        (PLAIN, "Titel { onclick=alert(1) }", "{ onclick=alert(1) }"),
        (PLAIN, "Titel {#anker}", "{#a"),
        (PLAIN, "Titel { .md-button }", "{ .m"),
        (PLAIN, "Titel {skjult}", "{skjult}"),
        (PLAIN, "Se [her](https://example.org)", "[her]("),
        (PLAIN, "Et ![billede](x.png)", "![billede]("),
        (PLAIN, "[r]: https://example.org", "[r]: https://example.org"),
        (PROSE, "Tekst med *kursiv*{onclick=alert(1)}.", "{onclick=alert(1)}"),
        (PROSE, "Et [link](javascript:alert(1)).", "javascript:alert(1)"),
        (PROSE, "Et [link](../roller/) til en side", "../roller/"),
        (PROSE, "Et [link](#anker) til et anker", "#anker"),
        (PROSE, "Et [link][r].\n\n[r]: data:text/html,x", "data:text/html,x"),
        (PROSE, "Et ![billede](https://example.org/x.png)", "!["),
        (PROSE, "Med <b>HTML</b>", "<b>"),
        (PROSE, "Med <!-- kommentar -->", "<!--"),
        (PROSE, "Et <https://example.org> link", "<https://example.org>"),
        (PROSE, "# Overskrift", "#"),
        (PROSE, "Overskrift\n====", "===="),
    ],
)
def test_what_a_text_may_not_hold_is_found_with_its_place(kind: str, text: str, found: str) -> None:
    """Each forbidden construct is reported once, with the text it starts with (for the editor's column)."""
    result = findings(kind, text)
    assert len(result) == 1, result
    assert result[0].text.startswith(found) or found.startswith(result[0].text)
    assert text[result[0].start :].startswith(result[0].text)


@pytest.mark.parametrize(
    "text",
    [
        "Simulation <script>alert(1)</script>",
        "Simulation som pædagogisk metode {{ ikke en makro }}.",
        "2 < 3 og 5 > 4, 50 % & mere; a*b og _x_",
        "Kurset (AMU 49970) - 11 dage",
        "javascript:alert(1) er bare tekst her",
    ],
)
def test_ordinary_plain_text_passes(text: str) -> None:
    """Plain text may hold any character; it is shown as written."""
    assert findings(PLAIN, text) == []


def test_allowed_prose_passes() -> None:
    """Paragraphs, emphasis, lists and links to full https, http and mailto addresses are prose."""
    text = (
        "Første afsnit med *kursiv* og **fed**.\n\n- et punkt\n- et [link](https://example.org/a_(b))\n\n"
        "1. [mail](mailto:a@example.org)\n2. [side](http://example.org/?a=b:c#mål 'titel')\n\n"
        "[ref]: http://example.org"
    )
    assert findings(PROSE, text) == []


def test_prose_html_keeps_the_allowed_subset() -> None:
    """Emphasis, lists and good links survive; links get rel=noopener."""
    html = str(prose_html('Tekst med *kursiv*.\n\n- [link](https://example.org "Titel")\n- [side](../roller/)'))
    assert "<em>kursiv</em>" in html
    assert '<a href="https://example.org" title="Titel" rel="noopener noreferrer">link</a>' in html
    assert '<a href="../roller/" rel="noopener noreferrer">side</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](https://evil.example/x.png)",
        "![x](data:image/png;base64,AAAA)",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "Afsnit {: onclick=alert(1) }",
        "*x*{onclick=alert(1)}",
        '<div markdown="1">*x*</div>',
        "[x](vbscript:msgbox(1))",
    ],
)
def test_prose_html_never_outputs_behaviour_even_unvalidated(text: str) -> None:
    """The second line of defence: whatever gets past validation, no script, event attribute, bad link or image."""
    html = str(prose_html(text))
    assert live_markup(html) == [], html
    assert "<script" not in html and "<img" not in html and "<div" not in html


def test_prose_html_shows_raw_html_as_text() -> None:
    """Raw HTML in prose is escaped before Markdown sees it, so it reads as the characters written."""
    assert str(prose_html("Brug <b> til fed")) == "<p>Brug &lt;b&gt; til fed</p>"


def test_inline_html_drops_the_paragraph() -> None:
    """One paragraph renders without <p>, for list items and table cells."""
    assert str(inline_html("Et *mål*")) == "Et <em>mål</em>"
    assert str(inline_html("To\n\nafsnit")).count("<p>") == 2


@pytest.mark.parametrize(
    "title",
    [
        "Titel {: onmouseover=alert(1) }",
        "Titel { onclick=alert(1) }",
        "Titel {: onclick=alert(1)",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "*fed* og _kursiv_ og `kode` # ikke overskrift",
        "1. ikke en liste",
    ],
)
def test_markdown_text_in_a_heading_stays_text(title: str) -> None:
    """A plain title in '# {{ title|md_text }}' adds no attributes, links or markup under the site's extensions."""
    html = site_markdown(f"# {markdown_text(title)} {{ #anker }}")
    assert html.startswith('<h1 id="anker">'), html
    assert live_markup(html) == [], html
    for tag in ("<a ", "<img", "<em>", "<code>", "<ol>"):
        assert tag not in html, html
    assert " ".join(title.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html


def test_markdown_text_in_a_list_item_stays_text() -> None:
    """A provider name in '- {{ name|md_text }}' cannot add attributes to the list item."""
    html = site_markdown(f"- {markdown_text('Skole {: onclick=alert(1) }')}")
    assert live_markup(html) == []
    assert "<li>Skole {: onclick=alert(1) }</li>" in html


def test_search_filter_text_has_no_html_characters() -> None:
    """Pagefind's UI shows filter values as HTML after decoding entities; they get look-alikes instead."""
    assert (
        search_filter_text("Type <img src=x onerror=alert(1)> &lt;b&gt;")
        == "Type ‹img src=x onerror=alert(1)› ＆lt;b＆gt;"
    )
    assert search_filter_text("Daglig oplæringsvejleder") == "Daglig oplæringsvejleder"


def test_nothing_carries_over_from_one_text_to_the_next() -> None:
    """A reference definition in one field does not make a link in another (the converter is reset)."""
    prose_html("[r]: https://example.org")
    assert "<a" not in str(prose_html("Se [x][r]."))
