#!/usr/bin/env bash
# Smoke test of what packaging/build.py left in dist/ (DESIGN section 10), as an administrator on
# an air-gapped machine would use it:
#   1. SHA256SUMS checks;
#   2. from the unpacked tarball, with no Python on PATH, an empty home and no network (a fresh
#      network namespace): --version, questionnaires, validate, demo, export (PDF and XLSX read
#      back), and the window opened offscreen until its data is shown;
#   3. every module src/ imports is in the unpacked bundle, and it needs no newer glibc than the
#      floor;
#   4. the wheelhouse installs into a fresh virtual environment with --no-index, no network.
# Usage: bash packaging/smoke_test.sh   (after python packaging/build.py; needs `unshare -n`,
# i.e. root or unprivileged user namespaces, and python3 of the version the wheelhouse is for)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
name="readiness-$version-linux-x86_64"
build_python=build/packaging/venv/bin/python

fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
step() { echo "-- $*"; }

[ -f "dist/$name.tar.gz" ] || fail "dist/$name.tar.gz missing: run python packaging/build.py"
unshare -n true 2>/dev/null || fail "cannot make a network namespace (unshare -n): run as root"

work=$(mktemp -d "${TMPDIR:-/tmp}/readiness-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty-path" "$work/home"

step "SHA256SUMS"
(cd dist && sha256sum --quiet --strict -c SHA256SUMS) || fail "a checksum does not match"

step "unpack"
tar -xzf "dist/$name.tar.gz" -C "$work"
bundle="$work/$name"
[ -x "$bundle/readiness" ] || fail "no readiness executable in the tarball"
# Nothing outside the bundle may be needed: no Python on PATH (PATH is an empty folder), a home
# of its own, no network.
extra_env=()
run_bundle() {
  timeout 300 unshare -n env -i PATH="$work/empty-path" HOME="$work/home" LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen "${extra_env[@]}" "$@"
}
if run_bundle /bin/sh -c 'command -v python3 || command -v python' >/dev/null; then
  fail "a Python is on the PATH the bundle runs with"
fi
if run_bundle /bin/sh -c 'exec 3<>/dev/tcp/1.1.1.1/53' 2>/dev/null; then
  fail "the bundle's namespace reaches the network"
fi
app="$bundle/readiness"

step "readiness --version"
out=$(run_bundle "$app" --version)
[ "$out" = "readiness $version" ] || fail "--version said '$out'"

step "readiness questionnaires --json (the built-in ones, shipped in the bundle)"
out=$(run_bundle "$app" questionnaires --json)
python3 -c 'import json, sys
ids = {q["id"] for q in json.load(sys.stdin)}
sys.exit(not {"company-readiness", "defence-unit-readiness"} <= ids)' <<<"$out" ||
  fail "expected the built-in questionnaires, got: $out"

step "readiness validate"
run_bundle "$app" validate "$root"/questionnaires/*.yaml
printf 'format: readiness-questionnaire/1\nid: broken\n' >"$work/broken.yaml"
if run_bundle "$app" validate "$work/broken.yaml" >"$work/broken.out" 2>&1; then
  fail "validate accepted a broken file"
fi
grep -q "broken.yaml" "$work/broken.out" || fail "validate's error does not name the file"
if grep -q Traceback "$work/broken.out"; then fail "validate printed a traceback"; fi

step "readiness demo (default database in the user data folder)"
run_bundle "$app" demo
db="$work/home/.local/share/readiness/readiness.db"
[ -s "$db" ] || fail "no database at $db"

step "readiness export --pdf --xlsx"
list=$(run_bundle "$app" assessment list --json)
id=$(python3 -c 'import json,sys; print(next(a["id"] for a in json.load(sys.stdin)
     if a["status"] == "completed"))' <<<"$list")
run_bundle "$app" export "$id" --pdf "$work/report.pdf" --xlsx "$work/report.xlsx"
[ "$(head -c 5 "$work/report.pdf")" = "%PDF-" ] || fail "report.pdf is not a PDF"
python3 - "$work/report.pdf" "$work/report.xlsx" <<'EOF' || fail "the reports do not read back"
import sys, zipfile
pdf, xlsx = sys.argv[1], sys.argv[2]
data = open(pdf, "rb").read()
assert data.count(b"/Type /Page") + data.count(b"/Type/Page") >= 2, "PDF has no pages"
assert b"%%EOF" in data[-1024:], "PDF is truncated"
with zipfile.ZipFile(xlsx) as z:
    assert z.testzip() is None, "XLSX is damaged"
    assert "xl/workbook.xml" in z.namelist(), "XLSX has no workbook"
    sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets, "XLSX has no sheet"
print(f"PDF {len(data)} bytes, XLSX {len(sheets)} sheets")
EOF

step "French: --lang fr help and export (compiled catalogue, Babel's locale data)"
out=$(run_bundle "$app" --lang fr --help)
grep -q "^utilisation" <<<"$out" || fail "--lang fr --help is not in French: $out"
run_bundle "$app" --lang fr export "$id" --pdf "$work/rapport.pdf" --xlsx "$work/rapport.xlsx"
python3 - "$work/rapport.xlsx" <<'EOF' || fail "the French workbook is not in French"
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode()
assert 'name="Summary"' not in names and 'name="Answers"' not in names, names
EOF

step "window, offscreen, until the data is shown"
extra_env=(READINESS_BENCH_EXIT_ON_SHOW=1)
out=$(run_bundle "$app" gui 2>"$work/gui.err") ||
  { cat "$work/gui.err" >&2; fail "the window did not start"; }
extra_env=()
grep -q READINESS_WINDOW_SHOWN <<<"$out" || fail "the window was never shown: $out"
grep -q READINESS_WINDOW_READY <<<"$out" || fail "the window never showed its data: $out"

step "bundle contents: modules and glibc"
if [ -x "$build_python" ]; then
  "$build_python" packaging/bundle_checks.py imports "$bundle"
  "$build_python" packaging/bundle_checks.py glibc "$bundle"
else
  fail "$build_python missing (it reads the bundle's archive): run python packaging/build.py"
fi

step "wheelhouse: offline install into a fresh virtual environment"
python3 -m venv "$work/venv"
offline_pip() {
  unshare -n env PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 \
    "$work/venv/bin/python" -m pip install --quiet --no-index --find-links dist/wheelhouse "$@"
}
offline_pip --require-hashes -r dist/wheelhouse/requirements.lock
offline_pip partnership-readiness
out=$(unshare -n env -i HOME="$work/home" "$work/venv/bin/readiness" --version)
[ "$out" = "readiness $version" ] || fail "the installed app's --version said '$out'"
unshare -n env -i HOME="$work/home" "$work/venv/bin/readiness" validate "$root"/questionnaires/*.yaml

echo "smoke test passed: bundle $(du -sm "$bundle" | cut -f1) MB unpacked," \
  "tarball $(du -sm "dist/$name.tar.gz" | cut -f1) MB"
