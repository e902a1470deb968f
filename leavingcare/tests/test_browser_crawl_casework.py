"""The crawl (issue 13 item 9), caseworkers: every page a personal adviser, a leaving care social worker and a
team manager reach from the navigation and from one young person's record, at 390 px, with axe. The crawl is in
crawl.py; the other demo roles are in test_browser_crawl_others.py, so that xdist (``--dist loadfile``) runs the
two halves on two workers."""

from __future__ import annotations

from typing import Any

import pytest

from leavingcare.tests.crawl_roles import check, crawl_staff

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("username", ["pa1", "sw1", "tm1"])
def test_crawl(username: str, browser: Any, live_server: Any) -> None:
    check(crawl_staff(browser, live_server, username))
