"""The report in a real headless Chromium: loads offline, cleanly, and saves review decisions.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) and selenium;
skipped with the reason when any is missing. Selenium is pointed at ``/usr/bin/chromedriver``, so
selenium-manager never runs and nothing is downloaded.
"""

from __future__ import annotations

import atexit
import contextlib
import csv
import functools
import io
import json
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from report_fixture import OPEN_CODING, build_result
from roqa_nlp.codebook import Codebook
from roqa_nlp.report import write_report

# One worker runs every test here when the suite runs in parallel (`make test`, --dist
# loadgroup): each worker that ran one started its own Chrome and wrote the report again
# (~6 s a worker on a loaded 2-core machine, s75 suite).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
]
SECTIONS = [
    "overview",
    "transcripts",
    "matrix",
    "table2",
    "ratings",
    "saturation",
    "confidence",
    "open-coding",
    "model-card",
]
HEADER = ["segment_id", "decision", "code_id", "new_code", "note", "text"]
#: the texts of the fixture's segments that the tests decide on (saved with each decision)
P01_0001 = "Our support workers have not been trained to understand what recovery means."
P02_0000 = "The social worker said there was only funding for one-to-one support."
P02_0001 = "So the client could not go swimming, which was what he really wanted."
P03_0002 = "The pandemic meant half the team was isolating at once."


def _require_browser() -> Any:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium chromium-driver)")
    if not CHROMEDRIVER.exists():
        pytest.skip(f"{CHROMEDRIVER} is missing (apt-get install chromium-driver)")
    return pytest.importorskip("selenium.webdriver", reason="selenium is not installed")


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    _require_browser()
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    return path.as_uri()


def _start_chrome(webdriver: Any, service: Any, options: Any, attempts: int = 3) -> Any:
    """Chrome under chromedriver, started again (up to ``attempts`` times) when it does not come
    up: on a loaded 2-core machine its start-up has timed out once, and every test of the module
    then failed with the same start-up error."""
    from selenium.common.exceptions import WebDriverException

    for attempt in range(1, attempts + 1):
        try:
            return webdriver.Chrome(service=service(str(CHROMEDRIVER)), options=options)
        except WebDriverException:
            if attempt == attempts:
                raise
            time.sleep(2 * attempt)
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    webdriver = _require_browser()
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
        },
    )
    driver = _start_chrome(webdriver, Service, options)
    try:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        yield driver, downloads
    finally:
        driver.quit()


@functools.cache
def _blank_page() -> str:
    """An empty page of the reports' origin (file://): storage cleared there is every report's."""
    folder = tempfile.mkdtemp(prefix="roqa-blank-")
    atexit.register(shutil.rmtree, folder, True)  # removed when the test process ends
    path = Path(folder) / "blank.html"
    path.write_text("<!doctype html><title>blank</title>\n", encoding="utf-8")
    return path.as_uri()


def _open_fresh(driver: Any, url: str) -> None:
    """``url`` loaded with no decisions kept in the browser (every report's storage cleared).

    The storage is cleared from a fresh page: the page an earlier test left may still finish a
    file it was reading (Load decisions…) and keep its review after the clear, which an older
    page's key then lost to (test_a_review_an_older_page_kept_... failed once in a loaded full
    run, session 67). That page is an empty one of the same origin, not the report itself (a
    second load of the report, ~0.3 s a test). Not a script run in the report's new document
    (CDP Page.addScriptToEvaluateOnNewDocument, then removed): on a loaded machine it still
    ran in a later load, losing a review a test had just kept (two failures in a file run)."""
    driver.get(_blank_page())
    driver.execute_script("window.localStorage.clear()")
    driver.get(url)


@pytest.fixture
def page(browser: tuple[Any, Path], report_url: str) -> tuple[Any, Path]:
    """The report freshly loaded, with no decisions remembered from an earlier test."""
    driver, downloads = browser
    _open_fresh(driver, report_url)
    for f in downloads.iterdir():
        f.unlink()
    driver.get_log("browser")  # start each test with empty logs
    return driver, downloads


def _suggestion(driver: Any, segment_id: str, code: str) -> Any:
    """A suggestion's item, its fold opened if it is folded (talk that fits no code)."""
    from selenium.webdriver.common.by import By

    item = driver.find_element(
        By.CSS_SELECTOR, f'.review[data-segment="{segment_id}"] .sugg[data-code="{code}"]'
    )
    summary = driver.execute_script(
        "var d = arguments[0].closest('details.set-aside');"
        "return d && !d.open ? d.querySelector('summary') : null;",
        item,
    )
    if summary is not None:
        _click(driver, summary)
    return item


def _click(driver: Any, element: Any) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def _decisions_csv(driver: Any) -> str:
    """The decisions.csv the page would save, without its byte order mark (checked)."""
    text = driver.execute_script("return window.roqaDecisionsCsv")
    assert text.startswith("\ufeff")  # as every CSV roqa writes for a spreadsheet
    return str(text).removeprefix("\ufeff")


def _saved_decisions(driver: Any, downloads: Path) -> list[list[str]]:
    from selenium.webdriver.common.by import By

    _click(driver, driver.find_element(By.ID, "save-decisions"))
    target = downloads / "decisions.csv"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if target.exists() and not any(p.suffix == ".crdownload" for p in downloads.iterdir()):
            break
        time.sleep(0.1)
    assert target.exists(), f"no decisions.csv downloaded: {sorted(downloads.iterdir())}"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")  # as every CSV roqa writes for a spreadsheet
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_report_loads_without_console_errors(page: tuple[Any, Path], report_url: str) -> None:
    driver, _ = page
    driver.get(report_url)
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []


def test_report_makes_no_network_request(page: tuple[Any, Path], report_url: str) -> None:
    driver, _ = page
    driver.get_log("performance")
    driver.get(report_url)
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    # data: URLs are images inlined in the SVG figures: read from the page itself, not fetched.
    assert [u for u in requested if not u.startswith("data:")] == [report_url]
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources == []


def test_report_shows_every_main_section(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    for section in SECTIONS:
        assert driver.find_element(By.ID, section).is_displayed(), section
    svgs = driver.find_elements(By.CSS_SELECTOR, "figure svg.plot")
    assert len(svgs) == 3
    assert all(s.size["width"] > 100 for s in svgs)


def _choices(driver: Any) -> list[str]:
    """The codes the recode box's list shows (none when it is hidden)."""
    return list(
        driver.execute_script(
            "var l = document.getElementById('recode-codes');"
            "return l.hidden ? [] : Array.from(l.querySelectorAll('[role=option]'))"
            ".map(o => o.textContent)"
        )
    )


def test_recode_boxes_search_every_codable_code(page: tuple[Any, Path]) -> None:
    """Down in an empty recode box lists every codable code but the suggestion's own."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    box = _suggestion(driver, "p01_interview:0002", "IC.H").find_element(
        By.CSS_SELECTOR, "input.recode"
    )
    assert box.get_attribute("aria-expanded") == "false"
    _click(driver, box)
    box.send_keys(Keys.ESCAPE)  # the list a click showed hidden, the box kept
    assert _choices(driver) == []
    assert driver.execute_script("return document.activeElement") == box
    box.send_keys(Keys.ARROW_DOWN)
    assert _choices(driver) == [
        f"{c.id} {c.name}" for c in Codebook.load("cfir-2009").codable if c.id != "IC.H"
    ]
    assert box.get_attribute("aria-expanded") == "true"


def test_recode_list_shows_the_codes_enter_picks_and_keys_pick_one(
    page: tuple[Any, Path],
) -> None:
    """Left-over defect, session 45: Enter read "avail res" as IS.E.2 Available Resources, but
    the box's list (a <datalist>) showed only codes containing the very text typed: none. The
    list (a WAI-ARIA listbox) shows the codes Enter's rule finds; Down / Up walk it, said to a
    screen reader by aria-activedescendant, and Enter picks the one walked to."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    box = _suggestion(driver, "p02_interview:0001", "OS.A").find_element(
        By.CSS_SELECTOR, "input.recode"
    )
    _click(driver, box)
    box.send_keys("avail res")
    assert _choices(driver) == ["IS.E.2 Available Resources"]
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "recode-codes"
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys("is.e.")
    assert _choices(driver) == [
        "IS.E.1 Leadership Engagement",
        "IS.E.2 Available Resources",
        "IS.E.3 Access to Knowledge & Information",
    ]
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    active = box.get_attribute("aria-activedescendant")
    option = driver.find_element(By.ID, active)
    assert (option.text, option.get_attribute("aria-selected")) == (
        "IS.E.2 Available Resources",
        "true",
    )
    box.send_keys(Keys.ENTER)
    assert box.get_attribute("value") == "IS.E.2 Available Resources"
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode IS.E.2"]
    assert _choices(driver) == []
    assert box.get_attribute("aria-expanded") == "false"
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys("zzz")
    assert _choices(driver) == []  # refused by Enter: nothing listed
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys("champ")
    option = driver.find_element(By.CSS_SELECTOR, "#recode-codes [role=option]")
    assert option.text == "PR.B.3 Champions"
    option.click()  # a click picks too
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode PR.B.3"]
    assert _decisions_csv(driver) == _review_csv(
        [_recoded(("p02_interview:0001", "recode", "PR.B.3", "", "", P02_0001), "OS.A")]
    )


def _recode(driver: Any, segment_id: str, code: str, text: str) -> Any:
    """Types ``text`` in the recode box of a suggestion and presses Enter; the box."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = _suggestion(driver, segment_id, code).find_element(By.CSS_SELECTOR, "input.recode")
    _click(driver, box)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(text, Keys.ENTER)
    return box


def test_recode_box_takes_part_of_a_codes_name_or_id(page: tuple[Any, Path]) -> None:
    """Blind testers s42 wanted to type part of a name ("netw", "readiness", "IS.E") and pick:
    the one code the text is part of is the recode, saved by its id, the box showing it whole."""
    driver, _ = page
    box = _recode(driver, "p02_interview:0001", "OS.A", "netw")
    assert box.get_attribute("value") == "IS.B Networks & Communications"
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode IS.B"]
    _recode(driver, "p02_interview:0001", "OS.A", "readiness")
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode IS.E"]
    _recode(driver, "p02_interview:0001", "OS.A", "IS.E")
    assert _decisions_csv(driver) == _review_csv(
        [_recoded(("p02_interview:0001", "recode", "IS.E", "", "", P02_0001), "OS.A")]
    )
    _recode(driver, "p02_interview:0001", "OS.A", "")  # no text: the recode taken back
    assert _decisions_csv(driver) == _review_csv([])


def test_a_recode_box_emptied_and_left_with_tab_takes_the_recode_back(
    page: tuple[Any, Path],
) -> None:
    """Blind tester pagereview, s67: a recode made with Enter, its box then emptied and left
    with Tab, stayed: the box looked empty, the page counted and saved the recode, and
    apply-decisions applied it (the box's text as of focus was empty too, so leaving it fired
    no change). Leaving the box reads it, however it is left."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    box = _suggestion(driver, "p02_interview:0001", "OS.A").find_element(
        By.CSS_SELECTOR, "input.recode"
    )
    _click(driver, box)
    box.send_keys("netw", Keys.ENTER)
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode IS.B"]
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    box.send_keys(Keys.TAB)
    assert box.get_attribute("value") == ""
    assert _pressed(driver, "p02_interview:0001", "OS.A") == []
    assert _decisions_csv(driver) == _review_csv([])


def test_a_recode_box_left_as_shown_is_not_read_again(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """A loaded recode to a code the page's list lacks (a project's own) shows its id in the
    box; tabbing through the box refused it, "No code of this codebook matches", over a recode
    that stands (hunt s67 h_final R1, R2: the message, put in on mousedown, moved another
    segment's button from under a click)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    rows = [
        _recoded(("p02_interview:0001", "recode", "project.staffing", "", "", P02_0001), "OS.A")
    ]
    path = tmp_path / "decisions.csv"
    path.write_text(_review_csv(rows), encoding="utf-8")
    _load_file(driver, path)
    box = _suggestion(driver, "p02_interview:0001", "OS.A").find_element(
        By.CSS_SELECTOR, "input.recode"
    )
    shown = box.get_attribute("value")
    _click(driver, box)
    box.send_keys(Keys.TAB)
    assert box.get_attribute("value") == shown
    assert driver.find_elements(By.CSS_SELECTOR, ".recode-msg") == []
    assert _decisions_csv(driver) == _review_csv(rows)


def test_recode_box_takes_the_starts_of_a_codes_words_in_any_order(page: tuple[Any, Path]) -> None:
    """Left-over defect, session 44: the recode box found a code only by the very text typed,
    so "avail res" and "resources avail" named no code (refused), nor "knowledge beliefs"
    Knowledge & Beliefs about the Intervention. Words each beginning a word of one code's id or
    name, in any order, now name it; "&" is "and" as before."""
    driver, _ = page
    start = time.monotonic()
    for typed, code, label in [
        ("avail res", "IS.E.2", "IS.E.2 Available Resources"),
        ("resources avail", "IS.E.2", "IS.E.2 Available Resources"),
        ("knowledge beliefs", "CI.A", "CI.A Knowledge & Beliefs about the Intervention"),
        ("KNOW and BEL", "CI.A", "CI.A Knowledge & Beliefs about the Intervention"),
    ]:
        box = _recode(driver, "p02_interview:0001", "OS.A", typed)
        assert box.get_attribute("value") == label
        assert _pressed(driver, "p02_interview:0001", "OS.A") == [f"recode {code}"]
    _recode(driver, "p02_interview:0001", "OS.A", "")
    assert _decisions_csv(driver) == _review_csv([])
    assert time.monotonic() - start < 10


def test_recode_box_finds_a_code_by_its_alias_and_saves_the_code(page: tuple[Any, Path]) -> None:
    """Tester cfir2ui (s63): a codebook's own alias ("Staffing", IS.E.2 Available Resources in
    CFIR 2009) was refused. The list shows the code found by an alias with the alias after its
    name; picked, the box shows the code's name and the decision saves its id, not the alias."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    box = _suggestion(driver, "p02_interview:0001", "OS.A").find_element(
        By.CSS_SELECTOR, "input.recode"
    )
    _click(driver, box)
    box.send_keys("staff")
    assert _choices(driver) == [
        "IS.E.2 Available Resources (Staffing)",
        "IS.E.3 Access to Knowledge & Information (Staff training)",
    ]
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER)
    assert box.get_attribute("value") == "IS.E.3 Access to Knowledge & Information"
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode IS.E.3"]
    box = _recode(driver, "p02_interview:0001", "OS.A", "Staffing")
    assert box.get_attribute("value") == "IS.E.2 Available Resources"
    assert _decisions_csv(driver) == _review_csv(
        [_recoded(("p02_interview:0001", "recode", "IS.E.2", "", "", P02_0001), "OS.A")]
    )
    _recode(driver, "p02_interview:0001", "OS.A", "")
    assert _decisions_csv(driver) == _review_csv([])
    # a whole alias before part of another code's name: "Engagement" is PR.B Engaging's alias,
    # not IS.E.1 Leadership Engagement (a hunt of s63 found IS.E.1 saved)
    box = _recode(driver, "p02_interview:0001", "OS.A", "Engagement")
    assert box.get_attribute("value") == "PR.B Engaging"
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode PR.B"]
    _recode(driver, "p02_interview:0001", "OS.A", "")


def test_recode_box_refuses_text_that_matches_no_code(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    _recode(driver, "p02_interview:0001", "OS.A", "OS.D")
    box = _recode(driver, "p02_interview:0001", "OS.A", "zzz")
    item = _suggestion(driver, "p02_interview:0001", "OS.A")
    message = item.find_element(By.CSS_SELECTOR, ".recode-msg")
    assert message.get_attribute("role") == "alert"
    assert message.text == (
        "No code of this codebook matches “zzz”: type part of a code's id, name or alias, and "
        "pick one from the list."
    )
    assert box.get_attribute("aria-invalid") == "true"
    assert box.get_attribute("value") == "zzz"  # left to be corrected
    assert _decisions_csv(driver) == _review_csv(  # nothing decided: the recode to OS.D holds
        [_recoded(("p02_interview:0001", "recode", "OS.D", "", "", P02_0001), "OS.A")]
    )
    _recode(driver, "p02_interview:0001", "OS.A", "external policy")
    assert item.find_elements(By.CSS_SELECTOR, ".recode-msg") == []
    assert box.get_attribute("aria-invalid") is None
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode OS.D"]


def test_accept_and_reject_are_saved_as_decisions_csv(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, downloads = page
    accept = _suggestion(driver, "p01_interview:0001", "IS.E.3")
    reject = _suggestion(driver, "p02_interview:0000", "IC.H")
    _click(driver, accept.find_element(By.CSS_SELECTOR, "button.accept"))
    _click(driver, reject.find_element(By.CSS_SELECTOR, "button.reject"))
    assert driver.find_element(By.ID, "decision-count").text == "2 decisions"
    assert _saved_decisions(driver, downloads) == [
        HEADER,
        ["p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001],
        ["p02_interview:0000", "reject", "IC.H", "", "", P02_0000],
    ]


def test_clicking_accept_twice_takes_the_decision_back(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, downloads = page
    button = _suggestion(driver, "p01_interview:0001", "IS.E.3").find_element(
        By.CSS_SELECTOR, "button.accept"
    )
    _click(driver, button)
    _click(driver, button)
    assert button.get_attribute("aria-pressed") == "false"
    assert _saved_decisions(driver, downloads) == [HEADER]


def test_recode_new_code_and_note_are_saved(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, downloads = page
    _recode(driver, "p02_interview:0001", "OS.A", "OS.D External Policy & Incentives")
    review = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p03_interview:0002"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", review)
    review.find_element(By.CSS_SELECTOR, "input.new-code").send_keys("COVID-19 disruption")
    review.find_element(By.CSS_SELECTOR, "input.note").send_keys('staff "isolating", rotas')
    assert _saved_decisions(driver, downloads) == [
        [*HEADER, "valence", "suggestion"],
        ["p02_interview:0001", "recode", "OS.D", "", "", P02_0001, "", "OS.A"],
        [
            "p03_interview:0002",
            "new-code",
            "",
            "COVID-19 disruption",
            'staff "isolating", rotas',
            P03_0002,
            "",
            "",
        ],
    ]


def test_decisions_survive_reloading_the_report(page: tuple[Any, Path], report_url: str) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    _click(
        driver,
        _suggestion(driver, "p01_interview:0001", "IS.E.3").find_element(
            By.CSS_SELECTOR, "button.reject"
        ),
    )
    driver.get(report_url)
    button = _suggestion(driver, "p01_interview:0001", "IS.E.3").find_element(
        By.CSS_SELECTOR, "button.reject"
    )
    assert button.get_attribute("aria-pressed") == "true"
    assert _decisions_csv(driver) == (
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,reject,IS.E.3,,,{P01_0001}\n"
    )


def test_suggestions_of_talk_that_fits_no_code_are_folded_until_decided(
    page: tuple[Any, Path], report_url: str
) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page

    def item(segment_id: str) -> Any:
        return driver.find_element(
            By.CSS_SELECTOR, f'.review[data-segment="{segment_id}"] .sugg[data-code="IS.C"]'
        )

    assert not item("p01_interview:0003").is_displayed()  # fits no code
    assert not item("p01_interview:0000").is_displayed()  # procedural
    _click(driver, _suggestion(driver, "p01_interview:0003", "IS.C").find_element(
        By.CSS_SELECTOR, "button.accept"
    ))  # fmt: skip
    driver.get(report_url)
    assert item("p01_interview:0003").is_displayed()  # a decision keeps its fold open
    assert not item("p01_interview:0000").is_displayed()
    assert _decisions_csv(driver).endswith(
        "p01_interview:0003,accept,IS.C,,,My dog thinks Zoom calls are the best thing ever.\n"
    )


def test_saved_decisions_are_what_roqa_train_feedback_reads(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    from roqa_nlp.decisions import Decision, read_decisions

    driver, downloads = page
    item = _suggestion(driver, "p03_interview:0001", "IC.F")
    _click(driver, item.find_element(By.CSS_SELECTOR, "button.accept"))
    _saved_decisions(driver, downloads)
    decisions, _ = read_decisions(downloads / "decisions.csv")
    assert decisions == [
        Decision(
            "p03_interview:0001",
            "accept",
            "IC.F",
            text="The Recovery Star helps us see change over time.",
        )
    ]


def _shown_segments(driver: Any) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#transcripts .row'))"
        ".filter(r => !r.hidden && !r.closest('details.transcript').hidden"
        "  && r.querySelector('.review[data-segment]'))"
        ".map(r => r.querySelector('.review').getAttribute('data-segment'))"
    )


def _shown_questions(driver: Any) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#transcripts .row.question'))"
        ".filter(r => !r.hidden).map(r => r.querySelector('p').textContent)"
    )


def _reviewable() -> list[str]:
    """The segments the review filters can show: not set aside (procedural, small talk)."""
    return [s.segment.id for s in build_result() if not (s.procedural or s.off_topic)]


def _show(driver: Any, mode: str) -> str:
    from selenium.webdriver.common.by import By

    _click(driver, driver.find_element(By.CSS_SELECTOR, f'#review-filter input[value="{mode}"]'))
    return driver.find_element(By.ID, "filter-count").text


def test_review_filter_shows_segments_without_a_decision(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    every = [s.segment.id for s in build_result()]
    assert _shown_segments(driver) == every
    _click(driver, _suggestion(driver, "p01_interview:0002", "IC.H").find_element(
        By.CSS_SELECTOR, 'button[data-action="accept"]'))  # fmt: skip
    n = len(_reviewable())
    assert _show(driver, "unreviewed") == f"{n - 1} of {n} reviewable segments shown"
    # the procedural "Yes, loud and clear." and the decided segment are left out
    assert _shown_segments(driver) == [
        s for s in every if s not in ("p01_interview:0000", "p01_interview:0002")
    ]
    questions = _shown_questions(driver)
    assert "Can you hear me okay?" not in questions
    assert "What challenges have you met with recovery-orientated practice?" in questions
    assert _show(driver, "all") == ""
    assert _shown_segments(driver) == every
    assert len(_shown_questions(driver)) == len(
        driver.find_elements(By.CSS_SELECTOR, "#transcripts .row.question")
    )


def test_review_filter_shows_top_suggestions_below_40_percent(page: tuple[Any, Path]) -> None:
    driver, _ = page
    assert _show(driver, "unsure") == f"3 of {len(_reviewable())} reviewable segments shown"
    # the three flagged for open coding (0.12, 0.18, 0.20); the procedural 0.21 is left out
    assert _shown_segments(driver) == [
        "p01_interview:0003",
        "p02_interview:0002",
        "p03_interview:0002",
    ]


def test_review_filter_count_follows_each_decision_and_filtering_again_updates_the_list(
    page: tuple[Any, Path],
) -> None:
    """Blind tester s61 (review, finding 1): a segment decided under "segments not reviewed yet"
    left the count at "11 of 11" while the picker said "1 of 11 reviewed". The decided segment
    stays shown (it does not vanish under the keys), and the count says so at once; choosing the
    filter again (its radio clicked again) drops it."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    n = len(_reviewable())
    assert _show(driver, "unreviewed") == f"{n} of {n} reviewable segments shown"
    _decide(driver, "p01_interview:0002", "IC.H", "accept")
    count = driver.find_element(By.ID, "filter-count")
    assert count.text == (
        f"{n - 1} of {n} reviewable segments shown "
        "(1 decided since filtering, shown until you filter again)"
    )
    assert "p01_interview:0002" in _shown_segments(driver)
    _decide(driver, "p01_interview:0002", "IC.H", "accept")  # taken back
    assert count.text == f"{n} of {n} reviewable segments shown"
    _decide(driver, "p01_interview:0002", "IC.H", "accept")
    assert _show(driver, "unreviewed") == f"{n - 1} of {n} reviewable segments shown"
    assert "p01_interview:0002" not in _shown_segments(driver)
    # taken back while the filter hides it (as another tab of the report may)
    driver.execute_script(
        "arguments[0].click()",
        _suggestion(driver, "p01_interview:0002", "IC.H").find_element(
            By.CSS_SELECTOR, 'button[data-action="accept"]'
        ),
    )
    assert count.text == (
        f"{n - 1} of {n} reviewable segments shown "
        "(1 not reviewed again, shown when you filter again)"
    )
    assert _show(driver, "unreviewed") == f"{n} of {n} reviewable segments shown"
    assert "p01_interview:0002" in _shown_segments(driver)


# -- a review carried into the report: embedded, loaded from a file, kept in the browser ---------

#: a review saved from an earlier report, embedded in this one by `roqa report --decisions`
REVIEW = [
    ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
    ("p02_interview:0001", "recode", "OS.D", "", "", P02_0001),  # on its only suggestion, OS.A
    ("p02_interview:0000", "reject", "IS.C", "", "", P02_0000),  # not suggested there: kept
    ("p03_interview:0002", "new-code", "", "COVID-19 disruption", "rotas", P03_0002),
]


@pytest.fixture(scope="module")
def reviewed_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from roqa_nlp.decisions import Decision

    _require_browser()
    path = tmp_path_factory.mktemp("reviewed") / "report.html"
    write_report(
        build_result(),
        path,
        "cfir-2009",
        open_coding=OPEN_CODING,
        decisions=[Decision(*row) for row in REVIEW],
    )
    return path.as_uri()


@pytest.fixture
def reviewed(browser: tuple[Any, Path], reviewed_url: str) -> Any:
    """The report with an embedded review, freshly loaded, nothing kept in the browser."""
    driver, _ = browser
    _open_fresh(driver, reviewed_url)
    driver.get_log("browser")
    return driver


def _pressed(driver: Any, segment_id: str, code: str) -> list[str]:
    """The actions pressed on a suggestion, and the code its recode box names (its id)."""
    return driver.execute_script(
        "var item = document.querySelector(arguments[0]);"
        "var on = Array.from(item.querySelectorAll('button[aria-pressed=true]'))"
        "  .map(b => b.getAttribute('data-action'));"
        "var box = item.querySelector('input.recode');"
        "return box && box.value ? on.concat(['recode ' + box.value.split(' ')[0]]) : on;",
        f'.review[data-segment="{segment_id}"] .sugg[data-code="{code}"]',
    )


def _opened_with(driver: Any, url: str, segment_id: str, code: str, expected: list[str]) -> Any:
    """:func:`_pressed` on the page opened at ``url``, opened again (for up to 10 s) while it
    does not show ``expected``: on a busy machine Chrome may hand an item just stored to the
    next page's process a moment late."""
    import time

    deadline = time.monotonic() + 10
    while True:
        driver.get(url)
        pressed = _pressed(driver, segment_id, code)
        if pressed == expected or time.monotonic() > deadline:
            return pressed
        time.sleep(0.5)


def _review_csv(rows: Any) -> str:
    """decisions.csv as the page writes it: the columns valence and suggestion when a row (a
    valence, a recode and the suggestion it replaced) needs them, every row as wide."""
    width = max([len(HEADER), *(len(r) for r in rows)])
    header = [*HEADER, "valence", "suggestion"][:width]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(
        [header, *([*r, *[""] * (width - len(r))] for r in rows)]
    )
    return out.getvalue()


def _recoded(row: tuple[str, ...], suggestion: str) -> tuple[str, ...]:
    """A recode row as saved: the suggestion it replaced in the column suggestion."""
    return (*row, "", suggestion)


def test_embedded_review_shows_as_decided_controls(reviewed: Any) -> None:
    from selenium.webdriver.common.by import By

    driver = reviewed
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _pressed(driver, "p01_interview:0001", "CI.A") == []
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode OS.D"]
    review = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p03_interview:0002"]')
    assert review.find_element(By.CSS_SELECTOR, "input.new-code").get_attribute("value") == (
        "COVID-19 disruption"
    )
    assert review.find_element(By.CSS_SELECTOR, "input.note").get_attribute("value") == "rotas"
    carried = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"]')
    assert carried.find_element(By.CSS_SELECTOR, ".carried").text == "Also decided: reject IS.C"
    assert driver.find_element(By.ID, "decision-count").text == "4 decisions"
    # saving writes the review back, the decision no control shows included
    assert _decisions_csv(driver) == _review_csv(
        [REVIEW[0], REVIEW[2], _recoded(REVIEW[1], "OS.A"), REVIEW[3]]  # in the page's order
    )
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    # nothing decided here yet: the browser keeps nothing, the page's own review stays its own
    assert (
        driver.execute_script(
            "return localStorage.getItem('roqa-decisions:' + document.body.dataset.reportId"
            " + ':' + location.pathname)"
        )
        == "{}"
    )


def test_review_kept_in_the_browser_wins_over_the_embedded_one(
    reviewed: Any, reviewed_url: str
) -> None:
    from selenium.webdriver.common.by import By

    driver = reviewed
    _click(driver, _suggestion(driver, "p01_interview:0001", "IS.E.3").find_element(
        By.CSS_SELECTOR, "button.reject"))  # fmt: skip
    driver.get(reviewed_url)
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["reject"]
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode OS.D"]  # still embedded
    # a review kept from before, on one segment: it wins there, the embedded one elsewhere
    key = (  # the review of this report at this place
        "roqa-decisions:"
        + driver.find_element(By.TAG_NAME, "body").get_attribute("data-report-id")
        + ":"
        + driver.execute_script("return location.pathname")
    )
    kept = {"p02_interview:0001": {"codes": {"OS.A": {"decision": "accept"}}, "note": "mine"}}
    driver.execute_script(
        "localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))", key, kept
    )
    # one suite run on a busy machine opened the page before the stored item reached it
    kept_wins = _opened_with(driver, reviewed_url, "p02_interview:0001", "OS.A", ["accept"])
    assert kept_wins == ["accept"]
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    # Clear forgets the embedded review too, after a reload as well
    driver.execute_script("window.confirm = () => true")
    _click(driver, driver.find_element(By.ID, "clear-decisions"))
    driver.get(reviewed_url)
    assert driver.find_element(By.ID, "decision-count").text == "0 decisions"
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == []


def test_loading_a_decisions_csv_applies_it_and_counts_what_matched(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver, _ = page
    note = 'said "twice",\nthen left'
    saved = (
        "\ufeffsegment_id,decision,code_id,new_code,note,text\r\n"
        f"p01_interview:0009,accept,IS.E.3,,,{P01_0001}\r\n"  # id moved: found by its text
        f'p02_interview:0005,reject,IC.H,,"{note.replace(chr(34), 2 * chr(34))}","{P02_0000}"\r\n'
        "p02_interview:0001,recode,OS.D,,,\r\n"  # no text: found by its id
        "p01_interview:0002,accept,IC.H,,,Words nobody said here.\r\n"
        "p07_interview:0001,reject,IC.H,,,\r\n"
    )
    path = tmp_path / "decisions.csv"
    path.write_text(saved, encoding="utf-8")
    assert driver.find_element(By.ID, "load-decisions").is_displayed()
    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)  # a person clicks the button
    field.send_keys(str(path))
    status = driver.find_element(By.ID, "load-status")
    WebDriverWait(driver, 10).until(lambda _: status.text)
    assert status.text == (
        "decisions.csv: 3 decisions loaded; 2 could not be matched to a segment (kept: Save "
        "decisions writes them back unchanged, at the end of the file)"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _pressed(driver, "p02_interview:0000", "IC.H") == ["reject"]
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode OS.D"]
    assert _pressed(driver, "p01_interview:0002", "IC.H") == []
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
            ("p02_interview:0000", "reject", "IC.H", "", note, P02_0000),
            _recoded(("p02_interview:0001", "recode", "OS.D", "", "", P02_0001), "OS.A"),
            # matching no segment: saved back as they came (fixer page, session 57)
            ("p01_interview:0002", "accept", "IC.H", "", "", "Words nobody said here."),
            ("p07_interview:0001", "reject", "IC.H", "", "", ""),
        ]
    )
    # a file that is not a decisions file says so, and changes nothing
    other = tmp_path / "notes.csv"
    other.write_text("who,what\na,b\n", encoding="utf-8")
    field.send_keys(str(other))
    WebDriverWait(driver, 10).until(lambda _: status.text.startswith("notes.csv"))
    assert "no segment_id and decision columns" in status.text
    assert driver.find_element(By.ID, "decision-count").text == "3 decisions"
    # Excel in German, French or Dutch settings saves with semicolons (session 28: "no
    # segment_id and decision columns"); its plain "CSV" is Windows-1252, which is said
    semi = tmp_path / "semi.csv"
    semi.write_text(
        f"segment_id;decision;code_id;new_code;note;text\np03_interview:0002;reject;IC.H;;;{P03_0002}\n",
        encoding="utf-8",
    )
    field.send_keys(str(semi))
    WebDriverWait(driver, 10).until(lambda _: status.text.startswith("semi.csv"))
    assert status.text == "semi.csv: 1 decision loaded; all matched"
    assert driver.find_element(By.ID, "decision-count").text == "4 decisions"
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes(
        b"segment_id,decision,code_id,new_code,note,text\np03_interview:0002,reject,IC.H,,caf\xe9,x\n"
    )
    field.send_keys(str(ansi))
    WebDriverWait(driver, 10).until(lambda _: status.text.startswith("ansi.csv"))
    assert status.text == (
        'ansi.csv: Not loaded: the file is not UTF-8 text: save it from Excel as "CSV UTF-8" '
        "and load it again."
    )
    # a U+FFFD that a transcript itself holds is UTF-8, and loads (review of afe95d8)
    fffd = tmp_path / "fffd.csv"
    fffd.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        "p03_interview:0002,reject,IC.H,,we had \ufffd none,\n",
        encoding="utf-8",
    )
    field.send_keys(str(fffd))
    WebDriverWait(driver, 10).until(lambda _: status.text.startswith("fffd.csv"))
    assert status.text == "fffd.csv: 1 decision loaded; all matched"
    # a title row above the header, passed over as roqa's reader passes it (s79: "no
    # segment_id and decision columns")
    titled = tmp_path / "titled.csv"
    titled.write_text(
        '"Review of P01-P13, 6 Dec",,,,,\n'
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p03_interview:0002,reject,IC.H,,,{P03_0002}\n",
        encoding="utf-8",
    )
    field.send_keys(str(titled))
    WebDriverWait(driver, 10).until(lambda _: status.text.startswith("titled.csv"))
    assert status.text == "titled.csv: 1 decision loaded; all matched"


def test_loaded_decisions_matching_no_segment_are_saved_back_once_until_clear(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Load decisions… keeps a file's rows that match no segment (words changed since, a
    transcript not in these codings) and Save decisions writes them back unchanged, at the end
    of the file, as it does the rows `roqa report --decisions` carries in. Before, Save dropped
    them without a word: a researcher who loaded last week's decisions.csv and saved again lost
    those decisions (fixer page, session 57). Loaded twice, or after deciding on the page, no row
    is doubled and none lost; a reload keeps them; Clear forgets them."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    gone = ("p01_interview:0002", "accept", "IC.H", "", "", "Words nobody said here.")
    other = ("p07_interview:0001", "recode", "OS.D", "", "a note", "", "", "IC.H")
    path = tmp_path / "decisions.csv"
    path.write_text(
        _review_csv([("p01_interview:0009", "accept", "IS.E.3", "", "", P01_0001), gone, other]),
        encoding="utf-8",
    )
    loaded = (
        "decisions.csv: 1 decision loaded; 2 could not be matched to a segment (kept: Save "
        "decisions writes them back unchanged, at the end of the file)"
    )
    assert _load_file(driver, path) == loaded
    mine = ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)
    assert _decisions_csv(driver) == _review_csv([mine, gone, other])
    # loaded again: nothing doubled
    driver.execute_script("document.getElementById('load-status').textContent = ''")
    assert _load_file(driver, path) == loaded
    assert _decisions_csv(driver) == _review_csv([mine, gone, other])
    # a decision made on the page, then the file loaded again: both kept, once each
    _decide(driver, "p02_interview:0000", "IC.H", "reject")
    driver.execute_script("document.getElementById('load-status').textContent = ''")
    assert _load_file(driver, path) == loaded
    page_row = ("p02_interview:0000", "reject", "IC.H", "", "", P02_0000)
    assert _decisions_csv(driver) == _review_csv([mine, page_row, gone, other])
    # the page opened again keeps them, and says so
    driver.refresh()
    assert _decisions_csv(driver) == _review_csv([mine, page_row, gone, other])
    assert _status(driver) == (
        "2 decisions of a decisions file loaded here match no segment of this report: Save "
        "decisions writes them back unchanged, at the end of the file (Clear forgets them)"
    )
    # the saved file, loaded back, adds none again
    path.write_text(_decisions_csv(driver), encoding="utf-8")
    driver.execute_script("document.getElementById('load-status').textContent = ''")
    assert _load_file(driver, path) == (
        "decisions.csv: 2 decisions loaded; 2 could not be matched to a segment (kept: Save "
        "decisions writes them back unchanged, at the end of the file)"
    )
    assert _decisions_csv(driver) == _review_csv([mine, page_row, gone, other])
    # Clear forgets them with the rest, after a reload too
    driver.execute_script("window.confirm = () => true")
    _click(driver, driver.find_element(By.ID, "clear-decisions"))
    assert _decisions_csv(driver) == _review_csv([])
    driver.refresh()
    assert _decisions_csv(driver) == _review_csv([])


def test_a_file_loaded_after_deciding_on_the_page_keeps_the_pages_other_codes(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """A file loaded is read after what the page holds, as a later round's rows are: the later
    row wins on one code, not on the segment (roqa_nlp.decisions.standing). Before, the file's
    reject of IS.E.2 replaced the whole segment, and the accept of IC.H made on the page just
    before was gone from Save without a word (fixer page, session 57)."""
    driver, _ = page
    _decide(driver, "p01_interview:0002", "IC.H", "accept")
    _decide(driver, "p02_interview:0000", "IC.H", "reject")
    path = tmp_path / "decisions.csv"
    path.write_text(
        _review_csv(
            [
                ("p01_interview:0002", "reject", "IS.E.2", "", "from the file", P01_0002),
                ("p02_interview:0000", "accept", "IC.H", "", "", P02_0000),  # the later row wins
            ]
        ),
        encoding="utf-8",
    )
    assert _load_file(driver, path) == "decisions.csv: 2 decisions loaded; all matched"
    assert _pressed(driver, "p01_interview:0002", "IC.H") == ["accept"]
    assert _pressed(driver, "p01_interview:0002", "IS.E.2") == ["reject"]
    assert _pressed(driver, "p02_interview:0000", "IC.H") == ["accept"]
    # the file does not hold the page's accept: that segment is not saved yet
    assert _unsaved(driver) == "(1 segment not saved)"
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0002", "accept", "IC.H", "", "from the file", P01_0002),
            ("p01_interview:0002", "reject", "IS.E.2", "", "from the file", P01_0002),
            ("p02_interview:0000", "accept", "IC.H", "", "", P02_0000),
        ]
    )
    # loaded again: the same rows, none doubled
    driver.execute_script("document.getElementById('load-status').textContent = ''")
    assert _load_file(driver, path) == "decisions.csv: 2 decisions loaded; all matched"
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0002", "accept", "IC.H", "", "from the file", P01_0002),
            ("p01_interview:0002", "reject", "IS.E.2", "", "from the file", P01_0002),
            ("p02_interview:0000", "accept", "IC.H", "", "", P02_0000),
        ]
    )


