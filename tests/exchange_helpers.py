"""Helpers for the exchange-package tests: workspaces driven through the real command line
(in this process, for speed), package members taken apart and put back together, and the real
``age`` / ``minisign`` tools when installed."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from readiness.cli import main
from readiness.exchange import signing

MEMBERS = ("manifest.json", "manifest.json.minisig", "assessment.json", "questionnaire.yaml")


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Side:
    """One workspace: its own database and its own keys (next to the database)."""

    db: Path

    def run(self, *args: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--db", str(self.db), *args])
        return Result(code, out.getvalue(), err.getvalue())

    def ok(self, *args: str) -> str:
        result = self.run(*args)
        assert result.code == 0, result.err
        return result.out.strip()

    @property
    def keys(self) -> Path:
        return self.db.parent / f"{self.db.stem}-keys"

    @property
    def identity(self) -> Path:
        return self.keys / "encryption.key"

    def public_key(self) -> str:
        return json.loads(self.ok("keys", "--json"))["signing"]["public_key"]

    def card(self, path: Path) -> Path:
        self.ok("keys", "card", "-o", str(path))
        return path

    def db_state(self) -> tuple[str, ...]:
        """The bytes of the database and its log, hashed: equal means byte-identical.

        Earlier writes are first checkpointed into the file (connections of earlier in-process
        commands may still hold them in the write-ahead log), so that a later difference can
        only come from what happened in between.
        """
        gc.collect()
        with contextlib.closing(sqlite3.connect(self.db)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return tuple(
            hashlib.sha256(p.read_bytes() if p.exists() else b"").hexdigest()
            for p in (self.db, self.db.with_name(self.db.name + "-wal"))
        )  # a missing write-ahead log and an empty one hold the same: nothing


def make_side(folder: Path, name: str) -> Side:
    folder.mkdir(parents=True, exist_ok=True)
    side = Side(folder / f"{name}.db")
    side.ok("keys", "--name", name)
    return side


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def resign(members: dict[str, bytes], signing_key: Path, **changes: Any) -> dict[str, bytes]:
    """Members with the manifest's content entries recomputed, ``changes`` applied, re-signed."""
    manifest = json.loads(members["manifest.json"])
    for name in ("assessment.json", "questionnaire.yaml"):
        data = members[name]
        manifest["members"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    manifest.update(changes)
    raw = json.dumps(manifest, indent=2).encode()
    return {
        **members,
        "manifest.json": raw,
        "manifest.json.minisig": signing.sign(signing_key.read_bytes(), raw, "test"),
    }


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"the '{name}' command-line tool is not installed (apt-get install {name})")
    return found


def run_tool(*args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(list(args), input=data, capture_output=True, timeout=60, check=False)
