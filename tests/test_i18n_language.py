"""Choosing the language (DESIGN section 11): --lang, READINESS_LANG, the system locale, English;
and the compiled catalogue: made once from the .po, reused while the .po is unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from readiness import catalogue_cache, i18n

REPO = Path(__file__).resolve().parent.parent
PO = REPO / "resources" / "locale" / "fr" / "LC_MESSAGES" / "readiness.po"


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("fr", {"READINESS_LANG": "en", "LANG": "en_GB.UTF-8"}, ("fr", "option")),
        ("en", {"READINESS_LANG": "fr", "LANG": "fr_FR.UTF-8"}, ("en", "option")),
        (None, {"READINESS_LANG": "fr", "LANG": "en_GB.UTF-8"}, ("fr", "environment")),
        (None, {"READINESS_LANG": "fr_CA.UTF-8"}, ("fr", "environment")),
        (None, {"READINESS_LANG": "de", "LANG": "fr_BE.UTF-8"}, ("fr", "locale")),
        (None, {"LANG": "fr_FR.UTF-8"}, ("fr", "locale")),
        (None, {"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, ("fr", "locale")),
        (None, {"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, ("fr", "locale")),
        (None, {"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, ("en", "default")),
        (None, {"LANG": "de_DE.UTF-8"}, ("en", "default")),
        (None, {"LANG": "French_France.1252"}, ("fr", "locale")),
        (None, {}, ("en", "default")),
    ],
)
def test_the_language_comes_from_option_then_environment_then_locale_then_english(
    option, environ, expected
):
    assert i18n.choose_language(option, environ) == expected


def test_an_unknown_language_is_refused_with_the_ones_we_have():
    with pytest.raises(ValueError, match=r"unknown language 'de' \(available: en, fr\)"):
        i18n.check_language("de")


def _chosen_in_a_process(args: list[str], env_changes: dict[str, str | None]) -> str:
    """What a real `readiness` process chooses, before it imports any command module."""
    env = dict(os.environ)
    for name in ("READINESS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        env.pop(name, None)
    for name, value in env_changes.items():
        if value is not None:
            env[name] = value
    code = (
        "import sys\n"
        "from readiness.cli import _choose_language\n"
        "from readiness import i18n\n"
        "assert _choose_language(sys.argv[1:]) is None\n"
        "print(i18n.current_language(), i18n.language_source(),"
        " any(m.startswith('readiness.cli.') for m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--lang", "fr", "org", "list"], {"READINESS_LANG": "en"}, "fr option"),
        (["--db", "x.db", "--lang=fr", "org"], {"LANG": "en_US.UTF-8"}, "fr option"),
        (["--lang", "en", "org"], {"READINESS_LANG": "fr"}, "en option"),
        (["org", "list"], {"READINESS_LANG": "fr", "LANG": "en_US.UTF-8"}, "fr environment"),
        (["org", "list"], {"LANG": "fr_FR.UTF-8"}, "fr locale"),
        (["org", "list"], {"LANG": "C.UTF-8"}, "en default"),
    ],
)
def test_a_process_chooses_its_language_before_any_command_module_loads(args, env, expected):
    assert _chosen_in_a_process(args, env) == f"{expected} False"


def test_an_unknown_lang_option_gets_one_line_and_exit_2(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "readiness.cli", "--lang", "klingon", "org", "list"],
        capture_output=True,
        text=True,
        env=dict(os.environ, READINESS_DB=str(tmp_path / "x.db")),
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["error: unknown language 'klingon' (available: en, fr)"]
    assert not (tmp_path / "x.db").exists()


def test_lang_is_a_documented_global_option(capsys):
    from readiness.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--lang LANG" in out
    assert "en, fr" in out


# The compiled catalogue ------------------------------------------------------------------------


def _write_po(path: Path, entries: dict[str, str], fuzzy: tuple[str, ...] = ()) -> None:
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for msgid, msgstr in entries.items():
        if msgid in fuzzy:
            lines.append("#, fuzzy")
        lines += [f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture
def resources(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "resources"
    monkeypatch.setattr(catalogue_cache, "resources_dir", lambda: folder)
    return folder


def test_the_po_is_compiled_once_into_the_cache_and_recompiled_when_it_changes(
    resources, monkeypatch
):
    po, mo = catalogue_cache.catalogue_paths("fr")
    _write_po(po, {"Hello": "Bonjour", "Maybe": "Peut-être"}, fuzzy=("Maybe",))
    first = catalogue_cache.compiled_catalogue("fr")
    assert isinstance(first, Path)
    assert first.is_file()
    assert first.parent != po.parent  # the cache, not the source tree
    assert not mo.exists()
    translations = catalogue_cache.load_translations("fr")
    assert translations.gettext("Hello") == "Bonjour"
    assert translations.gettext("Maybe") == "Maybe"  # fuzzy entries are left out

    def no_compile(_po: Path) -> bytes:
        raise AssertionError("compiled again although the .po did not change")

    compile_po = catalogue_cache.compile_po
    monkeypatch.setattr(catalogue_cache, "compile_po", no_compile)
    assert catalogue_cache.compiled_catalogue("fr") == first
    monkeypatch.setattr(catalogue_cache, "compile_po", compile_po)

    _write_po(po, {"Hello": "Salut"})
    os.utime(po, ns=(po.stat().st_mtime_ns + 10**9,) * 2)
    assert catalogue_cache.load_translations("fr").gettext("Hello") == "Salut"
    assert not first.exists()  # the file made from the earlier .po is gone
    assert len(list(first.parent.glob("fr-*.mo"))) == 1


def test_a_compiled_mo_beside_the_po_is_used_while_it_is_not_older(resources, monkeypatch):
    po, mo = catalogue_cache.catalogue_paths("fr")
    _write_po(po, {"Hello": "Bonjour"})
    mo.write_bytes(catalogue_cache.compile_po(po))
    os.utime(mo, ns=(po.stat().st_mtime_ns + 10**9,) * 2)
    assert catalogue_cache.compiled_catalogue("fr") == mo
    po.unlink()  # an installed wheel: the .mo alone
    assert catalogue_cache.compiled_catalogue("fr") == mo


def test_a_broken_po_falls_back_to_english_without_stopping(resources):
    po, _mo = catalogue_cache.catalogue_paths("fr")
    po.parent.mkdir(parents=True)
    po.write_bytes(b'msgid "Hello"\nmsgstr "Bonjour \xff\xfe"\n')  # not UTF-8
    assert catalogue_cache.load_translations("fr").gettext("Hello") == "Hello"


def test_an_unwritable_cache_still_translates(resources, monkeypatch):
    po, _mo = catalogue_cache.catalogue_paths("fr")
    _write_po(po, {"Hello": "Bonjour"})
    blocker = resources.parent / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert catalogue_cache.load_translations("fr").gettext("Hello") == "Bonjour"


def _modules_after_a_command(lang: str, tmp_path: Path) -> set[str]:
    code = (
        "import sys\n"
        "from readiness.cli import main\n"
        "main([*sys.argv[1:], 'org', 'list'])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = dict(os.environ, READINESS_DB=str(tmp_path / "x.db"), READINESS_LANG=lang)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return set(done.stdout.splitlines()[-1].split())


def test_english_loads_no_catalogue_and_no_babel_and_a_current_french_one_no_babel(tmp_path):
    assert not any(m.split(".")[0] == "babel" for m in _modules_after_a_command("en", tmp_path))
    if not PO.exists():
        pytest.skip("no French catalogue yet")
    _modules_after_a_command("fr", tmp_path)  # compiles into the cache if needed
    second = _modules_after_a_command("fr", tmp_path)
    assert not any(m.split(".")[0] == "babel" for m in second)
    assert "readiness.catalogue_cache" in second
