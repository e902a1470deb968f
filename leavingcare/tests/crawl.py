"""The crawl (issue 13, item 9): as one demo role, in headless Chromium at phone width (390 x 844), open every
page reachable from the navigation and from one young person's record, and check each one.

For each role the crawl starts at the role's first page (``/``), the service navigation and the young person's
record, and follows same-origin links breadth first, to a bounded depth. Pages are grouped by their URL route
(``/young-people/12/`` and ``/young-people/34/`` are one page), and each page is opened once in the browser:

- it answers without a server error and without a refusal (403);
- it does not scroll sideways at 390 px (``scrollWidth <= innerWidth``);
- axe finds no violations.

Every link on an opened page is also asked for, without opening it (a few of each route): it must not answer a
server error or a refusal, so no link leads to a 403. Downloads and exports are only asked for, never opened.
Every form that posts is checked against the declared policy (``leavingcare.access.allowed``), so no button
leads to a refusal, without pressing it. Sign-out is never followed.

The crawl is bounded (``MAX_PAGES`` pages opened per role, ``MAX_DEPTH`` links deep, ``LINKS_PER_ROUTE``
links asked for per route) so that each role takes well under a minute.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urldefrag, urlparse

from django.test import RequestFactory
from django.urls import Resolver404, resolve

from conftest import axe_violations

PHONE = {"width": 390, "height": 844}
MAX_PAGES = 50  # pages opened (rendered, measured and checked by axe) per role
MAX_DEPTH = 3  # links followed from the starting pages
LINKS_PER_ROUTE = 2  # links of one route asked for (not opened) per role
NEVER = ("/sign-out", "/signed-out", "/session/", "/app/sign-out", "/app/check/", "/django-admin/", "/static/",
         "/account/", "/sign-in/")
DOWNLOAD_TYPES = ("application/pdf", "text/csv", "application/vnd", "application/zip", "application/json",
                  "application/octet-stream", "application/manifest+json", "application/javascript")

# Routes axe has checked in this test process. Axe answers for a page's structure, which is the same template
# whichever role opens it, and it is the slow part (most of a second a page): a route checked for one role is
# not checked again for the next role crawled in the same process. Each role alone still checks all its pages.
AXE_CHECKED: set[str | None] = set()

LINKS_JS = """() => {
  const links = [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));
  const forms = [...document.querySelectorAll('form')].map(f => ({
    method: (f.getAttribute('method') || 'get').toLowerCase(),
    action: f.getAttribute('action') || location.pathname + location.search}));
  return {links, forms};
}"""


@dataclass
class Finding:
    url: str
    what: str

    def __str__(self) -> str:
        return f"{self.url}: {self.what}"


@dataclass
class CrawlResult:
    role: str
    opened: list[str] = field(default_factory=list)
    asked: int = 0
    forms_checked: int = 0
    errors: list[Finding] = field(default_factory=list)  # server errors and refusals
    wide: list[Finding] = field(default_factory=list)  # sideways scroll at 390 px
    axe: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.role}: {len(self.opened)} pages opened, {self.asked} links asked for, "
                f"{self.forms_checked} forms checked in {self.seconds:.0f}s")


def route_of(path: str) -> str | None:
    """The URL route a path resolves to (``young-people/<int:pk>/``), or None for paths outside the project."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return f"{match.namespace}:{match.url_name}" if match.url_name else match.route


def same_origin_path(base: str, href: str, current: str) -> str | None:
    """The path (and query) of a same-origin link, or None for other sites, mail, phone and in-page links."""
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    href, _ = urldefrag(href)
    if href.startswith("?"):
        href = urlparse(current).path + href
    parsed = urlparse(href)
    if parsed.scheme and parsed.scheme not in ("http", "https"):
        return None
    if parsed.netloc and parsed.netloc != urlparse(base).netloc:
        return None
    path = parsed.path if parsed.path.startswith("/") else None
    if path is None:
        return None
    return path + (f"?{parsed.query}" if parsed.query else "")


def _allowed_to_post(user: Any, action: str) -> bool:
    from leavingcare.access import allowed

    request = RequestFactory().post(action)
    request.user = user
    return allowed(request, action, "POST")


