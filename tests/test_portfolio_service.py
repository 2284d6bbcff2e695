"""Portfolio, partnerships, compare and trend through a real workspace (SQLite and PostgreSQL)
and the command line (DESIGN sections 6 and 9), with figures computed by hand."""

from __future__ import annotations

import json

import pytest

from backends import Backend
from portfolio_helpers import domain, loaded, q
from readiness.cli import main as cli_main
from readiness.services.errors import UserError
from readiness.services.partnerships import add_partnership, compare_assessments, compare_json
from readiness.services.portfolio import (
    organisation_trend,
    portfolio_json,
    portfolio_tables,
    trend_json,
)
from readiness.services.workspace import Workspace

CO_1 = loaded(
    "co",
    "company",
    "1.0.0",
    domain("trust", q("c.contact", "contact_24_7", "weight: 3"), q("c.tlp", "tlp")),
    domain("legal", q("c.nda", "nda"), q("c.standby", "standby")),
)
CO_2 = loaded(  # a later version: a third domain
    "co",
    "company",
    "2.0.0",
    domain("trust", q("c.contact", "contact_24_7", "weight: 3"), q("c.tlp", "tlp")),
    domain("legal", q("c.nda", "nda"), q("c.standby", "standby")),
    domain("extra", q("c.more")),
)
UNIT = loaded(
    "un",
    "defence_unit",
    "1.0.0",
    domain("plans", q("u.contact", "contact_24_7"), q("u.standby", "standby", "weight: 2")),
    domain("sharing", q("u.tlp", "tlp"), q("u.nda", "nda")),
)


@pytest.fixture
def workspace(backend: Backend):
    ws = Workspace.open(backend.target)
    yield ws
    ws.close()


def answer(ws: Workspace, assessment: str, **given: str) -> None:
    for key, value in given.items():
        question = key.replace("_", ".")
        if value == "na":
            ws.answer_na(assessment, question, "not here")
        else:
            ws.answer(assessment, question, value)


def test_portfolio_reads_cached_domain_scores(workspace: Workspace, backend: Backend) -> None:
    alpha = workspace.add_organisation("alpha", "company", "Energy", "DE")
    beta = workspace.add_organisation("Beta", "company", "Telecom", "FR")
    old = workspace.new_assessment(alpha.id, "co", "old", loaded=CO_1)
    answer(workspace, old.id, c_contact="4", c_tlp="2", c_nda="na", c_standby="1")
    newer = workspace.new_assessment(alpha.id, "co", "newer draft", loaded=CO_2)
    answer(workspace, newer.id, c_contact="0")
    draft = workspace.new_assessment(beta.id, "co", "draft", loaded=CO_2)
    answer(workspace, draft.id, c_contact="2", c_more="4")

    data = portfolio_json(portfolio_tables(workspace))
    (table,) = data["questionnaires"]
    # Columns from the highest version in use (beta's draft is on 2.0.0).
    assert (table["id"], table["version"]) == ("co", "2.0.0")
    assert [d["id"] for d in table["domains"]] == ["trust", "legal", "extra"]
    rows = {r["organisation"]: r for r in table["rows"]}
    assert [r["organisation"] for r in table["rows"]] == ["alpha", "Beta"]
    # alpha: its completed 1.0.0 assessment wins over the newer draft.
    # trust = (3×1 + 1×0.5)/4 = 87.5; legal: NDA N/A, standby 0.25 → 25; overall 56.25.
    assert rows["alpha"]["assessment_id"] == old.id
    assert rows["alpha"]["status"] == "completed"
    assert rows["alpha"]["domains"] == {"trust": 87.5, "legal": 25.0, "extra": None}
    assert rows["alpha"]["score"] == 56.2  # 56.25 shown with one decimal
    # Beta: only a draft. trust = 3×0.5/4 = 37.5; legal 0 (unanswered); extra 100.
    assert rows["Beta"]["domains"] == {"trust": 37.5, "legal": 0.0, "extra": 100.0}
    assert rows["Beta"]["status"] == "draft"
    assert (rows["Beta"]["kind"], rows["Beta"]["sector"], rows["Beta"]["country"]) == (
        "company",
        "Telecom",
        "FR",
    )

    # The figures come from the cache written at the last change, not from a rescoring.
    backend.execute(
        "UPDATE assessments SET domain_scores = ? WHERE id = ?",
        json.dumps({"trust": 1.25, "legal": None, "extra": 2.0}),
        draft.id,
    )
    again = portfolio_json(portfolio_tables(workspace))["questionnaires"][0]["rows"][1]
    assert again["domains"] == {"trust": 1.2, "legal": None, "extra": 2.0}
    # ...and a change refreshes it.
    answer(workspace, draft.id, c_nda="4")
    cached = json.loads(
        backend.query("SELECT domain_scores FROM assessments WHERE id=?", draft.id)[0][0]
    )
    assert cached == {"trust": 37.5, "legal": 50.0, "extra": 100.0}


