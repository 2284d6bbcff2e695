"""Hatch build hook: the wheel ships compiled gettext catalogues (DESIGN section 11).

Every ``resources/locale/LANG/LC_MESSAGES/readiness.po`` is compiled with Babel (fuzzy entries
left out, as msgfmt does) into ``readiness/builtin/resources/locale/LANG/LC_MESSAGES/readiness.mo``
inside the wheel; the ``.po`` and ``.pot`` sources stay out of it (they are in the sdist).
Compiled files are build output: they are written to a temporary folder, never to the tree.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE_RESOURCES = "readiness/builtin/resources"


class CatalogueBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads resources/ from the tree (readiness/paths.py)
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        resources = Path(self.root) / "resources"
        self._compiled = Path(tempfile.mkdtemp(prefix="readiness-mo-"))
        force_include = build_data["force_include"]
        for path in sorted(resources.rglob("*")):
            if not path.is_file() or path.suffix in (".po", ".pot", ".mo"):
                continue
            relative = path.relative_to(resources).as_posix()
            force_include[str(path)] = f"{PACKAGE_RESOURCES}/{relative}"
        for po in sorted(resources.glob("locale/*/LC_MESSAGES/*.po")):
            relative = po.relative_to(resources).with_suffix(".mo")
            mo = self._compiled / relative
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source, abort_invalid=True)
            with mo.open("wb") as target:
                write_mo(target, catalog, use_fuzzy=False)
            force_include[str(mo)] = f"{PACKAGE_RESOURCES}/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        compiled = getattr(self, "_compiled", None)
        if compiled is not None:
            shutil.rmtree(compiled, ignore_errors=True)