def test_a_file_saved_with_the_carried_rows_matching_no_segment_loads_back_without_doubling(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """The page carries in a review whose new code on P03's last sentence matches no segment (the
    sentence gone since); its saved file holds that row at the end. Loaded back into the page,
    the row is written once, not twice (fixer page, session 57)."""
    from roqa_nlp.decisions import Decision

    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(_coded_again(), path, "cfir-2009", decisions=[Decision(*row) for row in REVIEW])
    _open_fresh(driver, path.as_uri())
    saved = _decisions_csv(driver)
    assert saved.endswith(
        "\np03_interview:0002,new-code,,COVID-19 disruption,rotas,"
        "The pandemic meant half the team was isolating at once.,,\n"
    )
    file = tmp_path / "decisions.csv"
    file.write_text(saved, encoding="utf-8")
    driver.execute_script("document.getElementById('load-status').textContent = ''")
    assert _load_file(driver, file).startswith(
        "decisions.csv: 3 decisions loaded; 1 could not be matched to a segment (kept: Save "
        "decisions writes it back unchanged, at the end of the file)"
    )
    assert _decisions_csv(driver) == saved


# -- a review kept in the browser, found by a report written again in the same place -------------


def _coded_again(later: bool = False) -> Any:
    """The fixture coded again: P01 opening with a sentence it did not have (every P01 segment
    id after it moved by one), P03's last sentence gone, and a P04 added: another report id;
    ``later``: a P05 added too."""
    import copy

    from report_fixture import INTERVIEWS

    interviews = copy.deepcopy(INTERVIEWS)
    interviews["p01_interview"][1][3][1].insert(
        0, ("Where do I start?", [("IS.C", 0.3, "neutral")], {})
    )
    del interviews["p03_interview"][1][1][1][2]
    interviews["p04_interview"] = (
        "P04",
        [("P04", [("We have a peer worker now and it shows.", [("IS.E.2", 0.7, "enabler")], {})])],
    )
    if later:
        interviews["p05_interview"] = (
            "P05",
            [("P05", [("Nobody asked us what we needed.", [("OS.A", 0.6, "barrier")], {})])],
        )
    return build_result(interviews)


#: the fixture's segment p01_interview:0002
P01_0002 = "Training costs money we simply do not have."


def _in_python(path: Path) -> list[tuple[str, ...]]:
    """The rows of decisions file ``path`` as roqa report --decisions shows them on the fixture's
    CFIR 2009 codings (decisions_crosswalk.in_model_codes, then match_decisions), in the
    columns of decisions.csv, the segment's text from the codings: what the page must do."""
    import warnings

    from roqa_nlp.decisions import match_decisions, read_decisions
    from roqa_nlp.decisions_crosswalk import in_model_codes

    result = build_result()
    texts = {s.segment.id: s.segment.text for s in result.segments}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = in_model_codes(read_decisions(path)[0], Codebook.load("cfir-2009"), result)
        match = match_decisions(rows, result)
    out = []
    for d, sid in match.matched:
        row = (sid, d.decision, d.code_id, d.new_code, d.note, texts[sid], d.valence, d.suggestion)
        out.append(row[:6] if not any(row[6:]) else row)
    return out


def test_loading_a_review_made_in_cfir2_reads_it_in_this_reports_codes(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """A review saved from the report charted in CFIR 2.0, loaded into this CFIR 2009 report, is
    read as roqa report --decisions reads it (decisions_crosswalk.in_model_codes, from the
    mapping the page holds as data): an accept of a code shown goes on the suggestion it was
    shown for, a recode to the code its code stands for, a recode to a construct CFIR 2009 lacks
    becomes a new code of its name, and a segment whose every CFIR 2.0 code shown was rejected
    fits no code. Before, the rows were kept as they came, on no suggestion, and the status line
    only named their codes."""
    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text,valence,suggestion\n"
        f"p01_interview:0001,accept,INS.K,,,{P01_0001},,\n"  # shown for IS.E.3
        f"p01_interview:0002,recode,INS.A.2,,,{P01_0002},,INS.J\n"  # IS.A; INS.J for IS.E.2
        f"p02_interview:0000,recode,OUT.A,,,{P02_0000},,OUT.F\n"  # Critical Incidents: none
        # both CFIR 2.0 codes shown for its one suggestion, OS.A, rejected
        f'p02_interview:0001,reject,PRO.B.2,,,"{P02_0001}",,\n'
        f'p02_interview:0001,reject,INS.D.2,,,"{P02_0001}",,\n',
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 5 decisions loaded; all matched; 5 decisions on cfir-2022 codes read as "
        "decisions on this report's cfir-2009 codes through the documented mapping: 2 on the "
        "cfir-2009 suggestion their code was shown for, 1 on the cfir-2009 code their code "
        "stands for, 1 as new codes named as their cfir-2022 code (Critical Incidents), 1 "
        "merged with a row on the same cfir-2009 code, 1 segment with every code shown "
        "rejected kept as fitting no code"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _pressed(driver, "p01_interview:0002", "IS.E.2") == ["recode IS.A"]
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["reject"]
    expected = [
        ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
        ("p01_interview:0002", "recode", "IS.A", "", "", P01_0002, "", "IS.E.2"),
        ("p02_interview:0000", "new-code", "", "Critical Incidents", "", P02_0000),
        ("p02_interview:0001", "reject", "OS.A", "", "", P02_0001),
        ("p02_interview:0001", "no-code", "", "", "", P02_0001),
    ]
    assert _decisions_csv(driver) == _review_csv(expected)
    assert _in_python(path) == expected  # the page reads it as Python does


def test_loading_decisions_on_codes_of_no_codebook_names_them_and_keeps_them(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Rows on codes the page can read in none of its codes (a CFIR 2.0 domain, which is no
    construct, a code of no built-in codebook) are named in the status line, shown as decided on
    no suggestion and saved as they came."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,accept,INS,,,{P01_0001}\n"
        f"p02_interview:0000,recode,XYZ.9,,,{P02_0000}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 2 decisions loaded; all matched; 2 decisions name codes not in this "
        "report's codebook cfir-2009 (INS, XYZ.9): kept and saved as they came, not shown on "
        "a suggestion"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == []
    assert _pressed(driver, "p02_interview:0000", "OS.D") == []
    carried = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p01_interview:0001"] .carried'
    )
    assert carried.text == "Also decided: accept INS"
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0001", "accept", "INS", "", "", P01_0001),
            ("p02_interview:0000", "recode", "XYZ.9", "", "", P02_0000),
        ]
    )


