"""Take screenshots of the built site at desktop and phone width: python scripts/screenshots.py [site] [out]."""

from __future__ import annotations

import sys
from pathlib import Path

from katalog.browser import launch_chromium, serve_directory

PAGES = {
    "forside": "",
    "struktur": "struktur/",
    "moduler": "moduler/",
    "modul": "moduler/oplaeringsvejleder-basis/",
    "forloeb": "forloeb/",
    "uddannelsestyper": "uddannelsestyper/",
    "forloeb-side": "forloeb/daglig-vejleder-sosu/",
    "statistik": "statistik/",
    "hent": "hent/",
}
SIZES = {"desktop": (1280, 900), "telefon": (390, 844)}


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pages = {name: url for name, url in PAGES.items() if (site / url / "index.html").exists()}
    if "forloeb-side" not in pages:  # another catalogue: show its first pathway
        first = next((p.name for p in sorted((site / "forloeb").iterdir()) if p.is_dir()), None)
        if first:
            pages["forloeb-side"] = f"forloeb/{first}/"
    with serve_directory(site) as base, launch_chromium() as browser:
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, url in pages.items():
                page.goto(base + url)
                page.screenshot(path=out / f"{name}-{size}.png", full_page=True)
                print(out / f"{name}-{size}.png")
            page.close()


if __name__ == "__main__":
    main(
        Path(sys.argv[1] if len(sys.argv) > 1 else "site"),
        Path(sys.argv[2] if len(sys.argv) > 2 else "build/screenshots"),
    )
