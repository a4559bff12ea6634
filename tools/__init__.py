"""Build tools, kept out of the theme folder so none of them is published: the PDFs, the trimmed
and compiled standard library, the service-worker template, and the local server and Chromium
they (and the tests) use."""
