"""In Chromium, every resident screen at 200 % zoom (WCAG 2.2 1.4.4 resize text, 1.4.10
reflow) and with reduced motion (2.3.3, the issue's bar): nothing needs sideways scrolling,
nothing a user reads or taps sticks out, is clipped or lies on top of another, and nothing
moves when the system asks for less motion."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from playwright.async_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import ROOT, Server
from tests.e2e.flows import (
    add_virtual_authenticator,
    choose_language,
    register,
    seed_resident_screens,
    service_worker_in_control,
)

LANGUAGES = ("fi", "sv", "en")
SIGNED_OUT = ("/", "/register")
# Browser zoom in Chromium scales CSS pixels: at 200 % a window W device pixels wide lays the
# page out in W / 2 CSS px with devicePixelRatio 2, and media queries see W / 2. So a viewport
# of W / 2 at deviceScaleFactor 2 is what the zoomed user gets (the zoom keys themselves are
# browser UI that Playwright cannot press). 640: a 1280 px desktop window at 200 %. 320: the
# reflow width of 1.4.10 (1280 px at 400 %, or a 640 px window at 200 %).
ZOOMED = (
    {"width": 640, "height": 400},  # 1280 × 800 at 200 %
    {"width": 320, "height": 256},  # 1280 × 1024 at 400 %, 1.4.10's own example
)

# A selector names an element by its tag, test id or classes, under its nearest ancestor
# with a test id or id.
SELECTOR = """
  const label = (el) => {
    const testId = el.getAttribute("data-testid");
    let name = el.tagName.toLowerCase();
    if (testId) return `${name}[data-testid="${testId}"]`;
    if (el.id) return `${name}#${el.id}`;
    if (el.classList.length) name += "." + [...el.classList].join(".");
    return name;
  };
  const selector = (el) => {
    const parts = [label(el)];
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (up.getAttribute("data-testid") || up.id) { parts.unshift(label(up)); break; }
    }
    return parts.join(" ");
  };
