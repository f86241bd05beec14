"""Agenda arithmetic: cumulative offsets, clock times and durations as people read them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgendaRow:
    index: int
    title: str
    minutes: int
    grouping: str
    start: int  # minutes from the session's start
    end: int


def agenda(activities: list[tuple[str, int, str]]) -> list[AgendaRow]:
    """(title, minutes, grouping) triples -> rows with cumulative start and end offsets."""
    rows, elapsed = [], 0
    for index, (title, minutes, grouping) in enumerate(activities, start=1):
        rows.append(AgendaRow(index, title, minutes, grouping, elapsed, elapsed + minutes))
        elapsed += minutes
    return rows


def offset(minutes: int) -> str:
    """75 -> '1:15' (hours:minutes from the start of the session)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def clock(start: str, minutes: int) -> str:
    """('09:00', 75) -> '10:15'; wraps past midnight."""
    hours, mins = (int(part) for part in start.split(":"))
    total = (hours * 60 + mins + minutes) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def duration(minutes: int) -> str:
    """90 -> '1 h 30 min'; 45 -> '45 min'; 120 -> '2 h' (the same in Spanish and English)."""
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h {mins} min" if mins else f"{hours} h"
