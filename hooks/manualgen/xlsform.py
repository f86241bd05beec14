"""XLSForms for KoboToolbox and ODK Collect, made at build time from the same data as the paper sheets: the
sessions of the manual (attendance counts, session report) and the change-check registry (answers by participant
code). Bilingual labels (`label::Español (es)`, `label::English (en)`); no field for a name or a phone number;
the answer choices are the registry's, one to one with the paper questionnaire.

`forms()` describes the forms as rows (pure, tested without a build); `xlsx_bytes()` writes one with openpyxl."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .change_check import Registry, code_example, code_pattern
from .change_check_render import code_rule
from .disk_memo import DiskMemo, key_of

LANGUAGE_NAMES = {"es": "Español", "en": "English", "qu": "Runasimi", "ay": "Aymar aru", "pt": "Português"}
FOLDER = "forms"
# Question types that would collect something about the person or the phone: never in our forms.
IDENTIFYING_TYPES = ("deviceid", "phonenumber", "simserial", "subscriberid", "username", "email", "audit", "start-geopoint",
                     "geopoint", "geotrace", "geoshape", "image", "audio", "video", "background-audio")
# A fixed time inside the .xlsx (a zip): the same data gives the same bytes, so the phone edition's file list and
# the offline editions' checksums change only when a form does.
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


@dataclass
class Form:
    stem: str     # file name without .xlsx; also the form_id
    title: dict   # per language
    survey: list[dict] = field(default_factory=list)
    choices: list[dict] = field(default_factory=list)

    @property
    def filename(self) -> str:
        return f"{self.stem}.xlsx"


def column(kind: str, lang: str) -> str:
    return f"{kind}::{LANGUAGE_NAMES.get(lang, lang)} ({lang})"


def _texts(kind: str, texts: dict, languages) -> dict:
    return {column(kind, lang): texts[lang] for lang in languages}


class _Words:
    """Labels from data/labels.yml, one value per language."""

    def __init__(self, labels: dict, languages: tuple[str, ...]):
        self.labels, self.languages = labels, languages

    def __call__(self, key: str, **values) -> dict:
        """`values` are the same in every language, or given per language as {lang: text}."""
        return {lang: self.labels[lang][key].format(**{name: value[lang] if isinstance(value, dict) else value
                                                        for name, value in values.items()})
                for lang in self.languages}


def _question(languages, kind: str, name: str, label: dict, hint: dict | None = None, **extra) -> dict:
    row = {"type": kind, "name": name, **_texts("label", label, languages)}
    if hint:
        row.update(_texts("hint", hint, languages))
    row.update({key: value for key, value in extra.items() if value is not None})
    return row


def _session_choices(sessions: list[dict], languages) -> list[dict]:
    """sessions: [{id, duration, title: {lang: …}}] in programme order."""
    return [{"list_name": "session", "name": s["id"], **_texts("label", {lang: f"{s['id']} · {s['title'][lang]}" for lang in languages},
                                                                languages), "minutes": s["duration"]} for s in sessions]


def _common_start(words: _Words, languages, intro: dict) -> list[dict]:
    return [
        _question(languages, "note", "intro", intro),
        _question(languages, "text", "place", words("form_place"), words("form_place_hint"), required="yes"),
        _question(languages, "date", "date", words("form_date"), required="yes"),
    ]


def attendance_form(sessions: list[dict], words: _Words, languages) -> Form:
    survey = _common_start(words, languages, words("form_attendance_intro")) + [
        _question(languages, "select_one session", "session", words("form_session"), required="yes"),
        _question(languages, "integer", "participants", words("form_participants"), words("form_count_hint"), required="yes",
                  constraint=". >= 0 and . <= 200", **_texts("constraint_message", words("form_count_invalid"), languages)),
    ]
    return Form("asistencia", words("form_attendance_title"), survey, _session_choices(sessions, languages))


def session_report_form(sessions: list[dict], referral_services: list[tuple[str, dict]], words: _Words, languages) -> Form:
    """referral_services: (id, name per language) of the referral log's categories (data/referrals.yml), `other` last."""
    count = dict(constraint=". >= 0 and . <= 200", **_texts("constraint_message", words("form_count_invalid"), languages))
    survey = _common_start(words, languages, words("form_report_intro")) + [
        _question(languages, "select_one session", "session", words("form_session"), required="yes"),
        _question(languages, "calculate", "minutes_planned", words("form_minutes_planned"),
                  calculation="instance('session')/root/item[name = ${session}]/minutes"),
        _question(languages, "integer", "participants", words("form_participants"), words("form_count_hint"), required="yes", **count),
        _question(languages, "integer", "minutes_actual", words("form_minutes_actual"), words("form_minutes_actual_hint"),
                  required="yes", constraint=". >= 0 and . <= 600",
                  **_texts("constraint_message", words("form_count_invalid"), languages)),
        _question(languages, "select_one yes_no", "referred", words("form_referred"), words("form_referred_hint"), required="yes"),
        {"type": "begin_group", "name": "referrals", **_texts("label", words("form_referrals"), languages),
         "relevant": "${referred} = 'yes'"},
    ]
    for service_id, name in referral_services:
        survey.append(_question(languages, "integer", "referred_" + service_id.replace("-", "_"), name, None,
                                required="yes", **count))
    survey += [
        {"type": "end_group", "name": "referrals"},
        _question(languages, "text", "note", words("form_note"), words("form_note_hint"), appearance="multiline"),
    ]
    choices = _session_choices(sessions, languages) + [
        {"list_name": "yes_no", "name": "yes", **_texts("label", words("form_yes"), languages)},
        {"list_name": "yes_no", "name": "no", **_texts("label", words("form_no"), languages)},
    ]
    return Form("informe_de_sesion", words("form_report_title"), survey, choices)


