"""Tip 1: which circles of your life have people listed, and which are still empty."""

from __future__ import annotations

from dataclasses import dataclass

from core.model import CIRCLES


@dataclass(frozen=True)
class CircleCount:
    """How many people a circle holds, and what to call it."""

    circle: str
    label: str
    people: int

    @property
    def empty(self) -> bool:
        return self.people == 0


def count_circles(counts: dict[str, int]) -> list[CircleCount]:
    """Every known circle in brainstorm order (empty ones included), then any unknown ones."""
    known = [CircleCount(key, label, int(counts.get(key, 0))) for key, label in CIRCLES.items()]
    unknown = [
        CircleCount(key, key.replace("_", " ").capitalize(), int(n))
        for key, n in sorted(counts.items())
        if key not in CIRCLES and n
    ]
    return known + unknown


def empty_circles(counts: dict[str, int]) -> list[str]:
    """Keys of the circles with nobody listed yet, in brainstorm order."""
    return [c.circle for c in count_circles(counts) if c.empty and c.circle in CIRCLES]


def describe_coverage(counts: dict[str, int]) -> str:
    """A plain-words reading of the circle chart."""
    rows = count_circles(counts)
    total = sum(r.people for r in rows)
    if total == 0:
        return "Nobody listed yet. Start with one circle, say family, and add three names."
    covered = [r for r in rows if not r.empty and r.circle in CIRCLES]
    empty = [r.label for r in rows if r.empty]
    largest = max(rows, key=lambda r: r.people)
    text = (
        f"{total:,} {'person' if total == 1 else 'people'} across {len(covered)} of {len(CIRCLES)} circles; "
        f"the largest is {largest.label.lower()} ({largest.people:,})."
    )
    if empty:
        text += f" Still empty: {', '.join(label.lower() for label in empty)}. Who comes to mind there?"
    else:
        text += " Every circle has someone: well done."
    return text
