"""Where rendered HTML goes: a site page (links relative to it) or the PDF book (links to anchors in it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from katalog.render.environment import environment
from katalog.urls import Url


@dataclass(frozen=True, slots=True)
class Target:
    """How a urls.Url is written: site pages link relative to their own depth, the book to its anchors."""

    site: bool
    base: str = ""

    def href(self, url: Url) -> str:
        return url.relative(self.base) if self.site else f"#{url.anchor}"

    def anchor(self, url: Url) -> str:
        return url.fragment if self.site else url.anchor


BOOK = Target(site=False)


def site_page(url: Url) -> Target:
    """The target for a page of the site at url."""
    return Target(site=True, base="../" * url.depth)


def render_html(template: str, target: Target, **data: Any) -> Markup:
    """Render a template for a target; the template sees href(url), anchor(url) and site."""
    html = environment().get_template(template).render(href=target.href, anchor=target.anchor, site=target.site, **data)
    return Markup(html)
