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


@dataclass(frozen=True)
class DayRules:
    """The manual's safety rules for a workshop day (mkdocs.yml, extra.manual.schedule)."""
    sessions_per_day: int = 2
    high_per_day: int = 1
    max_day_minutes: int = 360
    agreements_session: str | None = None  # the session where the group makes its agreements: before any high one

    @classmethod
    def from_settings(cls, options: dict) -> "DayRules":
        return cls(int(options.get("sessions_per_day", 2)), int(options.get("high_sensitivity_per_day", 1)),
                   int(options.get("max_day_minutes", 360)), options.get("agreements_session"))

    def for_script(self, session_ids: set[str] | None = None) -> dict:
        """The rules under the names planner.js reads (dayWarnings, planWarnings, planAgenda), for the planner's
        and the certificate page's JSON. session_ids: the language's sessions, to check the agreements session
        against (ValueError naming the setting when it is not one of them)."""
        if self.agreements_session and session_ids is not None and self.agreements_session not in session_ids:
            raise ValueError(f"mkdocs.yml: extra.manual.schedule.agreements_session: {self.agreements_session!r} "
                             "is not a session id of the manual — write the id of the session where the group makes "
                             "its agreements (e.g. m01-s01), or remove the setting")
        return {"sessionsPerDay": self.sessions_per_day, "highPerDay": self.high_per_day,
                "maxDayMinutes": self.max_day_minutes, "lunchWindow": LUNCH_WINDOW,
                "agreementsSession": self.agreements_session}


def day_rule_breaks(sessions: list[dict], rules: DayRules) -> list[tuple[str, object]]:
    """The rules a day's sessions break, as (rule, detail): ("sessions", 3), ("high", [ids]), ("minutes", 420).
    Sessions are dicts with duration and sensitivity. The planner applies the same rules (planner.js)."""
    found: list[tuple[str, object]] = []
    if len(sessions) > rules.sessions_per_day:
        found.append(("sessions", len(sessions)))
    high = [s["id"] for s in sessions if s.get("sensitivity") == "high"]
    if len(high) > rules.high_per_day:
        found.append(("high", high))
    minutes = sum(s["duration"] for s in sessions)
    if minutes > rules.max_day_minutes:
        found.append(("minutes", minutes))
    return found


LUNCH_WINDOW = 60  # a break more than an hour from the lunch time stays a break: lunch is then outside the day


def lunch_gap(gap_times: list[int], lunch_at: int | None, window: int = LUNCH_WINDOW) -> int | None:
    """Which break between sessions becomes lunch: the one starting nearest to the lunch time (the earlier on a
    tie) and within `window` minutes of it; None otherwise. Lunch never falls inside a session."""
    near = [i for i, at in enumerate(gap_times) if lunch_at is not None and abs(at - lunch_at) <= window]
    return min(near, key=lambda i: (abs(gap_times[i] - lunch_at), gap_times[i])) if near else None


def schedule(sessions: list[dict], start: str, rules: DayRules, break_minutes: int,
             lunch_at: str | None = None, lunch_minutes: int = 0) -> list[dict]:
    """Group sessions (dicts with id, duration, sensitivity and activities [{title, minutes}]), in order, into
    workshop days that keep the rules: a new day starts when one more session would break any of them (a
    session longer than a day gets a day of its own). Breaks separate sessions; the break nearest to the
    lunch time is lunch instead. Every session and activity gets clock times."""
    groups: list[list[dict]] = []
    for session in sessions:
        if groups and not day_rule_breaks(groups[-1] + [session], rules):
            groups[-1].append(session)
        else:
            groups.append([session])
    days = []
    for number, group in enumerate(groups, start=1):
        days.append(_day(number, group, minutes_of(start), break_minutes,
                         minutes_of(lunch_at) if lunch_at and lunch_minutes else None, lunch_minutes))
    return days


def _day(number: int, group: list[dict], start: int, break_minutes: int, lunch_at: int | None, lunch_minutes: int) -> dict:
    gaps, at = [], start
    for session in group[:-1]:
        at += session["duration"]
        gaps.append(at)
        at += break_minutes
    lunch = lunch_gap(gaps, lunch_at)
    items, at = [], start
    for index, session in enumerate(group):
        if index:
            is_lunch = index - 1 == lunch
            length = lunch_minutes if is_lunch else break_minutes
            if length:
                items.append({"kind": "lunch" if is_lunch else "break", "start": clock("00:00", at),
                              "end": clock("00:00", at + length), "minutes": length})
            at += length
        activities, clock_at = [], at
        for activity in session["activities"]:
            activities.append({**activity, "start": clock("00:00", clock_at), "end": clock("00:00", clock_at + activity["minutes"])})
            clock_at += activity["minutes"]
        items.append({"kind": "session", "session": session, "start": clock("00:00", at),
                      "end": clock("00:00", at + session["duration"]), "minutes": session["duration"], "activities": activities})
        at += session["duration"]
    session_minutes = sum(s["duration"] for s in group)
    return {"number": number, "items": items, "session_minutes": session_minutes, "start": items[0]["start"],
            "end": items[-1]["end"], "total": at - start}
