"""The report as one JSON document (`--format json`); docs/guides/report.md describes every field.

Shares are fractions from 0 to 1, rounded to 4 decimal places; dates are YYYY-MM-DD.
A section left out with `--section` is left out of the document too; `skipped` is always there.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from journeyctl import __version__
from journeyctl.report.pareto import ParetoRow
from journeyctl.report.portfolio import Action, Moment, Portfolio
from journeyctl.report.summary import MapHealth, PainSummary, Share, Skipped


def report_json(portfolio: Portfolio) -> str:
    """The document as JSON text."""
    return json.dumps(report_document(portfolio), indent=2, ensure_ascii=False) + "\n"


def report_document(portfolio: Portfolio) -> dict[str, Any]:
    """The document as plain data."""
    options = portfolio.options
    sections = options.sections
    document: dict[str, Any] = {
        "tool": "journeyctl",
        "version": __version__,
        "today": options.today.isoformat(),
        "sections": list(sections),
    }
    if "health" in sections:
        document["maps"] = [_health(health) for health in portfolio.maps]
    document["skipped"] = [_skipped(skipped) for skipped in portfolio.skipped]
    if "pareto" in sections:
        pareto = portfolio.pareto
        document["pareto"] = {
            "by": pareto.by,
            "weight": pareto.weight,
            "total": pareto.total,
            "items": [_row(row, pareto.by) for row in pareto.rows],
            "unquantified": [_pain(pain) for pain in pareto.unquantified],
        }
    if "actions" in sections:
        document["actions"] = [_action(action) for action in portfolio.actions]
        document["statuses"] = dict(portfolio.statuses)
    if "matrix" in sections:
        document["matrix"] = {
            **{q.name: [_action(action) for action in q.actions] for q in portfolio.quadrants},
            "unrated": portfolio.unrated,
        }
    if "moments" in sections:
        document["moments"] = [_moment(moment) for moment in portfolio.moments]
    document["fail_on"] = {
        "checked": list(options.fail_on),
        "counts": dict(portfolio.failures),
        "failed": list(portfolio.failed),
    }
    return document


def _fraction(share: Share) -> Optional[float]:
    return None if share.fraction is None else round(share.fraction, 4)


def _date(value: Any) -> Optional[str]:
    return value.isoformat() if value is not None else None


def _health(health: MapHealth) -> dict[str, Any]:
    return {
        "path": health.path,
        "id": health.id,
        "title": health.title,
        "state": health.state,
        "owner": health.owner,
        "last_reviewed": _date(health.last_reviewed),
        "review_due": _date(health.review_due),
        "stale": health.stale,
        "touchpoints": health.touchpoints,
        "with_emotion": _fraction(health.with_emotion),
        "with_evidence": _fraction(health.with_evidence),
        "addressed": _fraction(health.addressed),
        "critical": health.critical,
        "happiness": _fraction(health.happiness),
        "errors": health.errors,
        "warnings": health.warnings,
    }


def _skipped(skipped: Skipped) -> dict[str, Any]:
    return {
        "path": skipped.path,
        "code": skipped.code,
        "line": skipped.line,
        "column": skipped.column,
        "message": skipped.message,
    }


def _pain(pain: PainSummary) -> dict[str, Any]:
    return {
        "map": pain.map,
        "stage": pain.stage,
        "touchpoint": pain.touchpoint,
        "id": pain.id,
        "description": pain.description,
        "severity": pain.severity,
        "occurrences": pain.occurrences,
        "tags": list(pain.tags),
        "addressed_by": [{"id": ident, "status": status} for ident, status in pain.addressed_by],
    }


def _row(row: ParetoRow, by: str) -> dict[str, Any]:
    ranked = {
        "rank": row.rank,
        "severity": row.severity,
        "occurrences": row.occurrences,
        "score": row.score,
        "share": round(row.share, 4),
        "cumulative": round(row.cumulative, 4),
        "vital": row.vital,
        "tags": list(row.tags),
        "addressed_by": [{"map": m, "id": ident, "status": status} for m, ident, status in row.addressed_by],
    }
    if by == "tag":
        return {"tag": row.tag, **ranked, "pain_points": [_pain(pain) for pain in row.pain_points]}
    pain = row.first
    where = {"map": pain.map, "stage": pain.stage, "touchpoint": pain.touchpoint, "id": pain.id}
    return {**where, "description": pain.description, **ranked}


def _action(action: Action) -> dict[str, Any]:
    item = action.opportunity
    return {
        "map": item.map,
        "stage": item.stage,
        "touchpoint": item.touchpoint,
        "id": item.id,
        "description": item.description,
        "owner": item.owner,
        "due": _date(item.due),
        "status": item.status,
        "overdue": action.overdue,
        "impact": item.impact,
        "effort": item.effort,
        "quadrant": action.quadrant,
        "addresses": list(item.addresses),
    }


def _moment(moment: Moment) -> dict[str, Any]:
    touchpoint = moment.touchpoint
    normalised = touchpoint.normalised
    return {
        "map": touchpoint.map,
        "stage": touchpoint.stage,
        "touchpoint": touchpoint.name,
        "id": touchpoint.id,
        "emotion": touchpoint.emotion,
        "scale": {"min": touchpoint.scale[0], "max": touchpoint.scale[1]},
        "normalised": None if normalised is None else round(normalised, 4),
        "critical": touchpoint.critical,
        "lowest": moment.lowest,
        "pain_points": [
            {"id": ident, "description": text, "severity": severity} for ident, text, severity in touchpoint.pain_points
        ],
    }
