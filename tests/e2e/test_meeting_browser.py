"""Journey 4 in headless Chromium: the facilitator runs a mapping meeting and downloads the minutes.

Ms Adeyemi starts a mapping meeting on the demo data, records who is present until the quorum
line turns quorate, adds two young people, states a friendship between them (attributed to
Education, as fact), records a decision and an action, closes the meeting and downloads the
DOCX minutes, which must carry the link, the action, the attendees and the quorum line.

The app server is shared with test_journeys.py: this test makes its own meeting (a unique
title) and relies on nothing that test creates.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from tests.e2e.conftest import AppServer, shoot, sign_in

pytestmark = pytest.mark.browser
WAIT = 30_000  # ms: every wait is for something on the page, never a sleep
PEOPLE = [
    ("Nurse Priya Kaur", "Health"),
    ("Ms Grace Adeyemi", "Children's Social Care"),
    ("DC Tom Shah", "Police"),
    ("Mr Daniel Okafor", "Education"),
]
# The quorum line after each attendee above (Health, CSC, Police, Education are required).
QUORUM_AFTER = [
    "Not quorate: Children's Social Care, Police and Education not present",
    "Not quorate: Police and Education not present",
    "Not quorate: Education not present",
    "Quorate: Health, Children's Social Care, Police and Education present.",
]
FIRST, SECOND = "Tyreke Lawson", "Reece Donovan"  # demo young people (seed 7)
ACTION = "Safety plan review with Tyreke and his mother"


def select(page: object, label: str) -> object:
    """The visible Streamlit select or multiselect whose label is exactly `label`."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    labelled = page.get_by_test_id("stWidgetLabel").filter(
        has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
    )
    return (
        page.locator('[data-testid="stSelectbox"], [data-testid="stMultiSelect"]')
        .filter(has=labelled)
        .filter(visible=True)
        .first
    )


def settle(page: object) -> None:
    """Wait until the script run has finished and no element is stale (mid-rerun)."""
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=WAIT
    )
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=WAIT)


def choose(page: object, label: str, option: str) -> None:
    """Pick `option` (its visible text contains it) in the select labelled `label`.

    A rerun that lands while the menu is open can close it; then the pick is tried again.
    Only a multiselect's menu is closed with Escape afterwards: on a select with no default,
    Escape would clear the choice just made.
    """
    from playwright.sync_api import Locator, Page, expect
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    assert isinstance(page, Page)
    for attempt in range(3):
        settle(page)
        widget = select(page, label)
        assert isinstance(widget, Locator)
        box = widget.get_by_role("combobox")
        box.click()
        box.fill(option)
        try:
            page.get_by_role("option", name=re.compile(re.escape(option))).first.click(
                timeout=WAIT // 3
            )
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            if attempt == 2:
                raise
            continue
        if widget.get_attribute("data-testid") == "stMultiSelect":
            page.keyboard.press("Escape")
            expect(widget).to_contain_text(option, timeout=WAIT)  # a chip
        else:
            expect(box).to_have_value(re.compile(re.escape(option)), timeout=WAIT)
        return