def test_stale_domain_cache_is_filled_before_the_portfolio(
    workspace: Workspace, backend: Backend
) -> None:
    org = workspace.add_organisation("alpha", "company")
    item = workspace.new_assessment(org.id, "co", loaded=CO_1)
    answer(workspace, item.id, c_contact="4")
    backend.execute("UPDATE assessments SET domain_scores = NULL")  # as after the migration
    row = portfolio_json(portfolio_tables(workspace))["questionnaires"][0]["rows"][0]
    assert row["domains"] == {"trust": 75.0, "legal": 0.0}


def test_compare_and_partnership_figures(workspace: Workspace) -> None:
    company = workspace.add_organisation("Gridco", "company")
    unit = workspace.add_organisation("CIMIC 1", "defence_unit")
    a = workspace.new_assessment(company.id, "co", loaded=CO_1)
    answer(workspace, a.id, c_contact="4", c_tlp="3", c_nda="na", c_standby="1")
    b = workspace.new_assessment(unit.id, "un", loaded=UNIT)
    answer(workspace, b.id, u_contact="1", u_standby="4", u_tlp="3")  # u.nda unanswered

    data = compare_json(compare_assessments(workspace, b.id[:8], a.id))  # either order
    assert data["company"] == {
        "assessment_id": a.id,
        "organisation": "Gridco",
        "questionnaire": "co",
        "version": "1.0.0",
    }
    assert data["unit"]["assessment_id"] == b.id
    topics = {t["topic"]: t for t in data["topics"]}
    assert [t["topic"] for t in data["topics"]] == ["contact_24_7", "standby", "tlp", "nda"]
    assert topics["contact_24_7"]["gap"] == 75.0 and topics["contact_24_7"]["mismatch"]
    assert topics["standby"]["company"] == {"questions": ["c.standby"], "value": 25.0}
    assert topics["standby"]["gap"] == -75.0 and topics["standby"]["mismatch"]
    assert topics["tlp"]["gap"] == 0.0 and not topics["tlp"]["mismatch"]
    assert topics["nda"] == {
        "topic": "nda",
        "company": {"questions": ["c.nda"], "value": None},
        "unit": {"questions": ["u.nda"], "value": 0.0},
        "gap": None,
        "mismatch": False,
    }
    assert data["summary"] == {"paired": 4, "compared": 3, "mismatches": 2, "mean_abs_gap": 50.0}

    record = add_partnership(workspace, company.id[:6], unit.id, "  note <b>&</b>  ")
    assert (record.company, record.unit, record.note) == ("Gridco", "CIMIC 1", "note <b>&</b>")
    with pytest.raises(UserError, match="already partners"):
        add_partnership(workspace, company.id, unit.id)
    with pytest.raises(UserError, match="is a defence unit"):
        add_partnership(workspace, unit.id, company.id)
    with pytest.raises(UserError, match="two different"):
        add_partnership(workspace, company.id, company.id)
    with pytest.raises(UserError, match="one company and one defence-unit"):
        compare_assessments(workspace, a.id, a.id)


def test_trend_points_oldest_first(workspace: Workspace) -> None:
    org = workspace.add_organisation("alpha", "company")
    first = workspace.new_assessment(org.id, "co", "first", loaded=CO_1)
    answer(workspace, first.id, c_contact="2")
    second = workspace.new_assessment(org.id, "co", "second", loaded=CO_2)
    answer(workspace, second.id, c_contact="4", c_more="na")
    data = trend_json(organisation_trend(workspace, org.id[:5]))
    assert data["organisation"] == "alpha"
    (series,) = data["series"]
    assert [p["assessment_id"] for p in series["points"]] == [first.id, second.id]
    assert [p["version"] for p in series["points"]] == ["1.0.0", "2.0.0"]
    assert series["points"][0]["domains"] == {"trust": 37.5, "legal": 0.0}
    assert series["points"][1]["domains"] == {"trust": 75.0, "legal": 0.0, "extra": None}
    assert series["points"][1]["status"] == "draft"
    with pytest.raises(UserError, match="unknown organisation"):
        organisation_trend(workspace, "nope-nope")


# Command line ------------------------------------------------------------------------------------


