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


def minutes_of(clock_time: str) -> int:
    hours, mins = (int(part) for part in clock_time.split(":"))
    return hours * 60 + mins


def schedule(sessions: list[dict], start: str, max_day_minutes: int, break_minutes: int,
             lunch_at: str | None = None, lunch_minutes: int = 0) -> list[dict]:
    """Group sessions (dicts with id, duration and activities [{title, minutes}]) into workshop days.

    A day holds sessions while their minutes fit in max_day_minutes (a longer session gets a day of its
    own); a break separates sessions, and the first break that would start at or after lunch_at is a
    lunch break instead. Every session and activity gets clock times."""
    days: list[dict] = []
    for session in sessions:
        day = days[-1] if days else None
        if day is None or (day["session_minutes"] and day["session_minutes"] + session["duration"] > max_day_minutes):
            day = {"number": len(days) + 1, "items": [], "session_minutes": 0, "clock": minutes_of(start), "lunch": False}
            days.append(day)
        if day["items"]:
            is_lunch = bool(lunch_at) and not day["lunch"] and day["clock"] >= minutes_of(lunch_at) and lunch_minutes
            length = lunch_minutes if is_lunch else break_minutes
            if length:
                day["items"].append({"kind": "lunch" if is_lunch else "break", "start": clock("00:00", day["clock"]),
                                     "end": clock("00:00", day["clock"] + length), "minutes": length})
            day["lunch"] = day["lunch"] or is_lunch
            day["clock"] += length
        activities, at = [], day["clock"]
        for activity in session["activities"]:
            activities.append({**activity, "start": clock("00:00", at), "end": clock("00:00", at + activity["minutes"])})
            at += activity["minutes"]
        day["items"].append({"kind": "session", "session": session, "start": clock("00:00", day["clock"]),
                             "end": clock("00:00", day["clock"] + session["duration"]), "minutes": session["duration"],
                             "activities": activities})
        day["clock"] += session["duration"]
        day["session_minutes"] += session["duration"]
    for day in days:
        day["start"], day["end"] = day["items"][0]["start"], day["items"][-1]["end"]
        day["total"] = minutes_of(day["end"]) - minutes_of(day["start"])
        del day["clock"], day["lunch"]
    return days