def tab(page: object, name: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    settle(page)
    page.get_by_role("tab", name=name, exact=True).click()
    expect(page.get_by_role("tab", name=name, exact=True)).to_have_attribute(
        "aria-selected", "true", timeout=WAIT
    )


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a DOCX, one per line."""
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def test_a_mapping_meeting_from_start_to_minutes(
    app_server: AppServer, page: object, tmp_path: Path
) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.set_default_timeout(WAIT)
    title = f"Mapping meeting: station area {uuid.uuid4().hex[:6]}"

    # Start a mapping meeting on the demo data; it opens not quorate.
    page.goto(app_server.url)
    sign_in(page, "adeyemi")
    page.get_by_role("link", name="Meetings").first.click()
    expect(page.get_by_role("heading", name="Meetings").first).to_be_visible(timeout=WAIT)
    page.get_by_text("Start a meeting", exact=True).click()
    choose(page, "Type of meeting", "Mapping meeting")
    page.get_by_role("textbox", name="Title", exact=True).fill(title)
    page.get_by_role("textbox", name="Venue", exact=True).fill("Guildhall 2")
    page.get_by_role("button", name="Start the meeting").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible(timeout=WAIT)
    expect(
        page.get_by_text("Not quorate: Health, Children's Social Care, Police and Education")
    ).to_be_visible(timeout=WAIT)

    # People present: the quorum line follows each arrival and turns quorate with Education.
    for (name, agency), line in zip(PEOPLE, QUORUM_AFTER, strict=True):
        page.get_by_role("textbox", name="Name", exact=True).fill(name)
        choose(page, "Agency", agency)
        page.get_by_role("button", name="Add", exact=True).click()
        expect(page.get_by_text(line)).to_be_visible(timeout=WAIT)
        settle(page)
    quorate = QUORUM_AFTER[-1]
    expect(page.get_by_text(quorate, exact=True)).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("Not quorate")).to_have_count(0)

    # Mapping: two young people join the meeting.
    tab(page, "Mapping")
    expect(page.get_by_text("No young people on this meeting yet")).to_be_visible(timeout=WAIT)
    for name in (FIRST, SECOND):
        find = page.get_by_role("textbox", name="Find a young person", exact=True)
        find.fill(name.split()[0])
        find.press("Enter")
        choose(page, "Add to this meeting", name)
        page.locator(".st-key-mt_cadd").get_by_role("button", name="Add").click()
        expect(page.locator("strong", has_text=name).first).to_be_visible(timeout=WAIT)
        settle(page)
    expect(page.get_by_text("No young people on this meeting yet")).to_have_count(0)

    # A friendship between them, said by Education as fact.
    choose(page, "Contributing agency", "Education")
    page.get_by_role("radio", name="fact", exact=True).check(force=True)
    choose(page, "From", f"{FIRST} (young person)")
    choose(page, "To", f"{SECOND} (young person)")
    page.get_by_role("button", name="Add the link", exact=True).click()
    expect(page.get_by_text("Link added.").first).to_be_visible(timeout=WAIT)
    settle(page)
    page.get_by_role("heading", name=title).scroll_into_view_if_needed()
    shoot(page, "meeting_in_progress")

    # Decisions and actions: a decision and an action attached to the first young person.
    tab(page, "Decisions and actions")
    page.get_by_role("textbox", name="Decision", exact=True).fill(
        "Share the station-area map with British Transport Police."
    )
    page.get_by_role("button", name="Record the decision", exact=True).click()
    expect(
        page.get_by_text("Share the station-area map with British Transport Police.")
    ).to_be_visible(timeout=WAIT)
    page.get_by_role("textbox", name="Action", exact=True).fill(ACTION)
    choose(page, "About", f"{FIRST} (young person)")
    page.get_by_role("textbox", name="Owner", exact=True).fill("Ms Grace Adeyemi")
    choose(page, "Agency", "Children's Social Care")
    page.get_by_role("button", name="Add the action", exact=True).click()
    expect(select(page, "Completed")).to_be_visible(timeout=WAIT)  # one open action now

    # Minutes: close the meeting, prepare the minutes and download the DOCX.
    tab(page, "Minutes")
    page.get_by_text("Everything said in this meeting is recorded", exact=True).click()
    page.get_by_role("button", name="Close meeting", exact=True).click()
    prepare = page.get_by_role("button", name="Prepare the minutes", exact=True)
    expect(prepare).to_be_visible(timeout=WAIT)  # "draft" no longer: the meeting is closed
    prepare.click()
    ready = "Minutes ready: 1 addition(s), 0 change(s), 0 dismissal(s), 1 decision(s)."
    expect(page.get_by_text(ready)).to_be_visible(timeout=WAIT)
    with page.expect_download(timeout=WAIT) as info:
        page.get_by_role("button", name="Download minutes (DOCX)", exact=True).click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    text = docx_text(saved)
    assert f"Minutes: {title}" in text
    link_lines = [line for line in text.splitlines() if line.startswith("Link: ")]
    assert any(
        line.startswith(f"Link: {FIRST} — associates with — {SECOND}") and "Education, fact" in line
        for line in link_lines
    ), link_lines
    assert any(line.startswith(f"{ACTION} | {FIRST}") for line in text.splitlines()), text
    for name, agency in PEOPLE:
        assert f"{name} | {agency}" in text.splitlines()
    assert quorate in text.splitlines()
    assert "Share the station-area map with British Transport Police." in text
    assert app_server.external_requests == [], "no request may leave this machine"
