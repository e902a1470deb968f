"""The demo's Corporate Parenting Board and action plans, taken from the seed reports: the board of November
2022 (seed 003: its minutes of 11 May 2022, the four priority groups with leads, deliverables and due dates),
the 2019 action plan (seed 004) and the service's Pathway to Excellence plan (seed 000, April 2024), with the
next steps of seed 000 section 9 as actions set at a recent meeting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from corporate import actions
from corporate.models import Attendee
from people.demo_support import DemoContext
from worklists.clock import add_months

D = dt.date

GROUPS = [
    (1, "Achieving Permanence",
     "Legal, physical and psychological permanence as quickly as possible, through strong relationships, "
     "involving children and young people in everything we do.",
     "CC Stephen Clarke (Priority Lead); Jen Robertshaw, Permanence Service",
     [("Implement the Care Leavers Covenant. Stage 1: approval via CPB and ECSMT", "Stage 1 by June 2022",
       D(2022, 6, 30), "done"),
      ("Implement the Care Leavers Covenant. Stage 2: pre-launch and implementation plan", "Stage 2 by October 2022",
       D(2022, 10, 31), "green"),
      ("Implement the Care Leavers Covenant. Stage 3: launch and implementation", "Stage 3 by January 2023",
       D(2023, 1, 31), "amber"),
      ("Improved local offer for care leavers.", "In Progress Updates via CPB", None, "amber"),
      ("Care experienced young people are actively involved in CPB. Young people's takeover held annually.",
       "January 2022 In Place", D(2022, 1, 31), "done"),
      ("Celebrating National Care Leavers' Week annually", "Next: Oct 2022", D(2022, 10, 31), "green"),
      ("Formally celebrating the achievements of our children and young people in care and leaving care with "
       "PROUD awards annually.", "Next: March 2023", D(2023, 3, 31), "amber")]),
    (2, "Improving sufficiency to provide the right home at the right place",
     "Supportive and lasting homes in the right areas and communities, for as long as needed.",
     "CC Andrea Kay (Priority Lead); Andreas Feldhaar, Permanence Service",
     [("Implementation of the Lasting Homes Process & Panel.", "Oct 2022", D(2022, 10, 31), "green"),
      ("Implementation of the National House Project in Lancashire.", "Sept 2022", D(2022, 9, 30), "green"),
      ("Bi-annual review of the Joint Housing Protocol for care leavers.", "Sept 2022", D(2022, 9, 30), "amber"),
      ("Implementation of Leaving Care Lasting Home Panels.", "October 2022", D(2022, 10, 31), "amber"),
      ("Review of the Staying Put Policy.", "Jan 2023", D(2023, 1, 31), "red"),
      ("Roll out of the Renting Ready course for young people in residential homes aged 16/17.",
       "Start in Sept 2022", D(2022, 9, 30), "green")]),
    (3, "Improving social, physical, emotional, and mental health support and outcomes",
     "Building resilience and supporting health and wellbeing, through early intervention and quick access "
     "to targeted services.",
     "Clare Smith, Policy, Commissioning and Children's Health",
     [("Care Leavers are provided with the offer of an annual health check up to the age of 25",
       "Progress Review Dec 2022", D(2022, 12, 31), "amber"),
      ("Health Passports for young people leaving care", "Progress Review Dec 2022", D(2022, 12, 31), "amber"),
      ("Care Leavers are provided with free prescriptions up to the age of 25", "Progress Review Sept 2022",
       D(2022, 9, 30), "red"),
      ("Care Leavers have access to free transport in Lancashire", "Next Step to be completed by Sept",
       D(2022, 9, 30), "red"),
      ("Implementation of the Care Leavers Safeguarding Protocol across partners", "Aug 2022", D(2022, 8, 31),
       "green")]),
    (4, "Improving education, employment and training opportunities and outcomes",
     "Exciting opportunities for education, employment and training, offered by partners and business who "
     "understand their needs.",
     "Audrey Swann, Head of the Virtual School",
     [("Secure commitment from corporate parents and partners to offer bespoke EET opportunities for our "
       "children and young people", "Start Sept 2022", D(2022, 9, 30), "amber"),
      ("Implement the principle and offer of Taster Days for young people not in EET",
       "Next Progress Review: Sept 2022", D(2022, 9, 30), "amber"),
      ("Review and confirm data sharing arrangements to make children and young people not in full time "
       "education everyone's priority", "Dec 2022", D(2022, 12, 31), "green"),
      ("Develop a Digital Access Guarantee for all young people in our care and leaving care aged 16 to 25 with "
       "partners.", "Sept 2023", D(2023, 9, 30), "amber")]),
]

MAY_2022_ATTENDEES = [
    ("County Councillor Stephen Clarke", "member", "Lancashire County Council"),
    ("County Councillor Andrea Kay", "member", "Lancashire County Council"),
    ("County Councillor Rupert Swarbrick", "member", "Lancashire County Council"),
    ("Jake", "young_person", "LINX"), ("Georgia", "young_person", "LINX"), ("Mary", "young_person", "LINX"),
    ("Ripley", "young_person", "LINX"),
    ("Janice Laing", "co_opted", "Permanence Service, LCC"),
    ("Brian Wood", "co_opted", "Child and Family Wellbeing Service, LCC"),
    ("April Rankin", "co_opted", "Child and Family Wellbeing Service, LCC"),
    ("Caroline Waldron", "co_opted", "Clinical Commissioning Group (CCG)"),
    ("Brendan Lee", "other", "Permanence Service, LCC"),
    ("Alex Latham", "other", "My Covenant"),
    ("Saskia", "young_person", "Care Experienced Young Person"),
]

MAY_2022_ITEMS: list[dict[str, Any]] = [
    {"kind": "decision", "text": "The Board noted the presentation from LINX and the Participation Team."},
    {"kind": "action", "text": "All members of the Board find a minimum of five services in their local area that "
     "support children and young people and present these at the July Young People's Corporate Parenting Board "
     "meeting.", "owner": "All Board members", "due_on": D(2022, 7, 26), "rag": "done"},
    {"kind": "action", "text": "April Rankin contact County Councillor Jeff Couperthwaite to arrange for a money "
     "session to be delivered for young people.", "owner": "April Rankin", "due_on": D(2022, 7, 26),
     "rag": "done"},
    {"kind": "action", "group": 2, "text": "Officers liaise with Councillors and provide them with information "
     "that can be passed on to County Councillors to share with District counterparts for the Lasting Homes "
     "priority.", "owner": "Senior officers, Permanence Service", "due_on": D(2022, 11, 23), "rag": "green"},
    {"kind": "decision", "group": 1, "text": "Agreed to sign up to the Care Leaver Covenant."},
    {"kind": "action", "group": 1, "text": "Take the Care Leaver Covenant to Corporate Management Team for "
     "approval and report back to the Board on progress.", "owner": "Brendan Lee, Lead Officer",
     "due_on": D(2022, 11, 23), "rag": "green"},
]

PLAN_2019 = [  # seed 004: where we are, the change we need to make, what we will do, how measured, outcomes
    ("Local offer", "Care Leavers not fully aware of their local offer or the standard Care Leavers offer.",
     "All our Care Leavers are aware of the local offer and entitlements.",
     "Establish Youth Zones drop-ins for Care Leavers in each locality; specify the offer on the intranet; "
     "a leaflet as Care Leavers asked.",
     "Re-visit the offer 6 months after updating the website and creating the Youth Zone drop-ins, and ask our "
     "young people directly about the offer.", "Care Leavers are fully informed about the Care Leavers offer.",
     None, "", None),
    ("Health", "Care leavers are 4 times more likely to have mental health issues. Health assessments for CLA: "
     "national 88% (March 2018), Lancashire 89.7% (August 2019).",
     "Reduce health inequalities for care leavers; recognise earlier those who need additional support.",
     "Mental health and substance services commissioned for care leavers to 25 with priority pathways.",
     "More care leavers receiving a timely and suitable health service; % of health assessments and SDQs.",
     "Care Leavers are resilient and healthy.", None, "", None),
    ("Consistent service", "Care Leavers do not get a consistent service from Lancashire.",
     "One consistent practice approach to the services offered to our young people.",
     "Review the current structures in the three localities; produce a care leavers' practice manual.",
     "All young people co-allocated a PA by 16; an audit tool created for care leavers.",
     "Every Care Leaver receives the same service across Lancashire.", None, "", None),
    ("Accommodation", "Care Leavers in suitable accommodation: nationally 84%, North West 87%, Lancashire 90%.",
     "We will ensure there is suitable accommodation for Care Leavers.",
     "Work with the 12 District Councils on a Care Leavers' housing pathway; Staying Put and Staying Close "
     "embedded.", "An increase in the number of Care Leavers in suitable accommodation.",
     "Care Leavers have stable, suitable accommodation where they want to be.", "suitable_accommodation", "19-21",
     Decimal("90")),
    ("Education, employment and training", "Care Leavers in education, employment and training: nationally 50%, "
     "North West 49%, Lancashire 51%.",
     "Appropriate education, employment and training opportunities are available for Care Leavers.",
     "A pledge from the Council and its partners to prioritise Care Leavers for apprenticeships and work "
     "experience; employment support advisers.", "A reduction in the number of Care Leavers not in EET.",
     "Care leavers progress into and sustain positive EET destinations.", "eet", "19-21", Decimal("51")),
]


def populate(ctx: DemoContext) -> None:
    actor = None  # the service itself loads the demo
    groups = {}
    for number, title, aim, leads, deliverables in GROUPS:
        g = actions.add_priority_group(actor, number=number, title=title, aim=aim, leads=leads)
        groups[number] = g
        for description, due_text, due_on, rag in deliverables:
            actions.add_deliverable(actor, g, description=description, due_text=due_text, due_on=due_on, rag=rag)

    venue = "Savoy Suite 2, The Exchange, County Hall, Preston"
    chair = "County Councillor Stephen Clarke"
    may = actions.schedule_meeting(actor, held_on=D(2022, 5, 11), venue=venue, chair=chair,
                                   notes="Minutes agreed as an accurate record. Update from the four priority groups; "
                                         "the Care Leaver Covenant; Family Safeguarding.")
    for name, role, organisation in MAY_2022_ATTENDEES:
        actions.add_attendee(actor, may, name, role, organisation)
    actions.add_attendee(actor, may, "Barbara Bath", Attendee.Role.CO_OPTED, "Director of Children's Services",
                         apologies=True)
    for item in MAY_2022_ITEMS:
        data = dict(item)
        if "group" in data:
            data["group"] = groups[data["group"]]
        actions.add_item(actor, may, **data)
    actions.schedule_meeting(actor, held_on=D(2022, 7, 26), kind="young_people", venue="Outdoor Education Centre",
                             chair=chair, notes="Young People's Takeover Day.")
    actions.schedule_meeting(actor, held_on=D(2022, 11, 23), venue=venue, chair=chair)

    # The board's current cycle: the meeting two months before the demo date, and the next one
    recent = add_months(ctx.as_at, -1)
    current = actions.schedule_meeting(actor, held_on=recent, venue=venue, chair=chair,
                                       notes="Scrutiny report on care leavers' key performance indicators; "
                                             "progress of the Pathway to Excellence plan.")
    for name, role, organisation in [(chair, "member", "Lancashire County Council"),
                                     ("County Councillor Andrea Kay", "member", "Lancashire County Council"),
                                     ("Jordan", "young_person", "Care Leavers' Forum"),
                                     ("Aisha", "young_person", "Care Leavers' Forum"),
                                     ("Jennifer Robertshaw", "co_opted", "Head of Children's Permanence Service")]:
        actions.add_attendee(actor, current, name, role, organisation)
    actions.add_item(actor, current, kind="decision", text="The Board noted the scrutiny report and asked for the "
                     "EET figures for 19 to 21 year olds at every meeting.", group=groups[4])
    actions.add_item(actor, current, kind="action", group=groups[2], text="Present the review of the Staying Put "
                     "procedure to CSC SMT.", owner="Head of Children's Permanence Service",
                     due_on=add_months(ctx.as_at, 1), rag="amber")
    actions.add_item(actor, current, kind="action", group=groups[2], text="Coordinate a review of the Joint "
                     "Housing Protocol with Executive level officers across all responsible Councils.",
                     owner="Senior Development Lead, Permanence Service", due_on=ctx.as_at - dt.timedelta(days=7),
                     rag="red")
    actions.add_item(actor, current, kind="action", group=groups[4], text="Raise EET for 19 to 21 year olds "
                     "towards the North West rate.", owner="Leaving Care Service, Head of Service",
                     due_on=add_months(ctx.as_at, 3), measure="eet", age_band="19-21", target=Decimal("54"))
    actions.schedule_meeting(actor, held_on=actions.next_meeting_on(recent), venue=venue, chair=chair)

    plan = actions.create_plan(actor, title="Care leavers action plan 2019", kind="change", started_on=D(2019, 9, 1),
                               summary="The changes we need to make, after the 2019 service review and "
                                       "consultation with care leavers.")
    for theme, where, change, do, how, outcomes, measure, band, target in PLAN_2019:
        actions.add_step(actor, plan, theme=theme, where_we_are=where, change_needed=change, what_we_will_do=do,
                         how_measured=how, outcomes=outcomes, owner="Head of Service, Leaving Care",
                         due_on=D(2020, 9, 30), rag="green" if measure is None else "amber", measure=measure or "",
                         age_band=band, target=target)

    excellence = actions.create_plan(
        actor, title="Pathway to Excellence", kind="improvement", started_on=D(2024, 4, 1),
        summary="The service's improvement plan, April 2024, from a benchmarking exercise of 30 other councils' "
                "leaving care inspection reports, ahead of an ILACS inspection.")
    steps = [
        ("Preparation for adulthood", "Preparation to leave care starts at different ages and milestones vary.",
         "Launch the Leaving Well model", "Milestones of the model met", D(2025, 12, 31), "", "", None),
        ("Local Offer", "A webpage launched in 2018; young people expect an app.",
         "Integrate the Leaving Care app into the service offer", "Young people using the app",
         D(2025, 12, 31), "", "", None),
        ("Keeping in touch", "72.4% of 17-18 year olds in touch with their PA in the last 2 months (October 2024).",
         "Every care leaver aged 17-18 in touch with their PA at least every two months",
         "In touch, 17-18, from the records", add_months(ctx.as_at, 6), "in_touch", "17-18", Decimal("90")),
        ("Accommodation", "92.8% of 19-21 year olds in suitable accommodation (October 2024).",
         "Keep suitable accommodation above the North West rate", "Suitable accommodation, 19-21, from the records",
         add_months(ctx.as_at, 6), "suitable_accommodation", "19-21", Decimal("92")),
        ("Education, employment and training", "44.4% of 19-21 year olds in EET (October 2024).",
         "Reach the North West rate for EET at 19-21", "EET, 19-21, from the records", add_months(ctx.as_at, 6),
         "eet", "19-21", Decimal("54")),
    ]
    for theme, where, change, how, due, measure, band, target in steps:
        actions.add_step(actor, excellence, theme=theme, where_we_are=where, change_needed=change, how_measured=how,
                         owner="Jennifer Robertshaw, Head of Children's Permanence Service", due_on=due,
                         measure=measure, age_band=band, target=target)
    ctx.log("  corporate parenting: 4 priority groups, 5 meetings, 2 action plans")
