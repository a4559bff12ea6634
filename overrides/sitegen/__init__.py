"""The site generator's renderers: HTML for the shortcodes, rendered from the checker's data.

The MkDocs hooks in ``overrides/hooks/`` call these; nothing here is a hook itself. Each renderer
takes a :class:`~overrides.sitegen.context.Context` (the language being built, the site's data, the
page's citations) and returns HTML, so it can be imported and tested without a build.

- ``words``: the language being built, as an object (the site's words, the checker's words).
- ``data``: the site-only data in ``docs/data/`` (sources of history and news, the timeline, open
  questions) beside the checker's sources; ``context``: what a renderer is given.
- ``citations``: numbered references, the page's source list, the sources page and the timeline.
- ``law``: the law's words, provision by provision, the versions side by side, what is unverified.
- ``tables``: the decision tables and who each version binds, computed by the checker.
- ``checker_page``: the checker's form (``overrides/partials/checker-form.html``), the example, the
  embed snippets, the print links, the printouts' address and dates, and the law firm's details.
- ``red_card``: the sheet of bilingual red cards (``md:red-cards``).
- ``bench``: the speed page's tables (``overrides/partials/bench.html``).
- ``runtime``: where the Python runtime and the wheel go in the site, and copying them there.
- ``parts``: small shared pieces (escaping, table markup, a version's dates as a heading);
  ``templates``: renders the partials.
"""
