"""The crawl (issue 13 item 9), the other demo roles and the young person: head of service, housing adviser,
finance officer, performance analyst, administrator, and the young person in their app. See crawl.py."""

from __future__ import annotations

from typing import Any

import pytest

from leavingcare.tests.crawl_roles import check, crawl_staff, crawl_young_person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("username", ["hos", "housing1", "finance1", "analyst", "admin"])
def test_crawl(username: str, browser: Any, live_server: Any) -> None:
    check(crawl_staff(browser, live_server, username))


def test_crawl_young_person(browser: Any, live_server: Any) -> None:
    check(crawl_young_person(browser, live_server))
