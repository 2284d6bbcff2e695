"""The round trip a real pair would do (DESIGN section 8), with two workspaces (two databases,
two key sets) and a third for the conflict, through the real command line; what we write is
opened with the real ``age`` and ``minisign`` tools."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from exchange_helpers import MEMBERS, Side, make_side, run_tool, tool, unzip
from readiness.services.workspace import Workspace

IMPORT_KEYS = {"file", "outcome", "assessment_id", "organisation", "signer", "reason"}
COMMENT = "Board memo 7731 says so"
NA_WHY = "No defence customers 5521"
ASSESSOR = "Ingrid Sekret-Assessor"
ORG_NAME = "Nordwind Energi AS"
FREE_TEXT = "Obstacle text 9931"
EVIDENCE_REF = "AAR-REF-4471"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Side, Side, Path]:
    unit = make_side(tmp_path / "unit", "CIMIC Cell North")
    company = make_side(tmp_path / "company", "Nordwind Energi")
    cards = tmp_path / "cards"
    cards.mkdir()
    company.ok("keys", "trust", str(unit.card(cards / "unit.card")))
    unit.ok("keys", "trust", str(company.card(cards / "company.card")))
    return unit, company, cards


def imported(side: Side, *files: Path) -> list[dict]:
    result = side.run("package", "import", "--json", *map(str, files))
    rows = result.json()
    assert all(set(row) == IMPORT_KEYS for row in rows)
    assert result.code == (
        0 if all(r["outcome"] in ("created", "updated", "unchanged") for r in rows) else 1
    )
    return rows


def test_round_trip(pair: tuple[Side, Side, Path], tmp_path: Path) -> None:
    unit, company, cards = pair
    org = unit.ok(
        "org", "add", ORG_NAME, "--kind", "company", "--sector", "energy", "--country", "NO"
    )
    invitation = tmp_path / "invite.readiness"
    unit.ok(
        "package",
        "invite",
        "--org",
        org,
        "--questionnaire",
        "company-readiness",
        "-o",
        str(invitation),
        "--title",
        "Readiness 2026",
    )

    # The company imports the invitation: the organisation and a draft with the carried ids.
    [row] = imported(company, invitation)
    assert row["outcome"] == "created" and row["signer"]["trusted"] is True
    assessment = row["assessment_id"]
    listed = json.loads(company.ok("assessment", "list", "--json"))
    assert [(a["id"], a["organisation_id"], a["status"]) for a in listed] == [
        (assessment, org, "draft")
    ]
    company.ok(
        "answer",
        assessment,
        "governance.crisis-executive",
        "3",
        "--comment",
        COMMENT,
        "--evidence",
        f"exercise:{EVIDENCE_REF}@2026-03-20",
    )
    company.ok("answer", assessment, "trust.contact-24-7", "4")
    first = tmp_path / "r1.readiness"
    out = company.ok("package", "export", assessment, "-o", str(first))
    assert "revision 1" in out and "CIMIC Cell North" in out  # encrypted to the inviter
    assert first.read_bytes().startswith(b"age-encryption.org/v1")

    # The unit imports it: created, read-only, signed by the trusted company.
    [row] = imported(unit, first)
    assert row["outcome"] == "created" and row["assessment_id"] == assessment
    assert row["organisation"] == ORG_NAME and row["reason"] is None
    assert row["signer"]["name"] == "Nordwind Energi" and row["signer"]["trusted"] is True
    shown = json.loads(unit.ok("assessment", "show", assessment, "--json"))
    assert shown["answers"]["trust.contact-24-7"] == "4" and shown["read_only"] is True
    long = shown["answers"]["governance.crisis-executive"]
    assert long["comment"] == COMMENT and long["evidence"]["reference"] == EVIDENCE_REF
    assert "signed by Nordwind Energi" in unit.ok("assessment", "show", assessment)
    assert json.loads(company.ok("assessment", "show", assessment, "--json"))["read_only"] is False
    refused = unit.run("answer", assessment, "trust.contact-24-7", "1")
    assert refused.code == 1 and len(refused.err.strip().splitlines()) == 1
    assert "read-only" in refused.err and "Nordwind Energi" in refused.err
    # Both reports say where the assessment came from.
    pdf, xlsx = tmp_path / "imported.pdf", tmp_path / "imported.xlsx"
    unit.ok("export", assessment, "--pdf", str(pdf), "--xlsx", str(xlsx))
    from openpyxl import load_workbook
    from pypdf import PdfReader

    cover = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Imported, read-only: signed by Nordwind Energi" in cover
    about = [c.value for row in load_workbook(xlsx)["About"].iter_rows() for c in row]
    assert any(str(v).startswith("Imported, read-only: signed by Nordwind Energi") for v in about)

    # The company changes an answer and sends again: updated, the old answer kept in history.
    company.ok("answer", assessment, "trust.contact-24-7", "2")
    second = tmp_path / "r2.readiness"
    assert "revision 2" in company.ok("package", "export", assessment, "-o", str(second))
    [row] = imported(unit, second)
    assert row["outcome"] == "updated"
    shown = json.loads(unit.ok("assessment", "show", assessment, "--json"))
    assert shown["answers"]["trust.contact-24-7"] == "2"
    workspace = Workspace.open(unit.db)
    try:
        changes = workspace.history(assessment, "trust.contact-24-7")
    finally:
        workspace.close()
    assert changes and changes[-1].before.answer is not None  # revision 1's answer stays

    # The same file again: unchanged; the older file: refused; neither changes the database.
    before = unit.db_state()
    rows = imported(unit, second, first)
    assert [r["outcome"] for r in rows] == ["unchanged", "refused"]
    assert "newer revision" in rows[1]["reason"]
    assert unit.db_state() == before

    # Sending the same content again keeps the revision: the unit sees it as unchanged.
    again = tmp_path / "r2-again.readiness"
    assert "revision 2" in company.ok("package", "export", assessment, "-o", str(again))
    assert [r["outcome"] for r in imported(unit, again)] == ["unchanged"]

    # A third workspace answers the same invitation with another key: conflict, nothing changed.
    third = make_side(tmp_path / "third", "Impostor")
    imported(third, invitation)
    third.ok("answer", assessment, "trust.contact-24-7", "0")
    forged = tmp_path / "forged.readiness"
    third.ok("package", "export", assessment, "-o", str(forged), "--to", str(cards / "unit.card"))
    before = unit.db_state()
    [row] = imported(unit, forged)
    assert row["outcome"] == "conflict" and row["signer"]["trusted"] is False
    assert "Nordwind Energi" in row["reason"]
    assert unit.db_state() == before
    text = unit.run("package", "import", str(forged))
    assert text.code == 1 and len(text.err.strip().splitlines()) == 1 and "conflict" in text.err


def test_what_we_write_opens_with_age_and_minisign(
    pair: tuple[Side, Side, Path], tmp_path: Path
) -> None:
    age, minisign = tool("age"), tool("minisign")
    unit, company, cards = pair
    org = company.ok("org", "add", ORG_NAME, "--kind", "company")
    assessment = company.ok(
        "assessment", "new", "--org", org, "--questionnaire", "company-readiness"
    )
    company.ok("answer", assessment, "trust.contact-24-7", "3")
    package = tmp_path / "p.readiness"
    company.ok(
        "package", "export", assessment, "-o", str(package), "--to", str(cards / "unit.card")
    )
    opened = run_tool(age, "-d", "-i", str(unit.identity), str(package))
    assert opened.returncode == 0, opened.stderr
    assert run_tool(age, "-d", "-i", str(company.identity), str(package)).returncode != 0
    members = unzip(opened.stdout)
    assert list(members) == list(MEMBERS)
    folder = tmp_path / "members"
    folder.mkdir()
    for name, data in members.items():
        (folder / name).write_bytes(data)
    verified = run_tool(
        minisign, "-V", "-m", str(folder / "manifest.json"), "-P", company.public_key()
    )
    assert verified.returncode == 0, verified.stderr
    assert (
        run_tool(
            minisign, "-V", "-m", str(folder / "manifest.json"), "-P", unit.public_key()
        ).returncode
        != 0
    )
    info = json.loads(unit.ok("package", "inspect", str(package), "--json"))
    assert info["encrypted"] is True and info["signature"] == "valid" and info["trusted"] is True
    assert set(info["manifest"]) == {
        "format",
        "kind",
        "package_id",
        "created",
        "app_version",
        "marking",
        "share_mode",
        "signer",
        "questionnaire",
        "assessment",
        "members",
    }


def test_what_age_and_minisign_write_we_read(pair: tuple[Side, Side, Path], tmp_path: Path) -> None:
    """A package signed by ``minisign -S`` with its own key and encrypted by ``age -r``."""
    age, minisign = tool("age"), tool("minisign")
    unit, company, _cards = pair
    org = company.ok("org", "add", ORG_NAME, "--kind", "company")
    assessment = company.ok(
        "assessment", "new", "--org", org, "--questionnaire", "company-readiness"
    )
    company.ok("answer", assessment, "trust.contact-24-7", "3")
    plain = tmp_path / "plain.readiness"
    company.ok("package", "export", assessment, "-o", str(plain))
    members = unzip(plain.read_bytes())
    keys = tmp_path / "tool-keys"
    keys.mkdir()
    made = run_tool(minisign, "-G", "-W", "-p", str(keys / "k.pub"), "-s", str(keys / "k.key"))
    assert made.returncode == 0, made.stderr
    public_key = (keys / "k.pub").read_text().splitlines()[1]
    manifest = json.loads(members["manifest.json"])
    from readiness.exchange.signing import key_id

    manifest["signer"] = {"key_id": key_id(public_key), "name": "Tool", "public_key": public_key}
    (keys / "manifest.json").write_bytes(json.dumps(manifest).encode())
    signed = run_tool(minisign, "-S", "-s", str(keys / "k.key"), "-m", str(keys / "manifest.json"))
    assert signed.returncode == 0, signed.stderr
    from exchange_helpers import rezip

    zipped = rezip(
        [
            ("manifest.json", (keys / "manifest.json").read_bytes()),
            ("manifest.json.minisig", (keys / "manifest.json.minisig").read_bytes()),
            ("assessment.json", members["assessment.json"]),
            ("questionnaire.yaml", members["questionnaire.yaml"]),
        ]
    )
    recipient = json.loads(unit.ok("keys", "--json"))["encryption"]["recipient"]
    encrypted = run_tool(age, "-r", recipient, data=zipped)
    assert encrypted.returncode == 0, encrypted.stderr
    package = tmp_path / "tool.readiness"
    package.write_bytes(encrypted.stdout)
    [row] = imported(unit, package)
    assert row["outcome"] == "created" and row["signer"] == {
        "key_id": key_id(public_key),
        "name": "Tool",
        "trusted": False,
    }


def test_share_mode_leaves_out_what_section_8_removes(
    pair: tuple[Side, Side, Path], tmp_path: Path
) -> None:
    unit, company, _cards = pair
    org = company.ok(
        "org", "add", ORG_NAME, "--kind", "company", "--sector", "energy", "--country", "NO"
    )
    assessment = company.ok(
        "assessment",
        "new",
        "--org",
        org,
        "--questionnaire",
        "company-readiness",
        "--assessor",
        ASSESSOR,
    )
    company.ok(
        "answer",
        assessment,
        "governance.crisis-executive",
        "3",
        "--comment",
        COMMENT,
        "--evidence",
        f"exercise:{EVIDENCE_REF}@2026-03-20",
    )
    company.ok("answer", assessment, "trust.isac", "--na", NA_WHY)
    company.ok("answer", assessment, "incentives.main-obstacle", "--text", FREE_TEXT)
    full = tmp_path / "full.readiness"
    shared = tmp_path / "share.readiness"
    company.ok("package", "export", assessment, "-o", str(full))
    company.ok("package", "export", assessment, "-o", str(shared), "--share")
    day = datetime.now(UTC).date().isoformat()
    secrets = [COMMENT, NA_WHY, FREE_TEXT, ASSESSOR, ORG_NAME, day, EVIDENCE_REF, "2026-03-20"]
    full_bytes = b"".join(unzip(full.read_bytes()).values())
    assert all(s.encode() in full_bytes for s in secrets)  # the search can find them
    for name, data in unzip(shared.read_bytes()).items():
        for secret in secrets:
            assert secret.encode() not in data, (name, secret)
    manifest = json.loads(unzip(shared.read_bytes())["manifest.json"])
    assert manifest["share_mode"] is True and len(manifest["created"]) == 7
    [row] = imported(unit, shared)
    assert row["outcome"] == "created" and row["organisation"] == "company, energy, NO"


def test_keys_are_private_and_never_leave(pair: tuple[Side, Side, Path], tmp_path: Path) -> None:
    unit, company, cards = pair
    assert stat.S_IMODE(company.keys.stat().st_mode) == 0o700
    secrets = []
    for name in ("signing.key", "encryption.key"):
        path = company.keys / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        secrets.append(path.read_text().strip().splitlines()[-1].encode())
    assert secrets[1].startswith(b"AGE-SECRET-KEY-1")
    keys = json.loads(company.ok("keys", "--json"))
    assert set(keys) == {"name", "signing", "encryption"}
    assert len(keys["signing"]["key_id"]) == 16 and keys["signing"]["public_key"].startswith("RW")
    assert keys["encryption"]["recipient"].startswith("age1")
    card = json.loads((cards / "company.card").read_text())
    assert card["format"] == "readiness-card/1"
    org = company.ok("org", "add", ORG_NAME, "--kind", "company")
    assessment = company.ok(
        "assessment", "new", "--org", org, "--questionnaire", "company-readiness"
    )
    package = tmp_path / "p.readiness"
    company.ok("package", "export", assessment, "-o", str(package))
    everything = [
        package.read_bytes(),
        *unzip(package.read_bytes()).values(),
        (cards / "company.card").read_bytes(),
        company.db.read_bytes(),
    ]
    import sqlite3

    with sqlite3.connect(company.db) as connection:
        everything.append("\n".join(connection.iterdump()).encode())
    for blob in everything:
        for secret in secrets:
            assert secret not in blob
    listed = json.loads(unit.ok("keys", "list", "--json"))
    assert [c["name"] for c in listed] == ["Nordwind Energi"]
    unit.ok("keys", "revoke", listed[0]["key_id"])
    assert json.loads(unit.ok("keys", "list", "--json")) == []
