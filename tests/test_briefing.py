"""Tests of analysis/briefing.py: findings from data, escaping, no external request."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from synthetic import make_tables  # noqa: E402

from analysis import briefing, plots  # noqa: E402

ATTACK = "<script>alert(1)</script>"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and Path("/usr/bin/chromium").exists():
    CHROMIUM = "/usr/bin/chromium"


def _figures(folder: Path) -> Path:
    plots.set_theme()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["甲市", "乙区"], [1, 2])
    plots.save_figure(
        fig,
        "tiny_chart",
        caption=f"小图 {ATTACK}",
        figures_dir=folder,
        notebook="01_corpus_overview",
    )
    plt.close(fig)
    return folder


def test_findings_written_from_the_data():
    t = make_tables()
    texts = [f.text for f in briefing.key_findings(t, 2023, "zh")]
    # 2023: 甲市 2023 states 150余 penalty cases, 乙区 2023 none -> only one report states it
    assert any("行政处罚案件" in x and "甲市 2023" in x and "≈150余件" in x for x in texts)
    # 甲市 has 2022 and 2023: its change is reported (120 -> 150)
    assert any("甲市城市管理局" in x and "120→150" in x for x in texts)
    en = [f.text for f in briefing.key_findings(t, 2023, "en")]
    assert any("Administrative penalty cases" in x for x in en)


def test_single_report_year_says_so_plainly():
    t = make_tables()
    texts = [f.text for f in briefing.key_findings(t, 2022, "zh")]
    assert any("只有一份报告" in x for x in texts)


def test_briefing_escapes_report_text_and_has_no_external_reference(tmp_path):
    t = make_tables()
    figs = _figures(tmp_path / "figures")
    page = briefing.render_briefing(t, year=2023, figures_dir=figs, lang="zh")
    assert ATTACK not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the evidence sentence, escaped
    assert "<script" not in page.lower()
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(?!data:|#)[a-z]+:""", page, re.I)
    assert "default-src 'none'" in page
    assert page.count("data:image/png;base64,") == 1


def test_briefing_with_findings_computed_beforehand_is_the_same(tmp_path):
    t = make_tables()
    figs = _figures(tmp_path / "figures")
    findings = briefing.key_findings(t, 2023, "en")
    before = briefing.render_briefing(t, year=2023, figures_dir=figs, lang="en", findings=findings)
    assert before == briefing.render_briefing(t, year=2023, figures_dir=figs, lang="en")


def test_embedded_font_covers_the_page(tmp_path):
    import base64

    from fontTools.ttLib import TTFont

    t = make_tables()
    page = briefing.render_briefing(t, year=2023, figures_dir=_figures(tmp_path / "f"), lang="zh")
    uri = re.search(r"data:font/woff;base64,([A-Za-z0-9+/=]+)", page).group(1)
    (tmp_path / "sub.woff").write_bytes(base64.b64decode(uri))
    with TTFont(str(tmp_path / "sub.woff")) as font:
        cmap = set(font.getBestCmap())
    visible = {ord(ch) for ch in plots._visible_text(page.split("<body>", 1)[1])}
    drawable = visible & plots.font_codepoints() - {ord(" "), ord("\n")}
    assert "行政处罚" in plots._visible_text(page) and drawable <= cmap


def run_chromium(page: Path, workdir: Path, screenshot: Path) -> tuple[list[str], list[str]]:
    """Open ``page`` in headless Chromium; return (network requests the page made, console lines).

    Network requests come from Chromium's NetLog: URL requests whose network isolation key
    is the file:// page (the browser's own background requests are told apart that way).
    Console messages (errors, CSP violations) come from --enable-logging=stderr.
    """
    netlog = workdir / "netlog.json"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={workdir / 'profile'}",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr",
        "--v=0",
        f"--log-net-log={netlog}",
        f"--screenshot={screenshot}",
        "--window-size=1280,2000",
        page.resolve().as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    requests = []
    for event in log["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if "file://" in str(params.get("network_isolation_key", "")) and not params[
            "url"
        ].startswith(("file:", "data:")):
            requests.append(params["url"])
    return requests, console


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (apt-get install -y chromium)"
)


@needs_chromium
def test_detector_sees_an_external_request_and_a_console_error(tmp_path):
    # positive control: the checks below would notice a page that fetches or logs
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><body><img src='https://example.com/a.png'>"
        "<script>console.error('boom')</script></body></html>",
        encoding="utf-8",
    )
    requests, console = run_chromium(bad, tmp_path, tmp_path / "bad.png")
    assert any("example.com" in r for r in requests)
    assert any("boom" in line for line in console)


@needs_chromium
def test_briefing_opens_in_headless_chromium(tmp_path):
    t = make_tables()
    figs = _figures(tmp_path / "figures")
    page = briefing.write_briefing(
        t, tmp_path / "briefing_2023.html", year=2023, figures_dir=figs, lang="zh"
    )
    shot = tmp_path / "briefing_screenshot_test.png"  # never into the user's reports/
    requests, console = run_chromium(page, tmp_path, shot)
    assert requests == []
    assert console == []
    assert shot.exists() and shot.stat().st_size > 5000
