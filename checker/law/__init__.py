"""The statutes, one module per section; each function implements one subsection of one version."""
