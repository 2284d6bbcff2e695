"""Questionnaire titles and level labels of stored snapshots, kept for the start-up preview.

The assessment list shows each assessment's questionnaire title and level label, which come from
its questionnaire snapshot. Parsing the snapshots is most of what the start-up preview
(``startup_preview.py``) would otherwise spend before the list appears, so the window keeps
those few texts, in every language the questionnaire has, in one small JSON file per snapshot
in the user cache folder. A snapshot never changes (it is named by its sha256), so a kept file
is never stale; a missing, unreadable or damaged one only means parsing the snapshot again.
Questionnaire text only: never an answer, a comment or a name.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from readiness.domain.model import Questionnaire, Text, localize
from readiness.paths import user_cache_dir

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class SnapshotLabels:
    """A questionnaire's title and its level labels by level number, each in every language."""

    title: Text
    levels: dict[int, Text]

    def level_label(self, level: int) -> str:
        """The label of ``level`` in the language in use; empty when there is none."""
        return localize(self.levels.get(level))

    @classmethod
    def of(cls, questionnaire: Questionnaire) -> SnapshotLabels:
        return cls(
            dict(questionnaire.title), {lv.level: dict(lv.label) for lv in questionnaire.levels}
        )


def _file(sha256: str) -> Path | None:
    return (
        user_cache_dir() / "snapshot-labels" / f"{sha256}.json" if _SHA256.match(sha256) else None
    )


def kept(sha256: str) -> SnapshotLabels | None:
    """The labels kept for the snapshot ``sha256``, or None (never kept, or unreadable)."""
    path = _file(sha256)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        title = {str(k): str(v) for k, v in data["title"].items()}
        levels = {
            int(n): {str(k): str(v) for k, v in text.items()} for n, text in data["levels"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return SnapshotLabels(title, levels)


def keep(sha256: str, questionnaire: Questionnaire) -> None:
    """Keep the labels of the snapshot ``sha256`` (once, or again over a damaged file; written
    whole or not at all; a folder that cannot be written only means no preview labels)."""
    path = _file(sha256)
    if path is None or kept(sha256) is not None:  # a damaged file is written anew
        return
    labels = SnapshotLabels.of(questionnaire)
    data = {"title": labels.title, "levels": {str(n): t for n, t in labels.levels.items()}}
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def labels_of(
    sha256: str, questionnaire: Callable[[], Questionnaire | None]
) -> SnapshotLabels | None:
    """The kept labels of ``sha256``, else those of ``questionnaire()`` (then kept)."""
    found = kept(sha256)
    if found is None and (parsed := questionnaire()) is not None:
        keep(sha256, parsed)
        found = SnapshotLabels.of(parsed)
    return found
