from manualgen.translations import content_hash, recorded_hash, stamp, translation_status


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_status_missing_unstamped_ok_and_stale(tmp_path):
    write(tmp_path / "docs/a.es.md", "---\ntitle: A\n---\nHola\n")
    write(tmp_path / "docs/a.en.md", "---\ntitle: A\n---\nHello\n")
    write(tmp_path / "docs/b.es.md", "---\ntitle: B\n---\nSolo castellano\n")
    rows = {r["page"]: r["languages"]["en"]["state"] for r in translation_status(tmp_path, ("docs",), ("es", "en"))}
    assert rows == {"docs/a": "unstamped", "docs/b": "missing"}
    source = (tmp_path / "docs/a.es.md").read_text(encoding="utf-8")
    target = tmp_path / "docs/a.en.md"
    target.write_text(stamp(target.read_text(encoding="utf-8"), content_hash(source)), encoding="utf-8")
    assert recorded_hash(target.read_text(encoding="utf-8")) == content_hash(source)
    assert translation_status(tmp_path, ("docs",), ("es", "en"))[0]["languages"]["en"]["state"] == "ok"
    write(tmp_path / "docs/a.es.md", source.replace("Hola", "Hola a todos"))
    assert translation_status(tmp_path, ("docs",), ("es", "en"))[0]["languages"]["en"]["state"] == "stale"


def test_stamp_replaces_an_older_hash_and_keeps_the_body():
    text = "---\ntitle: A\nsource_hash: 000000000000\n---\nBody ---\n"
    out = stamp(text, "abcdefabcdef")
    assert out == "---\ntitle: A\nsource_hash: abcdefabcdef\n---\nBody ---\n"


def test_how_a_page_is_shown_is_not_part_of_what_a_translator_translates():
    page = "---\ntitle: Inicio\n---\nTexto.\n"
    shown = ("---\ntemplate: manual/home.html\ntitle: Inicio\nsearch: {exclude: true}\nhide:\n  - toc\n"
             "---\nTexto.\n")
    assert content_hash(shown) == content_hash(page)
    assert content_hash("---\ntitle: Inicio\n---\nOtro texto.\n") != content_hash(page)
    assert content_hash("---\ntitle: Portada\n---\nTexto.\n") != content_hash(page)