def change_check_form(registry: Registry, helpline: dict, words: _Words, languages) -> Form:
    """One submission per paper questionnaire: the code and the moment as written on it, then each statement's
    answer; a statement left blank (or with two marks) on paper is left blank here, as the scoring sheet counts it."""
    # the participant code is checked with the rule the code sheet prints (registry.code): one truth for paper and phone
    rule = {lang: code_rule(registry, lang, words.labels[lang]) for lang in languages}
    invalid = words("form_code_invalid", code=code_example(registry.code))
    survey = _common_start(words, languages, words("form_change_intro", helpline=helpline)) + [
        _question(languages, "select_one moment", "moment", words("form_moment"), required="yes"),
        _question(languages, "text", "code", words("form_code"), words("form_code_hint", rule=rule), required="yes",
                  constraint=f"regex(., '{code_pattern(registry.code)}')", **_texts("constraint_message", invalid, languages)),
    ]
    for item in registry.items:
        survey.append(_question(languages, "select_one answer", item_field(item.id),
                                {lang: f"{item.number}. {item.text[lang]}" for lang in languages}))
    choices = [{"list_name": "moment", "name": "entry", **_texts("label", words("cc_entry"), languages)},
               {"list_name": "moment", "name": "exit", **_texts("label", words("cc_exit"), languages)}]
    choices += [{"list_name": "answer", "name": answer.id, **_texts("label", answer.label, languages)} for answer in registry.answers]
    return Form("cuestionario_de_cambio", words("form_change_title"), survey, choices)


def item_field(item_id: str) -> str:
    """A registry id as an XLSForm field name (letters, digits, underscores): stable across editions."""
    return "s_" + item_id.replace("-", "_")


def forms(registry: Registry, sessions: list[dict], referral_services: list[tuple[str, dict]], helpline: dict,
          labels: dict, languages: tuple[str, ...]) -> list[Form]:
    """sessions: [{id, duration, title: {lang: …}}]; referral_services: [(id, name per language)]; helpline: the
    name per language of the line the change-check form points to; labels: data/labels.yml by language."""
    words = _Words(labels, languages)
    return [attendance_form(sessions, words, languages), session_report_form(sessions, referral_services, words, languages),
            change_check_form(registry, helpline, words, languages)]


def _columns(rows: list[dict]) -> list[str]:
    names: list[str] = []
    for row in rows:
        names += [key for key in row if key not in names]
    return names


def version(form: Form) -> str:
    """Changes whenever the form does: KoboToolbox and ODK tell deployed versions apart by it."""
    data = json.dumps([form.stem, form.title, form.survey, form.choices], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:10]


def sheets(form: Form, languages: tuple[str, ...]) -> dict[str, list[list]]:
    """The three sheets as rows of cells, the header first."""
    out = {}
    for name, rows in (("survey", form.survey), ("choices", form.choices)):
        header = _columns(rows)
        out[name] = [header] + [[row.get(key, "") for key in header] for row in rows]
    settings = {"form_title": form.title[languages[0]], "form_id": form.stem, "version": version(form),
                "default_language": f"{LANGUAGE_NAMES.get(languages[0], languages[0])} ({languages[0]})"}
    out["settings"] = [list(settings), list(settings.values())]
    return out


def xlsx_bytes(form: Form, languages: tuple[str, ...], memo: DiskMemo | None = None) -> bytes:
    """The form as an .xlsx file. With `memo` (see memo_version), a form whose sheets an earlier build wrote
    is taken from it: openpyxl is not even imported (0.1 s) when no form changed."""
    content = sheets(form, languages)
    key = key_of(json.dumps(content, sort_keys=True, ensure_ascii=False))
    if memo is not None and (known := memo.get(key)) is not None:
        return base64.b64decode(known)
    data = _written(content)
    if memo is not None:
        memo.put(key, base64.b64encode(data).decode("ascii"))
    return data


def memo_version() -> str:
    """What the file depends on besides its sheets: this code and openpyxl's version."""
    from importlib.metadata import version as installed_version
    return key_of(Path(__file__).read_bytes(), installed_version("openpyxl"))


def _written(content: dict[str, list[list]]) -> bytes:
    from openpyxl import Workbook
    from datetime import datetime

    book = Workbook()
    book.remove(book.active)
    for name, rows in content.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.properties.creator = "manual"
    book.properties.created = book.properties.modified = datetime(*FIXED_TIME)
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_times(raw.getvalue())


MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_times(data: bytes) -> bytes:
    """The same zip with every member dated FIXED_TIME, and the same time as the document's last change
    (openpyxl stamps both with the time of writing)."""
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*FIXED_TIME).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
