"""Screenshots of every page type of the built site, at desktop and phone width, light and dark.

python scripts/screenshots.py [site] [out]   (defaults: site/ and build/screenshots/)
Pages a catalogue does not have (another content folder, or a feature not built) are left out.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

from katalog.browser import launch_chromium, serve_directory

PAGES = {
    "forside": "",
    "struktur": "struktur/",
    "kort": "kort/",
    "moduler": "moduler/",
    "modul-i-dag": "moduler/oplaeringsvejleder-basis/",
    "modul-forslag": "moduler/sosu-basis/",
    "sammenlign": "sammenlign/?moduler=oplaeringsvejleder-basis,sosu-basis",
    "forloeb": "forloeb/",
    "forloeb-side": "forloeb/daglig-vejleder-sosu/",
    "find-din-vej": "find-din-vej/?rolle=daglig-vejleder&indgang=sosu",
    "roller": "roller/",
    "rolle": "roller/daglig-vejleder/",
    "guide": "guider/ledere/",
    "uddannelsestyper": "uddannelsestyper/",
    "uddannelsestype": "uddannelsestyper/amu/",
    "statistik": "statistik/",
    "udbydere": "udbydere/",
    "ordliste": "ordliste/",
    "kilder": "kilder/",
    "mere": "mere/",
    "hent": "hent/",
    "soeg": "soeg/?q=basis",
}
SIZES = {"desktop": (1280, 900), "telefon": (375, 812)}
SCHEMES: dict[str, Literal["light", "dark"]] = {"lys": "light", "moerk": "dark"}


def exists(site: Path, url: str) -> bool:
    return (site / url.split("?")[0] / "index.html").exists()


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pages = {name: url for name, url in PAGES.items() if exists(site, url)}
    with serve_directory(site) as base, launch_chromium() as browser:
        for size, (width, height) in SIZES.items():
            for scheme, colours in SCHEMES.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=colours)
                for name, url in pages.items():
                    page.goto(base + url)
                    page.wait_for_load_state("networkidle")
                    path = out / f"{name}-{size}-{scheme}.png"
                    page.screenshot(path=path, full_page=True)
                    print(path)
                page.close()


if __name__ == "__main__":
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else "site"),
        Path(sys.argv[2] if len(sys.argv) > 2 else "build/screenshots"),
    )