"""

# What a user would notice at this width, each as "selector: problem". A selector is the
# element's tag, test id or classes, under its nearest ancestor with a test id.
LAYOUT_PROBLEMS = (
    """() => {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  const problems = [];"""
    + SELECTOR
    + """  const screenReaderOnly = (el) => el.closest(".visually-hidden") !== null;
  const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && !screenReaderOnly(el);
  const px = (n) => Math.round(n * 10) / 10;
  if (root.scrollWidth > width + 1) {
    problems.push(`page: scrolls sideways, scrollWidth ${root.scrollWidth} > ${width}`);
  }
  const all = [...document.body.querySelectorAll("*")].filter(shown);
  // Boxes sticking out of the viewport (the deepest ones: their ancestors follow them).
  for (const el of all) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const out = box.left < -1 || box.right > width + 1;
    const childOut = [...el.children].some((c) => {
      const b = c.getBoundingClientRect();
      return shown(c) && (b.left < -1 || b.right > width + 1);
    });
    if (out && !childOut) {
      const span = `${px(box.left)}–${px(box.right)} px`;
      problems.push(`${selector(el)}: spans ${span}, viewport ${width}`);
    }
  }
  // Text wider than its own box: clipped, or drawn over what is next to it.
  for (const el of all) {
    if (["INPUT", "SELECT", "TEXTAREA", "IMG", "svg"].includes(el.tagName)) continue;
    const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      const sizes = `${el.scrollWidth} px wide in a ${el.clientWidth} px box`;
      problems.push(`${selector(el)}: text ${sizes}`);
    }
  }
  // Controls: a size to tap, inside the viewport, none lying on another.
  const controls = all.filter((el) => el.matches("a[href], button, input, select, textarea"));
  const boxes = controls.map((el) => [el, el.getBoundingClientRect()]);
  for (const [el, box] of boxes) {
    if (box.width < 1 || box.height < 1) {
      problems.push(`${selector(el)}: control has no size (${px(box.width)} × ${px(box.height)})`);
    }
  }
  boxes.forEach(([a, boxA], i) => {
    for (const [b, boxB] of boxes.slice(i + 1)) {
      const label = a.closest("label");
      if (a.contains(b) || b.contains(a) || (label && label === b.closest("label"))) continue;
      const across = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
      const down = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
      if (across > 1 && down > 1) problems.push(`${selector(a)}: overlaps ${selector(b)}`);
    }
  });
  // Headings: there and readable.
  for (const el of document.querySelectorAll("h1, h2, h3")) {
    const box = el.getBoundingClientRect();
    if (screenReaderOnly(el)) continue;
    if (!el.checkVisibility({ visibilityProperty: true }) || box.width < 1 || box.height < 1) {
      problems.push(`${selector(el)}: heading not visible`);
    }
  }
  return problems;
}"""
)

# Everything that would move on this screen: the computed animation and transition of every
# element and pseudo-element (a transition counts before its :hover or :focus happens), and
# smooth scrolling.
MOTION = (
    """() => {"""
    + SELECTOR
    + """
  const seconds = (list) => Math.max(...list.split(",").map((value) =>
    parseFloat(value) * (value.trim().endsWith("ms") ? 0.001 : 1)));
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      const where = selector(el) + (pseudo ?? "");
      if (style.animationName !== "none" && seconds(style.animationDuration) > 0.01) {
        found.push(`${where}: animation ${style.animationName} ${style.animationDuration}`);
      }
      if (style.transitionProperty !== "none" && seconds(style.transitionDuration) > 0.01) {
        found.push(`${where}: transition ${style.transitionProperty} ${style.transitionDuration}`);
      }
      if (pseudo === null && style.scrollBehavior === "smooth") {
        found.push(`${where}: smooth scrolling`);
      }
    }
  }
  return found;
}"""
)


async def screen_ready(page: Page, base: str, path: str) -> None:
    await page.goto(base + path)
    await expect(page.locator("h1")).to_have_count(1)
    await expect(page.get_by_role("status").filter(has_text="…")).to_have_count(0)


@pytest.fixture(scope="module")
def pwa_dist() -> Iterator[Path]:
    """A copy of the built PWA for this module's server: a test deploys a next version of
    the service worker into it, leaving pwa/dist alone."""
    copy = Path(tempfile.mkdtemp(prefix="portal-pwa-")) / "dist"
    before = os.environ.get("PORTAL_PWA_DIST")
    shutil.copytree(ROOT / (before or "pwa/dist"), copy)
    os.environ["PORTAL_PWA_DIST"] = str(copy)  # read by the server fixture as it starts
    yield copy
    if before is None:
        del os.environ["PORTAL_PWA_DIST"]
    else:
        os.environ["PORTAL_PWA_DIST"] = before
    shutil.rmtree(copy.parent)


@pytest.fixture(scope="module")
def server(pwa_dist: Path, server: Server) -> Server:
    """conftest's server, serving the copy."""
    return server


OpenPage = Callable[..., Awaitable[Page]]


class Resident(NamedTuple):
    state: Any  # the signed-in browser's storage state: cookies, local storage, IndexedDB
    screens: list[str]


@pytest.fixture(scope="module")
async def resident(browser: Browser, server: Server) -> Resident:
    context = await browser.new_context(locale="fi-FI")
    try:
        page = await context.new_page()
        await add_virtual_authenticator(page)
        await register(page, server.base, "ville", "ville.koskinen@example.fi", "+358 40 000 0111")
        screens = await seed_resident_screens(page)
        state = await context.storage_state(indexed_db=True)
    finally:
        await context.close()
    return Resident(state, screens)


@pytest.fixture
async def zoomed_page(browser: Browser) -> AsyncIterator[OpenPage]:
    """Opens a page in a new context at 200 % zoom; every context closes after the test,
    failed or not (an open one would keep the server's live connection open)."""
    contexts: list[BrowserContext] = []

    async def open_page(**options: Any) -> Page:
        context = await browser.new_context(
            locale="fi-FI", viewport=ZOOMED[0], device_scale_factor=2, **options
        )
        contexts.append(context)
        return await context.new_page()

    yield open_page
    for context in contexts:
        await context.close()


