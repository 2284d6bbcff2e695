"""Exporting writes each file atomically: a failure never leaves half a file or clobbers the old."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from readiness.reports import pdf as pdf_report
from readiness.reports import xlsx as xlsx_report
from readiness.services import export
from readiness.services.errors import UserError
from readiness.services.export import ExportError, export_report
from report_fixtures import complete_report, incomplete_report

OLD = b"an older report that must survive\n" * 100


def _failing_renderer(*args, **kwargs):
    """Write part of a file, then fail, as a renderer crashing mid-way would."""
    target = args[1]
    target.write(b"%PDF-1.4 half a file")
    target.flush()
    raise RuntimeError("renderer exploded")


def test_exports_both_files_with_progress(tmp_path):
    calls: list[tuple[int, int, str]] = []
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    written = export_report(
        incomplete_report(), pdf=pdf, xlsx=xlsx, progress=lambda *a: calls.append(a)
    )
    assert written == [pdf, xlsx]
    assert len(PdfReader(pdf).pages) >= 6
    assert load_workbook(xlsx).sheetnames[0] == "Summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf", "r.xlsx"]
    done = [d for d, _t, _m in calls]
    assert done == sorted(done)
    assert {t for _d, t, _m in calls} == {200}
    assert calls[-1][0] == 200
    assert 100 in done  # the PDF finished before the workbook started
    assert all(m for _d, _t, m in calls)


def test_letter_page_size_reaches_the_pdf(tmp_path):
    export_report(complete_report(), pdf=tmp_path / "l.pdf", page_size="letter")
    box = PdfReader(tmp_path / "l.pdf").pages[0].mediabox
    assert round(float(box.width)) == 612


@pytest.mark.parametrize(
    ("kind", "module", "renderer"),
    [("pdf", pdf_report, "render_pdf"), ("xlsx", xlsx_report, "render_xlsx")],
)
def test_failed_export_keeps_the_old_file_and_leaves_no_temp(
    tmp_path, monkeypatch, kind, module, renderer
):
    target = tmp_path / f"report.{kind}"
    target.write_bytes(OLD)
    before = sorted(os.listdir(tmp_path))
    monkeypatch.setattr(module, renderer, _failing_renderer)
    with pytest.raises(ExportError, match="RuntimeError") as info:
        export_report(complete_report(), **{kind: target})
    assert isinstance(info.value.__cause__, RuntimeError)
    assert target.read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == before


def test_interrupt_leaves_no_temp_and_propagates(tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    target.write_bytes(OLD)

    def interrupted(*args, **kwargs):
        args[1].write(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(pdf_report, "render_pdf", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_report(complete_report(), pdf=target)
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["report.pdf"]


def test_second_file_failing_keeps_first_and_old_second(tmp_path, monkeypatch):
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    xlsx.write_bytes(OLD)
    monkeypatch.setattr(xlsx_report, "render_xlsx", _failing_renderer)
    with pytest.raises(ExportError):
        export_report(complete_report(), pdf=pdf, xlsx=xlsx)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert xlsx.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf", "r.xlsx"]


def test_replacing_keeps_permissions_and_new_files_follow_umask(tmp_path):
    old = tmp_path / "old.pdf"
    old.write_bytes(OLD)
    old.chmod(0o640)
    export_report(complete_report(), pdf=old)
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert old.read_bytes().startswith(b"%PDF")

    mask = os.umask(0o022)
    try:
        export_report(complete_report(), pdf=tmp_path / "new.pdf")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.pdf").stat().st_mode) == 0o644


def test_bad_requests_write_nothing(tmp_path):
    report = complete_report()
    with pytest.raises(UserError, match="nothing to export"):
        export_report(report)
    with pytest.raises(UserError, match="different files"):
        export_report(report, pdf=tmp_path / "same", xlsx=tmp_path / "same")
    with pytest.raises(UserError, match="page size"):
        export_report(report, pdf=tmp_path / "a.pdf", page_size="B5")
    with pytest.raises(ExportError, match="folder not found"):
        export_report(report, xlsx=tmp_path / "missing" / "a.xlsx")
    with pytest.raises(ExportError, match="is a folder"):
        export_report(report, pdf=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_a_clear_error(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(export.os, "open", denied)  # as a read-only folder would (even for root)
    with pytest.raises(ExportError, match=r"cannot write .*Permission denied"):
        export_report(complete_report(), pdf=tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_write_atomically_directly(tmp_path):
    target = tmp_path / "plain.bin"
    export.write_atomically(target, lambda stream: stream.write(b"hello"))
    assert target.read_bytes() == b"hello"
    assert os.listdir(tmp_path) == ["plain.bin"]


def test_relative_path_in_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = export_report(complete_report(), xlsx=Path("here.xlsx"))
    assert written == [Path("here.xlsx")]
    assert (tmp_path / "here.xlsx").is_file()
    assert os.listdir(tmp_path) == ["here.xlsx"]
