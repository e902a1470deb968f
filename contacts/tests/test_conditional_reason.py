"""Issue 13: "If not, why not" is a GOV.UK conditional reveal under "No" and is ignored when the contact happened;
the submission key is a hidden input, not a text box."""

from __future__ import annotations

import datetime as dt
import re

from contacts.models import Contact
from contacts.tests.test_recording import form
from people.tests.factories import young_person


def _radio(html: str, value: str) -> str:
    return re.search(rf'<input class="govuk-radios__input"[^>]*name="successful"[^>]*value="{value}"[^>]*>',
                     html)[0]


def test_reason_is_revealed_only_under_no(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    html = client.get(f"/contacts/young-person/{yp.pk}/new/").content.decode()
    no = _radio(html, "no")
    assert 'data-aria-controls="conditional-id_successful_1"' in no
    assert "data-aria-controls" not in _radio(html, "yes")
    # the reason sits in the reveal straight after the "No" radio, hidden (with JS) while "Yes" is chosen
    reveal = re.search(r'<div class="govuk-radios__conditional([^"]*)" id="conditional-id_successful_1">(.*?)'
                       r'</div>\s*</div>', html, re.S)
    assert reveal and "govuk-radios__conditional--hidden" in reveal[1]
    assert 'name="reason_unsuccessful"' in reveal[2] and "If not, why not" in reveal[2]
    assert html.count('name="reason_unsuccessful"') == 1
    # the submission key is hidden, never a text box
    assert re.search(r'<input type="hidden" name="submission_key"', html)
    assert not re.search(r'class="govuk-input[^"]*"[^>]*name="submission_key"', html)
    assert "Submission key" not in html


def test_reveal_is_open_when_no_was_chosen_and_the_reason_is_missing(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    html = client.post(f"/contacts/young-person/{yp.pk}/new/", form(today, successful="no")).content.decode()
    reveal = re.search(r'<div class="govuk-radios__conditional([^"]*)" id="conditional-id_successful_1">', html)
    assert reveal and "hidden" not in reveal[1]
    assert "Say why the contact did not happen" in html and 'href="#id_reason_unsuccessful"' in html


def test_reason_left_in_the_box_is_ignored_when_the_contact_happened(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    # without JavaScript the box is visible: typing in it and then answering yes must not store a reason
    response = client.post(f"/contacts/young-person/{yp.pk}/new/",
                           form(today, successful="yes", reason_unsuccessful="No answer" + "x" * 300))
    assert response.status_code == 302
    contact = Contact.objects.get(young_person=yp)
    assert contact.successful and contact.reason_unsuccessful == ""


def test_attempt_keeps_its_reason(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    client.post(f"/contacts/young-person/{yp.pk}/new/", form(today, successful="no", reason_unsuccessful="No answer"))
    contact = Contact.objects.get(young_person=yp)
    assert not contact.successful and contact.reason_unsuccessful == "No answer"
    # change a contact shows the reveal open, with the reason
    html = client.get(f"/contacts/young-person/{yp.pk}/{contact.pk}/").content.decode()
    reveal = re.search(r'<div class="govuk-radios__conditional([^"]*)" id="conditional-id_successful_1">(.*?)'
                       r'</div>\s*</div>', html, re.S)
    assert reveal and "hidden" not in reveal[1] and 'value="No answer"' in reveal[2]
    assert 'type="hidden" name="version"' in html and "Submission key" not in html