@pytest.fixture
def cli(backend: Backend, capsys: pytest.CaptureFixture[str]):
    """The command line in this process, on the ``backend`` database (set in the environment)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = cli_main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_demo_pair_compares_as_calculated_by_hand(cli) -> None:
    assert cli("demo")[0] == 0
    code, out, _err = cli("partnership", "list", "--json")
    assert code == 0
    (item,) = json.loads(out)
    assert (item["company"]["name"], item["unit"]["name"]) == (
        "Nordlicht Energie AG",
        "CIMIC Group North",
    )
    code, out, _err = cli("compare", item["unit_assessment"], item["company_assessment"], "--json")
    assert code == 0
    data = json.loads(out)
    got = {
        t["topic"]: (t["company"]["value"], t["unit"]["value"], t["gap"]) for t in data["topics"]
    }
    # By hand from the demo answers (services/demo.py), option / 4 × 100, weights as in the
    # built-in questionnaires (1.1.0: compensation and liability insurance are separate topics).
    assert got["standby_contracts"] == (25.0, 100.0, -75.0)  # "1" vs "4"
    assert got["compensation"] == (0.0, 75.0, -75.0)  # "0" vs "3"
    assert got["liability_insurance"] == (50.0, 25.0, 25.0)  # "2" vs "1"
    assert got["tlp_handling"] == (75.0, 0.0, 75.0)  # "3" vs "0"
    assert got["contact_24_7"] == (100.0, 75.0, 25.0)  # "4" vs provider register "3"
    assert got["clearances"] == (37.5, 25.0, 12.5)  # ("2" + "1") / 2 vs sponsorship "1"
    assert [t["topic"] for t in data["topics"][:3]] == [
        "compensation",
        "standby_contracts",
        "tlp_handling",
    ]
    assert all(t["mismatch"] for t in data["topics"][:3])
    assert not any(t["mismatch"] for t in data["topics"][3:])
    gaps = [abs(t["gap"]) for t in data["topics"] if t["gap"] is not None]
    assert data["summary"]["mismatches"] == 3 == item["mismatches"]
    assert data["summary"]["mean_abs_gap"] == round(sum(gaps) / len(gaps), 1)
    assert item["mean_abs_gap"] == data["summary"]["mean_abs_gap"]


def test_cli_errors_are_one_line(cli) -> None:
    assert cli("demo")[0] == 0
    orgs = {o["name"]: o["id"] for o in json.loads(cli("org", "list", "--json")[1])}
    code, _out, err = cli(
        "partnership", "add", orgs["CIMIC Group North"], orgs["Nordlicht Energie AG"]
    )
    assert code == 1 and err.count("\n") == 1 and "defence unit" in err
    code, _out, err = cli("trend", "zzzz-missing")
    assert code == 1 and "unknown organisation" in err
    ids = [a["id"] for a in json.loads(cli("assessment", "list", "--json")[1])]
    code, _out, err = cli("compare", ids[0], ids[0])
    assert code == 1 and err.count("\n") == 1
    code, out, _err = cli(
        "partnership",
        "add",
        orgs["Baltic Freight Logistics"],
        orgs["CIMIC Group North"],
        "--note",
        "rail",
    )
    assert code == 0 and "Baltic Freight Logistics with CIMIC Group North" in out
    code, out, _err = cli("portfolio", "--questionnaire", "defence-unit-readiness", "--json")
    assert [t["id"] for t in json.loads(out)["questionnaires"]] == ["defence-unit-readiness"]
    code, out, _err = cli("trend", orgs["Nordlicht Energie AG"], "--json")
    assert code == 0 and json.loads(out)["series"][0]["questionnaire"] == "company-readiness"


def test_latest_in_the_query_matches_the_domain_rule(
    workspace: Workspace, backend: Backend
) -> None:
    """storage picks each portfolio row in SQL; it must pick what domain.portfolio.latest does,
    ties on the last-change time included."""
    from readiness.domain.portfolio import latest
    from readiness.storage import portfolio as store

    orgs = [workspace.add_organisation(f"org {n}", "company") for n in range(4)]
    plan = {0: ["draft", "draft"], 1: ["done", "draft", "done"], 2: ["draft", "done"], 3: []}
    for n, statuses in plan.items():
        for status in statuses:
            item = workspace.new_assessment(orgs[n].id, "co", loaded=CO_1)
            answer(workspace, item.id, c_contact="2")
            if status == "done":
                answer(workspace, item.id, c_tlp="1", c_nda="na", c_standby="3")
    # Equal last-change times: creation decides.
    backend.execute("UPDATE assessments SET updated_at = '2026-01-01 00:00:00'")
    with workspace.database.read() as session:
        everything = store.scored_assessments(session)
        chosen = store.scored_assessments(session, latest_only=True)
    by_org: dict[str, list] = {}
    for item in everything:
        by_org.setdefault(item.organisation_id, []).append(item)
    expected = {latest(items).assessment_id for items in by_org.values()}  # type: ignore[union-attr]
    assert {item.assessment_id for item in chosen} == expected
    assert len(chosen) == 3
