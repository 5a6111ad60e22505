"""The one place for journeyctl's defaults: what a map or a config file leaves unsaid."""

from __future__ import annotations

# Severity levels, most severe first: a rule's default and a config's `severity` table.
SEVERITIES = ("error", "warning", "info")

# The channel vocabulary (W110); a config's `channels` adds to it.
DEFAULT_CHANNELS = frozenset(
    {
        "website",
        "email",
        "phone",
        "chat",
        "social",
        "ad",
        "search",
        "store",
        "event",
        "app",
        "support",
        "referral",
        "review",
        "sales",
        "mail",
        "sms",
        "partner",
        "other",
    }
)
# Past these, a map is too complex to read (W111).
MAX_STAGES = 9
MAX_TOUCHPOINTS_PER_STAGE = 12
# How often a map is reviewed, in days (W105), unless the map or the config says otherwise.
REVIEW_EVERY_DAYS = 90
# What folder searches leave out unless a config's `exclude` says otherwise
# (gitignore-style): hidden folders (.github, .venv, .tox, ...), JavaScript and Python packages.
DEFAULT_EXCLUDE = (".*/", "node_modules/", "__pypackages__/", "site-packages/")
# Where the documentation site is published (mkdocs.yml's site_url): a rule's page is rules/CODE/.
DOCS_URL = "https://journeyctl.dev/"
# The emotion scale of a map that names none.
SCALE_MIN, SCALE_MAX = -2, 2
