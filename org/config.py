"""Local choices with the statute's or the seed reports' values as defaults.

Each value can be overridden per authority in Authority.config (JSON). Other apps
read them with ``org.config.setting(key)``; add new keys here with a comment
saying where the default comes from.
"""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    # ---- people (foundation) ----
    # Personal adviser co-allocated 12 months before the 18th birthday [seed 000 s3.1]
    "pa_coallocation_age": 17,
    # ---- end people ----
    # ---- keeping in touch and worklists (contacts, worklists) ----
    # Keeping in touch (statute): PA contact at least every 2 months
    "pa_contact_interval_months": 2,
    "pa_contact_after_move_days": 7,
    # Looked-after child: social worker visit at most every 6 weeks
    "sw_visit_interval_weeks": 6,
    # Needs assessment within 3 months of 16th birthday / becoming eligible
    "needs_assessment_months": 3,
    # Pathway plan review at least every 6 months
    "pathway_plan_review_months": 6,
    # Worklist horizon: "due soon" window
    "due_soon_days": 14,
    # Losing touch: flags after this many attempts in a row or this many days without success
    "lost_contact_attempts": 3,
    "lost_contact_days": 90,
    # ---- end keeping in touch ----
    # ---- plans ----
    # What auditors check a pathway plan against (seed 000 s3.1; Ofsted ILACS expectations)
    "plan_audit_criteria": [
        "Written with the young person, in their words",
        "Up to date: reviewed in the last 6 months or after a change",
        "Actions are specific, owned and dated",
        "Covers accommodation, education and health",
        "Shows what the young person is entitled to",
        "Managers have overseen and signed it off",
    ],
    # ---- end plans ----
    # ---- performance ----
    # Caseload thresholds per worker, seed 002 near line 436 (highest caseload in each band; above the
    # last is Inadequate): "FSW & PA" <28 / 28 / 29-30 / >30; "SW (1-3 years)" <20 / 20-25 / 26-30 / >30
    "caseload_bands": {
        "personal_adviser": {"Outstanding": 27, "Good": 28, "Requires Improvement": 30},
        "social_worker": {"Outstanding": 19, "Good": 25, "Requires Improvement": 30},
    },
    # DfE year: contact window around the birthday (months before, months after)
    "dfe_window_months_before": 3,
    "dfe_window_months_after": 1,
    # Threshold bands for each measure, seed 002 near line 451: the lowest rate for Requires Improvement and
    # for Good, and the rate above which a measure is Outstanding. In touch is seed 002's "contact in the
    # last 3 months" banding applied to the 2-month measure.
    "kpi_bands": {
        "suitable_accommodation": [70, 80, 95],
        "eet": [40, 45, 55],
        "eet_adjusted": [40, 45, 55],
        "in_touch": [80, 90, 99],
    },
    # ---- end performance ----
    # ---- returns ----
    # Standard Safeguarding Dataset import: involvement role names that mean a personal adviser or a social worker
    "ssd_pa_role_names": ["Personal Adviser", "Personal Advisor"],
    "ssd_sw_role_names": ["Social Worker"],
    # ---- end returns ----
    # ---- money ----
    # Leaving Care Allowance applies to these ACCOM letters (semi-independent, supported lodgings, foyers)
    "allowance_accom_letters": ["D", "E", "T"],
    # Festival allowance paid in the run whose week contains this day each year (month, day)
    "festival_allowance_date": [12, 1],
    # Highest amount each role may approve on its own (GBP); others need a higher role
    "money_approval_limits": {"team_manager": "500.00", "senior_manager": "5000.00"},
    # The scheduler makes the week's payment run on this weekday (0 Monday .. 6 Sunday), for the week ending that day
    "payment_run_weekday": 4,
    # ---- end money ----
    # ---- going live (scheduled work, retention) ----
    # Records are kept until this birthday (the usual retention schedule for care leavers' records), then may be
    # reviewed for deletion; nothing is deleted before it
    "retention_until_age": 75,
    # Email each worker a daily count of their overdue and due-soon items (no names in the email)
    "daily_reminders": True,
    # ---- end going live ----
    # ---- housing ----
    # Priority for core supported accommodation by age on the referral date [seed 000 s3.4]: under medium_from
    # high (16-17), under low_from medium (18-20), from low_from low (21 and older)
    "housing_priority_ages": {"medium_from": 18, "low_from": 21},
    # Bed and breakfast for a 16- or 17-year-old: no more than this many working days [seed 002 near line 1330]
    "bed_and_breakfast_working_days": 2,
    # A Staying Put arrangement ends by this birthday (statute: to 21)
    "staying_put_until_age": 21,
    # ---- end housing ----
    # ---- the young person's app (youngapp) ----
    # Who a young person calls: the duty team by day and the emergency duty team out of hours (local choice:
    # set the authority's own numbers in Authority.config; these are Lancashire's published numbers)
    "app_duty_team": {"day_name": "Leaving Care duty team", "day_phone": "0300 123 6720",
                      "day_hours": "Monday to Friday, 9am to 5pm",
                      "night_name": "Emergency Duty Team (out of hours)", "night_phone": "0300 123 6722",
                      "night_hours": "Evenings, weekends and bank holidays"},
    # "I need help now": national crisis lines, free and open all day and night unless said otherwise
    "app_crisis_lines": [
        {"name": "Emergency: police, ambulance or fire", "how": "Call 999", "href": "tel:999"},
        {"name": "Samaritans, to talk about anything", "how": "Call 116 123 (free, any time)", "href": "tel:116123"},
        {"name": "Shout, if you would rather text", "how": "Text SHOUT to 85258 (free, any time)",
         "href": "sms:85258?body=SHOUT"},
        {"name": "NHS 111, for urgent mental health help", "how": "Call 111 and choose option 2", "href": "tel:111"},
        {"name": "Childline, if you are under 19", "how": "Call 0800 1111 (free, any time)", "href": "tel:08001111"},
    ],
    # ---- end the young person's app ----
    # ---- corporate ----
    # The Corporate Parenting Board meets bi-monthly [003]; an action tracked by a measure is Amber when its
    # live figure is below target by no more than this many percentage points, Red when further below
    "board_meeting_months": 2,
    "action_amber_points": 5,
    # ---- end corporate ----
    # ---- safeguarding, health and circumstances ----
    # A concern not acknowledged in this time escalates to the senior manager, then after a further time to the
    # head of service (local choice: seed 000 section 5 says concerns are escalated to senior leaders; one working
    # day each is the default)
    "concern_escalate_after_hours": 24,
    "concern_escalate_again_after_hours": 24,
    # Senior managers whose job title contains this are the head of service for escalations
    "head_of_service_job_title": "Head of Service",
    # "Most worried about": Head of Service and Director oversight reviewed monthly by default (seed 000 s5)
    "oversight_review_months": 1,
    # Health: an annual health assessment while looked after (statute); the health passport by the 18th birthday
    # (seed 000 s6: "all care leavers receive an overview of their health history when they leave care")
    "health_assessment_months": 12,
    "health_passport_age": 18,
    # Circumstances (seed 000 s3.3): a worklist item this many days before leave to remain ends, and release
    # planning this many days before a release date from custody
    "leave_to_remain_warning_days": 90,
    "release_planning_days": 56,
    # Access to records: a subject access request is answered within one calendar month (UK GDPR Art. 12(3))
    "records_request_months": 1,
    # Step-down to universal services on request from this age (seed 000 s3.3)
    "step_down_from_age": 21,
    # ---- end safeguarding ----
}


def setting(key: str) -> Any:
    """The current authority's value for ``key``, or the default."""
    authority = current_authority()
    if authority is None:
        return DEFAULTS[key]
    return authority.setting(key)


def settings(*keys: str) -> dict[str, Any]:
    """Several of the current authority's values at once, in one query."""
    authority = current_authority()
    return {key: authority.setting(key) if authority is not None else DEFAULTS[key] for key in keys}


def current_authority() -> Any:
    from leavingcare.memo import remembered
    from org.models import Authority

    return remembered("current_authority", lambda: Authority.objects.order_by("pk").first())
