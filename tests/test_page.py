"""The fact-checker's page in a real headless browser (Debian's chromium + chromedriver):
paste the seed article, check the highlights, click a claim, step through its evidence,
download the report."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import SEED_PUBLISHED

CHROMIUM = os.environ.get("CLAIMS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CLAIMS_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not shutil.which(p)]
    if missing:
        pytest.fail(f"the page test needs Debian's chromium and chromedriver ({', '.join(missing)} "
                    "not found): apt-get install -y chromium chromium-driver (.ci/run does)")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch a browser or driver
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = Path(downloads)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(predicate, timeout=30, what="the page"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


HIGHLIGHTS = """
const out = {};
for (const el of document.querySelectorAll('#text [data-claims]')) {
  for (const id of el.dataset.claims.split(' ')) out[id] = (out[id] || '') + el.textContent;
}
const inner = {};
for (const el of document.querySelectorAll('#text [data-claim]')) {
  inner[el.dataset.claim] = [...el.classList].filter(c => c.startsWith('v-'));
}
return [out, inner];
"""
EVIDENCE_TEXT = """
const tag = arguments[0], out = [];
for (const el of document.querySelectorAll('#text [data-evidence]'))
  if (el.dataset.evidence.split(' ').includes(tag)) out.push(el.textContent);
return out.join('');
"""


def submit(browser, url):
    from selenium.webdriver.common.by import By

    browser.find_element(By.ID, "check").click()
    return wait_for(lambda: browser.find_element(By.ID, "summary").text, what="the summary")


def test_paste_check_highlight_click_through_and_download(browser, live_server, http, seed_text):
    from selenium.webdriver.common.by import By

    browser.get(live_server.url + "/")
    assert browser.title.startswith("claims")
    area = browser.find_element(By.ID, "article")
    area.send_keys(seed_text)  # typed into the page as a person pastes it
    assert browser.execute_script("return document.getElementById('article').value") == seed_text
    browser.execute_script("document.getElementById('published').value = arguments[0]",
                           SEED_PUBLISHED)
    summary = submit(browser, live_server.url)

    expected = http.post("/v1/check", json={"text": seed_text, "published": SEED_PUBLISHED,
                                            "offsets": "utf16"}).json()
    assert summary.startswith(f"{expected['summary']['claims']} claims")
    # Every claim is highlighted over exactly its text, coloured by its verdict.
    covered, inner = browser.execute_script(HIGHLIGHTS)
    assert {c["id"]: c["text"] for c in expected["claims"]} == covered
    verdicts = {c["id"]: c["verdict"] for c in expected["claims"]}
    assert inner and all(classes == [f"v-{verdicts[cid]}"] for cid, classes in inner.items())

    # Click "eight allied nations": its value, source, the finding and its evidence.
    eight = next(c for c in expected["claims"] if c["text"] == "eight allied nations")
    finding = next(f for f in expected["findings"] if eight["id"] in f["claims"])
    browser.find_element(By.CSS_SELECTOR, f'#text [data-claim="{eight["id"]}"]').click()
    details = browser.find_element(By.ID, "details")
    assert details.find_element(By.TAG_NAME, "h2").text == "eight allied nations"
    assert details.find_element(By.ID, "verdict").text == "consistent"
    rows = {r.find_elements(By.TAG_NAME, "td")[0].text: r.find_elements(By.TAG_NAME, "td")[1].text
            for r in details.find_elements(By.CSS_SELECTOR, "#value tr")}
    assert rows["kind"] == "count" and rows["value"] == "8" and rows["noun"] == "nations"
    assert rows["source"] == (eight["source"]["name"] if eight["source"] else "none stated")
    assert finding["message"] in details.text
    assert finding["message"].startswith("Says eight nations and lists eight")

    # The finding's evidence is highlighted, and "Next evidence" steps through it in turn.
    assert len(finding["evidence"]) >= 3
    for step, evidence in enumerate(finding["evidence"]):
        current = browser.execute_script(
            "return [...document.querySelectorAll('#text .evidence-current')]"
            ".map(e => e.textContent).join('')")
        assert current == evidence["text"], step
        assert browser.execute_script(EVIDENCE_TEXT, f"{finding['id']}:{step}") == evidence["text"]
        assert browser.find_elements(By.CSS_SELECTOR, "#text .evidence")
        details.find_element(By.CSS_SELECTOR, ".next-evidence").click()
    current = browser.execute_script(
        "return [...document.querySelectorAll('#text .evidence-current')]"
        ".map(e => e.textContent).join('')")
    assert current == finding["evidence"][0]["text"]  # back to the first

    # Download the report as JSON: the same report the API gives.
    browser.find_element(By.ID, "download").click()
    path = wait_for(lambda: next(iter(browser.downloads.glob("claims-report-*.json")), None),
                    what="the downloaded report")
    wait_for(lambda: path.stat().st_size > 0, what="the download to finish")
    assert json.loads(path.read_text(encoding="utf-8")) == expected


def test_an_inconsistent_edit_shows_red_and_its_message(browser, live_server, seed_text):
    from selenium.webdriver.common.by import By

    browser.get(live_server.url + "/")
    edited = seed_text.replace("eight allied nations", "seven allied nations", 1)
    browser.execute_script("document.getElementById('article').value = arguments[0]", edited)
    browser.execute_script("document.getElementById('published').value = arguments[0]",
                           SEED_PUBLISHED)
    summary = submit(browser, live_server.url)
    assert "2 inconsistent" in summary
    bad = browser.find_elements(By.CSS_SELECTOR, "#text .claim.v-inconsistent")
    assert {el.text for el in bad} >= {"seven allied nations"}
    bad[0].click()
    details = browser.find_element(By.ID, "details")
    assert details.find_element(By.ID, "verdict").text == "inconsistent"
    assert "Says seven nations but lists eight" in details.text


def test_a_refusal_is_shown_not_swallowed(browser, live_server):
    from selenium.webdriver.common.by import By

    browser.get(live_server.url + "/")
    browser.find_element(By.ID, "article").send_keys("   ")
    browser.find_element(By.ID, "check").click()
    error = wait_for(lambda: browser.find_element(By.ID, "error").text, what="the error")
    assert "empty" in error
