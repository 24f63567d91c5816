"""Playwright browser tests: Debian's chromium against Django's live_server, with a real qcluster worker.

- `browser_type_launch_args`: pytest-playwright cannot download a browser here; use /usr/bin/chromium.
- `qcluster` / `start_qcluster(render_scale=...)`: a real `manage.py qcluster` on the test database and
  media folder, in its own process group, stopped with its workers when the test ends
  (`process.kill_group()` kills it and its workers at once, like a crashed machine).
- `shot(page, name)`: a full-page screenshot into screenshots/ (gitignored) for people to look at.
- `sign_up(page)`: signs a new author up through the form and returns their email.
- `wait_for_job(page)`: waits on a job page until the live polling shows the result.
- `fits(page)`: True when the page needs no sideways scrolling at its viewport's width.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in this thread, and pytest-django's database
# fixtures and the tests' own ORM calls are plain synchronous calls around it: allow them. (Set when
# this folder is collected; Django reads it at each call.)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
RENDER_SCALE = 0.1  # production code path, a tenth of the pixels


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (scripts/apt-packages.txt lists it)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "accept_downloads": True}


@pytest.fixture(scope="module")
def _browser_media(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser-media")


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings, _browser_media):
    """Overrides the suite's per-test media folder with one the worker process can share."""
    settings.MEDIA_ROOT = _browser_media
    storages = dict(settings.STORAGES)
    default = dict(storages["default"])
    if default["BACKEND"] == "django.core.files.storage.FileSystemStorage":
        default["OPTIONS"] = {**default.get("OPTIONS", {}), "location": _browser_media}
        storages["default"] = default
        settings.STORAGES = storages


@pytest.fixture(autouse=True)
def _site_settings(settings, live_server):
    from billing.plans import plans_ensure
    from covers.services import template_sync

    settings.COVERS_RENDER_SCALE = RENDER_SCALE
    settings.PUBLIC_URL = live_server.url
    # live_server tests run in transactions that are flushed afterwards, taking the rows the data
    # migrations made with them: put the plans and the engine's templates back.
    plans_ensure()
    template_sync()


@pytest.fixture
def start_qcluster(live_server, _browser_media, settings):
    """start_qcluster(render_scale=...): a real django-q2 cluster in its own process group, on this
    test's database and media folder. Stopped (its whole group) when the test ends."""
    from django.db import connection

    started: list[subprocess.Popen] = []

    def start(*, render_scale: float = RENDER_SCALE) -> subprocess.Popen:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.browser.worker_settings",
            "BYC_BROWSER_DB_NAME": str(connection.settings_dict["NAME"]),
            "BYC_BROWSER_MEDIA_ROOT": str(_browser_media),
            "BYC_BROWSER_RENDER_SCALE": str(render_scale),
            "BYC_PUBLIC_URL": live_server.url,
            "BYC_QUEUE_NAME": settings.Q_CLUSTER["name"],
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
        }
        log = open(_browser_media / f"qcluster-{len(started)}.log", "wb")  # noqa: SIM115 (the process owns it)
        process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its workers share its process group, so they stop with it
        )
        log.close()
        process.kill_group = lambda: stop_process_group(process, sig=signal.SIGKILL)
        started.append(process)
        return process

    yield start
    for process in started:
        stop_process_group(process)


def stop_process_group(process: subprocess.Popen, *, sig: int = signal.SIGTERM) -> None:
    """Stop a process started with start_new_session=True and every process of its group."""
    if process.poll() is None:
        try:
            # SIGTERM goes to the leader only: it stops its own children. Sent to the whole group, it
            # reaches django-q2's sentinel and pool as well, and the cluster's main process can hang
            # until the timeout below (15 s per test).
            if sig == signal.SIGTERM:
                os.kill(process.pid, sig)
            else:
                os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    # Orphaned workers of a killed cluster stay in the group; make sure none outlives the test.
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.fixture
def qcluster(start_qcluster):
    return start_qcluster()


IMAGES_LOADED = "() => Array.from(document.images).filter(i => i.loading !== 'lazy').every(i => i.complete)"


@pytest.fixture
def shot(request):
    """shot(page, "what it shows"): saves screenshots/<test>-<nn>-<what>.png (full page), once the
    page's images have loaded (settle=False: at once, e.g. to catch a progress page mid-way)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    test_name = request.node.originalname.removeprefix("test_")
    numbers = itertools.count(1)

    def take(page, name: str, *, settle: bool = True) -> Path:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        path = SCREENSHOTS / f"{test_name}-{next(numbers):02d}-{slug}.png"
        if settle:
            # Images, including those a live update inserted (thumbnails are made on first request).
            page.wait_for_load_state("networkidle")
            page.wait_for_function(IMAGES_LOADED, timeout=30_000)
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


_emails = itertools.count(1)


@pytest.fixture
def sign_up(live_server):
    def run(page, *, password: str = "quiet harbour 42") -> str:
        email = f"browser-author-{os.getpid()}-{next(_emails)}@example.com"
        page.goto(f"{live_server.url}/signup/")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password", exact=True).fill(password)
        page.get_by_label("Repeat the password").fill(password)
        page.get_by_role("button", name="Create account").click()
        page.wait_for_url(re.compile(r"/books/new/$"))
        return email

    return run


@pytest.fixture
def wait_for_job():
    """wait_for_job(page): on a job page, wait until polling swaps in the result; completed or failed."""

    def wait(page, *, timeout_ms: int = 90_000) -> str:
        result = page.locator("[data-testid=job-result]")
        result.wait_for(timeout=timeout_ms)
        return result.get_attribute("data-job-status")

    return wait


@pytest.fixture
def fits():
    """fits(page): the page is no wider than its viewport (nothing to scroll sideways)."""

    def check(page) -> bool:
        return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    return check


@pytest.fixture
def first_cover(wait_for_job):
    """first_cover(page, title=..., genre=..., main_elements=""): from the new-book page (where
    sign_up leaves the author), through the wizard to one generated cover; leaves the page on it."""

    def run(page, *, title: str, genre: str, author: str = "Ines Varga", main_elements: str = "") -> str:
        page.get_by_label("Title", exact=True).fill(title)
        page.get_by_label("Author name").fill(author)
        page.get_by_label("Genre", exact=True).select_option(genre)
        page.get_by_role("button", name=re.compile("Save and choose a style")).click()
        page.wait_for_url(re.compile(r"/books/[0-9a-f-]+/style/$"))
        if main_elements:
            page.get_by_label("Main elements").fill(main_elements)
        page.locator("label[for=count-1]").click()
        page.get_by_role("button", name="Generate covers").click()
        page.wait_for_url(re.compile(r"/jobs/[0-9a-f-]+/$"))
        assert wait_for_job(page) == "completed"
        page.get_by_test_id("result-cover").first.click()
        page.wait_for_url(re.compile(r"/covers/[0-9a-f-]+/$"))
        return page.url

    return run
