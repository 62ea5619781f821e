"""Pure text rules shared by parsing and the per-item stages: normalising lines (``normalize``),
Traditional → Simplified for matching (``hanzi``), boilerplate lines, blocks repeated inside a page
(``repeats``), numbering markers, the sections tree, and the body fingerprint."""
