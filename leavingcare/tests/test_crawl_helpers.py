"""The crawl's own helpers (crawl.py): which links it follows and how it groups pages by route."""

from __future__ import annotations

import pytest

from leavingcare.tests.crawl import route_of, same_origin_path

BASE = "http://localhost:8000"


@pytest.mark.parametrize("href, expected", [
    ("/young-people/3/", "/young-people/3/"),
    ("/young-people/?q=sam#results", "/young-people/?q=sam"),
    ("?page=2", "/worklists/?page=2"),
    ("http://localhost:8000/plans/", "/plans/"),
    ("https://www.gov.uk/", None),
    ("mailto:pa@example.org", None),
    ("tel:116123", None),
    ("#main-content", None),
    ("javascript:void(0)", None),
    ("relative/path", None),
    ("", None),
])
def test_only_same_origin_links_are_followed(href: str, expected: str | None) -> None:
    assert same_origin_path(BASE, href, "/worklists/") == expected


def test_pages_are_grouped_by_route() -> None:
    assert route_of("/young-people/3/") == route_of("/young-people/44/") == "people:detail"
    assert route_of("/no-such-page/") is None
