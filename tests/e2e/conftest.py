"""A real app server on localhost and headless Debian Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from graphdb.sqlite import SqliteStore
from mapping.io.demo import generate
from mapping.services.accounts import add_account
from schemas.enums import Agency, Role
from tests.conftest import IN_CI
from tests.neo4j_server import free_port

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PASSWORD = "synthetic-demo-pass"
ACCOUNTS = {
    "okafor": (Role.REFERRER, "Larkmead High School"),
    "hale": (Role.ANALYST, Agency.POLICE.value),
    "shah": (Role.PANEL_MEMBER, Agency.POLICE.value),
    "adeyemi": (Role.FACILITATOR, Agency.CSC.value),
    "admin": (Role.ADMIN, Agency.OTHER.value),
}


@dataclass
class AppServer:
    url: str
    db: Path
    external_requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    if not Path(CHROMIUM).exists():
        message = "Debian chromium is not installed (make test installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    db = tmp_path_factory.mktemp("e2e") / "app.db"
    store = SqliteStore(db)
    store.init()
    nodes, links = generate("small", seed=7)
    store.write(nodes, links, actor="demo")
    for username, (role, agency) in ACCOUNTS.items():
        add_account(store, username, PASSWORD, role, agency=agency, actor="setup")
    store.close()
    port = free_port()
    env = dict(os.environ, CONTEXTMAP_STORE=f"embedded://{db}")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("the app server did not start")
        time.sleep(0.5)
    try:
        yield AppServer(url, db)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, app_server: AppServer) -> Iterator[object]:
    """A fresh browser context that records every request not addressed to this machine."""
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    tab = context.new_page()

    def watch(request: object) -> None:
        url = str(getattr(request, "url", ""))
        if not is_local(url):
            app_server.external_requests.append(url)

    tab.on("request", watch)
    yield tab
    context.close()


def is_local(url: str) -> bool:
    """True for this machine's addresses and for in-page URLs (data:, blob:, about:)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https", "ws", "wss"):
        return True
    return (parsed.hostname or "") in ("127.0.0.1", "localhost", "::1")


def sign_in(page: object, username: str) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    page.get_by_role("textbox", name="Username").fill(username)
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as")).to_be_visible(timeout=30_000)


def shoot(page: object, name: str) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(800)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """On a failing browser test, keep a screenshot of every open tab for the report."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.when == "call" and report.failed and "page" in getattr(item, "funcargs", {}):
        tab = item.funcargs["page"]
        for i, other in enumerate(tab.context.browser.contexts if tab.context.browser else []):
            for j, open_page in enumerate(other.pages):
                open_page.screenshot(path=f"/tmp/e2e-failure-{i}-{j}.png")