def crawl(context: Any, base: str, role: str, user: Any, starts: list[str]) -> CrawlResult:
    """Crawl as the signed-in ``context`` (a Playwright browser context at phone width) from ``starts``."""
    result = CrawlResult(role)
    began = time.monotonic()
    page = context.new_page()
    page.set_default_timeout(15000)
    queue: deque[tuple[str, int, str]] = deque((s, 0, "a starting page") for s in starts)
    opened_routes: set[str] = set()
    asked: dict[str, str] = {}  # path -> what it was (html, download, redirect, error)
    asked_per_route: dict[str, int] = {}
    forms_seen: set[str] = set()

    def ask(path: str, found_on: str) -> str:
        """Ask for ``path`` without opening it (following redirects): 'html', 'download' or 'error'."""
        if path in asked:
            return asked[path]
        reply = context.request.get(base + path, fail_on_status_code=False)
        result.asked += 1
        status = reply.status
        kind = reply.headers.get("content-type", "")
        final = urlparse(reply.url).path
        if status >= 500:
            result.errors.append(Finding(path, f"server error {status} (linked from {found_on})"))
            asked[path] = "error"
        elif status == 403:
            result.errors.append(Finding(path, f"refused, 403 (linked from {found_on})"))
            asked[path] = "error"
        elif final.startswith(("/sign-in/", "/app/sign-in/")) and not path.startswith(("/sign-in/", "/app/sign-in")):
            result.errors.append(Finding(path, f"sends a signed-in {result.role} to sign in (linked from {found_on})"))
            asked[path] = "error"
        elif status == 404:
            result.errors.append(Finding(path, f"not found, 404 (linked from {found_on})"))
            asked[path] = "error"
        elif "attachment" in reply.headers.get("content-disposition", "") or kind.startswith(DOWNLOAD_TYPES) \
                or not kind.startswith("text/html"):
            asked[path] = "download"
        else:
            asked[path] = "html"
        reply.dispose()
        return asked[path]

    queued_routes: set[str] = set()

    def open_page(path: str, found_on: str) -> tuple[str, str] | None:
        """Open ``path`` in the browser: (where it landed, its route) when it is an HTML page to check."""
        try:
            response = page.goto(base + path)
        except Exception as error:  # noqa: BLE001 - a download: ask for it instead of opening it
            if "Download is starting" not in str(error):
                raise
            ask(path, found_on)
            return None
        status = response.status if response is not None else 0
        if status >= 500 or status in (403, 404):
            result.errors.append(Finding(path, f"answered {status} (linked from {found_on})"))
            return None
        parsed = urlparse(page.url)
        here = parsed.path + (f"?{parsed.query}" if parsed.query else "")
        if parsed.path.startswith(("/sign-in/", "/app/sign-in/")):
            result.errors.append(Finding(path, f"sends a signed-in {role} to sign in (linked from {found_on})"))
            return None
        kind = (response.headers.get("content-type", "") if response is not None else "")
        landed = route_of(parsed.path)
        if status != 200 or not kind.startswith("text/html") or landed is None:
            return None
        return here, landed

    while queue and len(result.opened) < MAX_PAGES:
        path, depth, found_on = queue.popleft()
        route = route_of(path.split("?")[0])
        if route is None or route in opened_routes or path.startswith(NEVER):
            continue
        opened_routes.add(route)
        found_page = open_page(path, found_on)
        if found_page is None:
            continue
        path, landed = found_page
        if landed != route and landed in opened_routes:  # sent on to a page already checked (``/``)
            continue
        opened_routes.add(landed)
        result.opened.append(path)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > min(width[1], PHONE["width"]):
            result.wide.append(Finding(path, f"scrolls sideways: {width[0]} px wide at {width[1]} px"))
        if landed not in AXE_CHECKED:  # axe once per route in this process (see AXE_CHECKED)
            AXE_CHECKED.add(landed)
            for violation in axe_violations(page):
                result.axe.append(Finding(path, violation))
        found = page.evaluate(LINKS_JS)
        for form in found["forms"]:
            target = same_origin_path(base, form["action"], path)
            if form["method"] != "post" or target is None or target.startswith(NEVER):
                continue
            key = f"{route_of(target.split('?')[0])}|{target}"
            if key in forms_seen:
                continue
            forms_seen.add(key)
            result.forms_checked += 1
            if not _allowed_to_post(user, target.split("?")[0]):
                result.errors.append(Finding(target, f"a form on {path} posts here, and the policy refuses it"))
        for href in found["links"]:
            target = same_origin_path(base, href, path)
            if target is None or target.startswith(NEVER):
                continue
            link_route = route_of(target.split("?")[0])
            if link_route is None:
                continue
            if link_route not in opened_routes and link_route not in queued_routes and depth + 1 <= MAX_DEPTH:
                queued_routes.add(link_route)  # opened in its turn (and checked then): not asked for now
                queue.append((target, depth + 1, path))
                continue
            if asked_per_route.get(link_route, 0) >= LINKS_PER_ROUTE or target in asked:
                continue
            asked_per_route[link_route] = asked_per_route.get(link_route, 0) + 1
            ask(target, path)
    # Pages left unopened by the cap: still asked for (one of each route), so no link leads to a refusal
    for path, _depth, _found_on in queue:
        route = route_of(path.split("?")[0])
        if route not in opened_routes and asked_per_route.get(route or "", 0) == 0 and not path.startswith(NEVER):
            asked_per_route[route or ""] = 1
            ask(path, "a page the crawl reached but did not open (page cap)")
    page.close()
    result.seconds = time.monotonic() - began
    return result
