"""How hooks report trouble: warnings through one named logger (strict mode counts them) and `reported`, which
turns an unexpected exception in a hook event into one build error naming the page. Not a hook itself."""
from __future__ import annotations

import functools
import traceback

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from manualgen.problems import DISK_ERRORS, file_system_message

log = get_plugin_logger("manual")


def _unexpected(handler, args, kwargs, exc: Exception) -> PluginError:
    page = kwargs.get("page") or next((a for a in args if hasattr(a, "file")), None)
    where = page.file.src_uri if page is not None else "(construcción del sitio)"
    log.debug("".join(traceback.format_exception(exc)))
    return PluginError(f"{where}: error inesperado al procesar la página ({handler.__module__}.{handler.__name__}: "
                       f"{type(exc).__name__}: {exc}) — revise el archivo; si el error sigue, avise al equipo "
                       f"técnico con este mensaje (mkdocs build --verbose muestra el detalle)")


def reported(handler):
    """Wrap a hook event so an unexpected exception becomes one build error naming the file being
    processed (no traceback for authors; the traceback goes to the debug log for developers). A disk that
    refuses a write (full, read-only) is said as such: nothing in the page is to blame."""
    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except PluginError:
            raise
        except OSError as exc:
            if exc.errno in DISK_ERRORS:
                raise PluginError(file_system_message(exc)) from None
            raise _unexpected(handler, args, kwargs, exc) from None
        except Exception as exc:  # noqa: BLE001 - any failure must reach the author as a clear message
            raise _unexpected(handler, args, kwargs, exc) from None
    return wrapper
