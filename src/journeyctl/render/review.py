"""A map's review status as pages show it: when it was last reviewed, when the next review is
due, and whether it is stale on the render date (the map page's header and the site's index)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from journeyctl.core.defaults import REVIEW_EVERY_DAYS
from journeyctl.model import JourneyMap


@dataclass(frozen=True)
class ReviewView:
    """When the map was reviewed and whether it is stale on the render date.

    `phrase` is the label without its date, so that a page can keep the date on one line.
    """

    last_reviewed: Optional[str]
    due: Optional[str]
    every_days: int
    stale: bool
    phrase: str

    @property
    def label(self) -> str:
        """The phrase and the due date: `Next review due 2027-02-18`."""
        return f"{self.phrase} {self.due}" if self.due else self.phrase


def review_view(journey: JourneyMap, today: date) -> ReviewView:
    """The review status of `journey` as of `today`."""
    every = journey.review_every_days or REVIEW_EVERY_DAYS
    due = journey.review_due()
    if journey.last_reviewed is None or due is None:
        return ReviewView(None, None, every, True, "Never reviewed")
    stale = due < today
    phrase = "Review overdue since" if stale else "Next review due"
    return ReviewView(journey.last_reviewed.isoformat(), due.isoformat(), every, stale, phrase)
