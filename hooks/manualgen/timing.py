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


def day_rule_breaks(sessions: list[dict], rules: DayRules) -> list[dict]:
    """The rules a day's sessions break, in planner.js's dayWarnings shape: {"rule": "sessions", "n", "max"},
    {"rule": "high", "sessions": [ids], "max"}, {"rule": "minutes", "total", "max"}. Sessions are dicts with id,
    duration and sensitivity. Both are held to tests/golden/day_rules.json."""
    found: list[dict] = []
    if len(sessions) > rules.sessions_per_day:
        found.append({"rule": "sessions", "n": len(sessions), "max": rules.sessions_per_day})
    high = [s["id"] for s in sessions if s.get("sensitivity") == "high"]
    if len(high) > rules.high_per_day:
        found.append({"rule": "high", "sessions": high, "max": rules.high_per_day})
    minutes = sum(s["duration"] for s in sessions)
    if minutes > rules.max_day_minutes:
        found.append({"rule": "minutes", "total": minutes, "max": rules.max_day_minutes})
    return found


def plan_warnings(sessions: list[dict], module_order: dict[str, int], rules: DayRules) -> list[dict]:
    """What a plan's order goes against (planner.js's planWarnings): {"rule": "order", "session", "previous"} for
    each session placed right after one the manual puts later, and {"rule": "agreements", "sessions": [ids],
    "agreements": id} when high-sensitivity sessions come before the group's agreements session. Sessions are
    dicts with id, module, order and sensitivity; module_order: module id -> its order (0 when unknown)."""
    found: list[dict] = []
    place = [(module_order.get(s["module"], 0), s["order"]) for s in sessions]
    for index in range(1, len(sessions)):
        if place[index] < place[index - 1]:
            found.append({"rule": "order", "session": sessions[index]["id"], "previous": sessions[index - 1]["id"]})
    ids = [s["id"] for s in sessions]
    if rules.agreements_session in ids[1:]:
        at = len(ids) - 1 - ids[::-1].index(rules.agreements_session)
        early = [s["id"] for s in sessions[:at] if s.get("sensitivity") == "high"]
        if early:
            found.append({"rule": "agreements", "sessions": early, "agreements": rules.agreements_session})
    return found


LUNCH_WINDOW = 60  # a break more than an hour from the lunch time stays a break: lunch is then outside the day


def lunch_gap(gap_times: list[int], lunch_at: int | None, window: int = LUNCH_WINDOW) -> int | None:
    """Which break between sessions becomes lunch: the one starting nearest to the lunch time (the earlier on a
    tie) and within `window` minutes of it; None otherwise. Lunch never falls inside a session."""
    near = [i for i, at in enumerate(gap_times) if lunch_at is not None and abs(at - lunch_at) <= window]
    return min(near, key=lambda i: (abs(gap_times[i] - lunch_at), gap_times[i])) if near else None


DAY_MINUTES = 24 * 60


def schedule(sessions: list[dict], start: str, rules: DayRules, break_minutes: int,
             lunch_at: str | None = None, lunch_minutes: int = 0) -> list[dict]:
    """Group sessions (dicts with id, duration, sensitivity and activities [{title, minutes, same_day?}]), in
    order, into workshop days that keep the rules: a new day starts when one more session would break any of them
    (a session longer than a day gets a day of its own). Each day is laid out by day_agenda."""
    groups: list[list[dict]] = []
    for session in sessions:
        if groups and not day_rule_breaks(groups[-1] + [session], rules):
            groups[-1].append(session)
        else:
            groups.append([session])
    return [day_agenda(number, group, start, break_minutes, lunch_at, lunch_minutes)
            for number, group in enumerate(groups, start=1)]


def day_agenda(number: int, group: list[dict], start: str, break_minutes: int, lunch_at: str | None = None,
               lunch_minutes: int = 0) -> dict:
    """One day's sessions in their order with clock times, as planner.js's buildAgenda lays out a plan: breaks
    only between sessions (none after the last), the break nearest to the lunch time is lunch instead, every
    activity gets its times. A session that starts on the same calendar day as the one before carries its
    opening's same_day (no week of home practice in between); day_offset counts days past the first midnight."""
    first = at = minutes_of(start)
    gaps = []
    for session in group[:-1]:
        at += session["duration"]
        gaps.append(at)
        at += break_minutes
    lunch = lunch_gap(gaps, minutes_of(lunch_at)) if lunch_at and lunch_minutes else None
    items, at, previous_day = [], first, None
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
        item = {"kind": "session", "session": session, "start": clock("00:00", at), "end": clock("00:00", at + session["duration"]),
                "minutes": session["duration"], "activities": activities, "day_offset": at // DAY_MINUTES}
        opening = session["activities"][0].get("same_day") if session["activities"] else None
        if opening and previous_day == item["day_offset"]:
            item["same_day"] = opening
        previous_day = item["day_offset"]
        items.append(item)
        at += session["duration"]
    return {"number": number, "items": items, "session_minutes": sum(s["duration"] for s in group),
            "start": items[0]["start"], "end": items[-1]["end"], "total": at - first}
