"""Demo surveys: last year's care leavers' survey, closed, with 84 answers (enough to show results and the
suppression of a small age band), a survey open now for the demo young person to answer, and "You said, we
did" posts. Answers are written as the verb would leave them: tallies and unlinked text, never per person."""

from __future__ import annotations

import datetime as dt

from django.db.models import F
from django.utils import timezone

from people.demo_support import DemoContext
from people.models import YoungPerson
from surveys import actions
from surveys import rules as r
from surveys.models import Completion, QuestionKind, Respondents, Tally, TextAnswer

TEXTS = ["More events in the evenings", "Help with bus fares to the hub", "Answer messages quicker",
         "The hub in Burnley is great", "More help finding a flat", "Tell us about money earlier",
         "More cooking sessions", "A hub closer to where I live", "Keep the same PA for longer",
         "More support with college"]


def populate(ctx: DemoContext) -> None:
    rng = ctx.rng("surveys")
    past = actions.create_survey(None, "Care leavers' survey", ctx.as_at - dt.timedelta(days=120),
                                 ctx.as_at - dt.timedelta(days=60),
                                 "Tell us how things are for you and what we should change.")
    actions.add_question(None, past, QuestionKind.SCALE, "How well does your PA listen to you?",
                         required=True)
    actions.add_question(None, past, QuestionKind.CHOICE, "Do you know what money and support you can get?",
                         choices="Yes\nSome of it\nNo", required=True)
    actions.add_question(None, past, QuestionKind.TEXT, "What one thing should we change?")
    # Opened on the day it opened, closed on its closing date (as the service would have)
    past.closes_on = max(ctx.as_at, timezone.localdate()) + dt.timedelta(days=1)
    past.save(update_fields=["closes_on"])
    past = actions.publish(None, past)
    people = list(YoungPerson.objects.filter(status="open").order_by("pk").values_list("pk", "date_of_birth")[:84])
    answered_on = ctx.as_at - dt.timedelta(days=90)
    questions = list(past.questions.all())
    for n, (pk, dob) in enumerate(people):
        age = answered_on.year - dob.year - ((answered_on.month, answered_on.day) < (dob.month, dob.day))
        # Few of the 22-25s answer, so their band is suppressed in the results (and one more by difference)
        band = r.band_for_age(age) if n % 12 else "22-25"
        Completion.objects.create(survey=past, young_person_id=pk)
        Respondents.objects.filter(survey=past, band=band).update(count=F("count") + 1)
        for q in questions:
            if q.kind == QuestionKind.SCALE:
                base = 3 if q.ons_key == "anxiety" else 6
                value = max(0, min(10, base + rng.randint(-3, 3)))
            elif q.kind == QuestionKind.CHOICE:
                value = rng.choice([0, 0, 1, 1, 2])
            else:
                if rng.random() < 0.4:
                    TextAnswer.objects.create(question=q, text=rng.choice(TEXTS))
                continue
            Tally.objects.filter(question=q, band=band, value=str(value)).update(count=F("count") + 1)
    actions.close(None, past)
    past.refresh_from_db()
    past.closes_on = ctx.as_at - dt.timedelta(days=60)
    past.save(update_fields=["closes_on"])

    # Open on the real day too, so the demo young person can answer it in the app
    today = timezone.localdate()
    now = actions.create_survey(None, "The hubs: what do you think?", min(ctx.as_at, today) - dt.timedelta(days=3),
                                max(ctx.as_at, today) + dt.timedelta(days=25),
                                "Two minutes, on your own, without your name.")
    actions.add_question(None, now, QuestionKind.CHOICE, "Which hub do you go to most?",
                         choices="Preston\nBurnley\nLancaster\nI have not been to a hub")
    actions.add_question(None, now, QuestionKind.SCALE, "How welcome do you feel at the hub?")
    actions.add_question(None, now, QuestionKind.TEXT, "What should the hubs do more of?")
    actions.publish(None, now)

    actions.post_update(None, "The Local Offer website is hard to use on a phone.",
                        "We are building the Local Offer into this app, with young people at the forum.",
                        survey=past, published_on=ctx.as_at - dt.timedelta(days=40))
    actions.post_update(None, "Bus fares stop you getting to the hubs.",
                        "From next month your PA can give you a bus pass for hub sessions.",
                        survey=past, published_on=ctx.as_at - dt.timedelta(days=30))
    actions.post_update(None, "You want more cooking sessions.",
                        "Every hub now has a cooking session each week.",
                        published_on=ctx.as_at - dt.timedelta(days=20))
    ctx.log(f"  surveys: {len(people)} demo answers to \"{past.title}\"")