def test_loading_decisions_on_text_edited_since_the_review_matches_nearly_the_same_words(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Load decisions… matches a row whose words are in no segment to the segment of nearly its
    words in its transcript, as match_decisions does (difflib's ratio over the words at least
    0.9, every other segment there 0.1 less): one word of twelve corrected is matched, and the
    status line names it to check; a four-word answer with two words changed (0.57) is not. Before,
    only the very words matched."""
    driver, _ = page
    typo = P01_0001.replace("trained", "trainned")  # 22/24 = 0.917
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0007,accept,IS.E.3,,,{typo}\n"  # its id moved too
        f'p01_interview:0000,reject,IS.C,,,"Yes, loud, clear."\n'  # short: 0.67
        f"p02_interview:0000,reject,IC.H,,,{P02_0000.replace('one-to-one', '1:1')}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 2 decisions loaded; 1 could not be matched to a segment (kept: Save "
        "decisions writes it back unchanged, at the end of the file); 2 decisions "
        "matched to 2 segments whose text was edited since the review (nearly the same words, "
        "not the same): p01_interview:0001 (“Our support workers have not been…”), "
        "p02_interview:0000 (“The social worker said there was…”); check they are the talk "
        "decided on"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _pressed(driver, "p02_interview:0000", "IC.H") == ["reject"]
    assert _pressed(driver, "p01_interview:0000", "IS.C") == []
    expected = [
        ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
        ("p02_interview:0000", "reject", "IC.H", "", "", P02_0000),
    ]
    kept = [("p01_interview:0000", "reject", "IS.C", "", "", "Yes, loud, clear.")]
    assert _decisions_csv(driver) == _review_csv(expected + kept)
    assert _in_python(path) == expected  # the page matches as Python does


def test_loading_decisions_on_part_of_a_segment_joined_since_follows_their_words(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Load decisions… puts a row whose words are inside one longer segment of its transcript
    alone on that segment (a turn no longer parted since the review), as match_decisions does,
    and the status line names it to check (study3 tester s73, D2)."""
    driver, _ = page
    part = "Our support workers have not been trained"
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0009,accept,IS.E.3,,,{part}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 1 decision loaded; all matched; 1 decision followed its words into 1 "
        "segment holding more talk than it decided (a turn no longer parted, or segments "
        "joined, since the review): p01_interview:0001; check the decision fits the whole segment"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _in_python(path) == [("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)]


def test_loading_decisions_on_a_segment_grown_since_names_it_joined_not_edited(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """A row whose words a longer segment holds, unchanged, nearly all of it (11 words of 12:
    0.96 near), grew by a part joined since the review: the status line names it as joined, as
    match_decisions does, not as text edited (s74 hunter R3: "text was edited since the review"
    of study3's b_haven_rev:0005, to which "Even if it's just I want to sleep." had rejoined)."""
    driver, _ = page
    part = P01_0001.removesuffix(" means.")
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,accept,IS.E.3,,,{part}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 1 decision loaded; all matched; 1 decision followed its words into 1 "
        "segment holding more talk than it decided (a turn no longer parted, or segments "
        "joined, since the review): p01_interview:0001; check the decision fits the whole segment"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _in_python(path) == [("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)]


def test_loading_decisions_on_a_selection_narrowed_in_a_qda_program_names_it_narrowed(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """A row on a selection a QDA program narrowed (its id the span ``@start-end`` inside the
    segment's, its last word cut, the transcript's words unchanged) is named so on the status
    line, as match_decisions names it, not as text edited (study8 tester, s78, L3: a partner's
    ``p13_interview:@275-732`` of a segment 275-737)."""
    driver, _ = page
    seg = next(s.segment for s in build_result() if s.segment.id == "p01_interview:0001")
    cut = P01_0001[:-3]  # "... recovery mea"
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:@{seg.start}-{seg.start + len(cut)},accept,IS.E.3,,,{cut}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 1 decision loaded; all matched; 1 decision matched to 1 segment whose "
        "selection was narrowed in the QDA program (a part of the segment, the transcript's "
        "words unchanged): p01_interview:0001; it is taken as decided on the whole segment: "
        "check the decision fits it"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _in_python(path) == [("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)]


def test_loading_decisions_on_a_selection_narrowed_mid_sentence_places_it_and_names_it_narrowed(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Cut mid-sentence and mid-word (``Our support workers have not been trai``), a narrowed
    selection is neither nearly the segment's words nor whole words inside it: the page left it
    on no segment, as match_decisions did (session 78 hunt5 F5). Its span and words tell its
    segment, on the page as in Python."""
    driver, _ = page
    seg = next(s.segment for s in build_result() if s.segment.id == "p01_interview:0001")
    cut = P01_0001[: P01_0001.index("trained") + 4]
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:@{seg.start}-{seg.start + len(cut)},accept,IS.E.3,,,{cut}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 1 decision loaded; all matched; 1 decision matched to 1 segment whose "
        "selection was narrowed in the QDA program (a part of the segment, the transcript's "
        "words unchanged): p01_interview:0001; it is taken as decided on the whole segment: "
        "check the decision fits it"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _in_python(path) == [("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)]


def test_loading_decisions_on_a_segment_parted_since_names_it_parted_not_edited(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A row whose words are a segment's (48 words) and the next one's (8: 0.92 near), both
    unchanged, was decided on a turn parted since the review: the status line names it as
    parted, the part parted off named, as match_decisions does, not as text edited (before:
    "whose text was edited since the review", though no word changed). The row stays on the
    rest; the part is left undecided."""
    from dataclasses import replace

    driver, _ = browser
    long = " ".join([P01_0001] * 4)
    result = build_result()
    result = replace(
        result,
        segments=[
            replace(s, segment=replace(s.segment, text=long))
            if s.segment.id == "p01_interview:0001"
            else s
            for s in result.segments
        ],
    )
    report = tmp_path / "report.html"
    write_report(result, report, "cfir-2009")
    _open_fresh(driver, report.as_uri())
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,accept,IS.E.3,,,{long} {P01_0002}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 1 decision loaded; all matched; 1 decision matched to 1 segment a short "
        "part was parted off since the review (a turn parted; the words decided are the "
        "segment's and the part's, unchanged): p01_interview:0001 (part parted off: "
        "p01_interview:0002); the part parted off is undecided: decide it in the report"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]


def test_loading_decisions_of_a_transcript_renamed_since_finds_their_words_in_any_transcript(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """A row of a transcript not on the page (its file renamed since the review, as
    pseudonymising renames it) has its near words looked for in every transcript, as
    match_decisions does; a row of a transcript on the page, in its own only. Before, the renamed
    transcript's row matched nothing (tester, session 39)."""
    driver, _ = page
    typo = P01_0001.replace("trained", "trainned")  # 22/24 = 0.917
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01 - Jo Bloggs:0001,accept,IS.E.3,,,{typo}\n"  # renamed to p01_interview
        f"p02_interview:0004,reject,IC.H,,,{typo}\n",  # on the page: not looked for in p01
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 1 decision loaded; 1 could not be matched to a segment (kept: Save "
        "decisions writes it back unchanged, at the end of the file); decisions of "
        "p01 - Jo Bloggs, not among the transcripts coded, follow their nearly-same words in "
        "p01_interview (a transcript renamed, e.g. by pseudonymising? check them)"
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    expected = [("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)]
    kept = [("p02_interview:0004", "reject", "IC.H", "", "", typo)]
    assert _decisions_csv(driver) == _review_csv(expected + kept)
    assert _in_python(path) == expected  # the page matches as Python does


def test_loading_decisions_of_a_transcript_not_on_the_page_follows_no_named_or_split_words(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """The rows of a transcript not on the page look for their near words only in transcripts
    no row names (p05's are not carried into p02, reviewed), and follow them only into one
    transcript (p06's nearly p01's and p03's words follow neither), as match_decisions does.
    Before, all three were carried as text edited since the review (hunter, session 39)."""
    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'p02_interview:0001,accept,OS.A,,,"{P02_0001}"\n'
        f"p05_interview:0000,reject,IC.H,,,{P02_0000.replace('one-to-one', '1:1')}\n"
        f"p06_interview:0001,accept,IS.E.3,,,{P01_0001.replace('trained', 'trainned')}\n"
        f"p06_interview:0002,reject,IS.C,,,{P03_0000.replace('service-user', 'service user')}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 1 decision loaded; 3 could not be matched to a segment (kept: Save "
        "decisions writes them back unchanged, at the end of the file)"
    )
    assert _pressed(driver, "p02_interview:0000", "IC.H") == []
    expected = [("p02_interview:0001", "accept", "OS.A", "", "", P02_0001)]
    kept = [
        ("p05_interview:0000", "reject", "IC.H", "", "", P02_0000.replace("one-to-one", "1:1")),
        ("p06_interview:0001", "accept", "IS.E.3", "", "", P01_0001.replace("trained", "trainned")),
        (
            "p06_interview:0002",
            "reject",
            "IS.C",
            "",
            "",
            P03_0000.replace("service-user", "service user"),
        ),
    ]
    assert _decisions_csv(driver) == _review_csv(expected + kept)
    assert _in_python(path) == expected  # the page matches as Python does


#: p01_interview:0000, a short answer said in many interviews
P01_YES = "Yes, loud and clear."


def test_loading_a_short_answer_of_a_transcript_not_on_the_page_moves_it_nowhere_alone(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Hunt s43 h2: a short answer of a transcript not on the page (p09) went to any segment of
    its words (p01's), though nothing says p09 is p01 renamed; it matches nothing, as
    match_decisions does."""
    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'p02_interview:0001,accept,OS.A,,,"{P02_0001}"\n'
        f'p09_interview:0000,reject,IS.C,,,"{P01_YES}"\n',
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 1 decision loaded; 1 could not be matched to a segment (kept: Save "
        "decisions writes it back unchanged, at the end of the file)"
    )
    assert _pressed(driver, "p01_interview:0000", "IS.C") == []
    expected = [("p02_interview:0001", "accept", "OS.A", "", "", P02_0001)]
    kept = [("p09_interview:0000", "reject", "IS.C", "", "", P01_YES)]
    assert _decisions_csv(driver) == _review_csv(expected + kept)
    assert _in_python(path) == expected  # the page matches as Python does


def test_loading_a_short_answer_follows_the_identifying_words_of_its_renamed_transcript(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """p09's answer of 12 words is in p01_interview alone, which no row names: p09 was renamed,
    and its "Yes, loud and clear." follows into p01_interview, as match_decisions does."""
    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'p09_interview:0000,accept,IS.C,,,"{P01_YES}"\n'
        f"p09_interview:0001,accept,IS.E.3,,,{P01_0001}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == "decisions.csv: 2 decisions loaded; all matched"
    assert _pressed(driver, "p01_interview:0000", "IS.C") == ["accept"]
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    expected = [
        ("p01_interview:0000", "accept", "IS.C", "", "", P01_YES),
        ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
    ]
    assert _decisions_csv(driver) == _review_csv(expected)
    assert _in_python(path) == expected


def _decide(driver: Any, segment_id: str, code: str, action: str) -> None:
    from selenium.webdriver.common.by import By

    item = _suggestion(driver, segment_id, code)
    _click(driver, item.find_element(By.CSS_SELECTOR, f'button[data-action="{action}"]'))


def _status(driver: Any) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "load-status").text


def test_review_is_carried_into_the_report_written_again_in_the_same_place(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    from roqa_nlp.report import report_id

    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    _decide(driver, "p02_interview:0000", "IC.H", "reject")
    _decide(driver, "p03_interview:0002", "IS.E.2", "accept")  # not in the report written again
    assert driver.find_element(By.ID, "decision-count").text == "3 decisions"
    # not saved: the folder is coded again, report.html written over at the same path
    again = _coded_again()
    assert report_id(again) != report_id(build_result())
    write_report(again, path, "cfir-2009")
    driver.get(path.as_uri())
    assert _status(driver) == (
        "2 decisions carried from the earlier report in this folder; 1 could not be matched to a "
        "segment (p03_interview:0002)"  # named (session 79 hunt5 F3: its id was not)
    )
    assert driver.find_element(By.ID, "decision-count").text == "2 decisions"
    assert _pressed(driver, "p01_interview:0002", "IS.E.3") == ["accept"]  # its id moved
    assert _pressed(driver, "p01_interview:0001", "IS.C") == []  # the new sentence
    assert _pressed(driver, "p02_interview:0000", "IC.H") == ["reject"]
    expected = _review_csv(
        [
            ("p01_interview:0002", "accept", "IS.E.3", "", "", P01_0001),
            ("p02_interview:0000", "reject", "IC.H", "", "", P02_0000),
        ]
    )
    assert _decisions_csv(driver) == expected
    # kept for this report now: a reload shows them, carried once only
    driver.get(path.as_uri())
    assert _status(driver) == ""
    assert _decisions_csv(driver) == expected
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_review_kept_for_the_very_report_wins_over_the_one_carried(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    from roqa_nlp.report import report_id

    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    _decide(driver, "p02_interview:0000", "IC.H", "reject")
    again = _coded_again()
    write_report(again, path, "cfir-2009")
    # this browser kept a review of the new report itself, here (opened, then the folder
    # coded once more, say)
    driver.execute_script(
        "localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))",
        "roqa-decisions:" + report_id(again) + ":" + urlparse(path.as_uri()).path,
        {"p02_interview:0000": {"codes": {"IC.H": {"decision": "accept"}}}},
    )
    # its own review wins (opened again while Chrome hands the item just stored over late)
    assert _opened_with(driver, path.as_uri(), "p02_interview:0000", "IC.H", ["accept"]) == [
        "accept"
    ]
    assert _pressed(driver, "p01_interview:0002", "IS.E.3") == ["accept"]  # carried
    assert _status(driver) == (
        "1 decision carried from the earlier report in this folder; all matched"
    )


def _suggesting_otherwise() -> Any:
    """The fixture coded again by a model that suggests otherwise (retrained on the review):
    the same segments (the same report id), other suggestions on three of them."""
    import copy

    from report_fixture import INTERVIEWS

    interviews = copy.deepcopy(INTERVIEWS)
    p01, p02, p03 = (interviews[f"p0{i}_interview"][1] for i in (1, 2, 3))
    p01[3][1][0] = (P01_0001, [("CI.A", 0.9, "barrier"), ("IC.F", 0.3, "barrier")], {})
    p02[1][1][0] = (P02_0000, [("IS.E.2", 0.8, "barrier"), ("IC.H", 0.5, "barrier")], {})
    text, _, flags = p03[1][1][0]
    p03[1][1][0] = (text, [("IS.C", 0.4, "barrier")], flags)
    return build_result(interviews)


def test_a_review_kept_for_the_report_coded_again_with_other_suggestions_saves_every_decision(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """The folder coded again by a model retrained on the review gives the same segments (the
    same report id) other suggestions. Before (daily24, s89), the review this browser kept for
    the report was shown as it was kept: its decisions on codes no longer suggested showed
    nowhere, the toolbar counted them, and Save decisions left them out of the file (114
    rejections and 2 recodes of 295 rows). They are read as a file carried into the report is
    (roqa report --decisions): shown as "Also decided", a recode to the code now suggested first
    as its accept, and every one saved."""
    from selenium.webdriver.common.by import By

    from roqa_nlp.report import report_id

    driver, downloads = browser
    for f in downloads.iterdir():
        f.unlink()
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "reject")
    _decide(driver, "p01_interview:0001", "CI.A", "accept")
    _recode(driver, "p02_interview:0000", "OS.D", "IS.E.2")
    _decide(driver, "p02_interview:0000", "IC.H", "reject")
    _decide(driver, "p03_interview:0000", "IC.F", "reject")  # its one suggestion: fits no code
    assert driver.find_element(By.ID, "decision-count").text == "6 decisions"
    assert len(_saved_decisions(driver, downloads)) == 1 + 6
    for f in downloads.iterdir():
        f.unlink()
    again = _suggesting_otherwise()
    assert report_id(again) == report_id(build_result())
    write_report(again, path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    assert _pressed(driver, "p01_interview:0001", "CI.A") == ["accept"]
    assert _pressed(driver, "p01_interview:0001", "IC.F") == []
    # the recode to IS.E.2, suggested first now: its accept, not a recode of IC.H
    assert _pressed(driver, "p02_interview:0000", "IS.E.2") == ["accept"]
    assert _pressed(driver, "p02_interview:0000", "IC.H") == ["reject"]
    assert _pressed(driver, "p03_interview:0000", "IS.C") == []

    def carried(segment_id: str) -> str:
        return str(
            driver.execute_script(
                "var b = document.querySelector(arguments[0]); return b ? b.textContent : '';",
                f'.review[data-segment="{segment_id}"] .carried',
            )
        )

    assert carried("p01_interview:0001") == "Also decided: reject IS.E.3"
    assert carried("p02_interview:0000") == ""
    assert carried("p03_interview:0000") == (
        "Also decided: reject IC.F; fits no code (every suggestion shown then rejected)"
    )
    decided = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"] .decided'
    )
    assert decided.get_attribute("textContent") == (
        "Decided: OS.D recoded to IS.E.2 Available Resources; rejected IC.H"
    )
    # the rows saved before, in another order (those on codes no longer suggested last): saved
    assert driver.find_element(By.ID, "unsaved-count").text == "(all saved)"
    expected = [
        ["p01_interview:0001", "accept", "CI.A", "", "", P01_0001, "", ""],
        ["p01_interview:0001", "reject", "IS.E.3", "", "", P01_0001, "", ""],
        ["p02_interview:0000", "recode", "IS.E.2", "", "", P02_0000, "", "OS.D"],
        ["p02_interview:0000", "reject", "IC.H", "", "", P02_0000, "", ""],
        ["p03_interview:0000", "reject", "IC.F", "", "", P03_0000, "", ""],
        ["p03_interview:0000", "no-code", "", "", "", P03_0000, "", ""],
    ]
    assert driver.find_element(By.ID, "decision-count").text == f"{len(expected)} decisions"
    assert _saved_decisions(driver, downloads) == [[*HEADER, "valence", "suggestion"], *expected]
    # kept so: a reload shows and saves the same
    driver.get(path.as_uri())
    assert _pressed(driver, "p02_interview:0000", "IS.E.2") == ["accept"]
    assert driver.find_element(By.ID, "decision-count").text == f"{len(expected)} decisions"
    assert _decisions_csv(driver) == _review_csv([tuple(r) for r in expected])
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_a_carried_reject_shows_pressed_again_when_the_report_is_coded_again_with_its_code_back(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Coded, reviewed (a reject of IS.E.3), coded again otherwise (IS.E.3 no longer suggested:
    the review fitted, the reject "Also decided"), then coded again with IS.E.3 suggested again.
    Before (hunt49 D1, s89), opening the second report stored the fitted review, so the third
    showed the reject on no control and saved it anyway: an accept there saved accept and reject
    (apply-decisions and train read the later reject), a reject saved two. The fitted review is
    kept in memory only: the browser keeps what the researcher decided."""
    driver, downloads = browser
    for f in downloads.iterdir():
        f.unlink()
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "reject")
    _decide(driver, "p01_interview:0001", "CI.A", "accept")
    write_report(_suggesting_otherwise(), path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    assert _pressed(driver, "p01_interview:0001", "CI.A") == ["accept"]
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["reject"]
    assert _pressed(driver, "p01_interview:0001", "CI.A") == ["accept"]
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")  # the researcher changes her mind
    assert sorted(_saved_decisions(driver, downloads)[1:]) == [
        ["p01_interview:0001", "accept", "CI.A", "", "", P01_0001],
        ["p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001],
    ]


def _carried_otherwise(driver: Any, tmp_path: Path, rows: list[tuple[str, ...]]) -> None:
    """The fixture coded otherwise (:func:`_suggesting_otherwise`) opened fresh with ``rows`` (a
    review saved on the fixture's page) carried in, as ``roqa report --decisions`` carries it."""
    from roqa_nlp.decisions import Decision

    path = tmp_path / "carried" / "report.html"
    path.parent.mkdir()
    write_report(_suggesting_otherwise(), path, "cfir-2009", decisions=[Decision(*r) for r in rows])
    _open_fresh(driver, path.as_uri())


def _also_decided(driver: Any, segment_id: str) -> str:
    return str(
        driver.execute_script(
            "var b = document.querySelector(arguments[0]); return b ? b.textContent : '';",
            f'.review[data-segment="{segment_id}"] .carried',
        )
    )


def test_a_carried_accept_shown_on_a_free_suggestion_is_kept_when_that_suggestion_is_decided(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Blind testers s89-s90 (B01-B05, F01): an accept of IS.E.3, carried into the report coded
    otherwise (IS.E.3 no longer suggested), shows on the free suggestion CI.A. Accepting or
    rejecting CI.A dropped it: the researcher decided on CI.A, not on IS.E.3, and the same accept
    made on the page (on IS.E.3's own suggestion) survives that click. It moves to the next free
    suggestion, else to "Also decided", and back on a suggestion left free (D4)."""
    driver, _ = browser
    seg = "p01_interview:0001"  # suggestions now CI.A, IC.F
    _carried_otherwise(driver, tmp_path, [(seg, "accept", "IS.E.3", "", "", P01_0001)])
    assert _pressed(driver, seg, "CI.A") == ["recode IS.E.3"]
    _decide(driver, seg, "CI.A", "accept")
    assert _pressed(driver, seg, "CI.A") == ["accept"]
    assert _pressed(driver, seg, "IC.F") == ["recode IS.E.3"]
    assert _decisions_csv(driver) == _review_csv(
        [(seg, "accept", "CI.A", "", "", P01_0001), (seg, "accept", "IS.E.3", "", "", P01_0001)]
    )
    _decide(driver, seg, "IC.F", "reject")
    assert _pressed(driver, seg, "IC.F") == ["reject"]
    assert _also_decided(driver, seg) == "Also decided: accept IS.E.3"
    assert _decisions_csv(driver) == _review_csv(
        [
            (seg, "accept", "CI.A", "", "", P01_0001),
            (seg, "reject", "IC.F", "", "", P01_0001),
            (seg, "accept", "IS.E.3", "", "", P01_0001),
        ]
    )
    _decide(driver, seg, "IC.F", "reject")  # taken back: IC.F is free again
    assert _pressed(driver, seg, "IC.F") == ["recode IS.E.3"]
    assert _also_decided(driver, seg) == ""
    assert _decisions_csv(driver) == _review_csv(
        [(seg, "accept", "CI.A", "", "", P01_0001), (seg, "accept", "IS.E.3", "", "", P01_0001)]
    )


def test_x_keeps_a_carried_accept_shown_on_a_free_suggestion(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """x rejects every suggestion shown: the accept of IS.E.3 carried onto the free suggestion
    CI.A is no decision on CI.A, so it stays, as "Also decided" (it dropped, as on a click); x
    taken back puts it on a free suggestion again."""
    driver, _ = browser
    seg = "p01_interview:0001"  # suggestions now CI.A, IC.F
    _carried_otherwise(driver, tmp_path, [(seg, "accept", "IS.E.3", "", "", P01_0001)])
    _keys(driver, "j")
    assert _current(driver) == seg
    _keys(driver, "x")
    assert (_pressed(driver, seg, "CI.A"), _pressed(driver, seg, "IC.F")) == (
        ["reject"],
        ["reject"],
    )
    assert _also_decided(driver, seg) == "Also decided: accept IS.E.3"
    assert _decisions_csv(driver) == _review_csv(
        [
            (seg, "reject", "CI.A", "", "", P01_0001),
            (seg, "reject", "IC.F", "", "", P01_0001),
            (seg, "accept", "IS.E.3", "", "", P01_0001),
        ]
    )
    _keys(driver, "x")  # taken back
    assert (_pressed(driver, seg, "CI.A"), _pressed(driver, seg, "IC.F")) == (["recode IS.E.3"], [])
    assert _also_decided(driver, seg) == ""
    assert _decisions_csv(driver) == _review_csv([(seg, "accept", "IS.E.3", "", "", P01_0001)])


def test_a_carried_recode_shown_on_a_free_suggestion_is_kept_when_that_suggestion_is_recoded(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A recode of IS.E.3 to OS.B carried into the report coded otherwise shows on the free
    suggestion CI.A (saved as the recode of IS.E.3). Recoding CI.A in its box replaced it (blind
    testers s89-s90, B01-B05): it moves to the next free suggestion, saved as it came."""
    driver, _ = browser
    seg = "p01_interview:0001"  # suggestions now CI.A, IC.F
    _carried_otherwise(
        driver, tmp_path, [_recoded((seg, "recode", "OS.B", "", "", P01_0001), "IS.E.3")]
    )
    assert _pressed(driver, seg, "CI.A") == ["recode OS.B"]
    _recode(driver, seg, "CI.A", "IS.B")
    assert _pressed(driver, seg, "CI.A") == ["recode IS.B"]
    assert _pressed(driver, seg, "IC.F") == ["recode OS.B"]
    assert _decisions_csv(driver) == _review_csv(
        [
            _recoded((seg, "recode", "IS.B", "", "", P01_0001), "CI.A"),
            _recoded((seg, "recode", "OS.B", "", "", P01_0001), "IS.E.3"),
        ]
    )


def test_an_also_decided_recode_goes_on_a_suggestion_left_free(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Blind testers s89-s90 (D4): a recode of OS.D carried into the report coded otherwise, where
    every suggestion was decided, is "Also decided". Taking a decision back left a suggestion free,
    and the recode stayed "Also decided", where the file the page saves, carried in, puts it on
    that suggestion."""
    driver, _ = browser
    seg = "p02_interview:0000"  # suggestions now IS.E.2, IC.H
    _carried_otherwise(
        driver,
        tmp_path,
        [
            (seg, "accept", "IS.E.2", "", "", P02_0000),
            (seg, "reject", "IC.H", "", "", P02_0000),
            _recoded((seg, "recode", "OS.B", "", "", P02_0000), "OS.D"),
        ],
    )
    assert _also_decided(driver, seg) == "Also decided: recode of OS.D to OS.B"
    _decide(driver, seg, "IS.E.2", "accept")  # taken back
    assert _pressed(driver, seg, "IS.E.2") == ["recode OS.B"]
    assert _also_decided(driver, seg) == ""
    assert _decisions_csv(driver) == _review_csv(
        [
            _recoded((seg, "recode", "OS.B", "", "", P02_0000), "OS.D"),
            (seg, "reject", "IC.H", "", "", P02_0000),
        ]
    )


def test_a_carried_reject_decided_beside_on_the_report_coded_otherwise_comes_back_on_its_code(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """As above, with a valence given on the segment in the report that no longer suggests
    IS.E.3: that state is stored with the reject "Also decided". Coded again with IS.E.3
    suggested, the reject shows on its control again (hunt49 D1: it stayed "Also decided",
    so a reject there saved two rejects)."""
    from selenium.webdriver.common.by import By

    driver, downloads = browser
    for f in downloads.iterdir():
        f.unlink()
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "reject")
    write_report(_suggesting_otherwise(), path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    box = '.review[data-segment="p01_interview:0001"] .vfix'
    _click(driver, driver.find_element(By.CSS_SELECTOR, f'{box} button[data-valence="enabler"]'))
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["reject"]
    _decide(driver, "p01_interview:0001", "IS.E.3", "reject")  # taken back
    assert _saved_decisions(driver, downloads)[1:] == [
        ["p01_interview:0001", "valence", "", "", "", P01_0001, "enabler"]
    ]


def test_a_decision_taken_back_in_a_tab_of_the_earlier_report_stays_taken_back(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """The report open in tab A, the folder coded again otherwise (the same report id) and
    opened in tab B. Before (hunt49 D2, s89), B stored its fitted review at once: A showed its
    reject on no control, and a click there to take it back saved two rejects."""
    driver, downloads = browser
    for f in downloads.iterdir():
        f.unlink()
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "reject")
    _recode(driver, "p02_interview:0000", "OS.D", "IS.E.2")
    tab_a = driver.current_window_handle
    write_report(_suggesting_otherwise(), path, "cfir-2009", open_coding=OPEN_CODING)
    driver.switch_to.new_window("tab")
    driver.get(path.as_uri())
    tab_b = driver.current_window_handle
    driver.switch_to.window(tab_a)
    try:
        assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["reject"]
        _decide(driver, "p01_interview:0001", "IS.E.3", "reject")  # taken back
        assert _saved_decisions(driver, downloads)[1:] == [
            ["p02_interview:0000", "recode", "IS.E.2", "", "", P02_0000, "", "OS.D"]
        ]
        for f in downloads.iterdir():
            f.unlink()
        driver.switch_to.window(tab_b)  # the other tab saves what A left
        assert _saved_decisions(driver, downloads)[1:] == [
            ["p02_interview:0000", "recode", "IS.E.2", "", "", P02_0000, "", "OS.D"]
        ]
    finally:
        driver.switch_to.window(tab_b)
        driver.close()
        driver.switch_to.window(tab_a)


def _without_ci_a() -> Any:
    """The fixture coded again by a model that suggests IS.E.3 and IC.F on p01_interview:0001,
    no longer CI.A (the same report id)."""
    import copy

    from report_fixture import INTERVIEWS

    interviews = copy.deepcopy(INTERVIEWS)
    p01 = interviews["p01_interview"][1]
    p01[3][1][0] = (P01_0001, [("IS.E.3", 0.9, "barrier"), ("IC.F", 0.3, "barrier")], {})
    return build_result(interviews)


def _accepted_then_coded_otherwise(
    driver: Any, downloads: Path, tmp_path: Path
) -> tuple[Path, str]:
    """The report of p01_interview:0001 with CI.A accepted, written again suggesting IS.E.3 and
    IC.F (CI.A no longer suggested) and opened: its path, and the segment's valence box."""
    for f in downloads.iterdir():
        f.unlink()
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "CI.A", "accept")
    write_report(_without_ci_a(), path, "cfir-2009", open_coding=OPEN_CODING)
    # opened again while Chrome hands the accept just stored over late (a loaded machine)
    assert _opened_with(driver, path.as_uri(), "p01_interview:0001", "IS.E.3", ["recode CI.A"]) == [
        "recode CI.A"
    ]
    return path, '.review[data-segment="p01_interview:0001"] .vfix'


def test_an_undone_change_on_the_report_coded_otherwise_leaves_the_kept_accept_as_decided(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Coded and reviewed (an accept of CI.A), coded again by a model that no longer suggests
    CI.A (the accept shown on the free IS.E.3 slot), a valence given there and taken back, then
    coded again with CI.A suggested. The researcher changed nothing: the accept stays on CI.A
    and IS.E.3 stays undecided (hunt52 H1, s89: the undone change stored the fitted state, so
    the third report saved a recode of IS.E.3 to CI.A, which train reads as IS.E.3 wrong)."""
    from selenium.webdriver.common.by import By

    driver, downloads = browser
    path, box = _accepted_then_coded_otherwise(driver, downloads, tmp_path)
    for _ in range(2):  # a valence given and taken back: no change
        _click(
            driver, driver.find_element(By.CSS_SELECTOR, f'{box} button[data-valence="enabler"]')
        )
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    assert _opened_with(driver, path.as_uri(), "p01_interview:0001", "CI.A", ["accept"]) == [
        "accept"
    ]
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == []
    assert _saved_decisions(driver, downloads)[1:] == [
        ["p01_interview:0001", "accept", "CI.A", "", "", P01_0001]
    ]


def test_a_change_kept_on_the_report_coded_otherwise_leaves_the_kept_accept_on_its_code(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """As above, but the valence given on the report coded otherwise is kept: the third report
    shows the accept on CI.A again, IS.E.3 undecided, and saves the accept and the valence (hunt52
    H1 X06, s89: the slot's recode stayed on IS.E.3 and was saved as IS.E.3 recoded to CI.A)."""
    from selenium.webdriver.common.by import By

    driver, downloads = browser
    path, box = _accepted_then_coded_otherwise(driver, downloads, tmp_path)
    _click(driver, driver.find_element(By.CSS_SELECTOR, f'{box} button[data-valence="enabler"]'))
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    assert _opened_with(driver, path.as_uri(), "p01_interview:0001", "CI.A", ["accept"]) == [
        "accept"
    ]
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == []
    assert _saved_decisions(driver, downloads)[1:] == [
        ["p01_interview:0001", "accept", "CI.A", "", "", P01_0001, ""],
        ["p01_interview:0001", "valence", "", "", "", P01_0001, "enabler"],
    ]


def test_an_accept_kept_for_the_report_coded_otherwise_is_saved_as_the_accept_it_is(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Coded and reviewed (an accept of CI.A, saved), coded again by a model that no longer
    suggests CI.A: the accept is shown on the free IS.E.3 slot, and the page, untouched, says
    every decision is saved and saves the accept of CI.A as it was decided (hunt49 D3, s90: it
    said "(1 segment not saved)" and saved a recode of IS.E.3 to CI.A, which train --feedback
    reads as the model's IS.E.3 wrong there, a decision the researcher never made)."""
    driver, downloads = browser
    for f in downloads.iterdir():
        f.unlink()
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "CI.A", "accept")
    accepted = [["p01_interview:0001", "accept", "CI.A", "", "", P01_0001]]
    assert _saved_decisions(driver, downloads)[1:] == accepted
    for f in downloads.iterdir():
        f.unlink()
    write_report(_without_ci_a(), path, "cfir-2009", open_coding=OPEN_CODING)
    assert _opened_with(driver, path.as_uri(), "p01_interview:0001", "IS.E.3", ["recode CI.A"]) == [
        "recode CI.A"
    ]
    assert _printed(driver, "p01_interview:0001") == (
        "Decided: accepted CI.A Knowledge & Beliefs about the Intervention"
    )
    assert _unsaved(driver) == "(all saved)"
    assert _saved_decisions(driver, downloads)[1:] == accepted


def test_a_recode_kept_for_the_report_coded_otherwise_is_saved_as_the_recode_it_is(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """OS.D recoded to IS.E.2 (saved), then the folder coded again suggesting neither (IC.F and
    CI.A): the recode is shown on the free IC.F slot, printed and saved as the recode of OS.D,
    and the page, untouched, says every decision is saved; coded again with OS.D suggested, the
    recode is back on OS.D (hunt49 D3 A05, s90: saved as a recode of IC.F, which train reads as
    the model's IC.F wrong there, and "(1 segment not saved)")."""
    import copy

    from report_fixture import INTERVIEWS

    driver, downloads = browser
    for f in downloads.iterdir():
        f.unlink()
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _recode(driver, "p02_interview:0000", "OS.D", "IS.E.2")
    recoded = [["p02_interview:0000", "recode", "IS.E.2", "", "", P02_0000, "", "OS.D"]]
    assert _saved_decisions(driver, downloads)[1:] == recoded
    for f in downloads.iterdir():
        f.unlink()
    interviews = copy.deepcopy(INTERVIEWS)
    p02 = interviews["p02_interview"][1]
    p02[1][1][0] = (P02_0000, [("IC.F", 0.8, "barrier"), ("CI.A", 0.5, "barrier")], {})
    write_report(build_result(interviews), path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    assert _pressed(driver, "p02_interview:0000", "IC.F") == ["recode IS.E.2"]
    assert _printed(driver, "p02_interview:0000") == (
        "Decided: OS.D recoded to IS.E.2 Available Resources"
    )
    assert _unsaved(driver) == "(all saved)"
    assert _saved_decisions(driver, downloads)[1:] == recoded
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    assert _pressed(driver, "p02_interview:0000", "OS.D") == ["recode IS.E.2"]
    assert _pressed(driver, "p02_interview:0000", "IC.H") == []


def test_two_recodes_kept_for_a_report_with_one_free_suggestion_both_keep_their_suggestion(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """OS.D recoded to IS.E.2 and IC.H to IS.C (saved), then the folder coded again suggesting
    only IC.F: the first recode goes on the free IC.F slot, the second has no slot and is kept as
    "Also decided"; both are saved as the recodes they are, each with the suggestion it replaced,
    and the page, untouched, says every decision is saved (hunt56 M1 E04, s90: the second was
    saved as 'recode IS.C' with no suggestion, which train and apply-decisions read as a code
    added, not the model's IC.H judged wrong; the untouched page said "(1 segment not saved)")."""
    import copy

    from selenium.webdriver.common.by import By

    from report_fixture import INTERVIEWS

    driver, downloads = browser
    for f in downloads.iterdir():
        f.unlink()
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _recode(driver, "p02_interview:0000", "OS.D", "IS.E.2")
    _recode(driver, "p02_interview:0000", "IC.H", "IS.C")
    recoded = [
        ["p02_interview:0000", "recode", "IS.C", "", "", P02_0000, "", "IC.H"],
        ["p02_interview:0000", "recode", "IS.E.2", "", "", P02_0000, "", "OS.D"],
    ]
    assert sorted(_saved_decisions(driver, downloads)[1:]) == recoded
    for f in downloads.iterdir():
        f.unlink()
    interviews = copy.deepcopy(INTERVIEWS)
    p02 = interviews["p02_interview"][1]
    p02[1][1][0] = (P02_0000, [("IC.F", 0.8, "barrier")], {})
    write_report(build_result(interviews), path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    review = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"]')
    assert review.find_element(By.CSS_SELECTOR, ".carried").text == (
        "Also decided: recode of IC.H to IS.C"
    )
    assert _unsaved(driver) == "(all saved)"
    assert sorted(_saved_decisions(driver, downloads)[1:]) == recoded


def _pseudonymised(result: Any) -> Any:
    """``result`` as ``roqa code --pseudonymise`` records it: each transcript's metadata says it
    was pseudonymised (roqa_nlp.report.pseudonymised)."""
    import dataclasses

    return dataclasses.replace(
        result,
        transcripts={
            tid: dataclasses.replace(t, metadata={**t.metadata, "pseudonymised": True})
            for tid, t in result.transcripts.items()
        },
    )


def _type_note(driver: Any, segment_id: str, note: str) -> None:
    from selenium.webdriver.common.by import By

    review = driver.find_element(By.CSS_SELECTOR, f'.review[data-segment="{segment_id}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", review)
    review.find_element(By.CSS_SELECTOR, "input.note").send_keys(note)


def _notes(driver: Any) -> dict[str, str]:
    """The note boxes that hold a note: segment id -> note."""
    return dict(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('.review[data-segment] input.note'))"
            ".filter(b => b.value).map(b => [b.closest('.review').dataset.segment, b.value])"
        )
    )


def test_a_pseudonymised_report_takes_no_notes_from_a_review_kept_by_one_that_was_not(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Hunt s78 F3: a review typed into a report that was not pseudonymised, kept in the browser
    for its place, was carried notes and all into the pseudonymised report written there next
    (roqa code --pseudonymise into the same folder), and Save decisions wrote the notes, which
    may name the people pseudonymising took out, into the pseudonymised study's decisions.csv.
    Its decisions are carried, its notes left out and said so; a review kept by the
    pseudonymised report comes back whole in the next pseudonymised one."""
    from roqa_nlp.report import report_id

    driver, _ = browser
    path = tmp_path / "report.html"
    plain = build_result()
    write_report(plain, path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    _type_note(driver, "p01_interview:0001", "ask Lucy Pemberton")
    _type_note(driver, "p02_interview:0000", "Bev Hirst said so too")
    assert _notes(driver) == {
        "p01_interview:0001": "ask Lucy Pemberton",
        "p02_interview:0000": "Bev Hirst said so too",
    }
    # the same segments pseudonymised: another report id, so the review kept for the plain
    # report is not this report's own
    masked = _pseudonymised(plain)
    assert report_id(masked) != report_id(plain)
    write_report(masked, path, "cfir-2009", open_coding=OPEN_CODING)
    driver.get(path.as_uri())
    assert _status(driver) == (
        "1 decision carried from the earlier report in this folder; all matched. The notes on 2 "
        "segments of the review this browser kept here are left out: it was kept by a report "
        "that was not pseudonymised, and its notes may name the people pseudonymising took out "
        "(write again those that name no one)"
    )
    assert _notes(driver) == {}
    carried = _review_csv([("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)])
    assert _decisions_csv(driver) == carried
    driver.get(path.as_uri())  # kept for this report now, without the notes
    assert _status(driver) == ""
    assert _decisions_csv(driver) == carried
    # a note typed into the pseudonymised report is carried into the next one whole
    _type_note(driver, "p02_interview:0000", "rota clash")
    write_report(_pseudonymised(_coded_again()), path, "cfir-2009")
    driver.get(path.as_uri())
    assert _status(driver) == (
        "1 decision carried from the earlier report in this folder; all matched"
    )
    assert _notes(driver) == {"p02_interview:0000": "rota clash"}
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0002", "accept", "IS.E.3", "", "", P01_0001),
            ("p02_interview:0000", "note", "", "", "rota clash", P02_0000),
        ]
    )
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_a_report_of_the_copies_roqa_pseudonymise_wrote_takes_no_notes_from_a_plain_review(
    browser: tuple[Any, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 79 hunt5 F2: the copies ``roqa pseudonymise`` wrote, coded into the folder of a
    report that was not pseudonymised, gave a page not marked pseudonymised, which carried the
    plain review the browser kept there notes and all ("ask Lucy Pemberton"), and Save wrote
    them into the pseudonymised study's decisions.csv. The copies are recorded as
    pseudonymised, so the page is, and leaves those notes out as after ``--pseudonymise``."""
    from test_cli_core import roqa

    driver, _ = browser
    monkeypatch.chdir(tmp_path)
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p01_interview.txt").write_text(
        "Sam Roe: How did the training go, Lucy?\n"
        "Lucy Pemberton: Honestly Sam, I ran it myself, Lucy Pemberton the trainer, and it was "
        "great.\n"
        "Sam Roe: And the budget?\n"
        "Lucy Pemberton: We never had enough money for the extra staff we needed, and I said so "
        "at every meeting.\n",
        encoding="utf-8",
    )
    run = roqa("code", "raw", "--out", "out", "--interviewer", "Sam Roe")
    assert run.code == 0, run.err
    # the answer that names no one: its words are the same pseudonymised (hunt5 F3 aside)
    [(budget, code)] = [
        (r["segment_id"], r["suggestions"][0]["code_id"])
        for r in map(json.loads, (tmp_path / "out" / "codings.jsonl").open(encoding="utf-8"))
        if "money" in r["text"]
    ]
    page = tmp_path / "out" / "report.html"
    _open_fresh(driver, page.as_uri())
    _decide(driver, budget, code, "accept")
    _type_note(driver, budget, "ask Lucy Pemberton")
    assert _notes(driver) == {budget: "ask Lucy Pemberton"}
    run = roqa("pseudonymise", "raw", "--key", "key.csv", "--out", "copies")
    assert run.code == 0, run.err
    run = roqa("code", "copies", "--out", "out", "--interviewer", "Interviewer")
    assert run.code == 0, run.err
    assert "data-pseudonymised" in page.read_text(encoding="utf-8")
    driver.get(page.as_uri())
    assert _status(driver) == (
        "1 decision carried from the earlier report in this folder; all matched. The notes on 1 "
        "segment of the review this browser kept here are left out: it was kept by a report "
        "that was not pseudonymised, and its notes may name the people pseudonymising took out "
        "(write again those that name no one)"
    )
    assert _notes(driver) == {}
    assert "Lucy" not in _decisions_csv(driver)
    # carried by its words to the segment they are now
    [now] = [
        r["segment_id"]
        for r in map(json.loads, (tmp_path / "out" / "codings.jsonl").open(encoding="utf-8"))
        if "money" in r["text"]
    ]
    assert [row[:3] for row in csv.reader(io.StringIO(_decisions_csv(driver)))][1:] == [
        [now, "accept", code]
    ]


def _storage(driver: Any) -> dict[str, str]:
    """This browser's localStorage for the reports' origin: key -> value."""
    return dict(
        driver.execute_script(
            "var o = {}; for (var i = 0; i < localStorage.length; i++) {"
            " var k = localStorage.key(i); o[k] = localStorage.getItem(k); } return o;"
        )
    )


#: hunt5's interview (session 79): a segment that names both people, others that name no one
NAMED_INTERVIEW = (
    "Sam Roe: How did the training go, Lucy?\n"
    "Lucy Pemberton: Honestly Sam, I ran it myself, Lucy Pemberton the trainer, and it was great.\n"
    "Sam Roe: And the budget?\n"
    "Lucy Pemberton: We never had enough money for the extra staff we needed, and I said so at "
    "every meeting.\n"
    "Sam Roe: What about the leaders?\n"
    "Lucy Pemberton: Our managers backed the programme from the start and gave us time to learn.\n"
    "Sam Roe: Thanks.\n"
)


def test_a_pseudonymised_report_carries_the_decisions_on_segments_whose_names_it_replaced(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Session 79 hunt5 F3: a review typed into a report that was not pseudonymised, then the
    folder coded again with --pseudonymise: the decision on the segment that names Sam and Lucy
    ("Honestly Sam, I ran it myself, Lucy Pemberton the trainer" -> "Honestly [Interviewer], ...
    [P01] the trainer") was not carried (its words changed), said only as "1 could not be
    matched", and left out of the review the page keeps and saves. Its words are the segment's
    with each pseudonym read as the name it replaced, on its own segment id: carried, without
    its note; no name reaches the pseudonymised page's storage, CSV or status."""
    from test_cli_core import roqa

    driver, _ = browser
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p01_interview.txt").write_text(NAMED_INTERVIEW, encoding="utf-8")
    out = tmp_path / "out"
    run = roqa("code", tmp_path / "raw", "--out", out, "--interviewer", "Sam Roe")
    assert run.code == 0, run.err
    top = {
        r["segment_id"]: r["suggestions"][0]["code_id"]
        for r in map(json.loads, (out / "codings.jsonl").open(encoding="utf-8"))
    }
    assert sorted(top) == ["p01_interview:0001", "p01_interview:0002", "p01_interview:0003"]
    page = out / "report.html"
    _open_fresh(driver, page.as_uri())
    _decide(driver, "p01_interview:0001", top["p01_interview:0001"], "accept")
    _type_note(driver, "p01_interview:0001", "Lucy ran it")
    _decide(driver, "p01_interview:0002", top["p01_interview:0002"], "reject")
    _decide(driver, "p01_interview:0003", top["p01_interview:0003"], "accept")
    named = "Honestly Sam, I ran it myself, Lucy Pemberton the trainer, and it was great."
    assert named in _decisions_csv(driver)
    plain_keys = set(_storage(driver))
    run = roqa(
        "code",
        tmp_path / "raw",
        "--out",
        out,
        "--interviewer",
        "Sam Roe",
        "--pseudonymise",
        tmp_path / "key.csv",
    )
    assert run.code == 0, run.err
    assert "data-pseudonymised" in page.read_text(encoding="utf-8")
    driver.get(page.as_uri())
    assert _status(driver) == (
        "3 decisions carried from the earlier report in this folder; all matched. The notes on 1 "
        "segment of the review this browser kept here are left out: it was kept by a report "
        "that was not pseudonymised, and its notes may name the people pseudonymising took out "
        "(write again those that name no one)"
    )
    assert _notes(driver) == {}
    masked = "Honestly [Interviewer], I ran it myself, [P01] the trainer, and it was great."
    budget = (
        "We never had enough money for the extra staff we needed, and I said so at every meeting."
    )
    leaders = "Our managers backed the programme from the start and gave us time to learn."
    rows = [
        ["p01_interview:0001", "accept", top["p01_interview:0001"], "", "", masked],
        ["p01_interview:0002", "reject", top["p01_interview:0002"], "", "", budget],
        ["p01_interview:0003", "accept", top["p01_interview:0003"], "", "", leaders],
    ]
    assert _decisions_csv(driver) == _review_csv(rows)
    # the review this browser keeps for the place: rewritten by the pseudonymised page, whole
    path = urlparse(page.as_uri()).path
    store = _storage(driver)
    assert json.loads(store["roqa-review:" + path])["rows"] == rows
    assert json.loads(store["roqa-review:" + path])["pseudonymised"] is True
    # no name in anything the pseudonymised page keeps (the plain report's own keys aside)
    for key, value in store.items():
        if key not in plain_keys or key == "roqa-review:" + path:
            for name in ("Lucy", "Pemberton", "Sam", "Roe"):
                assert name not in value, (key, value)
    driver.get(page.as_uri())  # kept for this report now
    assert _status(driver) == ""
    assert _decisions_csv(driver) == _review_csv(rows)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_load_decisions_on_a_pseudonymised_report_matches_rows_on_replaced_names_as_python(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Session 80: a decisions.csv saved from the report before pseudonymising, loaded into the
    pseudonymised report (Load decisions…), lost the decisions on segments whose names were
    replaced ("Honestly Sam, ... Lucy Pemberton the trainer" on "Honestly [Interviewer], ...
    [P01] the trainer": 0.81 of the same words), as match_decisions did. Both now read each
    pseudonym as the words it replaced, on the row's own segment: the page matches the rows
    match_decisions matches, says so, and leaves those rows' notes out (a note alone, the row),
    as roqa apply-decisions and roqa report do; no name reaches its storage or CSV."""
    from roqa_nlp.decisions import match_decisions
    from test_decisions_pseudonyms_stand import NOW, codings, review

    driver, _ = browser
    page = tmp_path / "report.html"
    write_report(codings(), page, "cfir-2009")
    assert "data-pseudonymised" in page.read_text(encoding="utf-8")
    _open_fresh(driver, page.as_uri())
    path = tmp_path / "plain_decisions.csv"
    rows = [[d.segment_id, d.decision, d.code_id, d.new_code, d.note, d.text] for d in review()]
    path.write_text(_review_csv(rows), encoding="utf-8")
    assert _load_file(driver, path) == (
        "plain_decisions.csv: 4 decisions loaded; all matched; 1 segment matched by reading its "
        "pseudonyms as the names they replaced (decided on the report before pseudonymising: "
        "p01_interview:0001); 2 notes on it are left out: a note may name anyone (copy a note "
        "you need here, without names)"
    )
    match = match_decisions(review(), codings())  # as Python matches them
    assert match.on == (
        "p01_interview:0001",
        "p01_interview:0001",
        "p01_interview:0002",
        "p01_interview:0002",
        "p01_interview:0003",
    )
    assert match.by_pseudonyms == (True, True, False, False, False)
    assert _pressed(driver, "p01_interview:0001", "IS.E.2") == ["accept"]
    assert _pressed(driver, "p01_interview:0002", "IC.H") == ["accept"]
    assert _pressed(driver, "p01_interview:0003", "IS.E.2") == ["accept"]
    assert _notes(driver) == {"p01_interview:0002": "money"}
    assert _decisions_csv(driver) == _review_csv(
        [
            ["p01_interview:0001", "accept", "IS.E.2", "", "", NOW[0]],
            ["p01_interview:0002", "reject", "IS.E.2", "", "money", NOW[1]],
            ["p01_interview:0002", "accept", "IC.H", "", "money", NOW[1]],
            ["p01_interview:0003", "accept", "IS.E.2", "", "", NOW[2]],
        ]
    )
    for key, value in _storage(driver).items():
        for name in ("Lucy", "Pemberton", "Sam"):
            assert name not in value, (key, value)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_load_decisions_on_a_pseudonymised_report_reads_pseudonyms_as_names_only_as_python(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Session 80 hunt6: on a pseudonymised page, Load decisions… reads a pseudonym as the words
    it replaced only where they may be a name (F1), leaves out the note of a row the near rule
    placed on a segment holding a pseudonym and quotes the segment's words, not the row's (F2),
    says that a new code on a row matched by its pseudonyms comes from before pseudonymising
    (F4), and reads no pseudonym in a transcript not pseudonymised (F6): as match_decisions."""
    from roqa_nlp.decisions import Decision, match_decisions
    from roqa_nlp.result import CodingResult
    from test_decisions_pseudonyms_stand import LONG_NOW, LONG_WAS, NOW, WAS, codings

    driver, _ = browser
    said = "[inaudible] and Lucy ran it."
    pseud = codings(texts=[LONG_NOW, NOW[0], "Ask [P02]."])
    plain = codings(pseudonymised=False, transcript="p02_interview", texts=[said])
    both = CodingResult(
        list(pseud.segments) + list(plain.segments),
        {**pseud.transcripts, **plain.transcripts},
        {"model": {"hash": "abc123", "codebook": "cfir-2009"}},
    )
    review = [
        Decision("p01_interview:0001", "accept", "IS.E.2", note="ask Lucy about it", text=LONG_WAS),
        Decision("p01_interview:0002", "new-code", new_code="Trainer support", text=WAS[0]),
        Decision(
            "p01_interview:0003", "accept", "IS.E.2", text="Ask the managers. They backed it."
        ),
        Decision("p02_interview:0001", "accept", "IS.E.2", text="Oh and Lucy ran it."),
    ]
    page = tmp_path / "report.html"
    write_report(both, page, "cfir-2009")
    _open_fresh(driver, page.as_uri())
    path = tmp_path / "dec.csv"
    rows = [[d.segment_id, d.decision, d.code_id, d.new_code, d.note, d.text] for d in review]
    path.write_text(_review_csv(rows), encoding="utf-8")
    status = _load_file(driver, path)
    # the rows matched no segment are afix3's (keepUnmatched): only their count is asserted
    assert status.startswith("dec.csv: 2 decisions loaded; 2 could not be matched to a segment")
    assert status.endswith(
        "; 1 segment matched by reading its pseudonyms as the names they replaced (decided on "
        "the report before pseudonymising: p01_interview:0002); 1 note on a segment whose names "
        "pseudonymising replaced is left out: the segment was edited since the review, and the "
        "page cannot tell that the review was made on these pseudonymised codings, and a note "
        "may name anyone (copy a note you need here, without names); the new code on "
        "p01_interview:0002 comes from a review made before pseudonymising: check its name for "
        "a name pseudonymising replaced; 1 decision matched to 1 segment whose text was edited "
        "since the review (nearly the same words, not the same): p01_interview:0001 (\u201cOur "
        "managers, [P01] included, backed the\u2026\u201d); check they are the talk decided on"
    )
    match = match_decisions(review, both)
    assert match.on == ("p01_interview:0001", "p01_interview:0002", None, None)
    assert match.by_pseudonyms == (False, True, False, False)
    assert _pressed(driver, "p01_interview:0001", "IS.E.2") == ["accept"]
    assert _pressed(driver, "p01_interview:0003", "IS.E.2") == []
    assert _pressed(driver, "p02_interview:0001", "IS.E.2") == []
    assert _notes(driver) == {}
    assert _decisions_csv(driver).startswith(
        _review_csv(
            [
                ["p01_interview:0001", "accept", "IS.E.2", "", "", LONG_NOW],
                ["p01_interview:0002", "new-code", "", "Trainer support", "", NOW[0]],
            ]
        )
    )
    for key, value in _storage(driver).items():
        assert "ask Lucy" not in value, (key, value)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_load_decisions_on_a_pseudonymised_report_keeps_no_row_that_matches_no_segment(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Session 80 (pfix4's MED): Load decisions… on a pseudonymised report kept the rows of the
    file that match no segment (their words and notes, which may name anyone) in localStorage,
    and Save decisions wrote them back, where roqa report --decisions leaves them out of such a
    page ("Save decisions does not write them"). The page now does as Python does: it keeps and
    writes none, and says so; no name reaches its storage or CSV."""
    from roqa_nlp.decisions import Decision, match_decisions
    from test_decisions_pseudonyms_stand import NOW, codings, review

    driver, _ = browser
    page = tmp_path / "report.html"
    write_report(codings(), page, "cfir-2009")
    _open_fresh(driver, page.as_uri())
    lost = Decision("p01_interview:0002", "accept", "IC.H", note="ask Lucy", text="Lucy said no.")
    path = tmp_path / "plain_decisions.csv"
    rows = [[d.segment_id, d.decision, d.code_id, d.new_code, d.note, d.text] for d in review()]
    rows.append(["p01_interview:0002", "accept", "IC.H", "", "ask Lucy", "Lucy said no."])
    path.write_text(_review_csv(rows), encoding="utf-8")
    assert _load_file(driver, path) == (
        "plain_decisions.csv: 4 decisions loaded; 1 could not be matched to a segment (left out: "
        "it may be on talk from before pseudonymising, which the page would carry word for word. "
        "Save decisions does not write it: keep the decisions file it came from); 1 segment "
        "matched by reading its pseudonyms as the names they replaced (decided on the report "
        "before pseudonymising: p01_interview:0001); 2 notes on it are left out: a note may name "
        "anyone (copy a note you need here, without names)"
    )
    assert match_decisions([*review(), lost], codings()).on[-1] is None  # Python: no segment
    saved = _review_csv(
        [
            ["p01_interview:0001", "accept", "IS.E.2", "", "", NOW[0]],
            ["p01_interview:0002", "reject", "IS.E.2", "", "money", NOW[1]],
            ["p01_interview:0002", "accept", "IC.H", "", "money", NOW[1]],
            ["p01_interview:0003", "accept", "IS.E.2", "", "", NOW[2]],
        ]
    )
    assert _decisions_csv(driver) == saved
    store = _storage(driver)
    assert [k for k in store if k.startswith("roqa-unmatched:")] == []
    for key, value in store.items():
        for name in ("Lucy", "Pemberton", "Sam"):
            assert name not in value, (key, value)
    driver.get(page.as_uri())  # opened again: nothing kept comes back
    assert _decisions_csv(driver) == saved
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_the_decisions_a_pseudonymised_report_cannot_carry_are_named_by_segment_when_no_name(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """The rows of the place's review that match no segment of the pseudonymised page are named
    in the status line by their segment ids when their transcript is on the page; the id of a
    transcript the page does not show (a file pseudonymising renamed: it may hold a name) is
    counted, not named. Words that differ by more than a pseudonym do not match, nor words that
    a pseudonym would stand in for on another segment id."""
    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(_pseudonymised(build_result()), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    where = urlparse(path.as_uri()).path
    place = {
        "report": "plain",
        "rows": [
            # its words, not changed: carried
            ["p02_interview:0000", "reject", "IC.H", "", "", P02_0000],
            # other words than the segment's: no pseudonym there stands for them
            ["p01_interview:0001", "accept", "IS.E.3", "", "", "Lucy Pemberton trained us all."],
            # a transcript renamed by pseudonymising: its id names her
            ["lucy_pemberton:0004", "accept", "IS.E.2", "", "", "Lucy said the rota was hard."],
        ],
    }
    driver.execute_script(
        "localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))",
        "roqa-review:" + where,
        place,
    )
    driver.get(path.as_uri())
    assert _status(driver) == (
        "1 decision carried from the earlier report in this folder; 2 could not be matched to a "
        "segment (p01_interview:0001; 1 segment of a transcript not in this pseudonymised report, "
        "not named here: its id may hold a name)"
    )
    assert _decisions_csv(driver) == _review_csv(
        [("p02_interview:0000", "reject", "IC.H", "", "", P02_0000)]
    )
    for value in _storage(driver).values():
        assert "Lucy" not in value and "lucy" not in value


def test_a_pseudonymised_report_carries_the_decisions_of_a_transcript_its_file_name_renamed(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A transcript whose file name named the participant is renamed by pseudonymising
    ("denise_okoro" -> "p01_interview"): a row of the plain review on a segment whose name was
    replaced goes to the same segment of the transcript its own was renamed to (found by its
    other rows' words), not to another segment of it."""
    import copy

    from report_fixture import INTERVIEWS

    driver, _ = browser
    interviews = copy.deepcopy(INTERVIEWS)
    talk = interviews["p01_interview"][1][5][1]
    talk[0] = ("From the directors down, [P01] believes in recovery.", *talk[0][1:])
    path = tmp_path / "report.html"
    write_report(_pseudonymised(build_result(interviews)), path, "cfir-2009")
    _open_fresh(driver, path.as_uri())
    named = "From the directors down, Denise Okoro believes in recovery."
    place = {
        "report": "plain",
        "rows": [
            ["denise_okoro:0001", "accept", "IS.E.3", "", "", P01_0001],
            ["denise_okoro:0004", "accept", "IS.C", "", "", named],
            # the same words on another segment id: not that segment's
            ["denise_okoro:0002", "accept", "IC.H", "", "", named],
        ],
    }
    driver.execute_script(
        "localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))",
        "roqa-review:" + urlparse(path.as_uri()).path,
        place,
    )
    driver.get(path.as_uri())
    assert _status(driver) == (
        "2 decisions carried from the earlier report in this folder; 1 could not be matched to a "
        "segment (1 segment of a transcript not in this pseudonymised report, not named here: its "
        "id may hold a name)"
    )
    masked = "From the directors down, [P01] believes in recovery."
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
            ("p01_interview:0004", "accept", "IS.C", "", "", masked),
        ]
    )
    for value in _storage(driver).values():
        assert "Denise" not in value and "denise" not in value


def test_carried_review_wins_over_the_embedded_one_and_keeps_what_was_taken_back(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    from roqa_nlp.decisions import Decision

    driver, _ = browser
    review = [Decision(*row) for row in REVIEW]
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING, decisions=review)
    _open_fresh(driver, path.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")  # the embedded accept taken back
    _decide(driver, "p01_interview:0002", "IC.H", "reject")
    review_node = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p02_interview:0002"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", review_node)
    review_node.find_element(By.CSS_SELECTOR, "input.note").send_keys("only a note, <b>&")
    # written again with the same embedded review (decisions.csv beside the codings)
    write_report(_coded_again(), path, "cfir-2009", decisions=review)
    driver.get(path.as_uri())
    assert _pressed(driver, "p01_interview:0002", "IS.E.3") == []  # stays taken back
    assert _pressed(driver, "p01_interview:0003", "IC.H") == ["reject"]
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode OS.D"]  # embedded
    note = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p02_interview:0002"] input.note'
    )
    assert note.get_attribute("value") == "only a note, <b>&"
    # the new code on P03's last sentence, gone now, is said to be saved back as it came
    # (learn tester, session 56: before, Save dropped it without a word)
    unmatched = (
        "1 decision of the review carried into this report matches no segment of it (words "
        "changed since, or a transcript not in these codings): p03_interview:0002. Save "
        "decisions writes it back unchanged, at the end of the file"
    )
    assert _status(driver) == (
        "1 decision carried from the earlier report in this folder; all matched. 1 segment's "
        "decision written into this report stays cleared or taken back in this browser (Load "
        f"decisions… with the decisions file brings them back). {unmatched}"
    )
    # Clear, then written again: the embedded review stays forgotten there too
    driver.execute_script("window.confirm = () => true")
    _click(driver, driver.find_element(By.ID, "clear-decisions"))
    write_report(_coded_again(later=True), path, "cfir-2009", decisions=review)
    driver.get(path.as_uri())
    assert driver.find_element(By.ID, "decision-count").text == "0 decisions"
    assert _pressed(driver, "p02_interview:0001", "OS.A") == []
    # but not silently: `roqa report --decisions` said they were carried (session 28)
    assert _status(driver).endswith(
        "decisions written into this report stay cleared or taken back in this browser (Load "
        f"decisions… with the decisions file brings them back). {unmatched}"
    )
    # Clear forgets the decisions on this page's segments, not those on none of them
    assert _decisions_csv(driver) == _review_csv([REVIEW[3]])


# -- audit G: notes, the toolbar, jumps to a quote -------------------------------------------------


def test_a_note_without_a_decision_is_saved_and_loaded_back(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver, downloads = page
    review = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", review)
    review.find_element(By.CSS_SELECTOR, "input.note").send_keys("contradicts herself, later")
    rows = _saved_decisions(driver, downloads)
    assert rows == [
        HEADER,
        ["p02_interview:0000", "note", "", "", "contradicts herself, later", P02_0000],
    ]
    assert driver.find_element(By.ID, "decision-count").text == "0 decisions"
    # the saved file, loaded into a fresh page, gives the note back
    saved = tmp_path / "decisions.csv"
    saved.write_text((downloads / "decisions.csv").read_text(encoding="utf-8"), encoding="utf-8")
    driver.execute_script("window.localStorage.clear()")
    driver.refresh()
    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)
    field.send_keys(str(saved))
    WebDriverWait(driver, 10).until(lambda _: _status(driver))
    assert _status(driver) == "decisions.csv: 0 decisions and 1 note loaded; all matched"
    note = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"] input.note'
    )
    assert note.get_attribute("value") == "contradicts herself, later"


def _toolbar(driver: Any) -> dict[str, float]:
    return driver.execute_script(
        "var bar = document.querySelector('.toolbar'), nav = bar.querySelector('nav');"
        "return {bar: bar.getBoundingClientRect().height,"
        " nav: nav.getBoundingClientRect().width, navHeight: nav.getBoundingClientRect().height,"
        " padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)};"
    )


def test_the_status_line_does_not_squeeze_the_nav_and_can_be_dismissed(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver, _ = page
    before = _toolbar(driver)
    assert before["padding"] >= before["bar"]  # jumps land below the bar
    other = tmp_path / "notes.csv"
    other.write_text("who,what\na,b\n", encoding="utf-8")
    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)  # a person clicks the button
    field.send_keys(str(other))
    driver.execute_script("arguments[0].hidden = true", field)
    WebDriverWait(driver, 10).until(lambda _: _status(driver))
    line = driver.find_element(By.ID, "status-line")
    assert line.is_displayed()
    after = _toolbar(driver)
    assert after["nav"] == before["nav"] and after["navHeight"] == before["navHeight"]
    assert after["bar"] > before["bar"]
    WebDriverWait(driver, 5).until(lambda _: _toolbar(driver)["padding"] >= after["bar"])
    _click(driver, driver.find_element(By.ID, "clear-status"))
    assert not line.is_displayed()
    WebDriverWait(driver, 5).until(lambda _: _toolbar(driver)["bar"] == before["bar"])


def test_the_toolbar_stays_compact_in_a_narrow_window(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver, _ = page
    try:
        driver.set_window_size(800, 900)
        # the page fits its scroll padding on the resize event, which may come after the resize
        WebDriverWait(driver, 5).until(
            lambda _: _toolbar(driver)["padding"] >= _toolbar(driver)["bar"]
        )
        bar = _toolbar(driver)
        assert bar["bar"] <= 90, bar  # two lines: the nav, then the controls
        assert bar["padding"] >= bar["bar"]
    finally:
        driver.set_window_size(1280, 900)


def test_a_quote_link_opens_its_folded_transcript_and_marks_the_segment(
    page: tuple[Any, Path],
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver, _ = page
    link = driver.find_element(By.CSS_SELECTOR, '#table2 blockquote.quote cite a[href^="#s"]')
    anchor = link.get_attribute("href").split("#")[1]
    driver.execute_script(
        "document.getElementById(arguments[0]).closest('details.transcript').open = false", anchor
    )
    _click(driver, link)

    def landed(_: Any) -> Any:
        return driver.execute_script(
            "var row = document.getElementById(arguments[0]);"
            "var r = row.getBoundingClientRect();"
            "var bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;"
            "return row.closest('details.transcript').open && r.top >= bar - 1 &&"
            " r.top < window.innerHeight / 2;",
            anchor,
        )

    WebDriverWait(driver, 5).until(landed)
    style = driver.execute_script(
        "var s = getComputedStyle(document.getElementById(arguments[0]));"
        "return [s.outlineStyle, s.backgroundColor];",
        anchor,
    )
    assert style == ["solid", "rgb(255, 251, 235)"]


# -- audit G #8: the researcher's valence ---------------------------------------------------------


def _valence_pressed(driver: Any, segment_id: str) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        "  .map(b => b.getAttribute('data-valence'));",
        f'.review[data-segment="{segment_id}"] .vfix button[aria-pressed="true"]',
    )


def test_a_valence_correction_is_saved_kept_and_loaded_back(
    page: tuple[Any, Path], report_url: str, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver, downloads = page
    box = '.review[data-segment="p01_interview:0001"] .vfix'
    barrier = driver.find_element(By.CSS_SELECTOR, f'{box} button[data-valence="barrier"]')
    _click(driver, barrier)
    assert _valence_pressed(driver, "p01_interview:0001") == ["barrier"]
    # keyboard: another valence replaces it, pressing it again takes the correction back
    enabler = driver.find_element(By.CSS_SELECTOR, f'{box} button[data-valence="enabler"]')
    enabler.send_keys(Keys.SPACE)
    assert _valence_pressed(driver, "p01_interview:0001") == ["enabler"]
    enabler.send_keys(Keys.ENTER)
    assert _valence_pressed(driver, "p01_interview:0001") == []
    _click(driver, barrier)
    _click(driver, _suggestion(driver, "p01_interview:0001", "IS.E.3").find_element(
        By.CSS_SELECTOR, "button.accept"))  # fmt: skip
    assert driver.find_element(By.ID, "decision-count").text == "2 decisions"
    rows = _saved_decisions(driver, downloads)
    assert rows == [
        [*HEADER, "valence"],
        ["p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001, ""],
        ["p01_interview:0001", "valence", "", "", "", P01_0001, "barrier"],
    ]
    # what roqa train --feedback reads
    from roqa_nlp.decisions import Decision, read_decisions

    saved = tmp_path / "decisions.csv"
    saved.write_text((downloads / "decisions.csv").read_text(encoding="utf-8"), encoding="utf-8")
    assert read_decisions(saved)[0][1] == Decision(
        "p01_interview:0001", "valence", text=P01_0001, valence="barrier"
    )
    # kept over a reload
    driver.get(report_url)
    assert _valence_pressed(driver, "p01_interview:0001") == ["barrier"]
    # and loaded back from the saved file into a fresh page
    _open_fresh(driver, report_url)
    assert _valence_pressed(driver, "p01_interview:0001") == []
    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)
    field.send_keys(str(saved))
    WebDriverWait(driver, 10).until(lambda _: _status(driver))
    assert _status(driver) == "decisions.csv: 2 decisions loaded; all matched"
    assert _valence_pressed(driver, "p01_interview:0001") == ["barrier"]
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_an_embedded_valence_correction_shows_pressed(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    from roqa_nlp.decisions import Decision

    driver, _ = browser
    path = tmp_path / "report.html"
    fix = Decision("p02_interview:0007", "valence", text=P02_0000, valence="enabler")
    write_report(build_result(), path, "cfir-2009", decisions=[fix])
    _open_fresh(driver, path.as_uri())
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    # once in six runs on a loaded machine (s44) the button was not yet pressed when read
    with contextlib.suppress(TimeoutException):  # the assertion below says what was found
        WebDriverWait(driver, 5).until(lambda d: _valence_pressed(d, "p02_interview:0000"))
    assert _valence_pressed(driver, "p02_interview:0000") == ["enabler"]
    assert _decisions_csv(driver) == (
        "segment_id,decision,code_id,new_code,note,text,valence\n"
        f"p02_interview:0000,valence,,,,{P02_0000},enabler\n"
    )


# -- Table 2's long quotes and sticky header rows -------------------------------------------------

LONG = (
    " ".join(
        ["The commissioners changed the thresholds again this spring and nobody told us,"]
        + ["so we kept sending referrals that bounced back for weeks on end"] * 6
    )
    + "."
)


def test_table2_cuts_long_quotes_and_keeps_its_header_row_in_sight(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    import copy

    from selenium.webdriver.common.by import By

    from report_fixture import INTERVIEWS

    driver, _ = browser
    interviews = copy.deepcopy(INTERVIEWS)
    interviews["p04_interview"] = ("P04", [("P04", [(LONG, [("OS.D", 0.9, "barrier")], {})])])
    path = tmp_path / "report.html"
    write_report(build_result(interviews), path, "cfir-2009")
    _open_fresh(driver, path.as_uri())
    quote = next(
        q
        for q in driver.find_elements(By.CSS_SELECTOR, "#table2 blockquote.quote")
        if q.find_elements(By.CSS_SELECTOR, "a.more")
    )
    more = quote.find_element(By.CSS_SELECTOR, "a.more")
    shown = quote.find_element(By.CSS_SELECTOR, ".qtext").text
    assert len(shown.split()) == 40 and LONG.startswith(shown)
    assert more.get_attribute("title") == LONG
    _click(driver, more)
    target = driver.execute_script("return document.getElementById(location.hash.slice(1))")
    assert LONG in target.text
    assert driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight;",
        target,
    )
    # the header row sticks under the toolbar while Table 2 scrolls by
    head = driver.find_element(By.CSS_SELECTOR, "table.table2 thead th")
    driver.execute_script(
        "var t = document.querySelector('table.table2');"
        "window.scrollTo(0, t.getBoundingClientRect().top + scrollY + t.offsetHeight / 2);"
    )
    # read until it settles (up to 5 s): on a loaded machine the jump to the quote above may
    # still be scrolling when the page is scrolled here (826 px apart once, s91 CI)
    import time

    deadline = time.monotonic() + 5
    while True:
        top, bar = driver.execute_script(
            "return [arguments[0].getBoundingClientRect().top,"
            " document.querySelector('.toolbar').getBoundingClientRect().bottom];",
            head,
        )
        if abs(top - bar) <= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
        driver.execute_script(
            "var t = document.querySelector('table.table2');"
            "window.scrollTo(0, t.getBoundingClientRect().top + scrollY + t.offsetHeight / 2);"
        )
    assert abs(top - bar) <= 2
    assert (
        driver.execute_script(
            "return getComputedStyle(document.querySelector('table.matrix thead th')).position"
        )
        == "sticky"
    )


def test_each_more_link_of_table2_is_named_by_the_quote_it_opens(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """a11y review s63, 2: every "… more" link was named "… more" (35 alike in the example
    study), so a screen reader's list of links could not tell them apart. Each is named by
    whose quote it opens and where, its visible text kept."""
    import copy

    from selenium.webdriver.common.by import By

    from report_fixture import INTERVIEWS

    driver, _ = browser
    interviews = copy.deepcopy(INTERVIEWS)
    interviews["p04_interview"] = ("P04", [("P04", [(LONG, [("OS.D", 0.9, "barrier")], {})])])
    interviews["p05_interview"] = ("P05", [("P05", [(LONG, [("IS.C", 0.95, "enabler")], {})])])
    path = tmp_path / "report.html"
    write_report(build_result(interviews), path, "cfir-2009")
    _open_fresh(driver, path.as_uri())
    links = driver.find_elements(By.CSS_SELECTOR, "#table2 a.more")
    assert [(a.get_attribute("textContent"), a.accessible_name) for a in links] == [
        ("… more", "more of the quote by P04, at p04_interview:5-468 in the transcript"),
        ("… more", "more of the quote by P05, at p05_interview:5-468 in the transcript"),
    ]


# -- a study at a time: the transcript picker and each transcript's review progress --------------


def _reviewable_in(tid: str) -> list[str]:
    """The segments of a transcript that its review progress counts (as the review filter)."""
    return [s for s in _reviewable() if s.startswith(tid + ":")]


def _transcript_anchor(driver: Any, tid: str) -> str:
    """The id of a transcript's block, from its option in the picker."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#transcript-select option'))"
        ".find(o => o.getAttribute('data-label').split(' ')[0] === arguments[0]).value",
        tid,
    )


def _pick(driver: Any, tid: str | None) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    select = driver.find_element(By.ID, "transcript-select")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", select)
    Select(select).select_by_value("" if tid is None else _transcript_anchor(driver, tid))


def _progress(driver: Any) -> dict[str, str]:
    """Each transcript's progress in its heading, and each option of the picker, by label."""
    return driver.execute_script(
        "var out = {};"
        "document.querySelectorAll('#transcripts details.transcript').forEach(function (t) {"
        "  out[t.querySelector('summary h3').textContent.split(' ')[0]] ="
        "    t.querySelector('summary .progress').textContent; });"
        "document.querySelectorAll('#transcript-select option').forEach(function (o) {"
        "  out['option ' + o.getAttribute('data-label')] = o.textContent; });"
        "return out;"
    )


def _shown_transcripts(driver: Any) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#transcripts details.transcript'))"
        ".filter(t => t.offsetHeight > 0)"
        ".map(t => t.querySelector('summary h3').textContent.split(' ')[0])"
    )


def test_the_transcript_picker_shows_one_transcript_at_a_time(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    every = [s.segment.id for s in build_result()]
    p02 = [s for s in every if s.startswith("p02_interview:")]
    assert _shown_transcripts(driver) == ["p01_interview", "p02_interview", "p03_interview"]
    _pick(driver, "p02_interview")
    assert _shown_transcripts(driver) == ["p02_interview"]
    assert _shown_segments(driver) == p02
    a_row = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p01_interview:0001"]'
    ).find_element(By.XPATH, "..")
    assert not a_row.is_displayed()
    # the review filter counts within the transcript picked
    n = len(_reviewable_in("p02_interview"))
    assert _show(driver, "unreviewed") == f"{n} of {n} reviewable segments shown"
    assert _show(driver, "all") == ""
    _pick(driver, None)
    assert _shown_transcripts(driver) == ["p01_interview", "p02_interview", "p03_interview"]
    assert _shown_segments(driver) == every
    assert [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []


def test_each_transcript_shows_its_review_progress_as_decisions_are_made(
    page: tuple[Any, Path],
) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    n1, n2, n3 = (len(_reviewable_in(f"p0{i}_interview")) for i in (1, 2, 3))
    assert (n1, n2, n3) == (4, 4, 3)  # the procedural "Yes, loud and clear." is not counted
    assert _progress(driver) == {
        "p01_interview": "0 of 4 reviewed",
        "p02_interview": "0 of 4 reviewed",
        "p03_interview": "0 of 3 reviewed",
        "option All transcripts": "All transcripts – 0 of 11 reviewed",
        "option p01_interview (P01)": "p01_interview (P01) – 0 of 4 reviewed",
        "option p02_interview (P02)": "p02_interview (P02) – 0 of 4 reviewed",
        "option p03_interview (P03)": "p03_interview (P03) – 0 of 3 reviewed",
    }
    accept = _suggestion(driver, "p02_interview:0000", "OS.D").find_element(
        By.CSS_SELECTOR, "button.accept"
    )
    _click(driver, accept)
    progress = _progress(driver)
    assert progress["p02_interview"] == "1 of 4 reviewed"
    assert progress["option p02_interview (P02)"] == "p02_interview (P02) – 1 of 4 reviewed"
    assert progress["option All transcripts"] == "All transcripts – 1 of 11 reviewed"
    assert progress["p01_interview"] == "0 of 4 reviewed"
    # a second decision on the same segment is still one segment reviewed
    _click(driver, _suggestion(driver, "p02_interview:0000", "IC.H").find_element(
        By.CSS_SELECTOR, "button.reject"))  # fmt: skip
    assert _progress(driver)["p02_interview"] == "1 of 4 reviewed"
    # set-aside talk (procedural) decided anyway is reviewed: counted in both, as
    # apply-decisions counts it among the reviewable segments (hunt s43 (2): before, the page
    # said "15 of 49 reviewed" where apply-decisions said "16 of 50 reviewable segments decided")
    proc = _suggestion(driver, "p01_interview:0000", "IS.C").find_element(
        By.CSS_SELECTOR, "button.accept")  # fmt: skip
    _click(driver, proc)
    progress = _progress(driver)
    assert progress["p01_interview"] == "1 of 5 reviewed"
    assert progress["option All transcripts"] == "All transcripts – 2 of 12 reviewed"
    _click(driver, proc)  # taken back: set aside again
    assert _progress(driver)["p01_interview"] == "0 of 4 reviewed"
    # taken back, the segment is unreviewed again
    _click(driver, accept)
    _click(driver, _suggestion(driver, "p02_interview:0000", "IC.H").find_element(
        By.CSS_SELECTOR, "button.reject"))  # fmt: skip
    assert _progress(driver)["p02_interview"] == "0 of 4 reviewed"
    # a new code is a decision; every segment decided marks the transcript done
    for sid, code in (("p03_interview:0000", "IC.F"), ("p03_interview:0001", "IC.F")):
        _click(driver, _suggestion(driver, sid, code).find_element(
            By.CSS_SELECTOR, "button.accept"))  # fmt: skip
    label = driver.find_element(
        By.CSS_SELECTOR, "#transcripts details.transcript:last-of-type .progress"
    )
    assert label.text == "2 of 3 reviewed" and "done" not in label.get_attribute("class")
    review = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p03_interview:0002"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", review)
    review.find_element(By.CSS_SELECTOR, "input.new-code").send_keys("COVID-19 disruption")
    assert label.text == "3 of 3 reviewed" and "done" in label.get_attribute("class")
    assert (
        driver.execute_script("return getComputedStyle(arguments[0]).color", label)
        == "rgb(0, 109, 91)"  # the accept colour, --accept
    )


def test_review_progress_follows_a_loaded_file_a_reload_and_clear(
    page: tuple[Any, Path], report_url: str, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        _review_csv(
            [
                ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
                ("p01_interview:0001", "reject", "CI.A", "", "", P01_0001),
                ("p02_interview:0001", "recode", "OS.D", "", "", P02_0001),
            ]
        ),
        encoding="utf-8",
    )
    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)
    field.send_keys(str(path))
    WebDriverWait(driver, 10).until(lambda _: _status(driver))
    loaded = {
        "p01_interview": "1 of 4 reviewed",
        "p02_interview": "1 of 4 reviewed",
        "p03_interview": "0 of 3 reviewed",
        "option All transcripts": "All transcripts – 2 of 11 reviewed",
    }
    assert {k: v for k, v in _progress(driver).items() if k in loaded} == loaded
    driver.get(report_url)
    assert {k: v for k, v in _progress(driver).items() if k in loaded} == loaded
    driver.execute_script("window.confirm = () => true")
    _click(driver, driver.find_element(By.ID, "clear-decisions"))
    assert _progress(driver)["option All transcripts"] == "All transcripts – 0 of 11 reviewed"
    assert _progress(driver)["p01_interview"] == "0 of 4 reviewed"


def test_clear_says_in_the_status_line_that_the_review_was_cleared(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Blind tester s61 (review, finding 3): after Clear the status line still said
    "saved1_decisions.csv: 17 decisions and 1 note loaded; all matched"."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        _review_csv([("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)]),
        encoding="utf-8",
    )
    assert _load_file(driver, path) == "decisions.csv: 1 decision loaded; all matched"
    driver.execute_script("window.confirm = () => true")
    _click(driver, driver.find_element(By.ID, "clear-decisions"))
    assert _status(driver) == (
        "Review cleared: every decision and note on this page is forgotten in this browser "
        "(Load decisions… with a saved decisions file brings them back)"
    )
    assert driver.find_element(By.ID, "decision-count").text == "0 decisions"


def test_the_cleared_line_goes_once_the_page_holds_a_decision_again(page: tuple[Any, Path]) -> None:
    """Blind tester s67 (pagereview, minor 1): after Clear, "Review cleared: every decision and
    note on this page is forgotten in this browser…" stayed up beside the decisions made since,
    until dismissed or the page was reloaded."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    driver.execute_script("window.confirm = () => true")
    _click(driver, driver.find_element(By.ID, "clear-decisions"))
    line = driver.find_element(By.ID, "status-line")
    assert line.is_displayed()
    assert _status(driver).startswith("Review cleared: every decision and note")
    _decide(driver, "p02_interview:0000", "OS.D", "accept")
    assert driver.find_element(By.ID, "decision-count").text == "1 decision"
    assert not line.is_displayed()
    assert driver.find_element(By.ID, "load-status").get_attribute("textContent") == ""


#: a dropped call: a greeting and small talk, nothing to review
DROPPED_CALL: Any = (
    "P04",
    [
        ("I", [("Can you hear me?", [], {})]),
        (
            "P04",
            [
                ("Hello? You're breaking up.", [("IS.C", 0.2, "neutral")], {"procedural": True}),
                (
                    "The dog ate a sock.",
                    [("IS.C", 0.1, "neutral")],
                    {"novel": True, "off_topic": True},
                ),
            ],
        ),
    ],
)


def test_review_progress_counts_a_segment_reviewed_as_apply_decisions_decides_it(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Tester s39 (framework, 1 and 2): a segment with one suggestion rejected and nothing else
    decided was counted reviewed ("5 of 5 reviewed"), while roqa apply-decisions leaves it out
    as not decided yet ("some suggestions rejected"), so Table 2 missed it and saturation said
    "partly reviewed" after the page said the review was done. The page now counts a segment
    reviewed as reviewed_codings decides it, says "partly" of the others with a decision, and
    tells on the segment what decides it; a transcript with nothing to review says so, done."""
    from selenium.webdriver.common.by import By

    from report_fixture import INTERVIEWS
    from roqa_nlp.decisions import Decision, reviewed_codings

    rows = [
        ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
        ("p01_interview:0002", "reject", "IC.H", "", "", P01_0002),  # its top of two: partly
        ("p02_interview:0000", "reject", "OS.D", "", "", P02_0000),  # every one shown: no code
        ("p02_interview:0000", "reject", "IC.H", "", "", P02_0000),
        ("p02_interview:0001", "reject", "OS.A", "", "", P02_0001),  # its only one: no code
    ]
    result = build_result({**INTERVIEWS, "p04_interview": DROPPED_CALL})
    decisions = [Decision(*row) for row in rows]
    # what apply-decisions makes of them: 3 segments decided, p01 with 3 of its 4 undecided
    reviewed, _, counts = reviewed_codings(decisions, result, Codebook.load("cfir-2009"), coder="A")
    assert reviewed.meta["reviewed_segments"] == [
        "p01_interview:0001",
        "p02_interview:0000",
        "p02_interview:0001",
    ]
    assert counts["short_of_all"] == 1
    assert reviewed.meta["undecided_segments"] == {"p01_interview": [3, 4], "p02_interview": [2, 4]}
    assert list(reviewed.transcripts) == ["p01_interview", "p02_interview", "p04_interview"]
    path = tmp_path / "report.html"
    write_report(result, path, "cfir-2009", decisions=decisions)
    driver, _ = browser
    _open_fresh(driver, path.as_uri())
    assert _progress(driver) == {
        "p01_interview": "1 of 4 reviewed, 1 partly",
        "p02_interview": "2 of 4 reviewed",
        "p03_interview": "0 of 3 reviewed",
        "p04_interview": "nothing to review",
        "option All transcripts": "All transcripts – 3 of 11 reviewed, 1 partly",
        "option p01_interview (P01)": "p01_interview (P01) – 1 of 4 reviewed, 1 partly",
        "option p02_interview (P02)": "p02_interview (P02) – 2 of 4 reviewed",
        "option p03_interview (P03)": "p03_interview (P03) – 0 of 3 reviewed",
        "option p04_interview (P04)": "p04_interview (P04) – nothing to review",
    }
    done = driver.find_element(
        By.CSS_SELECTOR, "#transcripts details.transcript:last-of-type .progress"
    )
    assert "done" in done.get_attribute("class")

    def hints() -> dict[str, str]:
        return driver.execute_script(
            "var out = {};"
            "document.querySelectorAll('.review[data-segment] .partly').forEach(function (p) {"
            "  out[p.closest('.review').getAttribute('data-segment')] = p.textContent; });"
            "return out;"
        )

    assert hints() == {
        "p01_interview:0002": "Partly reviewed: rejected, nothing accepted – accept or recode "
        "another code, give a new code, or reject every suggestion shown if it fits no code"
    }
    # the segments not reviewed yet are those the filter shows, the partly reviewed one too
    assert _show(driver, "unreviewed") == "8 of 11 reviewable segments shown"
    assert "p01_interview:0002" in _shown_segments(driver)
    _show(driver, "all")
    # its other suggestion rejected too: every one shown rejected, it fits no code (decided)
    _decide(driver, "p01_interview:0002", "IS.E.2", "reject")
    assert _progress(driver)["p01_interview"] == "2 of 4 reviewed"
    assert _progress(driver)["option All transcripts"] == "All transcripts – 4 of 11 reviewed"
    assert hints() == {}
    # taken back: partly reviewed again
    _decide(driver, "p01_interview:0002", "IS.E.2", "reject")
    assert _progress(driver)["p01_interview"] == "1 of 4 reviewed, 1 partly"
    assert list(hints()) == ["p01_interview:0002"]
    assert [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []


def _in_view(driver: Any, anchor: str) -> bool:
    return driver.execute_script(
        "var row = document.getElementById(arguments[0]);"
        "var r = row.getBoundingClientRect();"
        "var bar = document.querySelector('.toolbar').getBoundingClientRect().bottom;"
        "return row.offsetHeight > 0 && r.top >= bar - 1 && r.top < window.innerHeight / 2;",
        anchor,
    )


def test_a_jump_to_a_segment_of_a_hidden_transcript_shows_that_transcript(
    page: tuple[Any, Path],
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver, _ = page
    # a quote of Table 2 from P02's transcript, while P01's is picked and only unsure
    # segments (below 40 %) are shown: its segment is hidden twice over
    link = driver.execute_script(
        "return Array.from(document.querySelectorAll('#table2 blockquote.quote cite a'))"
        ".find(a => document.getElementById(a.getAttribute('href').slice(1))"
        "  .querySelector('.review').getAttribute('data-segment') === 'p02_interview:0000')"
    )
    anchor = link.get_attribute("href").split("#")[1]
    _pick(driver, "p01_interview")
    _show(driver, "unsure")
    assert not driver.find_element(By.ID, anchor).is_displayed()
    _click(driver, link)
    WebDriverWait(driver, 5).until(lambda _: _in_view(driver, anchor))
    picker = driver.find_element(By.ID, "transcript-select")
    assert picker.get_attribute("value") == _transcript_anchor(driver, "p02_interview")
    assert _shown_transcripts(driver) == ["p02_interview"]
    assert driver.find_element(By.CSS_SELECTOR, '#review-filter input[value="all"]').is_selected()
    assert driver.find_element(By.ID, "filter-count").text == ""
    # the overview's list of transcripts picks the one it links to
    p03 = _transcript_anchor(driver, "p03_interview")
    _click(driver, driver.find_element(By.CSS_SELECTOR, f'#overview .toc a[href="#{p03}"]'))
    WebDriverWait(driver, 5).until(lambda _: _shown_transcripts(driver) == ["p03_interview"])
    assert picker.get_attribute("value") == p03
    assert [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []


def test_a_report_of_one_transcript_has_no_picker_and_counts_its_progress(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from report_fixture import INTERVIEWS

    driver, _ = browser
    path = tmp_path / "report.html"
    one = {"p01_interview": INTERVIEWS["p01_interview"]}
    write_report(build_result(one), path, "cfir-2009")
    _open_fresh(driver, path.as_uri())
    assert driver.find_elements(By.ID, "transcript-select") == []
    assert _progress(driver) == {"p01_interview": "0 of 4 reviewed"}
    _click(driver, _suggestion(driver, "p01_interview:0001", "IS.E.3").find_element(
        By.CSS_SELECTOR, "button.accept"))  # fmt: skip
    assert _progress(driver) == {"p01_interview": "1 of 4 reviewed"}
    _show(driver, "unsure")
    link = driver.find_element(By.CSS_SELECTOR, '#table2 blockquote.quote cite a[href^="#s"]')
    anchor = link.get_attribute("href").split("#")[1]
    assert not driver.find_element(By.ID, anchor).is_displayed()  # a sure one: filtered out
    _click(driver, link)
    WebDriverWait(driver, 5).until(lambda _: _in_view(driver, anchor))
    assert [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []


# -- a person's codings: read-only -----------------------------------------------------------


@pytest.fixture(scope="module")
def persons_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The report of Alice's codings (p02_interview:0001 given no code)."""
    from report_fixture import build_persons_result

    _require_browser()
    path = tmp_path_factory.mktemp("persons") / "report.html"
    write_report(build_persons_result("Alice"), path, "cfir-2009", open_coding=OPEN_CODING)
    return path.as_uri()


def _errors(driver: Any) -> list[Any]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def test_a_persons_codings_load_read_only_without_console_errors(
    browser: tuple[Any, Path], persons_url: str
) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = browser
    _open_fresh(driver, persons_url)
    driver.get_log("browser")
    driver.get(persons_url)
    assert _errors(driver) == []
    # nothing to press or type in the transcripts, and nothing in the toolbar but the nav
    for tag in ("button", "input", "select", "textarea"):
        assert driver.find_elements(By.CSS_SELECTOR, f"#transcripts .rows {tag}") == [], tag
        assert driver.find_elements(By.CSS_SELECTOR, f".toolbar {tag}") == [], tag
    assert driver.find_element(By.CSS_SELECTOR, ".toolbar .coded-by").text == "Coded by Alice"
    # the codes given, each segment with its own (or none)
    every = [s.segment.id for s in build_result()]
    assert _shown_segments(driver) == every
    codes = driver.find_elements(
        By.CSS_SELECTOR, '.review[data-segment="p01_interview:0001"] .sugg'
    )
    assert [" ".join(c.text.split()) for c in codes] == [
        "IS.E.3 Access to Knowledge & Information barrier",
        "CI.A Knowledge & Beliefs about the Intervention barrier",
    ]
    uncoded = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p02_interview:0001"]')
    assert uncoded.text == "No code."
    # no decision is kept: the page writes nothing to this browser's storage (its keys end in
    # its path; a key of another test's page, written late in a run of two workers, is not its)
    keys = driver.execute_script("return Object.keys(window.localStorage)")
    path = driver.execute_script("return window.location.pathname")
    assert [k for k in keys if k.endswith(path)] == []
    assert driver.execute_script("return typeof window.roqaDecisionsCsv") == "undefined"
    progress = _progress(driver)
    assert progress == {
        "p01_interview": "5 segments, 5 coded",
        "p02_interview": "4 segments, 3 coded",
        "p03_interview": "3 segments, 3 coded",
        "option All transcripts": "All transcripts – 12 segments",
        "option p01_interview (P01)": "p01_interview (P01) – 5 segments",
        "option p02_interview (P02)": "p02_interview (P02) – 4 segments",
        "option p03_interview (P03)": "p03_interview (P03) – 3 segments",
    }


def test_a_persons_codings_have_a_working_picker_and_filter(
    browser: tuple[Any, Path], persons_url: str
) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver, _ = browser
    _open_fresh(driver, persons_url)
    driver.get_log("browser")
    every = [s.segment.id for s in build_result()]
    p02 = [s for s in every if s.startswith("p02_interview:")]
    _pick(driver, "p02_interview")
    assert _shown_transcripts(driver) == ["p02_interview"]
    assert _shown_segments(driver) == p02
    assert _show(driver, "uncoded") == "1 of 4 segments shown"
    assert _shown_segments(driver) == ["p02_interview:0001"]
    assert driver.execute_script(
        "return Array.from(document.querySelectorAll('#transcripts .row.question'))"
        ".filter(r => r.offsetHeight > 0).map(r => r.querySelector('p').textContent)"
    ) == ["How do commissioners affect your work?"]
    assert _show(driver, "coded") == "3 of 4 segments shown"
    assert "p02_interview:0001" not in _shown_segments(driver)
    assert _show(driver, "all") == ""
    _pick(driver, None)
    assert _shown_transcripts(driver) == ["p01_interview", "p02_interview", "p03_interview"]
    assert _show(driver, "uncoded") == "1 of 12 segments shown"
    _show(driver, "all")
    assert _shown_segments(driver) == every
    # a quote's link to a segment of a transcript not picked shows that transcript
    _pick(driver, "p02_interview")
    anchor = driver.execute_script(
        "var a = Array.from(document.querySelectorAll('#table2 blockquote.quote cite a'))"
        ".find(a => document.getElementById(a.getAttribute('href').slice(1))"
        "  .closest('details.transcript').hidden);"
        "a.scrollIntoView({block: 'center'}); a.click(); return a.getAttribute('href').slice(1);"
    )
    WebDriverWait(driver, 5).until(lambda _: _in_view(driver, anchor))
    assert driver.execute_script("return window.localStorage.length") == 0
    assert _errors(driver) == []


def _keys(driver: Any, *keys: str, shift: bool = False) -> None:
    """Press keys on the page (nothing focused), as a reviewer would."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    chain = ActionChains(driver)
    for k in keys:
        if shift:
            chain = chain.key_down(Keys.SHIFT).send_keys(k).key_up(Keys.SHIFT)
        else:
            chain = chain.send_keys(k)
    chain.perform()


def _current(driver: Any) -> str | None:
    return driver.execute_script(
        "var r = document.querySelector('.row.kb-current .review');"
        "return r ? r.getAttribute('data-segment') : null;"
    )


def test_keys_walk_the_segments_and_decide_without_the_mouse(page: tuple[Any, Path]) -> None:
    driver, _ = page
    assert _current(driver) is None
    _keys(driver, "j")
    assert _current(driver) == "p01_interview:0001"  # procedural talk passed over
    _keys(driver, "1")  # accept its top suggestion
    _keys(driver, "j")
    _keys(driver, "2", shift=True)  # reject its second suggestion
    _keys(driver, "e")  # and call it an enabler
    _keys(driver, "j", "x")  # talk that fits no code: every suggestion rejected
    assert _current(driver) == "p01_interview:0003"
    _keys(driver, "k")
    assert _current(driver) == "p01_interview:0002"
    assert _decisions_csv(driver) == (
        "segment_id,decision,code_id,new_code,note,text,valence\n"
        f"p01_interview:0001,accept,IS.E.3,,,{P01_0001},\n"
        "p01_interview:0002,reject,IS.E.2,,,Training costs money we simply do not have.,\n"
        "p01_interview:0002,valence,,,,Training costs money we simply do not have.,enabler\n"
        "p01_interview:0003,reject,IS.C,,,My dog thinks Zoom calls are the best thing ever.,\n"
        "p01_interview:0003,no-code,,,,My dog thinks Zoom calls are the best thing ever.,\n"
    )
    # the fold of talk that fits no code opened to show the decision made on it
    assert _suggestion_shown(driver, "p01_interview:0003", "IS.C")


def test_keys_pass_over_procedural_talk_unless_it_is_clicked(page: tuple[Any, Path]) -> None:
    """Blind tester s42 (review) 5: under the default filter (every segment) the first j
    outlined procedural talk ("Yes, I can hear you") and 2 then accepted a code on it. j / k
    now pass over the talk not to review (procedural, small talk), as the filters and the
    progress counts leave it out; a click outlines it, and keys decide on it then."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    _keys(driver, "j", "2")
    assert _current(driver) == "p01_interview:0001"
    _keys(driver, "k")  # nothing to review before it: it stays outlined
    assert _current(driver) == "p01_interview:0001"
    procedural = "p01_interview:0000"
    _click(
        driver,
        driver.find_element(
            By.CSS_SELECTOR, f'.row.segment:has(.review[data-segment="{procedural}"]) mark'
        ),
    )
    assert _current(driver) == procedural
    _keys(driver, "1")  # asked for: the reviewer outlined it
    _keys(driver, "j")
    assert _current(driver) == "p01_interview:0001"
    assert _decisions_csv(driver) == (
        "segment_id,decision,code_id,new_code,note,text\n"
        f'{procedural},accept,IS.C,,,"Yes, loud and clear."\n'
        f"p01_interview:0001,accept,CI.A,,,{P01_0001}\n"
    )


def _suggestion_shown(driver: Any, segment_id: str, code: str) -> bool:
    from selenium.webdriver.common.by import By

    return driver.find_element(
        By.CSS_SELECTOR, f'.review[data-segment="{segment_id}"] .sugg[data-code="{code}"]'
    ).is_displayed()


def test_a_key_pressed_again_takes_the_decision_back_and_typing_is_not_a_key(
    page: tuple[Any, Path],
) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    _keys(driver, "j", "1", "1", "x", "x", "b", "b")  # j: procedural talk passed over
    assert _current(driver) == "p01_interview:0001"
    assert _decisions_csv(driver) == ("segment_id,decision,code_id,new_code,note,text\n")
    note = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p01_interview:0001"] input.note'
    )
    note.send_keys("jk1x")  # words typed in a box are words, not keys
    assert _current(driver) == "p01_interview:0001"
    assert _decisions_csv(driver) == (
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,note,,,jk1x,{P01_0001}\n"
    )


def test_the_keys_are_listed_on_the_page_and_by_question_mark(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    box = driver.find_element(By.ID, "kb-help")
    assert not box.is_displayed()
    _keys(driver, "?")
    assert box.is_displayed()
    assert "x reject every suggestion (talk that fits no code)" in " ".join(box.text.split())
    _keys(driver, "?")
    assert not box.is_displayed()
    _click(driver, driver.find_element(By.ID, "kb-help-toggle"))
    assert box.is_displayed()


def test_on_a_persons_codings_the_keys_move_but_decide_nothing(
    browser: tuple[Any, Path], persons_url: str
) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = browser
    _open_fresh(driver, persons_url)
    _keys(driver, "j", "j", "1", "x", "b")
    assert _current(driver) == "p01_interview:0001"
    assert driver.execute_script("return window.localStorage.length") == 0
    box = driver.find_element(By.ID, "kb-help")
    _keys(driver, "?")
    assert " ".join(box.text.split()) == (
        "Keys (not while typing in a box; Esc leaves it): j / k next / previous segment shown; "
        "? shows or hides this."
    )


def _in_viewport(driver: Any, element: Any) -> bool:
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;",
        element,
    )


def test_keys_work_after_the_filter_and_never_decide_on_a_segment_out_of_sight(
    page: tuple[Any, Path],
) -> None:
    """Audit T2, K1, K2, K5: keys did nothing after a filter choice (focus on the radio), and
    decided on a segment hidden by the picker or scrolled away."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    empty = "segment_id,decision,code_id,new_code,note,text\n"
    _click(driver, driver.find_element(By.CSS_SELECTOR, '#review-filter input[value="unreviewed"]'))
    _keys(driver, "j")
    assert _current(driver) == "p01_interview:0001"  # procedural talk is not in this filter
    _pick(driver, "p02_interview")  # the outlined segment is hidden now
    _keys(driver, "1")  # moves to a segment shown instead of deciding on the hidden one
    assert _decisions_csv(driver) == empty
    assert _current(driver) == "p02_interview:0000"
    driver.execute_script("window.scrollTo(0, 0)")  # the outlined segment off screen
    row = driver.find_element(By.CSS_SELECTOR, ".row.kb-current")
    assert not _in_viewport(driver, row)
    _keys(driver, "1")  # brings it back into view, decides nothing
    assert _decisions_csv(driver) == empty
    assert _in_viewport(driver, row)
    _keys(driver, "1")
    assert _decisions_csv(driver) == (empty + f"p02_interview:0000,accept,OS.D,,,{P02_0000}\n")


def test_a_click_or_a_link_outlines_the_segment_and_keys_ignore_case(
    page: tuple[Any, Path],
) -> None:
    """Audit T2, K3, K4, K6: a click in a segment did not move the outline; Shift+J and the
    number pad did nothing; the list of keys opened far above the review."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    mark = driver.find_element(
        By.CSS_SELECTOR, '.row.segment:has(.review[data-segment="p02_interview:0001"]) mark'
    )
    _click(driver, mark)
    assert _current(driver) == "p02_interview:0001"
    _keys(driver, "j", shift=True)  # "J"
    assert _current(driver) == "p02_interview:0002"
    _keys(driver, Keys.NUMPAD1)
    assert "p02_interview:0002,accept," in _decisions_csv(driver)
    _keys(driver, "?")
    assert _in_viewport(driver, driver.find_element(By.ID, "kb-help"))
    # a note box is left with Escape, and the keys work again
    note = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p02_interview:0002"] input.note'
    )
    note.send_keys("j", Keys.ESCAPE)
    _keys(driver, "j")
    assert _current(driver) != "p02_interview:0002"


def test_a_recode_comes_back_on_the_suggestion_it_replaced(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Recode p01_interview:0001's second suggestion (CI.A) and save: the file says which
    suggestion it replaced, so the report written with it shows the recode there, and accepting
    the first suggestion keeps it (it went on the first, and the accept replaced it, silently)."""

    driver, downloads = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    for f in downloads.iterdir():
        f.unlink()
    _recode(driver, "p01_interview:0001", "CI.A", "IS.E.2")
    rows = _saved_decisions(driver, downloads)
    assert rows[1] == ["p01_interview:0001", "recode", "IS.E.2", "", "", P01_0001, "", "CI.A"]
    saved = tmp_path / "decisions.csv"
    saved.write_text((downloads / "decisions.csv").read_text(encoding="utf-8"), encoding="utf-8")
    again = tmp_path / "again" / "report.html"
    again.parent.mkdir()
    write_report(build_result(), again, "cfir-2009", decisions=saved)
    _open_fresh(driver, again.as_uri())
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == []
    assert _pressed(driver, "p01_interview:0001", "CI.A") == ["recode IS.E.2"]
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    assert _decisions_csv(driver).splitlines()[1:] == [
        f"p01_interview:0001,accept,IS.E.3,,,{P01_0001},,",
        f"p01_interview:0001,recode,IS.E.2,,,{P01_0001},,CI.A",
    ]


def test_a_loaded_decision_on_a_code_written_in_lower_case_shows_and_saves_its_id(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Blind tester s67 (pagereview, minor 5): a loaded row recoding to "is.e.1" showed an empty
    recode box while it stayed recoded, and was saved so. A code written by its id in another
    case, its name or an alias is that code, as the codebook finds it (Codebook.find,
    decisions.in_codebook_ids): shown and saved by its id."""
    from roqa_nlp.decisions import Decision, in_codebook_ids

    rows = [
        _recoded(("p01_interview:0001", "recode", "is.e.1", "", "", P01_0001), "ci.a"),
        ("p01_interview:0002", "accept", "cost", "", "", P01_0002),
    ]
    book = Codebook.load("cfir-2009")
    assert [
        (d.code_id, d.suggestion)
        for d in in_codebook_ids([Decision(*r) for r in rows], book)  # as Python reads them
    ] == [("IS.E.1", "CI.A"), ("IC.H", "")]
    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(_review_csv(rows), encoding="utf-8")
    assert _load_file(driver, path) == "decisions.csv: 2 decisions loaded; all matched"
    assert _pressed(driver, "p01_interview:0001", "CI.A") == ["recode IS.E.1"]
    assert _pressed(driver, "p01_interview:0002", "IC.H") == ["accept"]
    assert (
        driver.execute_script(
            "return document.querySelector(arguments[0]).value",
            '.review[data-segment="p01_interview:0001"] .sugg[data-code="CI.A"] input.recode',
        )
        == "IS.E.1 Leadership Engagement"
    )
    assert _decisions_csv(driver) == _review_csv(
        [
            _recoded(("p01_interview:0001", "recode", "IS.E.1", "", "", P01_0001), "CI.A"),
            ("p01_interview:0002", "accept", "IC.H", "", "", P01_0002),
        ]
    )


def test_a_copy_of_the_report_elsewhere_starts_its_own_review(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """The same report in two folders (a backup, a second coder's copy): a decision in one is
    not in the other, and Clear in the other forgets nothing of the first."""
    import shutil as sh

    from selenium.webdriver.common.by import By

    driver, _ = browser
    first = tmp_path / "A" / "report.html"
    first.parent.mkdir()
    write_report(build_result(), first, "cfir-2009", open_coding=OPEN_CODING)
    copy = tmp_path / "B" / "report.html"
    copy.parent.mkdir()
    sh.copy(first, copy)
    _open_fresh(driver, first.as_uri())
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    driver.get(copy.as_uri())
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == []
    assert driver.find_element(By.ID, "decision-count").text == "0 decisions"
    driver.get(first.as_uri())
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]


def test_a_note_that_reads_as_a_formula_is_saved_as_text_and_read_back(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """A spreadsheet runs a cell that starts with '=': the saved file puts a "'" before it, as
    every CSV roqa writes for a spreadsheet, and the report and roqa read the note back as
    written."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from roqa_nlp.decisions import read_decisions

    driver, downloads = page
    review = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", review)
    review.find_element(By.CSS_SELECTOR, "input.note").send_keys("=SUM(A1) funding")
    _decide(driver, "p02_interview:0000", "IC.H", "reject")
    rows = _saved_decisions(driver, downloads)
    assert rows[1][:5] == ["p02_interview:0000", "reject", "IC.H", "", "'=SUM(A1) funding"]
    saved = tmp_path / "decisions.csv"
    saved.write_bytes((downloads / "decisions.csv").read_bytes())
    decisions, _ = read_decisions(saved)
    assert [d.note for d in decisions] == ["=SUM(A1) funding"]
    driver.execute_script("window.localStorage.clear()")
    driver.get(driver.current_url)
    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)
    field.send_keys(str(saved))
    status = driver.find_element(By.ID, "load-status")
    WebDriverWait(driver, 10).until(lambda _: status.text)
    note = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"] input.note'
    )
    assert note.get_attribute("value") == "=SUM(A1) funding"


def test_a_review_kept_by_an_earlier_version_of_the_page_is_found_again(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A review kept in the browser by a page of roqa before the review's key named its place
    (the same report written again at the same path): the place's review of it is its review
    (the page showed 0 decisions, and the first click overwrote the rest)."""
    from roqa_nlp.report import report_id

    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    place = "roqa-review:" + driver.execute_script("return location.pathname")
    rows = [["p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001]]
    driver.execute_script(
        "localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))",
        place,
        {"report": report_id(build_result()), "rows": rows},
    )
    driver.get(path.as_uri())
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _status(driver) == ""  # its own review, not one carried from an earlier report
    assert _decisions_csv(driver).splitlines()[1:] == [
        f"p01_interview:0001,accept,IS.E.3,,,{P01_0001}"
    ]


def test_a_no_code_row_loaded_is_shown_and_saved_back(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """A segment judged to fit no code when the review was made (a ``no-code`` row, which
    ``roqa code --out`` records when it carries a review into a folder coded again) keeps its
    row through the page; before, Load decisions… skipped the row as no decision."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p02_interview:0000,no-code,,,,{P02_0000}\n",
        encoding="utf-8",
    )
    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)
    field.send_keys(str(path))
    status = driver.find_element(By.ID, "load-status")
    WebDriverWait(driver, 10).until(lambda _: status.text)
    assert status.text == "decisions.csv: 1 decision loaded; all matched"
    carried = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"] .carried'
    )
    assert carried.text == "Also decided: fits no code (every suggestion shown then rejected)"
    assert _decisions_csv(driver) == _review_csv(
        [("p02_interview:0000", "no-code", "", "", "", P02_0000)]
    )


def test_a_code_given_on_a_segment_loaded_as_fitting_no_code_takes_the_no_code_row_back(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """The reviewer's code now wins over the earlier judgement that the talk fits no code: the
    page saves the accept alone and no longer shows "Also decided: fits no code". Before (s45),
    it saved the accept and then the carried no-code row, which apply-decisions, keeping the
    later of two rows that contradict each other, read as no code at all."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p02_interview:0000,no-code,,,,{P02_0000}\n",
        encoding="utf-8",
    )
    assert _load_file(driver, path) == "decisions.csv: 1 decision loaded; all matched"
    _decide(driver, "p02_interview:0000", "IC.H", "accept")
    review = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"]')
    assert review.find_elements(By.CSS_SELECTOR, ".carried") == []
    assert _decisions_csv(driver) == _review_csv(
        [("p02_interview:0000", "accept", "IC.H", "", "", P02_0000)]
    )
    _decide(driver, "p02_interview:0000", "IC.H", "accept")  # taken back: the row comes back
    assert _decisions_csv(driver) == _review_csv(
        [("p02_interview:0000", "no-code", "", "", "", P02_0000)]
    )


def _load_file(driver: Any, path: Path) -> str:
    """Load decisions… with the file ``path`` on a page that shows no status yet, as a person
    clicks the button and picks it: the status line it says then."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)
    field.send_keys(str(path))
    WebDriverWait(driver, 10).until(lambda _: _status(driver))
    return _status(driver)


#: the words of p01_interview:0002, whose suggestions are IC.H and IS.E.2
P01_0002 = "Training costs money we simply do not have."


def _fits_no_code(rows: Any = ()) -> str:
    """decisions.csv of p01_interview:0002 with both its suggestions rejected and a ``no-code``
    row after them, ``rows`` (of other segments) before them."""
    return _review_csv(
        [
            *rows,
            ("p01_interview:0002", "reject", "IC.H", "", "", P01_0002),
            ("p01_interview:0002", "reject", "IS.E.2", "", "", P01_0002),
            ("p01_interview:0002", "no-code", "", "", "", P01_0002),
        ]
    )


def test_rejecting_every_suggestion_saves_a_no_code_row_that_roqa_reads_back(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """x on a segment saves its rejects and a ``no-code`` row, as ``roqa code --out`` adds one
    (decisions.no_code_rows): the segment keeps fitting no code when the folder is coded again
    and a retrained model suggests other codes there; before, the saved file had the rejects
    only, and apply-decisions on those codings left the segment out as not reviewed yet."""
    import copy

    from selenium.webdriver.common.by import By

    from report_fixture import INTERVIEWS
    from roqa_nlp.decisions import Decision, no_code_rows, read_decisions, reviewed_codings

    driver, downloads = page
    _keys(driver, "j", "j", "x")  # procedural talk passed over
    assert _current(driver) == "p01_interview:0002"
    assert driver.find_element(By.ID, "decision-count").text == "3 decisions"
    assert _saved_decisions(driver, downloads) == [
        HEADER,
        ["p01_interview:0002", "reject", "IC.H", "", "", P01_0002],
        ["p01_interview:0002", "reject", "IS.E.2", "", "", P01_0002],
        ["p01_interview:0002", "no-code", "", "", "", P01_0002],
    ]
    decisions, _ = read_decisions(downloads / "decisions.csv")
    assert decisions[2] == Decision("p01_interview:0002", "no-code", text=P01_0002)
    assert no_code_rows(decisions, build_result()) == []  # roqa code --out adds none again
    # coded again: a retrained model suggests OS.A there first
    interviews = copy.deepcopy(INTERVIEWS)
    interviews["p01_interview"][1][3][1][1] = (P01_0002, [("OS.A", 0.6, "barrier")], {})
    again = build_result(interviews)
    book = Codebook.load("cfir-2009")
    coded, _, counts = reviewed_codings(decisions, again, book, coder="me")
    assert [(s.segment.id, s.suggestions) for s in coded] == [("p01_interview:0002", [])]
    assert (counts["rejected"], counts["short_of_all"]) == (1, 0)


def test_the_no_code_row_goes_with_any_other_decision_on_the_segment(
    page: tuple[Any, Path],
) -> None:
    """The ``no-code`` row stands while every suggestion the segment shows is rejected (by x or
    by each reject button) and nothing else is decided there: an accept, a reject taken back, a
    recode or a new code takes it back, as decisions.no_code_rows reads a review."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    _keys(driver, "j", "j", "x", "1")  # every one rejected, then the first accepted
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0002", "accept", "IC.H", "", "", P01_0002),
            ("p01_interview:0002", "reject", "IS.E.2", "", "", P01_0002),
        ]
    )
    _keys(driver, "x")
    assert _decisions_csv(driver) == _fits_no_code()
    _keys(driver, "1", shift=True)  # the first one's reject taken back
    assert _decisions_csv(driver) == _review_csv(
        [("p01_interview:0002", "reject", "IS.E.2", "", "", P01_0002)]
    )
    _keys(driver, "1", shift=True)  # rejected again, one by one: every one rejected
    assert _decisions_csv(driver) == _fits_no_code()
    _recode(driver, "p01_interview:0002", "IS.E.2", "OS.A")
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0002", "reject", "IC.H", "", "", P01_0002),
            _recoded(("p01_interview:0002", "recode", "OS.A", "", "", P01_0002), "IS.E.2"),
        ]
    )
    # Esc leaves the recode box (Esc again does nothing more); x makes the recode a reject again
    _keys(driver, Keys.ESCAPE, Keys.ESCAPE, "x")
    assert _decisions_csv(driver) == _fits_no_code()
    new_code = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p01_interview:0002"] input.new-code'
    )
    new_code.send_keys("Budget cuts")
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0002", "reject", "IC.H", "", "", P01_0002),
            ("p01_interview:0002", "reject", "IS.E.2", "", "", P01_0002),
            ("p01_interview:0002", "new-code", "", "Budget cuts", "", P01_0002),
        ]
    )
    new_code.clear()
    new_code.send_keys(" ")  # an input event: the new code is gone
    assert _decisions_csv(driver) == _fits_no_code()
    assert driver.find_element(By.ID, "decision-count").text == "3 decisions"
    # out of the box; x taken back: the recode it made a reject is back (the new code typed
    # and taken back in between changed no suggestion's decision)
    _keys(driver, Keys.ESCAPE, "x")
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0002", "reject", "IC.H", "", "", P01_0002),
            _recoded(("p01_interview:0002", "recode", "OS.A", "", "", P01_0002), "IS.E.2"),
        ]
    )
    assert driver.find_element(By.ID, "decision-count").text == "2 decisions"


def test_a_saved_no_code_row_comes_back_with_its_rejects(
    page: tuple[Any, Path], report_url: str, tmp_path: Path
) -> None:
    """The saved file, read again (a reload, Load decisions…, roqa report --decisions), shows
    the rejects and saves the same rows: the ``no-code`` row is the rejects', not a decision
    carried beside them ("Also decided"), and taking a reject back takes it back; a ``no-code``
    row that the rejects do not decide (loaded alone) stays beside them, saved once."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    _keys(driver, "j", "j", "x")
    assert _opened_with(driver, report_url, "p01_interview:0002", "IS.E.2", ["reject"]) == [
        "reject"
    ]
    assert _decisions_csv(driver) == _fits_no_code()
    saved = tmp_path / "decisions.csv"
    saved.write_text("\ufeff" + _fits_no_code(), encoding="utf-8")
    # Load decisions… in a page that keeps no review
    driver.execute_script("window.localStorage.clear()")
    driver.get(report_url)
    assert _load_file(driver, saved) == "decisions.csv: 3 decisions loaded; all matched"
    assert driver.find_element(By.ID, "decision-count").text == "3 decisions"
    review = '.review[data-segment="p01_interview:0002"]'
    assert driver.find_elements(By.CSS_SELECTOR, f"{review} .carried") == []
    assert _pressed(driver, "p01_interview:0002", "IS.E.2") == ["reject"]
    assert _decisions_csv(driver) == _fits_no_code()
    _decide(driver, "p01_interview:0002", "IS.E.2", "reject")  # taken back
    assert _decisions_csv(driver) == _review_csv(
        [("p01_interview:0002", "reject", "IC.H", "", "", P01_0002)]
    )
    # written into the report by roqa report --decisions
    embedded = tmp_path / "embedded" / "report.html"
    embedded.parent.mkdir()
    write_report(build_result(), embedded, "cfir-2009", decisions=saved)
    _open_fresh(driver, embedded.as_uri())
    assert driver.find_elements(By.CSS_SELECTOR, f"{review} .carried") == []
    assert _decisions_csv(driver) == _fits_no_code()
    # a no-code row alone (codings made again since the review): beside the rejects made now
    alone = tmp_path / "alone.csv"
    alone.write_text(
        f"segment_id,decision,code_id,new_code,note,text\np02_interview:0000,no-code,,,,{P02_0000}\n",
        encoding="utf-8",
    )
    _open_fresh(driver, report_url)
    assert _load_file(driver, alone) == "alone.csv: 1 decision loaded; all matched"
    _decide(driver, "p02_interview:0000", "OS.D", "reject")
    _decide(driver, "p02_interview:0000", "IC.H", "reject")
    expected = _review_csv(
        [
            ("p02_interview:0000", "reject", "OS.D", "", "", P02_0000),
            ("p02_interview:0000", "reject", "IC.H", "", "", P02_0000),
            ("p02_interview:0000", "no-code", "", "", "", P02_0000),
        ]
    )
    assert _decisions_csv(driver) == expected
    _decide(driver, "p02_interview:0000", "IC.H", "reject")  # taken back: the loaded row stays
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p02_interview:0000", "reject", "OS.D", "", "", P02_0000),
            ("p02_interview:0000", "no-code", "", "", "", P02_0000),
        ]
    )


def test_the_pages_word_ratio_is_difflibs(page: tuple[Any, Path]) -> None:
    """report.js's ratio (its port of difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    over words, by which Load decisions… finds text edited since the review) gives Python's
    value on word lists with repeats, runs and ties, where the choice of the longest match
    decides what is counted."""
    import random
    import re
    from difflib import SequenceMatcher

    driver, _ = page
    js = (Path(__file__).resolve().parents[1] / "src/roqa_nlp/report/static/report.js").read_text(
        encoding="utf-8"
    )
    source = re.search(r"\n  function ratio\(a, b\) \{\n.*?\n  \}\n", js, re.S)
    assert source is not None
    rng = random.Random(33)
    pairs = []
    for _ in range(300):
        vocab = ["a", "b", "c", "d", "e"][: rng.randint(1, 5)]
        a = [rng.choice(vocab) for _ in range(rng.randint(0, 14))]
        b = [rng.choice(vocab) for _ in range(rng.randint(0, 14))]
        pairs.append([a, b])
    got = driver.execute_script(
        source.group(0) + "return arguments[0].map(function (p) { return ratio(p[0], p[1]); });",
        pairs,
    )
    assert got == [SequenceMatcher(None, a, b, autojunk=False).ratio() for a, b in pairs]


# -- the page folds case as Python does (str.casefold), not as toLowerCase -------------------------

#: a transcript in German and one with an English word as a PDF copy gives it (the "ﬁ" ligature)
CASEFOLD_INTERVIEWS: Any = {
    "p09_interview": (
        "P09",
        [
            (
                "P09",
                [
                    ("Die Straße zur Klinik ist gesperrt.", [("IS.E.2", 0.7, "barrier")], {}),
                    ("The financial year ends in March.", [("IC.H", 0.6, "barrier")], {}),
                ],
            )
        ],
    )
}
STRASSE = "DIE STRASSE ZUR KLINIK IST GESPERRT."
FINANCIAL = "The \ufb01nancial year ends in March."


@pytest.fixture(scope="module")
def casefold_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    _require_browser()
    path = tmp_path_factory.mktemp("casefold") / "report.html"
    write_report(build_result(CASEFOLD_INTERVIEWS), path, "cfir-2009")
    return path.as_uri()


def test_nearly_the_same_words_are_compared_casefolded_as_python_does(
    browser: tuple[Any, Path], casefold_url: str, tmp_path: Path
) -> None:
    """Load decisions… compares the words of a row with a segment's casefolded, as
    match_decisions does (str.casefold): "STRASSE" is "Straße" and "ﬁnancial" is "financial", so
    both rows go to their segment, one word of six each being no longer a word apart (0.83, below
    0.9). Before, the page lower-cased them ("strasse" vs "straße", "ﬁnancial" vs "financial")
    and matched neither, where roqa report --decisions matched both."""
    from roqa_nlp.decisions import Decision, match_decisions

    driver, _ = browser
    _open_fresh(driver, casefold_url)
    rows = [
        ("p09_interview:0000", "accept", "IS.E.2", "", "", STRASSE),
        ("p09_interview:0001", "accept", "IC.H", "", "", FINANCIAL),
    ]
    path = tmp_path / "decisions.csv"
    path.write_text(_review_csv(rows), encoding="utf-8")
    assert _load_file(driver, path) == (
        "decisions.csv: 2 decisions loaded; all matched; 2 decisions matched to 2 segments whose "
        "text was edited since the review (nearly the same words, not the same): "
        f"p09_interview:0000 (“{STRASSE}”), p09_interview:0001 (“{FINANCIAL}”); check they are "
        "the talk decided on"
    )
    assert _pressed(driver, "p09_interview:0000", "IS.E.2") == ["accept"]
    assert _pressed(driver, "p09_interview:0001", "IC.H") == ["accept"]
    match = match_decisions([Decision(*r) for r in rows], build_result(CASEFOLD_INTERVIEWS))
    assert match.on == ("p09_interview:0000", "p09_interview:0001")  # as Python matches them
    assert match.edited == (True, True)


def test_the_pages_casefold_is_pythons_for_every_character(
    browser: tuple[Any, Path], casefold_url: str
) -> None:
    """report.js folds case (foldCase, from the table Python writes into the page) as
    str.casefold does, for every character of the planes with letters in case, each on its own
    and in a word (a final sigma folded to σ, not ς), whatever Unicode the browser knows: not
    as toLowerCase, which keeps ß and ﬁ and lower-cases letters newer than Python's Unicode."""
    import re
    import sys

    driver, _ = browser
    _open_fresh(driver, casefold_url)
    js = (Path(__file__).resolve().parents[1] / "src/roqa_nlp/report/static/report.js").read_text(
        encoding="utf-8"
    )
    source = re.search(
        r"\n  var foldMap = null;\n  function foldCase\(text\) \{\n.*?\n  \}\n", js, re.S
    )
    assert source is not None
    chars = [chr(c) for c in range(0x20000) if not 0xD800 <= c < 0xE000]
    words = ["ΟΔΟΣ", "Straße", "STRAẞE", "ﬁnancial", "İstanbul", "ǰ", "ᾼ", "Ꭰꭰ"]
    got = driver.execute_script(
        "var near = JSON.parse(document.getElementById('roqa-near-text').textContent);"
        + source.group(0)
        + "return [arguments[0].map(foldCase), arguments[1].map(foldCase)];",
        chars,
        words,
    )
    assert sys.maxunicode >= 0x20000
    wrong = [(c, f) for c, f in zip(chars, got[0], strict=True) if f != c.casefold()]
    assert wrong == []
    assert got[1] == [w.casefold() for w in words]


# -- a review made in CFIR 2009 loaded into the report charted in CFIR 2.0 -----------------------


@pytest.fixture(scope="module")
def charted_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The fixture's CFIR 2009 codings charted in CFIR 2.0, as roqa report --codebook cfir-2022
    charts them."""
    from roqa_nlp.crosswalk import chart_with

    _require_browser()
    book = Codebook.load("cfir-2022")
    path = tmp_path_factory.mktemp("charted") / "report.html"
    write_report(chart_with(build_result(), book)[0], path, book)
    return path.as_uri()


#: the fixture's segments the CFIR 2009 review below decides on, and what CFIR 2.0 shows there
P02_0003 = "Honestly, I pushed recovery onto the agenda myself and kept pushing."
P03_0000 = "It is really hard to measure progress when you rely on what the service-user tells you."
P03_0001 = "The Recovery Star helps us see change over time."


def _charted_in_python(path: Path) -> list[tuple[str, ...]]:
    """The rows of decisions file ``path`` as roqa report --codebook cfir-2022 --decisions shows
    them on the fixture's codings charted in CFIR 2.0 (decisions_crosswalk.in_charted_codes,
    then match_decisions), in the columns of decisions.csv: what the page must do."""
    import warnings

    from roqa_nlp.crosswalk import chart_with
    from roqa_nlp.decisions import match_decisions, read_decisions
    from roqa_nlp.decisions_crosswalk import in_charted_codes

    book = Codebook.load("cfir-2022")
    charted = chart_with(build_result(), book)[0]
    texts = {s.segment.id: s.segment.text for s in charted.segments}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = in_charted_codes(read_decisions(path)[0], charted, book)
        match = match_decisions(rows, charted)
    out = []
    for d, sid in match.matched:
        row = (sid, d.decision, d.code_id, d.new_code, d.note, texts[sid], d.valence, d.suggestion)
        out.append(row[:6] if not any(row[6:]) else row)
    return out


def test_loading_a_review_made_in_cfir2009_reads_it_in_this_reports_cfir2_codes(
    browser: tuple[Any, Path], charted_url: str, tmp_path: Path
) -> None:
    """A review saved from the report of the model's CFIR 2009 codings, loaded into their report
    charted in CFIR 2.0, is read as roqa report --codebook cfir-2022 --decisions reads it
    (decisions_crosswalk.in_charted_codes, from the mapping the page holds as data): an accept
    or reject of a CFIR 2009 code goes on each CFIR 2.0 code shown on the segment that it maps
    onto (Knowledge & Beliefs: Capability and Motivation; External Policy & Incentives:
    Financing, Policies & Laws and Performance-Measurement Pressure, all three shown since
    session 42 keeps a suggestion's counterparts together), a recode to the one CFIR 2.0 code its
    code maps onto (Complexity: INN.F, back on Cost's INN.H), a rejection of a code accepted
    there under another CFIR 2009 code is left out, and a recode to a code that maps onto several
    CFIR 2.0 codes none shown (Champions) or none (Individual Identification with Organization)
    is kept as it came, said so. Before, every row was kept as it came, on no suggestion."""
    driver, _ = browser
    _open_fresh(driver, charted_url)
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text,valence,suggestion\n"
        f"p01_interview:0001,accept,IS.E.3,,,{P01_0001},,\n"  # INS.K
        f"p01_interview:0001,reject,CI.A,,,{P01_0001},,\n"  # IND.K and IND.M, both shown
        f"p01_interview:0002,recode,IC.F,,,{P01_0002},,IC.H\n"  # INN.F, on INN.H
        f"p02_interview:0000,accept,OS.D,,,{P02_0000},,\n"  # OUT.F, OUT.E, OUT.G.3
        f'p02_interview:0001,recode,PR.B.3,,,"{P02_0001}",,OS.A\n'  # IND.C/E/F, none shown
        f'p02_interview:0003,accept,PR.B.3,,,"{P02_0003}",,\n'  # IND.C, IND.E, IND.F shown
        f"p03_interview:0000,recode,CI.D,,,{P03_0000},,IC.F\n"  # no CFIR 2.0 counterpart
        f"p03_interview:0001,accept,CI.A,,,{P03_0001},,\n"  # IND.M and IND.K
        f"p03_interview:0001,reject,CI.B,,,{P03_0001},,\n",  # IND.K: accepted there
        encoding="utf-8",
    )
    assert _load_file(driver, path) == (
        "decisions.csv: 9 decisions loaded; all matched; 9 decisions on cfir-2009 codes read as "
        "decisions on this report's cfir-2022 codes through the documented mapping: 5 on each "
        "cfir-2022 code shown that their code maps onto (4 onto several), 1 on the one "
        "cfir-2022 code their code maps onto, 2 kept on their cfir-2009 code, which maps onto "
        "several cfir-2022 codes (none shown) or none (Champions, Individual Identification "
        "with Organization): saved as they came, 1 rejection left out (of a code accepted "
        "there under another cfir-2009 code)"
    )
    assert _pressed(driver, "p01_interview:0001", "IND.K") == ["reject"]
    assert _pressed(driver, "p01_interview:0002", "INN.H") == ["recode INN.F"]
    assert _pressed(driver, "p02_interview:0000", "OUT.E") == ["accept"]
    assert _pressed(driver, "p03_interview:0001", "IND.K") == ["accept"]
    expected = [
        ("p01_interview:0001", "accept", "INS.K", "", "", P01_0001),
        ("p01_interview:0001", "reject", "IND.K", "", "", P01_0001),
        ("p01_interview:0001", "reject", "IND.M", "", "", P01_0001),
        ("p01_interview:0002", "recode", "INN.F", "", "", P01_0002, "", "INN.H"),
        ("p02_interview:0000", "accept", "OUT.F", "", "", P02_0000),
        ("p02_interview:0000", "accept", "OUT.E", "", "", P02_0000),
        ("p02_interview:0000", "accept", "OUT.G.3", "", "", P02_0000),
        ("p02_interview:0001", "recode", "PR.B.3", "", "", P02_0001),
        ("p02_interview:0003", "accept", "IND.C", "", "", P02_0003),
        ("p02_interview:0003", "accept", "IND.E", "", "", P02_0003),
        ("p02_interview:0003", "accept", "IND.F", "", "", P02_0003),
        ("p03_interview:0000", "recode", "CI.D", "", "", P03_0000),
        # in the order the segment shows them: Capability first since a description's "Not ...
        # (Code)" topic counts for the code it names (session 61)
        ("p03_interview:0001", "accept", "IND.K", "", "", P03_0001),
        ("p03_interview:0001", "accept", "IND.M", "", "", P03_0001),
    ]
    assert _decisions_csv(driver) == _review_csv(expected)
    assert _charted_in_python(path) == expected  # the page reads it as Python does


# -- a new code for a whole group of the open-coding queue --------------------------------------

#: the fixture's one candidate group: the two pandemic answers (report_fixture.OPEN_CODING)
GROUP = "candidate-001"
P02_0002 = "The pandemic has turned our rotas upside down."


def _group_control(driver: Any) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'.group-code[data-candidate="{GROUP}"]')


def _group_button(driver: Any) -> Any:
    from selenium.webdriver.common.by import By

    return _group_control(driver).find_element(By.CSS_SELECTOR, "button.group-code-apply")


def _name_group(driver: Any, name: str | None) -> None:
    """Type ``name`` in the group's box (None: leave it as it is) and press its button."""
    from selenium.webdriver.common.by import By

    if name is not None:
        box = _group_control(driver).find_element(By.CSS_SELECTOR, "input.group-code-name")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.clear()
        box.send_keys(name)
    _click(driver, _group_button(driver))


def _ticks(driver: Any) -> dict[str, bool]:
    """The group's segments and whether each is ticked."""
    return driver.execute_script(
        "var c = arguments[0].closest('.candidate'), out = {};"
        "c.querySelectorAll('input.group-member').forEach(b => { out[b.value] = b.checked; });"
        "return out;",
        _group_control(driver),
    )


def _tick(driver: Any, segment_id: str) -> None:
    from selenium.webdriver.common.by import By

    _click(
        driver,
        driver.find_element(
            By.CSS_SELECTOR, f'#open-coding input.group-member[value="{segment_id}"]'
        ),
    )


def _new_code_box(driver: Any, segment_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(
        By.CSS_SELECTOR, f'.review[data-segment="{segment_id}"] input.new-code'
    )


def test_a_new_code_named_for_a_group_is_recorded_on_each_segment_as_its_own_box_does(
    page: tuple[Any, Path], report_url: str
) -> None:
    """To make a new code of a candidate of 6 segments the researcher had to type it beside each
    of the 6 (tester s38): the group's control records the very rows those boxes record."""
    from selenium.webdriver.common.by import By

    from roqa_nlp.decisions import Decision, read_decisions

    driver, downloads = page
    for sid in ("p02_interview:0002", "p03_interview:0002"):
        box = _new_code_box(driver, sid)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.send_keys("Pandemic staffing")
    by_hand = _decisions_csv(driver)
    driver.execute_script("window.localStorage.clear()")
    driver.get(report_url)
    assert _decisions_csv(driver) == ",".join(HEADER) + "\n"
    assert _ticks(driver) == {"p02_interview:0002": True, "p03_interview:0002": True}
    assert _group_button(driver).get_attribute("disabled") == "true"  # no name yet
    _name_group(driver, "Pandemic staffing")
    assert _decisions_csv(driver) == by_hand
    assert _saved_decisions(driver, downloads) == [
        HEADER,
        ["p02_interview:0002", "new-code", "", "Pandemic staffing", "", P02_0002],
        ["p03_interview:0002", "new-code", "", "Pandemic staffing", "", P03_0002],
    ]
    decisions, _ = read_decisions(downloads / "decisions.csv")  # as roqa train --feedback reads
    assert decisions == [
        Decision("p02_interview:0002", "new-code", new_code="Pandemic staffing", text=P02_0002),
        Decision("p03_interview:0002", "new-code", new_code="Pandemic staffing", text=P03_0002),
    ]
    assert driver.find_element(By.ID, "decision-count").text == "2 decisions"
    assert [
        _new_code_box(driver, sid).get_attribute("value")
        for sid in ("p02_interview:0002", "p03_interview:0002")
    ] == ["Pandemic staffing", "Pandemic staffing"]
    group = _group_control(driver).find_element(By.XPATH, "./ancestor::div[@class='candidate']")
    assert [s.text for s in group.find_elements(By.CSS_SELECTOR, "span.named")] == [
        "named: Pandemic staffing",
        "named: Pandemic staffing",
    ]
    assert _group_button(driver).get_attribute("aria-pressed") == "true"
    assert _group_button(driver).text == "Take back"


def test_a_group_of_set_aside_talk_opens_with_no_segment_ticked(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A group of set-aside talk mixed burnout, Covid and a barbecue, and Name them gave every
    one the name (tester s59, L3): its segments open unticked, so they are read and ticked first;
    the page's ticking of the undecided on opening leaves them so."""
    import dataclasses

    from selenium.webdriver.common.by import By

    recurring = {
        "id": "set-aside-001",
        "label": "pandemic, rotas, isolating",
        "keywords": ["pandemic", "rotas", "isolating"],
        "segment_ids": ["p02_interview:0002", "p03_interview:0002"],
        "transcripts": ["p02_interview", "p03_interview"],
        "size": 2,
        "grouped": True,
        "set_aside": True,
    }
    result = build_result()
    result.segments = [dataclasses.replace(s, off_topic=s.novel) for s in result.segments]
    path = tmp_path / "report.html"
    write_report(result, path, "cfir-2009", open_coding=[recurring])
    driver, _ = browser
    _open_fresh(driver, path.as_uri())
    ticked = driver.execute_script(
        "var out = {}; document.querySelectorAll('#open-coding input.group-member')"
        ".forEach(b => { out[b.value] = b.checked; }); return out;"
    )
    assert ticked == {"p02_interview:0002": False, "p03_interview:0002": False}
    control = driver.find_element(By.CSS_SELECTOR, '.group-code[data-candidate="set-aside-001"]')
    box = control.find_element(By.CSS_SELECTOR, "input.group-code-name")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.send_keys("Pandemic staffing")
    button = control.find_element(By.CSS_SELECTOR, "button.group-code-apply")
    assert button.get_attribute("disabled") == "true"  # nothing ticked to name
    _tick(driver, "p03_interview:0002")
    _click(driver, button)
    assert list(csv.reader(io.StringIO(_decisions_csv(driver)))) == [
        HEADER,
        ["p03_interview:0002", "new-code", "", "Pandemic staffing", "", P03_0002],
    ]


def test_pressing_the_group_button_again_takes_the_new_code_back(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    _name_group(driver, "Pandemic staffing")
    assert _group_button(driver).get_attribute("aria-pressed") == "true"
    _name_group(driver, None)
    assert _decisions_csv(driver) == ",".join(HEADER) + "\n"
    assert _new_code_box(driver, "p03_interview:0002").get_attribute("value") == ""
    assert _group_button(driver).get_attribute("aria-pressed") == "false"
    assert _group_button(driver).text == "Name them"
    group = _group_control(driver).find_element(By.XPATH, "./ancestor::div[@class='candidate']")
    assert group.find_elements(By.CSS_SELECTOR, "span.named") == []


def test_a_segment_unticked_is_left_out_of_the_groups_new_code(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    _tick(driver, "p02_interview:0002")
    assert _ticks(driver) == {"p02_interview:0002": False, "p03_interview:0002": True}
    box = _group_control(driver).find_element("css selector", "input.group-code-name")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.send_keys("Pandemic staffing", Keys.ENTER)  # Enter in the box presses the button
    assert _decisions_csv(driver) == (
        ",".join(HEADER) + f"\np03_interview:0002,new-code,,Pandemic staffing,,{P03_0002}\n"
    )
    assert _group_button(driver).get_attribute("aria-pressed") == "true"


def test_a_segment_already_decided_keeps_its_decision_unless_ticked_again(
    page: tuple[Any, Path], report_url: str
) -> None:
    driver, _ = page
    box = _new_code_box(driver, "p03_interview:0002")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.send_keys("COVID-19 disruption")
    driver.get(report_url)  # decided when the page opens: not ticked
    assert _ticks(driver) == {"p02_interview:0002": True, "p03_interview:0002": False}
    _name_group(driver, "Pandemic staffing")
    assert _decisions_csv(driver) == (
        ",".join(HEADER) + "\n"
        f"p02_interview:0002,new-code,,Pandemic staffing,,{P02_0002}\n"
        f"p03_interview:0002,new-code,,COVID-19 disruption,,{P03_0002}\n"
    )
    _tick(driver, "p03_interview:0002")  # ticked again: given the group's name
    assert _group_button(driver).get_attribute("aria-pressed") == "false"
    _name_group(driver, None)
    assert _decisions_csv(driver) == (
        ",".join(HEADER) + "\n"
        f"p02_interview:0002,new-code,,Pandemic staffing,,{P02_0002}\n"
        f"p03_interview:0002,new-code,,Pandemic staffing,,{P03_0002}\n"
    )
    _name_group(driver, None)  # taken back: each segment has the new code it had before again
    assert _decisions_csv(driver) == (
        ",".join(HEADER) + f"\np03_interview:0002,new-code,,COVID-19 disruption,,{P03_0002}\n"
    )
    assert _new_code_box(driver, "p03_interview:0002").get_attribute("value") == (
        "COVID-19 disruption"
    )


def test_a_group_segment_the_review_carried_in_decided_is_marked_decided(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Tester s51 (opencoding, 1): answers the review had decided fit no code came back as a
    candidate group with nothing said of them. Opened, the page marks each decided (and leaves
    it unticked); named for the group once ticked again, it shows the new code instead."""
    from selenium.webdriver.common.by import By

    from roqa_nlp.decisions import Decision

    driver, _ = browser
    path = tmp_path / "report.html"
    review = [Decision("p02_interview:0002", "no-code"), Decision("p03_interview:0002", "no-code")]
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING, decisions=review)
    _open_fresh(driver, path.as_uri())

    def marks() -> list[str]:
        group = _group_control(driver).find_element(By.XPATH, "./ancestor::div[@class='candidate']")
        return [s.text for s in group.find_elements(By.CSS_SELECTOR, "span.named")]

    assert marks() == ["decided: fits no code", "decided: fits no code"]
    assert _ticks(driver) == {"p02_interview:0002": False, "p03_interview:0002": False}
    _tick(driver, "p02_interview:0002")
    _name_group(driver, "Pandemic staffing")
    assert marks() == ["named: Pandemic staffing", "decided: fits no code"]


# -- two tabs of one report, and decisions not saved yet (blind tester s42, review) -------------

A_P01 = ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001)
B_P02 = ("p02_interview:0000", "accept", "OS.D", "", "", P02_0000)
A_P02 = ("p02_interview:0001", "accept", "OS.A", "", "", P02_0001)


def _until_csv(driver: Any, rows: Any) -> None:
    """Wait until the page would save ``rows`` (another tab's change arrives as an event)."""
    from selenium.webdriver.support.ui import WebDriverWait

    expected = _review_csv(rows)
    try:
        WebDriverWait(driver, 5).until(lambda _: _decisions_csv(driver) == expected)
    except Exception:
        assert _decisions_csv(driver) == expected


def test_two_tabs_of_one_report_keep_every_decision_of_both(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Blind tester s42 (review) 1: tab A accepted p01, tab B (opened after) accepted p02, A
    accepted p03: the file saved from B held p01+p02, the report reopened p01+p03, and nothing
    said so: each tab wrote the browser's copy from its own memory. A tab now writes its change
    on top of what the browser keeps and takes in the other tab's changes as they are made; a
    decision taken back in one tab stays taken back in the other."""
    from selenium.webdriver.common.by import By

    driver, downloads = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    for f in downloads.iterdir():
        f.unlink()
    tab_a = driver.current_window_handle
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    driver.switch_to.new_window("tab")
    tab_b = driver.current_window_handle
    try:
        driver.get(path.as_uri())
        assert _decisions_csv(driver) == _review_csv([A_P01])
        _decide(driver, "p02_interview:0000", "OS.D", "accept")
        driver.switch_to.window(tab_a)
        _until_csv(driver, [A_P01, B_P02])  # B's decision shown in A
        assert _pressed(driver, "p02_interview:0000", "OS.D") == ["accept"]
        _decide(driver, "p02_interview:0001", "OS.A", "accept")
        assert driver.find_element(By.ID, "decision-count").text == "3 decisions"
        driver.switch_to.window(tab_b)
        _until_csv(driver, [A_P01, B_P02, A_P02])
        assert driver.find_element(By.ID, "decision-count").text == "3 decisions"
        assert [r[0] for r in _saved_decisions(driver, downloads)[1:]] == [
            "p01_interview:0001",
            "p02_interview:0000",
            "p02_interview:0001",
        ]
        # taken back in B: gone from A too, and not brought back by A's next decision
        _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
        driver.switch_to.window(tab_a)
        _until_csv(driver, [B_P02, A_P02])
        assert _pressed(driver, "p01_interview:0001", "IS.E.3") == []
        _decide(driver, "p02_interview:0001", "OS.A", "reject")
        rejected = [  # its one suggestion rejected: it fits no code
            ("p02_interview:0001", "reject", "OS.A", "", "", P02_0001),
            ("p02_interview:0001", "no-code", "", "", "", P02_0001),
        ]
        assert _decisions_csv(driver) == _review_csv([B_P02, *rejected])
        driver.switch_to.window(tab_b)
        _until_csv(driver, [B_P02, *rejected])
    finally:
        driver.switch_to.window(tab_b)
        driver.close()
        driver.switch_to.window(tab_a)
    driver.get(path.as_uri())  # reopened later: every change of both tabs
    assert _decisions_csv(driver) == _review_csv([B_P02, *rejected])
    assert _errors(driver) == []


def _unsaved(driver: Any) -> str:
    from selenium.webdriver.common.by import By

    return str(driver.find_element(By.ID, "unsaved-count").text)


def test_the_toolbar_says_how_many_segments_changed_since_the_decisions_were_saved(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Blind tester s42 (review) 3: after Save decisions and one more accept the toolbar read
    "135 decisions" only, and apply-decisions then applied the older file. It now says how many
    segments changed since Save decisions was last pressed in this browser (a reload, the other
    tab and a taken-back decision counted right); a report written with the decisions file in
    it starts with none."""
    from selenium.webdriver.common.by import By

    from roqa_nlp.decisions import Decision

    driver, downloads = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", open_coding=OPEN_CODING)
    _open_fresh(driver, path.as_uri())
    for f in downloads.iterdir():
        f.unlink()
    assert _unsaved(driver) == ""
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    assert _unsaved(driver) == "(1 segment not saved)"
    _saved_decisions(driver, downloads)
    assert _unsaved(driver) == "(all saved)"
    _decide(driver, "p02_interview:0000", "OS.D", "accept")
    assert driver.find_element(By.ID, "decision-count").text == "2 decisions"
    assert _unsaved(driver) == "(1 segment not saved)"
    _decide(driver, "p01_interview:0001", "IS.E.3", "reject")  # a saved decision changed
    assert _unsaved(driver) == "(2 segments not saved)"
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")  # back as saved
    assert _unsaved(driver) == "(1 segment not saved)"
    driver.get(path.as_uri())  # a reload keeps what was saved, and what was not
    assert _unsaved(driver) == "(1 segment not saved)"
    _decide(driver, "p02_interview:0000", "OS.D", "accept")  # taken back
    assert _unsaved(driver) == "(all saved)"
    # written with its decisions file (roqa report --decisions): nothing unsaved at first
    review = [Decision(*A_P01), Decision(*B_P02)]
    write_report(build_result(), path, "cfir-2009", decisions=review)
    _open_fresh(driver, path.as_uri())
    assert driver.find_element(By.ID, "decision-count").text == "2 decisions"
    assert _unsaved(driver) == ""
    _decide(driver, "p02_interview:0001", "OS.A", "accept")
    assert _unsaved(driver) == "(1 segment not saved)"
    assert _errors(driver) == []


def _evidence_open(driver: Any, segment_id: str, code: str) -> bool:
    return bool(
        driver.execute_script(
            "return document.querySelector(arguments[0]).open",
            f'.review[data-segment="{segment_id}"] .sugg[data-code="{code}"] details.evidence',
        )
    )


def test_training_examples_are_folded_and_open_with_a_click_tab_enter_or_t(
    page: tuple[Any, Path],
) -> None:
    """Blind testers s42: the training examples beside every suggestion made the review long.
    They are folded; a click on the summary, Enter on it (reached with Tab) or t on the
    outlined segment opens them, and opening or closing them decides nothing."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    item = _suggestion(driver, "p01_interview:0001", "IS.E.3")
    fold = item.find_element(By.CSS_SELECTOR, "details.evidence")
    summary = fold.find_element(By.TAG_NAME, "summary")
    assert summary.text == "resembles 1 training example"
    assert not _evidence_open(driver, "p01_interview:0001", "IS.E.3")
    _click(driver, summary)
    assert _evidence_open(driver, "p01_interview:0001", "IS.E.3")
    assert fold.text.endswith("“We train every new starter in recovery.”")
    _click(driver, summary)
    assert not _evidence_open(driver, "p01_interview:0001", "IS.E.3")
    # keyboard: Tab from the reject button passes the recode box and reaches the summary
    driver.execute_script(
        "arguments[0].focus()", item.find_element(By.CSS_SELECTOR, "button.reject")
    )
    ActionChains(driver).send_keys(Keys.TAB, Keys.TAB).perform()
    assert driver.execute_script("return document.activeElement") == summary
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert _evidence_open(driver, "p01_interview:0001", "IS.E.3")
    driver.execute_script("arguments[0].open = false; document.activeElement.blur()", fold)
    assert _current(driver) == "p01_interview:0001"  # the click on the summary outlined it
    _keys(driver, "t")
    assert _evidence_open(driver, "p01_interview:0001", "IS.E.3")
    _keys(driver, "t")
    assert not _evidence_open(driver, "p01_interview:0001", "IS.E.3")
    assert _decisions_csv(driver) == _review_csv([])  # nothing decided
    assert driver.find_element(By.ID, "decision-count").text == "0 decisions"


def _printed_text(driver: Any) -> str:
    """The page printed to an A4 PDF by Chromium, its text with every run of spaces and line
    breaks made one space."""
    import base64
    import re

    from pypdf import PdfReader

    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    pages = PdfReader(io.BytesIO(base64.b64decode(pdf["data"]))).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def test_print_keeps_every_decision_as_text(reviewed: Any) -> None:
    """Blind tester s44: print hid the controls and with them the decisions they hold (a recode's
    target, a new code, a note, the reviewer's valence): paper now says them in words, for a
    review embedded by roqa report (--decisions) and one made in the page."""
    from selenium.webdriver.common.by import By

    driver = reviewed
    review = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p01_interview:0001"]')
    _click(driver, review.find_element(By.CSS_SELECTOR, 'button[data-valence="enabler"]'))
    review.find_element(By.CSS_SELECTOR, "input.note").send_keys("check this later")
    text = _printed_text(driver)
    assert (
        "Decided: accepted IS.E.3; valence: enabler (the model's: barrier); note: check this later"
        in text
    )
    assert "Decided: OS.A recoded to OS.D External Policy & Incentives" in text
    assert "Decided: new code: COVID-19 disruption; note: rotas" in text
    # the controls themselves are not printed
    assert "accept reject" not in text
    assert "new code name" not in text


def test_print_says_a_note_alone_as_a_note_and_every_suggestion_rejected_as_fitting_no_code(
    page: tuple[Any, Path],
) -> None:
    """Blind tester s67 (pagereview, minor 4): paper said "Decided: note: pastor phones" of a
    note alone, which decides nothing (the progress counts the segment not reviewed), and
    "Decided: rejected …; rejected …" of a segment whose every suggestion was rejected, never
    that it fits no code, as the no-code row of decisions.csv says."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    _keys(driver, "j", "j", "x")  # p01_interview:0002: IC.H, IS.E.2
    assert _printed(driver, "p01_interview:0002") == (
        "Decided: rejected IC.H; rejected IS.E.2; fits no code"
    )
    _keys(driver, "2", shift=True)  # one rejected short of all: decided on, not fitting no code
    assert _printed(driver, "p01_interview:0002") == "Decided: rejected IC.H"
    note = driver.find_element(
        By.CSS_SELECTOR, '.review[data-segment="p01_interview:0001"] input.note'
    )
    note.send_keys("pastor phones")
    assert _printed(driver, "p01_interview:0001") == "Note: pastor phones"
    _decide(driver, "p01_interview:0001", "IS.E.3", "accept")
    assert _printed(driver, "p01_interview:0001") == "Decided: accepted IS.E.3; note: pastor phones"


def test_print_keeps_every_quote_of_the_matrix_and_every_rating(page: tuple[Any, Path]) -> None:
    """Blind tester s44: the framework matrix and the ratings were cut at the page's right edge
    (25 of 143 matrix quotes and 78 of 128 rating cells printed on the 13-interview study): on
    paper every quote of the matrix and every rating, with its code, is there."""
    import re
    import unicodedata

    from selenium.webdriver.common.by import By

    driver, _ = page
    quotes = [
        re.sub(r"\s+", " ", q.get_attribute("textContent"))
        for q in driver.find_elements(By.CSS_SELECTOR, "table.matrix .qtext")
    ]
    assert len(quotes) == 8
    text = unicodedata.normalize("NFKC", _printed_text(driver))  # "ﬀ" in a PDF's text: "ff"
    matrix = text[text.index("Framework matrix") : text.index("Barriers and enablers by CFIR")]
    assert [q for q in quotes if q not in matrix] == []
    ratings = text[text.index("Suggested CFIR construct ratings") :]
    for cell in (
        "IC.H Cost: -1 n=1",
        "IS.C Culture: +1 n=1",
        "OS.A Patient Needs & Resources: -1 n=1",
        "OS.D External Policy & Incentives: -1 n=1",
        "PR.B.3 Champions: +1 n=1",
    ):
        assert cell in ratings, cell


def _printed_pages(driver: Any) -> list[str]:
    """The text of each page of the page printed to an A4 PDF by Chromium, each run of spaces
    and line breaks one space, "ﬀ" and other ligatures as their letters."""
    import base64
    import re
    import unicodedata

    from pypdf import PdfReader

    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    pages = PdfReader(io.BytesIO(base64.b64decode(pdf["data"]))).pages
    return [unicodedata.normalize("NFKC", re.sub(r"\s+", " ", p.extract_text())) for p in pages]


def test_print_is_short_and_keeps_every_quote_of_table2_by_its_side(
    page: tuple[Any, Path],
) -> None:
    """Left-over defect, session 45: the 3-interview example study printed on 74 A4 pages
    (39 before session 44 printed every decision, matrix cell and rating), 26 of them Table 2,
    each construct's row kept whole on a page of its own in four narrow columns. On paper Table
    2 is now each construct over its sides, each named, the tables and the review column set
    smaller: the fixture prints on 8 pages, not 9, with every quote of Table 2 under the
    side it is on (7 until session 59, when the overview's tile "Small talk, background" became
    "Set aside as off-topic (small talk, background, personal talk)", three lines long)."""
    import re

    from selenium.webdriver.common.by import By

    driver, _ = page
    sides = {}
    for side in ("barrier", "enabler", "neutral"):
        sides[side] = [
            re.sub(r"\s+", " ", q.get_attribute("textContent"))
            for q in driver.find_elements(By.CSS_SELECTOR, f"table.table2 td.{side} .qtext")
        ]
    assert [len(v) for v in sides.values()] == [5, 3, 0]
    pages = _printed_pages(driver)
    assert len(pages) == 8
    text = " ".join(pages)
    table2 = text[text.index("Barriers and enablers by CFIR") : text.index("Suggested CFIR")]
    assert table2.count("Barriers: ") == 5 and table2.count("Enablers: ") == 3
    assert "Neutral: " not in table2  # a side with no segment is left out
    assert [q for q in sides["barrier"] + sides["enabler"] if q not in table2] == []
    assert "IC.H Cost Barriers: P01 (1 segment)" in table2


def _focused(driver: Any) -> list[Any]:
    return driver.execute_script(
        "var a = document.activeElement;"
        "return [a.className, a.getAttribute('tabindex'), a.getAttribute('role'),"
        "  a.getAttribute('aria-label')];"
    )


def test_j_and_k_move_the_focus_to_the_segment_named_with_its_top_suggestion(
    page: tuple[Any, Path],
) -> None:
    """Blind tester s44: j / k moved an outline only (the focus stayed on the page's body, a
    screen reader said nothing). They move the focus to the segment, named by who said what
    and its top suggestion, and what was decided on it."""
    driver, _ = page
    _keys(driver, "j")
    label = f"P01: {P01_0001} – top suggestion IS.E.3 Access to Knowledge & Information 86% barrier"
    assert _focused(driver) == ["row segment kb-current", "-1", "group", label]
    _keys(driver, "1", "j", "k")  # accepted, then back to it
    assert _focused(driver) == ["row segment kb-current", "-1", "group", label + ", accepted"]


def _said(driver: Any) -> list[str]:
    """The focused segment's name (its decision at the end) and the keys' status."""
    return driver.execute_script(
        "return [document.activeElement.getAttribute('aria-label').split(' – ')[1],"
        "  document.getElementById('kb-status').textContent];"
    )


def test_a_key_decision_is_announced_and_renames_the_focused_segment_at_once(
    page: tuple[Any, Path],
) -> None:
    """a11y review s62, 1: after a key decided, a screen reader heard only the count of
    decisions, and the focused segment's name stayed as it was until j / k (saying "accepted"
    after the accept was taken back)."""
    driver, _ = page
    top = "top suggestion IS.E.3 Access to Knowledge & Information 86% barrier"
    _keys(driver, "j")
    assert _said(driver) == [top, ""]
    _keys(driver, "1")
    assert _said(driver) == [
        top + ", accepted",
        "accepted IS.E.3 Access to Knowledge & Information",
    ]
    _keys(driver, "1")
    assert _said(driver) == [top, "taken back IS.E.3 Access to Knowledge & Information"]
    _keys(driver, "1", shift=True)
    assert _said(driver) == [
        top + ", rejected",
        "rejected IS.E.3 Access to Knowledge & Information",
    ]
    _keys(driver, "b")
    assert _said(driver) == [top + ", rejected, valence: barrier", "valence: barrier"]
    _keys(driver, "b")
    assert _said(driver) == [top + ", rejected", "valence taken back"]
    _keys(driver, "x")
    assert _said(driver) == [top + ", rejected", "every suggestion rejected: fits no code"]
    _keys(driver, "x")  # x taken back: IS.E.3 rejected, as before it
    assert _said(driver) == [top + ", rejected", "x taken back, as before it: rejected IS.E.3"]
    _keys(driver, "1", shift=True)
    _keys(driver, "x", "x")
    assert _said(driver) == [top, "every suggestion taken back"]
    assert driver.execute_script(
        "var s = document.getElementById('kb-status');"
        "return [s.getAttribute('role'), s.getAttribute('aria-live'), s.className];"
    ) == ["status", "polite", "vh"]


def test_x_pressed_again_brings_back_the_decisions_it_replaced(page: tuple[Any, Path]) -> None:
    """Blind tester s67 (pagereview, minor 2): Shift+2, then x, then x again left the segment
    with no decision: the reject of suggestion 2, made before x, was taken back with x's. x
    pressed again is x taken back: the segment as it was before x (an accept it replaced too)."""
    driver, _ = page
    _keys(driver, "j", "j")  # procedural talk passed over
    assert _current(driver) == "p01_interview:0002"  # IC.H, IS.E.2
    _keys(driver, "2", shift=True)
    _keys(driver, "x")
    assert _said(driver)[1] == "every suggestion rejected: fits no code"
    _keys(driver, "x")
    assert _said(driver)[1] == "x taken back, as before it: rejected IS.E.2"
    assert _decisions_csv(driver) == _review_csv(
        [("p01_interview:0002", "reject", "IS.E.2", "", "", P01_0002)]
    )
    _keys(driver, "k")
    assert _current(driver) == "p01_interview:0001"  # IS.E.3, CI.A
    _keys(driver, "1", "x", "x")
    assert _said(driver)[1] == "x taken back, as before it: accepted IS.E.3"
    _keys(driver, "x")  # every suggestion rejected, over the accept
    _keys(driver, "1", "1", shift=True)  # IS.E.3's reject taken back, and made again by hand
    assert _decisions_csv(driver).splitlines()[1:4] == [
        f"p01_interview:0001,reject,IS.E.3,,,{P01_0001}",
        f"p01_interview:0001,reject,CI.A,,,{P01_0001}",
        f"p01_interview:0001,no-code,,,,{P01_0001}",
    ]
    _keys(driver, "x")  # rejected since x by the reviewer's own keys: every one taken back
    assert _said(driver)[1] == "every suggestion taken back"
    assert _decisions_csv(driver) == _review_csv(
        [("p01_interview:0002", "reject", "IS.E.2", "", "", P01_0002)]
    )


def test_accepting_a_recoded_suggestion_replaces_the_recode_and_says_so(
    page: tuple[Any, Path],
) -> None:
    """Blind tester s67 (pagereview, minor 3): accept clicked on a suggestion recoded emptied its
    recode box, and the screen reader's status still said what the last key had done ("every
    suggestion taken back"). The accept replaces the recode, as a later row on one suggestion
    does in apply-decisions, and the status says so; a click and a recode are said as a key is."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    status = driver.find_element(By.ID, "kb-status")
    _recode(driver, "p01_interview:0001", "CI.A", "IS.E.2")
    assert status.get_attribute("textContent") == "recoded CI.A to IS.E.2 Available Resources"
    _decide(driver, "p01_interview:0001", "CI.A", "accept")
    assert _pressed(driver, "p01_interview:0001", "CI.A") == ["accept"]
    assert status.get_attribute("textContent") == (
        "accepted CI.A Knowledge & Beliefs about the Intervention; "
        "recode to IS.E.2 Available Resources dropped"
    )
    assert _decisions_csv(driver) == _review_csv(
        [("p01_interview:0001", "accept", "CI.A", "", "", P01_0001)]
    )
    _decide(driver, "p01_interview:0001", "CI.A", "accept")
    assert status.get_attribute("textContent") == (
        "taken back CI.A Knowledge & Beliefs about the Intervention"
    )
    _click(
        driver,
        driver.find_element(
            By.CSS_SELECTOR,
            '.review[data-segment="p01_interview:0001"] button[data-valence="enabler"]',
        ),
    )
    assert status.get_attribute("textContent") == "valence: enabler"


def test_the_focused_segments_name_says_the_researchers_valence(page: tuple[Any, Path]) -> None:
    """a11y review s63, 1: a segment's name said the decision and the code, never the valence
    the researcher set or changed. It ends with it, in the words the page prints
    ("valence: enabler (the model's: barrier)"), renamed as it changes, by key or button."""
    from selenium.webdriver.common.by import By

    driver, _ = page
    top = "top suggestion IS.E.3 Access to Knowledge & Information 86% barrier"
    _keys(driver, "j", "1", "e")
    assert _said(driver) == [
        top + ", accepted, valence: enabler (the model's: barrier)",
        "valence: enabler",
    ]
    _keys(driver, "b")
    assert _said(driver) == [top + ", accepted, valence: barrier", "valence: barrier"]
    _keys(driver, "b")
    assert _said(driver) == [top + ", accepted", "valence taken back"]
    # a valence button clicked (the focus on it) renames the segment too
    row = driver.find_element(By.CSS_SELECTOR, ".row.kb-current")
    _click(driver, row.find_element(By.CSS_SELECTOR, 'button[data-valence="neutral"]'))
    assert row.get_attribute("aria-label") == (
        f"P01: {P01_0001} – {top}, accepted, valence: neutral (the model's: barrier)"
    )


def test_an_unsure_valence_chip_reads_as_its_valence_and_is_said_unsure(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """api tester s79, #2: a valence Table 2 marks unsure showed a plain chip beside its
    segment. It reads "barrier?", titled with Table 2's words; the page still takes it for the
    model's barrier (pressing barrier corrects nothing, pressing enabler strikes it through), and
    a screen reader hears the doubt in words."""
    import dataclasses

    from selenium.webdriver.common.by import By

    driver, _ = browser
    result = build_result()
    seg = next(s for s in result if s.segment.id == "p01_interview:0001")
    seg.suggestions[:] = [
        dataclasses.replace(g, valence_probability=0.506) for g in seg.suggestions
    ]
    path = tmp_path / "report.html"
    write_report(result, path, "cfir-2009")
    _open_fresh(driver, path.as_uri())
    review = '.review[data-segment="p01_interview:0001"]'
    chip = driver.find_element(By.CSS_SELECTOR, f"{review} .vfix .val")
    assert (chip.text, chip.get_attribute("title")) == (
        "barrier?",
        "the model's valence: valence unsure (0.51)",
    )
    box = driver.find_element(By.CSS_SELECTOR, f"{review} .vfix")
    top = (
        "top suggestion IS.E.3 Access to Knowledge & Information 86% barrier, valence unsure (0.51)"
    )
    _keys(driver, "j")
    assert _said(driver)[0] == top

    def decided() -> str:
        return str(
            driver.find_element(By.CSS_SELECTOR, f"{review} .decided").get_attribute("textContent")
        )

    _click(driver, box.find_element(By.CSS_SELECTOR, 'button[data-valence="barrier"]'))
    assert "is-fixed" not in box.get_attribute("class")  # the model's valence, confirmed
    assert decided() == "Decided: valence: barrier"
    _click(driver, box.find_element(By.CSS_SELECTOR, 'button[data-valence="enabler"]'))
    assert "is-fixed" in box.get_attribute("class")
    assert decided() == "Decided: valence: enabler (the model's: barrier)"
    row = driver.find_element(By.CSS_SELECTOR, ".row.kb-current")
    assert row.get_attribute("aria-label") == (
        f"P01: {P01_0001} – {top}, valence: enabler (the model's: barrier)"
    )
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_escape_in_a_segments_text_box_gives_the_focus_back_to_the_segment(
    page: tuple[Any, Path],
) -> None:
    """a11y review s62, 3: Esc left a text box for the page's body; a screen reader lost its
    place. The focus goes back to the segment, and the keys decide on it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    seg = "p01_interview:0001"
    label = f"P01: {P01_0001} – top suggestion IS.E.3 Access to Knowledge & Information 86% barrier"
    for box in ("input.new-code", "input.note", ".sugg input.recode"):
        driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
        field = driver.find_element(By.CSS_SELECTOR, f'.review[data-segment="{seg}"] {box}')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        field.click()
        field.send_keys(Keys.ESCAPE)
        if box.endswith("recode"):
            field.send_keys(Keys.ESCAPE)  # the first hides the list of codes
        assert _focused(driver) == ["row segment kb-current", "-1", "group", label], box
    _keys(driver, "1")
    assert f"{seg},accept,IS.E.3," in _decisions_csv(driver)


def test_the_first_tab_stop_skips_to_the_transcripts(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    _keys(driver, Keys.TAB)
    assert driver.execute_script(
        "var a = document.activeElement; return [a.className, a.getAttribute('href'), a.textContent,"
        "  a.getBoundingClientRect().top >= 0];"
    ) == ["skip-link no-print", "#transcripts", "Skip to the transcripts", True]


def test_the_keys_button_says_whether_the_list_is_shown(page: tuple[Any, Path]) -> None:
    from selenium.webdriver.common.by import By

    driver, _ = page
    button = driver.find_element(By.ID, "kb-help-toggle")
    assert button.get_attribute("aria-expanded") == "false"
    _click(driver, button)
    assert button.get_attribute("aria-expanded") == "true"
    assert driver.find_element(By.ID, "kb-help").is_displayed()
    _keys(driver, "?")
    assert button.get_attribute("aria-expanded") == "false"


# -- a study carried from an older roqa (session 45) -----------------------------------------------


def _load_file(driver: Any, path: Path) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)  # a person clicks the button
    field.send_keys(str(path))
    status = driver.find_element(By.ID, "load-status")
    WebDriverWait(driver, 10).until(lambda _: status.text)
    return str(status.text)


def test_a_decisions_file_without_a_text_column_is_saved_back_with_its_text(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """An earlier roqa's Save decisions wrote segment_id,decision,code_id,new_code,note: loaded
    and saved again, each row has its segment's words, as `roqa train` and a re-coded folder
    match decisions by."""
    driver, _ = page
    old = tmp_path / "decisions.csv"
    old.write_text(
        "segment_id,decision,code_id,new_code,note\r\n"
        "p01_interview:0001,accept,IS.E.3,,staff untrained\r\n",
        encoding="utf-8",
    )
    assert _load_file(driver, old) == "decisions.csv: 1 decision loaded; all matched"
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _decisions_csv(driver) == (
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,accept,IS.E.3,,staff untrained,{P01_0001}\n"
    )


#: a review as a page of roqa before the review was kept per place kept it, under
#: "roqa-decisions:" + its report id alone (/tmp/s45_upgrade/old's report.js, line 14)
OLD_PAGE_REVIEW = {
    "p01_interview:0001": {"codes": {"IS.E.3": {"decision": "accept"}}, "newCode": "", "note": ""},
    "p02_interview:0001": {
        "codes": {"OS.A": {"decision": "recode", "target": "OS.D"}},
        "newCode": "",
        "note": "funding",
    },
}


def _kept_keys(driver: Any) -> list[str]:
    return sorted(driver.execute_script("return Object.keys(window.localStorage)"))


def test_a_review_an_older_page_kept_for_this_report_is_read_and_moved_to_todays_key(
    page: tuple[Any, Path], report_url: str
) -> None:
    """Tester (session 45): an older page kept its unsaved review under "roqa-decisions:" +
    report id; today's looked only under that + ":" + path and "roqa-review:" + path, so the
    review was not found. Now it is read (the report's segments unchanged: the same id), and
    moved to today's key."""
    driver, _ = page
    rid = driver.execute_script("return document.body.dataset.reportId")
    driver.execute_script(
        "localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))",
        "roqa-decisions:" + rid,
        OLD_PAGE_REVIEW,
    )
    driver.get(report_url)
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode OS.D"]
    path = driver.execute_script("return location.pathname")
    assert _kept_keys(driver) == [f"roqa-decisions:{rid}:{path}", f"roqa-review:{path}"]
    kept = driver.execute_script(
        "return JSON.parse(localStorage.getItem(arguments[0]))", f"roqa-decisions:{rid}:{path}"
    )
    assert sorted(kept) == ["p01_interview:0001", "p02_interview:0001"]
    driver.get(report_url)  # moved, not lost: still there after a reload
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode OS.D"]
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_the_earlier_page_id_outlives_a_second_report_written_at_its_place(
    tmp_path: Path,
) -> None:
    """Hunt s45: `roqa code` then `roqa report ... --table` wrote the page twice before it was
    opened, and the second page no longer named the older page's id, so the review that page
    kept in the browser was lost without a word."""
    from report_fixture import INTERVIEWS

    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009")
    old_id = re.search(r'data-report-id="(\w+)"', path.read_text("utf-8"))[1]  # type: ignore[index]
    fewer = {k: v for k, v in INTERVIEWS.items() if k != "p03_interview"}
    write_report(build_result(fewer), path, "cfir-2009")  # coded again: another id
    write_report(build_result(fewer), path, "cfir-2009")  # the same codings, written again
    assert f'data-earlier-report-id="{old_id}"' in path.read_text("utf-8")


def test_a_review_an_older_page_kept_is_carried_into_the_report_written_over_it(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """The folder coded again (another report id) writes the report over the older page:
    roqa code says the review kept in the browser is carried into it, and it is, by segment id
    (the older page kept no text), with the status line saying so; the older key is moved."""
    from selenium.webdriver.common.by import By

    from report_fixture import INTERVIEWS

    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009")
    old_id = re.search(r'data-report-id="(\w+)"', path.read_text("utf-8"))[1]  # type: ignore[index]
    fewer = {k: v for k, v in INTERVIEWS.items() if k != "p03_interview"}
    write_report(build_result(fewer), path, "cfir-2009")  # coded again: another id
    html = path.read_text("utf-8")
    assert f'data-earlier-report-id="{old_id}"' in html
    new_id = re.search(r'data-report-id="(\w+)"', html)[1]  # type: ignore[index]
    assert new_id != old_id
    driver.get(path.as_uri())
    driver.execute_script("window.localStorage.clear()")
    driver.execute_script(
        "localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))",
        "roqa-decisions:" + old_id,
        OLD_PAGE_REVIEW,
    )
    driver.get(path.as_uri())
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _pressed(driver, "p02_interview:0001", "OS.A") == ["recode OS.D"]
    assert driver.find_element(By.ID, "load-status").text == (
        "2 decisions carried from the earlier report in this folder; all matched"
    )
    assert f"roqa-decisions:{old_id}" not in _kept_keys(driver)
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),
            _recoded(("p02_interview:0001", "recode", "OS.D", "", "funding", P02_0001), "OS.A"),
        ]
    )


#: rm04's answers (blind tester s52): the same words said to two questions
RM04_SERVICE = "I manage a small supported housing scheme, nine flats, on the edge of town."
RM04_SAME = "Yeah, definitely, that's the biggest one."
RM04_FORUM = "We do a tenants' forum every month, and it has been the best thing we have done."
RM04_YEARS = "Four years in March. Before that I was a nurse on the wards for a long time."


def _rm04(added: bool) -> Any:
    """rm04 coded: its service, the same answer to staffing and to funding, the forum; ``added``:
    a question and answer added after the first, every later id moved by one."""
    answer = [("IS.E.2", 0.6, "barrier"), ("OS.D", 0.3, "barrier")]
    turns: list[Any] = [
        ("I", [("Could you tell me about your service?", [], {})]),
        ("P04", [(RM04_SERVICE, answer, {})]),
    ]
    if added:
        turns += [("I", [("How long?", [], {})]), ("P04", [(RM04_YEARS, answer, {})])]
    turns += [
        ("I", [("Would you say staffing is a problem?", [], {})]),
        ("P04", [(RM04_SAME, answer, {})]),
        ("I", [("And funding?", [], {})]),
        ("P04", [(RM04_SAME, answer, {})]),
        ("I", [("How do you involve tenants?", [], {})]),
        ("P04", [(RM04_FORUM, answer, {})]),
    ]
    return build_result({"rm04": ("P04", turns)})


def test_loading_decisions_on_the_same_words_said_twice_keeps_each_on_its_own_answer(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Blind tester s52: the two same answers' decisions swapped once a turn added before them
    moved their ids (the funding one stayed on its old id, now the staffing answer). Both
    decided: they keep their order; one decided with its neighbours moved unlike: left
    undecided and named, as match_decisions does."""
    from roqa_nlp.decisions import match_decisions

    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(_rm04(added=True), path, "cfir-2009")
    _open_fresh(driver, path.as_uri())
    both = tmp_path / "both.csv"
    both.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'rm04:0001,accept,IS.E.2,,,"{RM04_SAME}"\n'
        f'rm04:0002,reject,IS.E.2,,,"{RM04_SAME}"\n',
        encoding="utf-8",
    )
    assert _load_file(driver, both) == "both.csv: 2 decisions loaded; all matched"
    assert _pressed(driver, "rm04:0002", "IS.E.2") == ["accept"]
    assert _pressed(driver, "rm04:0003", "IS.E.2") == ["reject"]
    assert match_decisions(str(both), _rm04(added=True)).on == ("rm04:0002", "rm04:0003")
    _open_fresh(driver, path.as_uri())
    one = tmp_path / "one.csv"
    one.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'rm04:0000,accept,IS.E.2,,,"{RM04_SERVICE}"\n'
        f'rm04:0002,reject,IS.E.2,,,"{RM04_SAME}"\n'
        f'rm04:0003,accept,OS.D,,,"{RM04_FORUM}"\n',
        encoding="utf-8",
    )
    assert _load_file(driver, one) == (
        "one.csv: 2 decisions loaded; 1 could not be matched to a segment (kept: Save decisions "
        "writes it back unchanged, at the end of the file); 1 decision "
        "(rm04:0002) left undecided: its words are said by 2 segments of its transcript "
        "(rm04:0002, rm04:0003) and which is its cannot be told since the transcript changed; "
        "decide them again"
    )
    assert _pressed(driver, "rm04:0002", "IS.E.2") == []
    assert _pressed(driver, "rm04:0003", "IS.E.2") == []
    assert _pressed(driver, "rm04:0004", "OS.D") == ["accept"]
    assert match_decisions(str(one), _rm04(added=True)).on == ("rm04:0000", None, "rm04:0004")


def test_a_review_carried_to_the_report_written_again_keeps_same_words_on_their_answers(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """The review the browser kept for the earlier report is matched as a loaded file is: the
    staffing answer's accept and the funding answer's reject follow their answers, not ids."""
    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(_rm04(added=False), path, "cfir-2009")
    _open_fresh(driver, path.as_uri())
    _decide(driver, "rm04:0001", "IS.E.2", "accept")
    _decide(driver, "rm04:0002", "IS.E.2", "reject")
    write_report(_rm04(added=True), path, "cfir-2009")
    driver.get(path.as_uri())
    assert _status(driver) == (
        "2 decisions carried from the earlier report in this folder; all matched"
    )
    assert _pressed(driver, "rm04:0002", "IS.E.2") == ["accept"]
    assert _pressed(driver, "rm04:0003", "IS.E.2") == ["reject"]


def test_the_filter_counts_set_aside_talk_decided_as_the_progress_does(
    page: tuple[Any, Path],
) -> None:
    """Blind tester s52: "All transcripts – 13 of 31 reviewed" beside "18 of 29 reviewable
    segments shown": the progress counted the small talk the review decided anyway, the filter
    did not. Both count it now: 1 of 12 reviewed, 11 of 12 shown."""
    driver, _ = page
    n = len(_reviewable())
    _decide(driver, "p01_interview:0000", "IS.C", "reject")  # procedural talk, decided anyway
    assert _progress(driver)["option All transcripts"] == f"All transcripts – 1 of {n + 1} reviewed"
    assert _show(driver, "unreviewed") == f"{n} of {n + 1} reviewable segments shown"
    assert _show(driver, "unsure") == f"3 of {n + 1} reviewable segments shown"


# -- rows a later row overrules, rows on no segment (learn tester, session 56) ---------------------

P01_0002 = "Training costs money we simply do not have."
#: a decisions file whose rows disagree on one segment, and one on words no segment says now
CONTRADICTING = [
    ("p01_interview:0001", "recode", "PR.D", "", "", P01_0001, "", "IS.E.3"),
    ("p01_interview:0001", "accept", "IS.E.3", "", "", P01_0001),  # withdraws the recode
    ("p01_interview:0002", "accept", "IC.H", "", "", P01_0002),
    ("p01_interview:0002", "reject", "IC.H", "", "", P01_0002),  # the later row wins
    ("p02_interview:0000", "reject", "OS.D", "", "", P02_0000),
    ("p02_interview:0000", "recode", "IS.D.3", "", "", P02_0000, "", "OS.D"),  # both stand
    ("p09_interview:0001", "accept", "IC.H", "", "", "Words nobody said here."),
]


def _shows_the_later_rows(driver: Any) -> None:
    from selenium.webdriver.common.by import By

    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["accept"]
    assert _pressed(driver, "p01_interview:0001", "CI.A") == []
    assert _pressed(driver, "p01_interview:0002", "IC.H") == ["reject"]
    assert _pressed(driver, "p02_interview:0000", "OS.D") == ["reject"]
    assert _pressed(driver, "p02_interview:0000", "IC.H") == []
    carried = driver.find_element(By.CSS_SELECTOR, '.review[data-segment="p02_interview:0000"]')
    assert carried.find_element(By.CSS_SELECTOR, ".carried").text == (
        "Also decided: recode of OS.D to IS.D.3"
    )


def test_contradicting_rows_show_and_save_as_apply_decisions_reads_them(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Before, the page showed the earlier of two rows (accept IC.H), put the withdrawn recode
    to PR.D on CI.A and the recode of OS.D on IC.H, and its Save wrote accept IS.E.3 and that
    recode, which gave p01_interview:0001 PR.D again; a decision on no segment was dropped."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from roqa_nlp.decisions import Decision

    driver, downloads = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009", decisions=[Decision(*r) for r in CONTRADICTING])
    _open_fresh(driver, path.as_uri())
    _shows_the_later_rows(driver)
    assert _status(driver) == (
        "1 decision of the review carried into this report matches no segment of it (words "
        "changed since, or a transcript not in these codings): p09_interview:0001. Save "
        "decisions writes it back unchanged, at the end of the file"
    )
    for f in downloads.iterdir():
        f.unlink()
    stand = [CONTRADICTING[i] for i in (1, 3, 4, 5, 6)]
    width = len(HEADER) + 2
    assert _saved_decisions(driver, downloads) == [
        [*HEADER, "valence", "suggestion"],
        *([*r, *[""] * (width - len(r))] for r in stand),
    ]
    # the file as given, loaded into a page with no review: the same rows stand
    blank = tmp_path / "blank" / "report.html"
    write_report(build_result(), blank, "cfir-2009")
    _open_fresh(driver, blank.as_uri())
    given = tmp_path / "decisions.csv"
    given.write_text(_review_csv(CONTRADICTING), encoding="utf-8")
    field = driver.find_element(By.ID, "load-decisions-file")
    driver.execute_script("arguments[0].hidden = false", field)
    field.send_keys(str(given))
    WebDriverWait(driver, 10).until(lambda _: _status(driver))
    _shows_the_later_rows(driver)
    # the row on no segment too, as the page carrying it in saves it (fixer page, session 57)
    assert _decisions_csv(driver) == _review_csv(stand)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_a_carried_review_naming_a_new_code_or_a_suggestion_by_name_shows_what_apply_decisions_gives(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A review naming its new code as a code (new-code "Staff morale", then accept "staff
    MORALE" on other talk) and a recode's suggestion by its name (the column suggestion
    "Knowledge & Beliefs about the Intervention", CI.A's name) is carried into the page as
    apply-decisions reads it: the accept gives the new code, the segment reviewed; the recode
    is on the suggestion CI.A, not on the first one shown (IC.F)."""
    from roqa_nlp.decisions import Decision, reviewed_codings

    p03_0001 = "The Recovery Star helps us see change over time."
    decisions = [
        Decision("p03_interview:0002", "new-code", new_code="Staff morale", text=P03_0002),
        Decision("p01_interview:0001", "accept", "staff MORALE", text=P01_0001),
        Decision(
            "p03_interview:0001",
            "recode",
            "OS.D",
            text=p03_0001,
            suggestion="Knowledge & Beliefs about the Intervention",
        ),
    ]
    result = build_result()
    applied, _, _ = reviewed_codings(decisions, result, Codebook.load("cfir-2009"), coder="A")
    assert {s.segment.id: [g.code_id for g in s.suggestions] for s in applied} == {
        "p01_interview:0001": ["project.staff-morale"],
        "p03_interview:0001": ["OS.D"],
        "p03_interview:0002": ["project.staff-morale"],
    }
    path = tmp_path / "report.html"
    write_report(result, path, "cfir-2009", decisions=decisions)
    driver, _ = browser
    _open_fresh(driver, path.as_uri())
    # the accept was "Not reviewed: decided on a code cfir-2009 lacks (staff MORALE), which roqa
    # apply-decisions refuses" (p01: 0 of 4 reviewed, 1 partly); on a code not suggested there it
    # is shown as the recode of the first suggestion to it, as any such accept is, and saved as
    # the accept it is (hunt49 D3, s90: saved as that recode, the suggestion IS.E.3 judged wrong)
    assert _progress(driver)["option All transcripts"] == "All transcripts – 3 of 11 reviewed"
    assert (
        driver.execute_script(
            "return document.querySelectorAll('.review[data-segment] .partly').length"
        )
        == 0
    )
    assert _pressed(driver, "p01_interview:0001", "IS.E.3") == ["recode project.staff-morale"]
    # the recode was on IC.F, and saved so
    assert _pressed(driver, "p03_interview:0001", "IC.F") == []
    assert _pressed(driver, "p03_interview:0001", "CI.A") == ["recode OS.D"]
    assert _decisions_csv(driver) == _review_csv(
        [
            ("p01_interview:0001", "accept", "project.staff-morale", "", "", P01_0001),
            ("p03_interview:0001", "recode", "OS.D", "", "", p03_0001, "", "CI.A"),
            ("p03_interview:0002", "new-code", "", "Staff morale", "", P03_0002),
        ]
    )
    # what the page saves is what apply-decisions applied
    saved = [Decision(*r) for r in list(csv.reader(io.StringIO(_decisions_csv(driver))))[1:]]
    again, _, _ = reviewed_codings(saved, result, Codebook.load("cfir-2009"), coder="A")
    assert {s.segment.id: [g.code_id for g in s.suggestions] for s in again} == {
        s.segment.id: [g.code_id for g in s.suggestions] for s in applied
    }


# -- reviewer's notes (session 66) -------------------------------------------------------------


def test_a_long_note_with_no_space_wraps_inside_the_page(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A note that is one long word (a URL) is broken to the page's width, kept with a
    person's codings (.given-note) and printed with a segment's decisions (.decided): it
    widened the page to 49018 px (hunt s66 h_notes D3)."""
    from roqa_nlp.result import CodingResult

    url = "https://example.org/?q=" + "recoverystar" * 300
    result = build_result()
    person = CodingResult(
        segments=list(result),
        transcripts=result.transcripts,
        meta={
            "user": {"name": "Rev"},
            # one beside its segment, one listed (on a segment these codings leave out)
            "notes": {"p01_interview:0001": [url], "p09_interview:0001": [url]},
        },
    )
    path = tmp_path / "person" / "report.html"
    path.parent.mkdir()
    write_report(person, path, "cfir-2009")
    driver, _ = browser
    _open_fresh(driver, path.as_uri())
    width = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    assert driver.execute_script("return document.querySelectorAll('.given-note').length") == 1
    assert (
        driver.execute_script("return document.querySelectorAll('.notes-elsewhere li').length") == 1
    )
    wide, shown = driver.execute_script(width)
    assert wide <= shown
    # the page's own note, printed under its segment
    csv_path = tmp_path / "decisions.csv"
    csv_path.write_text(
        _review_csv([("p01_interview:0001", "note", "", "", url, P01_0001)]), encoding="utf-8"
    )
    reviewed = tmp_path / "reviewed" / "report.html"
    reviewed.parent.mkdir()
    write_report(build_result(), reviewed, "cfir-2009", decisions=csv_path)
    _open_fresh(driver, reviewed.as_uri())
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        wide, shown = driver.execute_script(width)
        text = driver.execute_script(
            "return document.querySelector("
            "'.review[data-segment=\"p01_interview:0001\"] .decided').textContent"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert text == "Note: " + url  # a note alone decides nothing
    assert wide <= shown


# -- every note a decisions file gives a segment, and the mark of a QDA review (session 67) ------


def _note_box(driver: Any, segment_id: str) -> str:
    return str(
        driver.execute_script(
            "return document.querySelector(arguments[0]).value",
            f'.review[data-segment="{segment_id}"] input.note',
        )
    )


def _also_noted(driver: Any, segment_id: str) -> list[str]:
    """The other notes shown read-only under a segment's note box, as text."""
    return list(
        driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]), function (n) {"
            "  return n.textContent; })",
            f'.review[data-segment="{segment_id}"] .also-noted > *',
        )
    )


def _printed(driver: Any, segment_id: str) -> str:
    """What paper shows of a segment's review (report.css, @media print): its .decided text."""
    return str(
        driver.execute_script(
            "var d = document.querySelector(arguments[0]); return d ? d.textContent : ''",
            f'.review[data-segment="{segment_id}"] .decided',
        )
    )


def _applied(tmp_path: Path, name: str, decisions: Path) -> tuple[str, Any, str]:
    """``roqa apply-decisions --coder Alice`` of the fixture's codings with ``decisions``: the
    reviewed codings.jsonl, the notes kept (run.json) and what it said."""
    from roqa_nlp.cli import main

    coded = tmp_path / "coded"
    if not coded.exists():
        build_result().save(coded)
    out = tmp_path / name
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        main(
            [
                "apply-decisions",
                str(coded),
                "--coder",
                "Alice",
                "--decisions",
                str(decisions),
                "--out",
                str(out),
            ]
        )
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return (out / "codings.jsonl").read_text(encoding="utf-8"), run.get("notes"), said.getvalue()


def test_every_note_a_file_gives_a_segment_is_shown_and_saved_as_a_note_of_its_own(
    page: tuple[Any, Path], tmp_path: Path
) -> None:
    """Two notes on one segment (two note rows, or a decision's note and a note row): the box
    shows the first, the others are shown under it ("also noted: ...") and printed, each once,
    never merged into one string; Save writes each (the box's as before, each other one as a
    note row of its own). The page showed and saved the first alone (hunt s66 h_notes R2); a
    fix joining them with " / " doubled part of a note holding " / " (hunt s66 h_pagenotes D1)."""
    driver, _ = page
    path = tmp_path / "decisions.csv"
    path.write_text(
        _review_csv(
            [
                ("p02_interview:0000", "note", "", "", "first", P02_0000),
                ("p02_interview:0000", "note", "", "", "second", P02_0000),
                ("p01_interview:0001", "accept", "IS.E.3", "", "alpha / beta", P01_0001),
                ("p01_interview:0001", "note", "", "", "beta", P01_0001),
                ("p01_interview:0002", "accept", "IC.H", "", "same", P01_0002),
                ("p01_interview:0002", "reject", "IS.E.2", "", "same", P01_0002),
                ("p02_interview:0000", "note", "", "", "first", P02_0000),
            ]
        ),
        encoding="utf-8",
    )
    # counted as `roqa report --decisions` counts them: the note rows
    assert _load_file(driver, path) == "decisions.csv: 3 decisions and 4 notes loaded; all matched"
    assert _note_box(driver, "p02_interview:0000") == "first"
    assert _also_noted(driver, "p02_interview:0000") == ["also noted: second"]
    assert _note_box(driver, "p01_interview:0001") == "alpha / beta"
    assert _also_noted(driver, "p01_interview:0001") == ["also noted: beta"]
    assert _note_box(driver, "p01_interview:0002") == "same"
    assert _also_noted(driver, "p01_interview:0002") == []
    assert _printed(driver, "p01_interview:0001") == (
        "Decided: accepted IS.E.3; note: alpha / beta; also noted: beta"
    )
    assert _printed(driver, "p02_interview:0000") == "Note: first; also noted: second"
    expected = _review_csv(
        [
            ("p01_interview:0001", "accept", "IS.E.3", "", "alpha / beta", P01_0001),
            ("p01_interview:0001", "note", "", "", "beta", P01_0001),
            ("p01_interview:0002", "accept", "IC.H", "", "same", P01_0002),
            ("p01_interview:0002", "reject", "IS.E.2", "", "same", P01_0002),
            ("p02_interview:0000", "note", "", "", "first", P02_0000),
            ("p02_interview:0000", "note", "", "", "second", P02_0000),
        ]
    )
    assert _decisions_csv(driver) == expected
    # kept by this browser: the same after a reload
    driver.refresh()
    assert _also_noted(driver, "p02_interview:0000") == ["also noted: second"]
    assert _decisions_csv(driver) == expected
    # the file saved, loaded into a fresh page, gives the same notes back, none doubled
    again = tmp_path / "again.csv"
    again.write_text(_decisions_csv(driver), encoding="utf-8")
    _open_fresh(driver, driver.current_url)
    assert _load_file(driver, again) == "again.csv: 3 decisions and 3 notes loaded; all matched"
    assert _note_box(driver, "p01_interview:0001") == "alpha / beta"
    assert _also_noted(driver, "p01_interview:0001") == ["also noted: beta"]
    assert _decisions_csv(driver) == expected
    # apply-decisions reads the saved file as it reads the file itself
    first, second = _applied(tmp_path, "direct", path), _applied(tmp_path, "saved", again)
    assert first[:2] == second[:2]
    assert first[1] == {
        "p01_interview:0001": ["alpha / beta", "beta"],
        "p01_interview:0002": ["same"],
    }


#: the note column of each decision row `roqa import` writes from Alice's review in a QDA
#: program (roqa_nlp.decisions.QDA_REVIEW_NOTE)
QDA_ALICE = "REFI-QDA review by Alice"


def test_a_qda_review_opened_and_saved_unchanged_is_the_same_review(
    browser: tuple[Any, Path], report_url: str, tmp_path: Path
) -> None:
    """Decisions `roqa import` wrote from Alice's review in a QDA program (the mark in the note
    column of each decision row, her memos as note rows): the note boxes show her memos, never
    the mark; saved unchanged, the file holds the very rows it held, the mark on each decision
    row, so apply-decisions keeps the passage given a valence alone and names the reviewer.
    The page showed the mark and saved it on every row, dropping the memos (hunt s66 h_notes
    D1); a fix leaving the mark out lost that passage and the reviewer (h_pagenotes R1, R2)."""
    from roqa_nlp.decisions import Decision, qda_reviewer, read_decisions

    rows = [
        ("p01_interview:0001", "accept", "IS.E.3", "", QDA_ALICE, P01_0001),
        ("p01_interview:0001", "reject", "CI.A", "", QDA_ALICE, P01_0001),
        ("p01_interview:0001", "note", "", "", "memo <b>one</b>", P01_0001),
        ("p01_interview:0001", "note", "", "", "memo two", P01_0001),
        ("p01_interview:0002", "valence", "", "", QDA_ALICE, P01_0002, "enabler"),
        ("p01_interview:0002", "note", "", "", "memo on the valence", P01_0002),
        ("p02_interview:0000", "accept", "OS.D", "", QDA_ALICE, P02_0000),
        ("p02_interview:0000", "reject", "IC.H", "", QDA_ALICE, P02_0000),
    ]
    path = tmp_path / "Alice.csv"
    path.write_text(_review_csv(rows), encoding="utf-8")
    driver, _ = browser
    _open_fresh(driver, report_url)
    assert _load_file(driver, path) == "Alice.csv: 5 decisions and 3 notes loaded; all matched"
    assert _note_box(driver, "p01_interview:0001") == "memo <b>one</b>"
    assert _also_noted(driver, "p01_interview:0001") == ["also noted: memo two"]
    assert _note_box(driver, "p01_interview:0002") == "memo on the valence"
    assert _also_noted(driver, "p01_interview:0002") == []
    assert _note_box(driver, "p02_interview:0000") == ""
    assert _printed(driver, "p02_interview:0000") == "Decided: accepted OS.D; rejected IC.H"
    assert _decisions_csv(driver) == _review_csv(rows)
    driver.refresh()
    assert _decisions_csv(driver) == _review_csv(rows)
    saved = tmp_path / "saved.csv"
    saved.write_text(_decisions_csv(driver), encoding="utf-8")
    # a note typed on a segment of the review: a note row of its own, the mark stays
    note = driver.find_element(
        "css selector", '.review[data-segment="p02_interview:0000"] input.note'
    )
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", note)
    note.send_keys("mine")
    assert _decisions_csv(driver) == _review_csv(
        [*rows, ("p02_interview:0000", "note", "", "", "mine", P02_0000)]
    )
    # so in a report written with them (roqa report --decisions)
    written = tmp_path / "written" / "report.html"
    written.parent.mkdir()
    write_report(
        build_result(),
        written,
        "cfir-2009",
        open_coding=OPEN_CODING,
        decisions=[Decision(*r) for r in rows],
    )
    _open_fresh(driver, written.as_uri())
    assert _note_box(driver, "p01_interview:0001") == "memo <b>one</b>"
    assert _also_noted(driver, "p01_interview:0001") == ["also noted: memo two"]
    assert _decisions_csv(driver) == _review_csv(rows)
    # apply-decisions: the same codings (the valence alone keeps its code), notes and reviewer
    direct, again = _applied(tmp_path, "direct", path), _applied(tmp_path, "saved", saved)
    assert direct[:2] == again[:2]
    assert "p01_interview:0002" in direct[0]
    assert "left out" not in again[2]
    assert qda_reviewer(read_decisions(saved)[0]) == qda_reviewer(read_decisions(path)[0])
    assert qda_reviewer(read_decisions(saved)[0]) == "Alice"


def test_a_second_coders_qda_review_loaded_over_the_first_is_saved_as_the_seconds(
    browser: tuple[Any, Path], report_url: str, tmp_path: Path
) -> None:
    """Bob's QDA review loaded over a page holding Alice's, on the same segments: his rows are
    saved with his mark, as the file's note wins over the page's, so roqa train names both
    reviewers. The page kept the first mark it read, the page's own, and wrote Bob's decisions
    as Alice's (hunt s67 h_pagenotes R1)."""
    from roqa_nlp.decisions import qda_reviewer, read_decisions

    bob = "REFI-QDA review by Bob"
    alice = tmp_path / "Alice.csv"
    alice.write_text(
        _review_csv(
            [
                ("p01_interview:0001", "accept", "IS.E.3", "", QDA_ALICE, P01_0001),
                ("p01_interview:0001", "note", "", "", "alice memo", P01_0001),
                ("p01_interview:0002", "valence", "", "", QDA_ALICE, P01_0002, "barrier"),
            ]
        ),
        encoding="utf-8",
    )
    bobs = [
        ("p01_interview:0001", "reject", "IS.E.3", "", bob, P01_0001),
        ("p01_interview:0002", "valence", "", "", bob, P01_0002, "enabler"),
    ]
    path = tmp_path / "Bob.csv"
    path.write_text(_review_csv(bobs), encoding="utf-8")
    driver, _ = browser
    _open_fresh(driver, report_url)
    _load_file(driver, alice)
    driver.execute_script("document.getElementById('load-status').textContent = ''")
    assert _load_file(driver, path) == "Bob.csv: 2 decisions loaded; all matched"
    assert _note_box(driver, "p01_interview:0001") == "alice memo"
    assert _decisions_csv(driver) == _review_csv(
        [bobs[0], ("p01_interview:0001", "note", "", "", "alice memo", P01_0001), bobs[1]]
    )
    saved = tmp_path / "saved.csv"
    saved.write_text(_decisions_csv(driver), encoding="utf-8")
    assert qda_reviewer(read_decisions(saved)[0]) == "Bob"


def test_a_review_kept_in_the_browser_keeps_its_qda_mark_and_every_note(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A segment's QDA review mark and its other notes (the state's mark and more) are kept by
    the older-page reviews the page reads: one kept for this very report under its id alone,
    and one kept for the report this page was written over (read as rows, by segment id)."""
    from report_fixture import INTERVIEWS

    review = {
        "p01_interview:0001": {
            "codes": {"IS.E.3": {"decision": "accept"}},
            "newCode": "",
            "note": "memo one",
            "mark": QDA_ALICE,
            "more": ["memo two"],
        },
        "p02_interview:0001": {"codes": {}, "newCode": "", "note": "first", "more": ["second"]},
    }
    expected = _review_csv(
        [
            ("p01_interview:0001", "accept", "IS.E.3", "", QDA_ALICE, P01_0001),
            ("p01_interview:0001", "note", "", "", "memo one", P01_0001),
            ("p01_interview:0001", "note", "", "", "memo two", P01_0001),
            ("p02_interview:0001", "note", "", "", "first", P02_0001),
            ("p02_interview:0001", "note", "", "", "second", P02_0001),
        ]
    )
    driver, _ = browser
    path = tmp_path / "report.html"
    write_report(build_result(), path, "cfir-2009")
    old_id = re.search(r'data-report-id="(\w+)"', path.read_text("utf-8"))[1]  # type: ignore[index]
    for key_id in (old_id, "later"):
        if key_id == "later":  # the folder coded again: the page written over the older one
            fewer = {k: v for k, v in INTERVIEWS.items() if k != "p03_interview"}
            write_report(build_result(fewer), path, "cfir-2009")
            key_id = old_id
        driver.get(path.as_uri())
        driver.execute_script("window.localStorage.clear()")
        driver.execute_script(
            "localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))",
            "roqa-decisions:" + key_id,
            review,
        )
        driver.get(path.as_uri())
        assert _note_box(driver, "p01_interview:0001") == "memo one"
        assert _also_noted(driver, "p02_interview:0001") == ["also noted: second"]
        assert _decisions_csv(driver) == expected
        driver.refresh()
        assert _decisions_csv(driver) == expected


def test_a_report_of_many_codes_does_not_scroll_sideways_at_1280_px(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Session 88 (daily23 D6): the ratings header's hidden code names (.vh) widened the page
    beyond its scrolling box (a report of 30 codes: scrollWidth 1682 of 1265), and a card's
    words beside its number were set in the number's large bold type. The report of
    test_report_page_width.py, in the browser's 1280 px window."""
    from test_report_page_width import wide_report

    driver, _ = browser
    wide_report(tmp_path / "report.html")
    _open_fresh(driver, (tmp_path / "report.html").as_uri())
    assert driver.execute_script("return window.innerWidth") == 1280
    page, shown, table = driver.execute_script(
        "var d = document.documentElement;"
        " return [d.scrollWidth, d.clientWidth, document.querySelector('table.ratings').scrollWidth]"
    )
    assert table > shown  # the table is wider than the page, and scrolls in its box
    assert page == shown
    number, words = driver.execute_script(
        "var dd = [...document.querySelectorAll('.stats dd')].find(e => e.querySelector('small'));"
        " var s = getComputedStyle(dd.querySelector('small')), n = getComputedStyle(dd);"
        " return [[parseFloat(n.fontSize), n.fontWeight], [parseFloat(s.fontSize), s.fontWeight]]"
    )
    assert number == [20.8, "600"]
    assert words == [12, "400"]


def test_a_new_code_box_offers_the_names_the_model_and_the_review_already_have(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Tester daily24, s89: 31 segments given one of two new codes, each name typed again by
    hand ("Staff wellbeing", "Staff well-being"). A new-code box, and a group's, offers the
    model's project codes and the new codes this review named (#new-code-names, a <datalist>),
    each once however it was spelt first; the names stay free text."""
    from selenium.webdriver.common.by import By

    from roqa_nlp.schema import Code

    book = Codebook.load("cfir-2009").with_codes(
        [Code("project.lone-working-safety", "Lone working safety", "code")],
        id="cfir-2009+project",
    )
    path = tmp_path / "report.html"
    write_report(build_result(), path, book, open_coding=OPEN_CODING)
    driver, _ = browser
    _open_fresh(driver, path.as_uri())

    def box(segment_id: str) -> Any:
        found = driver.find_element(
            By.CSS_SELECTOR, f'.review[data-segment="{segment_id}"] input.new-code'
        )
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", found)
        return found

    def offered() -> list[str]:
        return driver.execute_script(
            "return Array.from(document.querySelectorAll('#new-code-names option'), o => o.value)"
        )

    assert box("p01_interview:0001").get_attribute("list") == "new-code-names"
    box("p01_interview:0001").click()
    assert offered() == ["Lone working safety"]
    box("p03_interview:0002").send_keys("Staff  wellbeing")
    box("p02_interview:0000").send_keys("staff WELLBEING")
    box("p02_interview:0001").send_keys("Covid disruption")
    box("p01_interview:0001").click()
    assert offered() == ["Covid disruption", "Lone working safety", "Staff wellbeing"]
    # a group's box offers them too
    group = driver.find_element(By.CSS_SELECTOR, ".group-code input.group-code-name")
    assert group.get_attribute("list") == "new-code-names"
    # free text: each segment keeps the name as typed
    rows = [r for r in csv.reader(io.StringIO(_decisions_csv(driver))) if r[1] == "new-code"]
    assert [(r[0], r[3]) for r in rows] == [
        ("p02_interview:0000", "staff WELLBEING"),
        ("p02_interview:0001", "Covid disruption"),
        ("p03_interview:0002", "Staff  wellbeing"),
    ]
    assert _errors(driver) == []


def test_loading_the_carried_file_again_doubles_no_row(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """A decisions file given to roqa report and then loaded into its page again (as a
    warning may advise: Load decisions, Save decisions) is saved with each row once. Guard
    (hunt54 H1, s90): b4506c6d kept a transcript's rows without text out of the page, with one
    mistyped id past its end, and Load then matched them by id, so Save wrote 5 rows for 3 and
    the copy without text survived a change made on the page (reverted)."""
    import warnings

    driver, _ = browser
    rows = [
        ("p03_interview:0000", "accept", "IC.F"),
        ("p03_interview:0001", "accept", "CI.A"),
        ("p03_interview:0099", "accept", "IC.F"),  # a mistyped id: past p03's end
    ]
    f = tmp_path / "decisions.csv"
    f.write_text(
        "segment_id,decision,code_id,new_code,note\n"
        + "".join(f"{s},{d},{c},,\n" for s, d, c in rows),
        encoding="utf-8",
    )
    page = tmp_path / "report.html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write_report(build_result(), page, "cfir-2009", open_coding=OPEN_CODING, decisions=f)
    _open_fresh(driver, page.as_uri())
    driver.execute_script("document.getElementById('load-status').textContent = ''")
    _load_file(driver, f)
    saved = list(csv.reader(io.StringIO(_decisions_csv(driver))))[1:]
    assert sorted(r[0] for r in saved) == sorted(s for s, _, _ in rows)


#: p01's segments decided by id alone in the files of the guards below (hunt1, s91), with one
#: id mistyped past p01's end: ee93845d showed such rows as refused and dropped them on Save
P01_BY_ID = [
    ("p01_interview:0002", "accept", "IC.H", ""),
    ("p01_interview:0004", "accept", "IS.C", ""),
    ("p01_interview:0001", "accept", "CI.A", ""),
]
P01_TYPO = ("p01_interview:0099", "accept", "IC.F", "")
P01_0004 = "From the directors down, everyone here believes in recovery."


def _carried(driver: Any, tmp_path: Path, rows: list[tuple[str, ...]]) -> None:
    """The fixture's report written with ``rows`` (segment_id, decision, code_id, note[, text])
    as its --decisions file, and opened with nothing kept in the browser."""
    import warnings

    f = tmp_path / "decisions.csv"
    with f.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text"])
        for s, d, c, note, *text in rows:
            w.writerow([s, d, c, "", note, *text])
    page = tmp_path / "report.html"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write_report(build_result(), page, "cfir-2009", open_coding=OPEN_CODING, decisions=f)
    _open_fresh(driver, page.as_uri())


def _decided(saved: str) -> list[tuple[str, ...]]:
    """The rows of decisions.csv ``saved`` (segment_id, decision, code_id, note), sorted: what
    the researcher decided, whatever text and order the page saves it with."""
    rows = list(csv.DictReader(io.StringIO(saved)))
    return sorted((r["segment_id"], r["decision"], r["code_id"], r["note"]) for r in rows)


def test_a_carried_file_is_saved_whole_when_a_row_by_words_decides_a_segment_by_id_too(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """Nothing done on the page: Save writes every row of the carried file once. Guard (hunt1
    s45, s91): ee93845d showed a transcript's rows without text as refused when one id was
    mistyped past its end, and dropped them from Save when anything decided their segment: here
    the row with the words (its id typed by hand) of the same segment, so the file's
    'p01_interview:0002 accept IC.H' was lost without a word (reverted)."""
    driver, _ = browser
    by_words = ("P01_INTERVIEW:2", "accept", "IS.E.2", "", P01_0002)
    _carried(driver, tmp_path, [*P01_BY_ID, by_words, P01_TYPO])
    saved = _decisions_csv(driver)
    assert _decided(saved) == [
        ("p01_interview:0001", "accept", "CI.A", ""),
        ("p01_interview:0002", "accept", "IC.H", ""),  # lost by ee93845d
        ("p01_interview:0002", "accept", "IS.E.2", ""),
        ("p01_interview:0004", "accept", "IS.C", ""),
        ("p01_interview:0099", "accept", "IC.F", ""),
    ]
    assert saved == _review_csv(
        [
            ("p01_interview:0001", "accept", "CI.A", "", "", P01_0001),
            ("p01_interview:0002", "accept", "IC.H", "", "", P01_0002),
            ("p01_interview:0002", "accept", "IS.E.2", "", "", P01_0002),
            ("p01_interview:0004", "accept", "IS.C", "", "", P01_0004),
            ("p01_interview:0099", "accept", "IC.F", "", "", ""),
        ]
    )


def test_a_carried_note_is_kept_when_its_segment_is_decided_on_the_page(
    browser: tuple[Any, Path], tmp_path: Path
) -> None:
    """The researcher rejects on the page a code the carried file accepted: the file's note on
    that segment is still saved. Guard (hunt1 s17, s91): ee93845d, with one id mistyped past
    p01's end, dropped every refused row of a segment decided on the page, the note with the
    accept (reverted)."""
    driver, _ = browser
    rows = [
        ("p01_interview:0002", "accept", "IS.E.2", ""),
        *P01_BY_ID[1:],
        ("p01_interview:0002", "note", "", "ask P01 about the training budget"),
        P01_TYPO,
    ]
    _carried(driver, tmp_path, rows)
    _decide(driver, "p01_interview:0002", "IS.E.2", "reject")
    saved = _decisions_csv(driver)
    assert _decided(saved) == [
        ("p01_interview:0001", "accept", "CI.A", ""),
        ("p01_interview:0002", "reject", "IS.E.2", "ask P01 about the training budget"),
        ("p01_interview:0004", "accept", "IS.C", ""),
        ("p01_interview:0099", "accept", "IC.F", ""),
    ]
    assert saved == _review_csv(
        [
            ("p01_interview:0001", "accept", "CI.A", "", "", P01_0001),
            (
                "p01_interview:0002",
                "reject",
                "IS.E.2",
                "",
                "ask P01 about the training budget",
                P01_0002,
            ),
            ("p01_interview:0004", "accept", "IS.C", "", "", P01_0004),
            ("p01_interview:0099", "accept", "IC.F", "", "", ""),
        ]
    )
