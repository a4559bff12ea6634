"""Make the printable guides from the built site with headless Chromium: the whole guide as one PDF
(behind a cover), the one-page "TRUST Act at a glance" and the sheet of red cards (eight bilingual
wallet cards on a letter page, with cut marks). Run by `make build` after MkDocs:

    python -m tools.pdfs SITE_DIR

The guide is the site's own pages in their menu order (pages whose front matter says
``guide: false`` are left out), so the PDFs say exactly what the site says. The pages are read
from a local server for the time it takes; every link printed points at the site's address
(``site_url``, which ``SITE_URL`` sets), never at that server.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data
from playwright.sync_api import Browser, Page

from checker.lawdata import CURRENT_AS_OF
from checker.messages import written_date
from overrides.sitegen.red_card import COLUMNS
from overrides.sitegen.words import LANGUAGES, Language
from tools.browser import ROOT, chromium, serve

__all__ = [
    "AT_A_GLANCE",
    "CARD_HEIGHT_IN",
    "CARD_WIDTH_IN",
    "GUIDE",
    "LANGUAGES",
    "WALLET_CARD",
    "WALLET_CARD_CSS",
    "compact",
    "guide_pages",
    "make_pdfs",
    "site_url",
]

GUIDE = "print/trust-act-guide.pdf"
AT_A_GLANCE = "print/trust-act-at-a-glance.pdf"
WALLET_CARD = "print/trust-act-wallet-card.pdf"


def _footer(lang: str) -> str:
    words = Language(lang)
    return (
        '<div style="font-size:8px;width:100%;text-align:center;color:#555">'
        + words("site.pdf_footer", date=written_date(CURRENT_AS_OF.isoformat(), lang))
        + f' {words("site.page_of")} <span class="pageNumber"></span> / <span class="totalPages"></span></div>'
    )


# Gathers the articles of the guide's pages into the guide page, giving each page's ids and
# in-page links a prefix so they stay unique, and making every other link absolute.
ASSEMBLE = """async (urls) => {
  const target = document.getElementById("guide-pages");
  for (const [n, url] of urls.entries()) {
    const html = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const article = doc.querySelector("article");
    article.querySelectorAll(".page-dates, .headerlink, .md-content__button, .screen-only").forEach(e => e.remove());
    article.querySelectorAll("[id]").forEach(e => { e.id = `p${n}-${e.id}`; });
    article.querySelectorAll("a[href]").forEach(a => {
      const href = a.getAttribute("href");
      a.setAttribute("href", href.startsWith("#") ? `#p${n}-${href.slice(1)}` : new URL(href, url).href);
    });
    const section = document.createElement("section");
    section.className = "guide-page";
    section.append(...article.childNodes);
    target.append(section);
  }
}"""


# Every link to the local server points at the site's address instead (in-page links stay), and the
# address the printouts name is the one they link to.
SITE_LINKS = """([server, site, built]) => {
  for (const a of document.querySelectorAll("a[href]")) {
    if (a.getAttribute("href").startsWith("#")) continue;
    if (a.href.startsWith(server)) a.setAttribute("href", site + a.href.slice(server.length));
  }
  for (const a of document.querySelectorAll("a.site-address")) {
    const href = a.getAttribute("href");
    if (href.startsWith(built)) a.setAttribute("href", site + href.slice(built.length));
    const shown = a.href.replace(/^https?:[/][/]/, "");
    a.textContent = shown.endsWith("/") ? shown.slice(0, -1) : shown;
  }
}"""


# One page's title and article, without the theme around it, with absolute links.
ARTICLE = """async (url) => {
  const html = await (await fetch(url)).text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  const article = doc.querySelector("article");
  article.querySelectorAll(".headerlink, .md-content__button").forEach(e => e.remove());
  article.querySelectorAll("a[href]").forEach(a => a.setAttribute("href", new URL(a.getAttribute("href"), url).href));
  return [doc.title, article.innerHTML];
}"""

BASE_CSS = """
body { margin: 0; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #000; }
a { color: inherit; }
abbr { text-decoration: none; }
.nowrap { white-space: nowrap; }
h1 { margin: 0 0 0.4em; }
.md-typeset__table, table { width: 100%; border-collapse: collapse; }
"""
AT_A_GLANCE_CSS = (
    BASE_CSS
    + """
@page { size: Letter; margin: 1.3cm 1.5cm; }
body { font-size: 9.2pt; line-height: 1.32; }
h1 { font-size: 17pt; }
h2 { font-size: 9pt; margin: 10pt 0 2pt; }
p, ol { margin: 4pt 0; }
sup { font-size: 6pt; }
.page-sources { font-size: 6.5pt; line-height: 1.25; margin: 0; padding-left: 1.4em; }
.page-sources a::after { content: " (" attr(href) ")"; word-break: break-all; }
.source-type { display: none; }
.page-dates { font-size: 7pt; margin-top: 8pt; }
"""
)
# The red cards: a letter page, the cards 3.5 by 2 inches edge to edge in the middle (one cut serves
# two cards), a dashed line round each, cut marks in the margin at both ends of every cut line; the
# sources under them by name (their addresses are on the "Your rights" page the sheet links to).
CARD_WIDTH_IN, CARD_HEIGHT_IN = 3.5, 2.0
WALLET_CARD_CSS = (
    BASE_CSS
    + f"""
@page {{ size: Letter; margin: 0; }}
body {{ font-size: 7pt; line-height: 1.17; padding: 0.3in 0.75in 0; }}
h1 {{ font-size: 12.5pt; text-align: center; margin: 0 0 0.06in; }}
.red-sheet__howto {{ margin: 0 auto 0.4in; padding: 0.04in 0.12in; max-width: 6.8in; border: 1.5pt solid #000;
  font-size: 7.6pt; line-height: 1.28; text-align: center; }}
.red-sheet__howto p {{ margin: 0.02in 0; }}
.red-sheet__howto strong {{ font-size: 8.6pt; }}
.red-cards {{ position: relative; display: grid; width: {COLUMNS * CARD_WIDTH_IN}in; margin: 0 auto;
  grid-template-columns: repeat({COLUMNS}, {CARD_WIDTH_IN}in); grid-auto-rows: {CARD_HEIGHT_IN}in; }}
.red-card {{ box-sizing: border-box; display: flex; flex-direction: column; overflow: hidden;
  padding: 0 0.12in 0.07in; outline: 0.5pt dashed #777; outline-offset: -0.25pt; }}
.red-card__title {{ margin: 0 -0.12in 0.05in; padding: 0.04in 0.12in; background: #b3001b; color: #fff;
  font-size: 8.5pt; font-weight: 700; letter-spacing: 0.02em; text-transform: uppercase; }}
.red-card__columns {{ flex: 1; display: grid; grid-template-columns: 1fr 1fr; gap: 0.14in; }}
.red-card__rights {{ margin: 0; padding-left: 0.85em; }}
.red-card__rights li {{ margin: 0 0 0.12em; }}
.red-card__rights li::marker {{ color: #b3001b; }}
.red-card__rights + .red-card__rights {{ border-left: 0.5pt solid #b3001b; padding-left: calc(0.85em + 0.07in);
  margin-left: -0.07in; }}
.red-card__help {{ margin: 0.03in 0 0; font-weight: 700; font-size: 7.6pt; }}
.red-card__help a {{ white-space: nowrap; }}
.red-card__who {{ margin: 0; font-size: 6.3pt; }}
.red-card__fine {{ margin: 0.02in 0 0; font-size: 5.4pt; color: #333; }}
.red-card__fine a {{ text-decoration: none; }}
.cut-mark {{ position: absolute; }}
.cut-mark--v {{ left: calc(var(--at) * {CARD_WIDTH_IN}in); top: -0.3in; bottom: -0.3in; }}
.cut-mark--h {{ top: calc(var(--at) * {CARD_HEIGHT_IN}in); left: -0.3in; right: -0.3in; }}
.cut-mark::before, .cut-mark::after {{ content: ""; position: absolute; border: 0 solid #000; }}
.cut-mark--v::before, .cut-mark--v::after {{ left: -0.25pt; height: 0.22in; border-left-width: 0.5pt; }}
.cut-mark--h::before, .cut-mark--h::after {{ top: -0.25pt; width: 0.22in; border-top-width: 0.5pt; }}
.cut-mark--v::before, .cut-mark--h::before {{ top: 0; left: 0; }}
.cut-mark--v::after {{ bottom: 0; }}
.cut-mark--h::after {{ right: 0; }}
.red-sheet ~ p {{ max-width: 7in; margin: 0.32in auto 0; font-size: 6.5pt; color: #333; }}
.page-sources {{ max-width: 7in; margin: 0.03in auto 0; padding-left: 1.4em; font-size: 5.5pt; line-height: 1.2;
  color: #333; }}
.page-sources a {{ text-decoration: none; }}
.source-type, .page-dates, .red-sheet ~ h2 {{ display: none; }}
"""
)


def compact(page: Page, url: str, css: str, lang: str) -> None:
    """Show one page's article alone, styled with ``css``, ready to print."""
    title, article = page.evaluate(ARTICLE, url)
    page.set_content(
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{css}</style></head><body>{article}</body></html>"
    )


def site_url() -> str:
    """The address the site is built for: ``site_url`` in mkdocs.yml, which ``SITE_URL`` sets."""
    url = str(load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "")
    return url if url.endswith("/") else url + "/"


def guide_pages() -> list[str]:
    """The site paths of the guide's pages, in menu order."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    paths: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])
            elif isinstance(item, str):
                _, meta = get_data((Path(config["docs_dir"]) / item).read_text(encoding="utf-8"))
                if meta.get("guide", True):
                    url = File(item, config["docs_dir"], config["site_dir"], True).url
                    paths.append(url)

    walk(config["nav"])
    return paths


def make_pdfs(site: Path, browser: Browser | None = None, address: str | None = None) -> list[Path]:
    """Write the three PDFs of each built language into its ``print/`` folder; returns their paths.

    Links point at ``address`` (by default the configured :func:`site_url`). Starts Chromium when
    not given one.
    """
    if browser is None:
        with chromium() as own:
            return make_pdfs(site, own, address)
    address = address or site_url()
    written: list[Path] = []
    with serve(site) as root:
        for lang, folder in LANGUAGES.items():
            if (site / folder / "print" / "guide" / "index.html").exists():
                links = (root, address, site_url())
                written += _language_pdfs(site / folder, root + folder, lang, browser, links)
    return written


def _language_pdfs(site: Path, base: str, lang: str, browser: Browser, links: tuple[str, str, str]) -> list[Path]:
    out = [site / GUIDE, site / AT_A_GLANCE, site / WALLET_CARD]
    (site / "print").mkdir(exist_ok=True)
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(base + "print/guide/", wait_until="networkidle")
    page.evaluate(ASSEMBLE, [base + p for p in guide_pages()])
    page.evaluate(SITE_LINKS, list(links))
    page.pdf(
        path=out[0],
        format="Letter",
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=_footer(lang),
        margin={"top": "1.5cm", "bottom": "1.8cm", "left": "1.5cm", "right": "1.5cm"},
    )
    compact(page, base + "print/at-a-glance/", AT_A_GLANCE_CSS, lang)
    page.evaluate(SITE_LINKS, list(links))
    page.pdf(path=out[1], prefer_css_page_size=True)
    compact(page, base + "print/wallet-card/", WALLET_CARD_CSS, lang)
    page.evaluate(SITE_LINKS, list(links))
    page.pdf(path=out[2], prefer_css_page_size=True, print_background=True)
    page.close()
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tools.pdfs SITE_DIR")
    for path in make_pdfs(Path(sys.argv[1])):
        print(f"{path} ({path.stat().st_size:,} bytes)")
