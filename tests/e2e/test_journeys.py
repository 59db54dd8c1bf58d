"""Journeys 1, 2, 3 and 5 in headless Chromium against the real app on localhost.

A referrer refers "Deano" (and a hostile name); the analyst triages; the panel member sees the
person on Places / People of Concern; the analyst opens the explorer. No request may leave this
machine, no script in a name may run, and every page is screenshotted for the README.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from graphdb.sqlite import SqliteStore
from schemas.enums import NodeLabel
from tests.e2e.conftest import AppServer, shoot, sign_in

pytestmark = pytest.mark.browser
HOSTILE = "<img src=x onerror=alert(1)>"


def go(page: object, title: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.get_by_role("link", name=title).first.click()
    expect(page.get_by_role("heading", name=title).first).to_be_visible(timeout=30_000)


def choose(page: object, label: str, option: str, *, multi: bool = False) -> None:
    """Pick an option in a Streamlit (baseweb) select or multiselect by its label."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    box = page.get_by_role("combobox", name=re.compile(re.escape(label))).first
    box.click()
    box.fill(option)
    page.get_by_role("option", name=re.compile(re.escape(option))).first.click()
    if multi:
        page.keyboard.press("Escape")
    expect(page.get_by_role("option")).to_have_count(0, timeout=30_000)
    page.wait_for_timeout(1000)  # let Streamlit rerun with the new choice


def open_tab(browser: object, app_server: AppServer, dialogs: list[str]) -> Any:
    """Another user's browser window, watched like the first for dialogs and outside requests."""
    from playwright.sync_api import Browser

    from tests.e2e.conftest import is_local

    assert isinstance(browser, Browser)
    tab = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.on(
        "request",
        lambda r: None if is_local(r.url) else app_server.external_requests.append(r.url),
    )
    return tab


def refer(page: object, name: str, alias: str, vehicle: str) -> str:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    name_box = page.get_by_role("textbox", name="Name of person", exact=True)
    expect(name_box).to_be_visible(timeout=30_000)
    name_box.fill(name)
    page.get_by_role("textbox", name="Also known as (aliases, nicknames)", exact=True).fill(alias)
    page.get_by_role("textbox", name="Vehicle registration", exact=True).fill(vehicle)
    search = page.get_by_role("textbox", name="Search for a child by name", exact=True)
    search.fill("Jayden")
    search.press("Enter")
    expect(page.get_by_text(re.compile(r"Found \d+"))).to_be_visible(timeout=30_000)
    choose(page, "Linked children", "Jayden", multi=True)
    page.get_by_role(
        "textbox", name="Summary of concerns, including dates and how you know this information"
    ).fill("A man in a grey car collected two Year 10 girls at the gate on 3 and 17 November.")
    page.get_by_role("textbox", name="How do you know this?", exact=True).fill(
        "my own observation at the school gate"
    )
    page.get_by_text("Fact — I saw or heard it myself", exact=False).click()
    page.get_by_role("button", name="Submit referral").click()
    reference = page.get_by_text(re.compile(r"REF-\d{8}-[0-9A-F]{6}")).first
    expect(reference).to_be_visible(timeout=30_000)
    match = re.search(r"REF-\d{8}-[0-9A-F]{6}", reference.inner_text())
    assert match is not None
    return match.group(0)


def test_referral_to_triage_to_panel_to_explorer(
    browser: object, app_server: AppServer, page: object
) -> None:
    from playwright.sync_api import Browser, Page, expect

    assert isinstance(page, Page) and isinstance(browser, Browser)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    # Journey 1: the school's safeguarding lead refers "Deano" and, separately, a hostile name.
    page.goto(app_server.url)
    shoot(page, "sign_in")
    sign_in(page, "okafor")
    shoot(page, "home_referrer")
    assert page.get_by_role("link", name="Network explorer").count() == 0
    go(page, "Refer a person or place of concern")
    ref = refer(page, "Unknown male about 25", "Deano", "SF53 DNR")
    shoot(page, "referral_submitted")
    page.get_by_role("button", name="Make another referral").click()
    hostile_ref = refer(page, HOSTILE, "x'}) MATCH (n) DETACH DELETE n //", "ZZ99 ZZZ")
    go(page, "My submissions")
    expect(page.get_by_text("2 referrals; 2 waiting for triage.")).to_be_visible()
    shoot(page, "my_submissions")

    store = SqliteStore(app_server.db)
    referrals = {n.id: n for n in store.iter_nodes([NodeLabel.REFERRAL])}
    assert referrals[ref].properties["status"] == "submitted"
    assert referrals[hostile_ref].properties["subject_name"] == HOSTILE

    # Journey 2: the analyst sees the vehicle match and merges into Dean Miles.
    analyst = open_tab(browser, app_server, dialogs)
    analyst.goto(app_server.url)
    sign_in(analyst, "hale")
    go(analyst, "Triage queue")
    expect(analyst.get_by_text("vehicle SF53 DNR exact").first).to_be_visible(timeout=30_000)
    shoot(analyst, "triage")
    analyst.get_by_role("radio", name=re.compile(r"Dean Miles \(P-00001\)")).check(force=True)
    analyst.get_by_role("button", name="Merge into this record").click()
    expect(analyst.get_by_text(f"{ref} linked to the existing record").first).to_be_visible(
        timeout=30_000
    )
    store.close()
    store = SqliteStore(app_server.db)
    merged = store.get_node(ref)
    assert merged is not None and merged.properties["status"] == "merged"
    assert merged.properties["linked_record"] == "P-00001"
    concern = [
        x
        for x in store.links_of(["P-00001"])
        if x.properties.get("source_note", "").startswith(f"referral {ref}")
    ]
    assert any(x.type == "CONCERN_FOR" for x in concern)
    # Accept the hostile one as new, so its name reaches the panel's pages and the maps.
    choose(analyst, "Referral to triage (oldest first)", hostile_ref)
    analyst.get_by_role("button", name="Accept as new").click()
    expect(analyst.get_by_text(f"{hostile_ref} accepted").first).to_be_visible(timeout=30_000)
    store.close()

    # Journey 5: the panel member prepares the Places / People of Concern item.
    panel = open_tab(browser, app_server, dialogs)
    panel.goto(app_server.url)
    sign_in(panel, "shah")
    assert panel.get_by_role("link", name="Network explorer").count() == 0
    go(panel, "Places / People of Concern")
    expect(panel.get_by_text("Dean Miles").first).to_be_visible(timeout=60_000)
    shoot(panel, "places_people")
    panel.get_by_role("tab", name="Hotspot map").click()
    panel.wait_for_timeout(3000)
    shoot(panel, "hotspot_map")

    # Journey 3: the analyst searches "Deano" and opens a map for police disruption.
    go(analyst, "Network explorer")
    choose(analyst, "Purpose of this map", "Police disruption")
    search = analyst.get_by_role("textbox", name="Find a person, phone, vehicle or place")
    search.fill("Deano")
    search.press("Enter")
    expect(
        analyst.get_by_text(re.compile(r"\d+ records \(\d+ people\) and \d+ links"))
    ).to_be_visible(timeout=60_000)
    analyst.wait_for_timeout(3000)
    shoot(analyst, "explorer")
    frame_html = analyst.frame_locator("iframe").first.locator("body").inner_html(timeout=30_000)
    assert "Dean Miles" in frame_html
    assert "<img src=x" not in frame_html, "a hostile name is escaped inside the map"

    analyst.context.close()
    panel.context.close()
    assert dialogs == [], "no script in a name may run"
    assert app_server.external_requests == [], "no request may leave this machine"
