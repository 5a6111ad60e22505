"""Maps in and out: `journeyctl import` (CSV, XLSX, Mermaid), `journeyctl export`
(CSV, XLSX, JSON, Mermaid) and `render --format pdf`.

import:  csvfile / xlsxfile -> Grid -> tables (layout, headers) -> draft -> build (YAML, fmt, lint)
         mermaid -> draft -> build
export:  the check service -> columns (tables) -> csvfile / xlsxfile; json; the Markdown page's Mermaid block
pdf:     render's HTML page, printed by headless Chromium
"""
