"""The performance page in headless Chromium: axe finds nothing at desktop width and on a phone (390 x 844), the
page does not scroll sideways, the chart text is sans-serif, and a figure leads to the young people behind it."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from performance.tests.test_dashboard import lancashire_comparators
from performance.tests.test_kpis_command import leaver

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def figures(staff, teams, authority):
    lancashire_comparators(authority)
    today = dt.date.today()
    for i in range(3):
        leaver(teams["north"], staff["pa_north"], today.replace(year=today.year - 18) - dt.timedelta(days=30 + i),
               today - dt.timedelta(days=5), "D", True, "F2", first_name=f"Robin{i}", last_name="Browser")


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_performance_page_is_accessible_and_fits(figures, sign_in, live_server, page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    sign_in("hos")
    page.goto(live_server.url + "/performance/")
    expect(page.get_by_role("img", name="In touch, aged 17-18, by year ending 31 March")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    family = page.evaluate("getComputedStyle(document.querySelector('.app-chart__svg text')).fontFamily")
    assert "serif" not in family.replace("sans-serif", "") and "arial" in family.lower()
    page.screenshot(path=f"/tmp/performance-{width}.png", full_page=False)
    page.locator("figure.app-chart").first.screenshot(path=f"/tmp/performance-chart-{width}.png")
    # the DfE-year view, switched to by its control
    page.get_by_role("link", name="DfE collection year").click()
    expect(page.get_by_role("heading", name="The measures for the DfE year", exact=False)).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_figure_leads_to_the_young_people_and_a_bad_date_is_named(figures, sign_in, live_server, page):
    sign_in("hos")
    page.goto(live_server.url + "/performance/")
    page.get_by_role("link", name="3 young people in touch, aged 17-18").click()
    expect(page.get_by_role("link", name="Robin0 Browser")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Back to the performance figures").click()
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year", exact=True).fill("2025")
    page.get_by_role("button", name="Show figures").click()
    expect(page.get_by_role("alert")).to_contain_text("As at must be a real date")
    assert axe_violations(page) == []
    page.screenshot(path="/tmp/performance-bad-date.png")


def test_an_analyst_sees_figures_without_links(figures, sign_in, live_server, page):
    sign_in("analyst")
    page.goto(live_server.url + "/performance/")
    expect(page.get_by_role("img", name="Suitable accommodation, aged 19-21", exact=False)).to_be_visible()
    assert page.locator("a[href*='/performance/young-people/']").count() == 0