async def layout_problems(page: Page, base: str, paths: list[str], language: str) -> list[str]:
    found: list[str] = []
    for size in ZOOMED:
        await page.set_viewport_size(size)
        for path in paths:
            await screen_ready(page, base, path)
            found += await problems_here(page, f"{path} [{language}] @{size['width']}px")
    return found


async def problems_here(page: Page, where: str) -> list[str]:
    return [f"{where} {problem}" for problem in await page.evaluate(LAYOUT_PROBLEMS)]


async def test_every_screen_reflows_at_200_percent_zoom(
    zoomed_page: OpenPage,
    server: Server,
    resident: Resident,
) -> None:
    found: list[str] = []
    page = await zoomed_page()
    await page.goto(server.base + "/")
    for language in LANGUAGES:
        await choose_language(page, language)
        found += await layout_problems(page, server.base, list(SIGNED_OUT), language)

    page = await zoomed_page(storage_state=resident.state)
    await page.goto(server.base + "/")
    for language in LANGUAGES:
        await choose_language(page, language, signed_in=True)
        found += await layout_problems(page, server.base, resident.screens, language)

    # The report wizard's later steps (long category names, the photo picker) at 320 px.
    await choose_language(page, "fi", signed_in=True)
    await page.set_viewport_size(ZOOMED[1])
    await screen_ready(page, server.base, "/report")
    steps = [
        ("urgent", lambda: page.get_by_test_id("report-urgent-no").click()),
        ("area", lambda: page.get_by_role("radio", name="Asunto").check()),
        ("category", lambda: page.get_by_role("radio", name=re.compile("^Keittiö")).check()),
        ("location", lambda: page.get_by_test_id("report-location").fill("Keittiö")),
        ("description", lambda: page.get_by_test_id("report-description").fill("Hana vuotaa.")),
        ("photos", None),
        ("access", lambda: page.get_by_test_id("report-masterkey-yes").check()),
    ]
    for step, answer in steps:
        found += await problems_here(page, f"/report step {step} [fi] @320px")
        if answer is not None:
            await answer()
        if step == "access":
            await page.get_by_test_id("report-pets-no").check()
        if step != "urgent":
            await page.get_by_test_id("report-next").click()
    found += await problems_here(page, "/report step summary [fi] @320px")
    await expect(page.get_by_test_id("report-send")).to_be_visible()
    assert found == [], "\n".join(found)


async def show_update_prompt(page: Page, base: str, pwa_dist: Path) -> None:
    """The real "new version available" prompt: a new service worker is deployed (a comment
    more) and the app's update check finds it waiting. (Playwright's routing does not see
    the browser's update check of a service worker script, so the file itself changes.)"""
    await page.goto(base + "/")
    await service_worker_in_control(page)

    service_worker = pwa_dist / "sw.js"
    service_worker.write_text(service_worker.read_text() + f"\n// {uuid.uuid4()}\n")
    await page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
    await expect(page.get_by_test_id("update-prompt")).to_be_visible()


async def test_nothing_moves_when_the_system_asks_for_reduced_motion(
    zoomed_page: OpenPage,
    server: Server,
    resident: Resident,
    pwa_dist: Path,
) -> None:
    page = await zoomed_page(storage_state=resident.state, reduced_motion="reduce")
    found: list[str] = []
    for path in resident.screens:
        await screen_ready(page, server.base, path)
        found += [f"{path} {moving}" for moving in await page.evaluate(MOTION)]
    await show_update_prompt(page, server.base, pwa_dist)
    found += [f"update prompt {moving}" for moving in await page.evaluate(MOTION)]
    assert found == [], "\n".join(found)


async def test_the_update_prompt_slides_in_when_motion_is_welcome(
    zoomed_page: OpenPage,
    server: Server,
    resident: Resident,
    pwa_dist: Path,
) -> None:
    """The motion the test above sees turned off is there otherwise (so that test does look
    at a moving element)."""
    page = await zoomed_page(storage_state=resident.state, reduced_motion="no-preference")
    await show_update_prompt(page, server.base, pwa_dist)
    moving = await page.evaluate(MOTION)
    assert any("update-prompt" in m and "update-prompt-in" in m for m in moving), moving
