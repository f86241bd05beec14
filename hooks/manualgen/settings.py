"""The manual's settings: what mkdocs.yml says under extra.manual (with the defaults it may leave out) and the
MANUAL_PDF switch, read once into one frozen value. The files the validation depends on are derived from it."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    root: Path
    docs_dir: Path
    modules_dir: str
    schema_path: Path
    facts_path: Path
    labels_path: Path
    safety_path: Path  # data/safety.yml: the safety statements pages cite as [[safety:ID]]
    change_check_path: Path  # the change-check kit's item registry (manualgen.change_check)
    referrals_path: Path  # the referral log's categories (manualgen.referrals)
    languages: tuple[str, ...]
    helplines: dict  # extra.manual.helplines: every phone line, by id (see manualgen.helplines)
    pdf: dict
    site_url: str | None
    cache_dir: str
    schedule: dict  # extra.manual.schedule
    attendance_rows: int  # name rows on the attendance sheet
    sign_in_rows: int  # name rows on the per-session sign-in sheet
    glossary: str   # stem of the glossary page (its definitions explain terms on every other page)
    home: dict      # extra.manual.home: the home page's ways in (pages by stem)
    checklist: dict = None  # extra.manual.checklist: the sheets a session's checklist names after it (handout ids)
    typographic_quotes: tuple[str, ...] = ()  # languages whose plain quotes are set as “…” ’ when built
    published_types: frozenset[str] = frozenset()  # kinds of file docs/ and modules/ may publish beside the pages
    wall_sheets: dict = field(default_factory=dict)  # extra.manual.wall_sheets: the rotafolio's rule and sheet size
    minify: str = "build"  # extra.manual.minify: when our scripts and styles are minified (manualgen.minify.MODES)

    @property
    def labels_schema_path(self) -> Path:
        """The labels' schema lives beside the manual's."""
        return self.schema_path.with_name("labels.schema.json")


# The sheets a session's facilitator checklist names for after the session (extra.manual.checklist overrides them).
CHECKLIST_SHEETS = {"referral_log": "m07-h05", "evaluation": "m07-h04"}


def read_settings(root: Path, docs_dir: Path, extra: dict, languages: tuple[str, ...], site_url: str | None) -> Settings:
    """Settings from extra.manual (`extra`), paths resolved against the project folder `root`; `languages` with
    the default language first."""
    return Settings(root=root, docs_dir=docs_dir, modules_dir=extra.get("modules_dir", "modules"),
                    schema_path=root / extra.get("schema", "schema/manual.schema.json"),
                    facts_path=root / extra.get("facts", "data/facts.yml"),
                    labels_path=root / extra.get("labels", "data/labels.yml"),
                    safety_path=root / extra.get("safety", "data/safety.yml"),
                    change_check_path=root / extra.get("change_check", "data/change_check.yml"),
                    referrals_path=root / extra.get("referrals", "data/referrals.yml"),
                    languages=languages, helplines=extra.get("helplines") or {},
                    pdf=extra.get("pdf") or {},
                    site_url=site_url or None, cache_dir=extra.get("cache", ".cache"),
                    schedule=extra.get("schedule") or {}, attendance_rows=int(extra.get("attendance_rows", 20)),
                    sign_in_rows=int(extra.get("sign_in_rows", 16)),
                    glossary=extra.get("glossary", "glosario"), home=extra.get("home") or {},
                    checklist={**CHECKLIST_SHEETS, **(extra.get("checklist") or {})},
                    typographic_quotes=tuple(extra.get("typographic_quotes") or ()),
                    published_types=frozenset(str(t).lower().lstrip(".") for t in extra.get("published_types") or ()),
                    wall_sheets=extra.get("wall_sheets") or {}, minify=extra.get("minify", "build"))


def data_files(s: Settings) -> list[Path]:
    """The data and schema files the settings name (every `*_path` setting, the labels' schema after the
    manual's): a new data file in Settings is an input of the validation without a second list to keep."""
    named = [getattr(s, f.name) for f in fields(s) if f.name.endswith("_path")]
    return named[:1] + [s.labels_schema_path] + named[1:]


def validation_inputs(s: Settings, code_dir: Path) -> list[Path]:
    """Every file whose content decides whether the manual is valid: data and schemas, module files, framing
    pages and the generator's Python code under `code_dir`; files that do not exist are left out."""
    paths = data_files(s)
    paths += sorted(p for p in (s.root / s.modules_dir).rglob("*") if p.is_file())
    paths += sorted(p for p in s.docs_dir.rglob("*.md") if p.is_file())
    paths += sorted(code_dir.rglob("*.py"))
    return [p for p in paths if p.is_file()]


def pdf_mode(value: str | None) -> str:
    """MANUAL_PDF (`value`): 1 (default) renders every PDF -> "on"; preview (make serve) never makes a rebuild
    wait for PDFs -> "preview"; 0 skips PDFs for the quickest preview (links to PDFs are then left out) -> "off"."""
    value = (value or "1").strip().lower()
    if value in ("0", "no", "false", "off"):
        return "off"
    return "preview" if value == "preview" else "on"
