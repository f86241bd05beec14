"""Expose modules/ to MkDocs and to the i18n plugin.

The i18n plugin rebuilds every File from docs_dir + src_path and drops files whose source lies
elsewhere (PITFALLS.md §1). So, before it runs, the module pages are added as if they lived at
docs_dir/modules/...; modules_paths.py points them back at the real files after it has run."""
from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import manual_settings
import reporting


@event_priority(100)  # before the i18n plugin (-100)
@reporting.reported
def on_files(files, config):
    s = manual_settings.settings(config)
    base = s.root / s.modules_dir
    for path in sorted(base.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.name.startswith("."):  # links are refused by content_check
            continue
        src_uri = f"{s.modules_dir}/{path.relative_to(base).as_posix()}"
        if files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files
