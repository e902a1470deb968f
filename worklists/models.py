"""Stored clock facts: what the statutory clock reads about each young person, kept so worklists are one scan.

A row holds, for one young person, the facts ``worklists.queries.annotated`` would compute from contacts,
allocations, care episodes, homes, plans and assessments after every event on their record. ``valid_from`` is
the date of the latest of those events: for any date on or after it the facts are exactly what the record
gives, so a worklist as at such a date reads them instead of searching millions of contacts. For earlier dates,
and for anyone whose row is missing, the worklist works the facts out from the record as before.

Rows are dropped whenever a contact, allocation, care episode, home, plan or assessment of the young person is
saved or deleted (``worklists.signals``) and refilled by ``worklists.facts.refresh`` (run by the worklist
itself for missing rows, by the imports, the demo command and the nightly ``refresh_categories``).
"""

from __future__ import annotations

from django.db import models


class ClockFacts(models.Model):
    young_person = models.OneToOneField("people.YoungPerson", on_delete=models.CASCADE, primary_key=True,
                                        related_name="clock_facts")
    valid_from = models.DateField(help_text="The facts hold for any date on or after this one")
    pa_worker_id = models.IntegerField(null=True)
    pa_since = models.DateField(null=True)
    sw_worker_id = models.IntegerField(null=True)
    sw_since = models.DateField(null=True)
    last_pa_contact_at = models.DateTimeField(null=True)
    last_sw_visit_at = models.DateTimeField(null=True)
    last_move = models.DateField(null=True)
    latest_plan = models.DateField(null=True)
    review_due = models.DateField(null=True)
    assessment_completed = models.BooleanField(default=False)
    looked_after = models.BooleanField(default=False)
    # Due dates by ``worklists.clock`` from the facts above, under the intervals named by ``intervals_key``.
    # Whether each applies on a date (age, category) is decided by the worklist query for that date.
    intervals_key = models.CharField(max_length=60)
    pa_contact_due = models.DateField(null=True)
    pa_contact_due_if_relevant = models.DateField(null=True)
    sw_visit_due = models.DateField(null=True)
    needs_assessment_due = models.DateField(null=True)
    plan_review_due = models.DateField(null=True)
    pa_allocation_due = models.DateField(null=True, help_text="Without a PA: due one from this day, under 21")
    pa_allocation_due_from_21 = models.DateField(null=True, help_text="Without a PA: due one from this day, 21 and "
                                                                      "over (no earlier than the 21st birthday)")
    earliest_due = models.DateField(null=True, db_index=True,
                                    help_text="The soonest of the due dates that could apply: nothing is due by a "
                                              "date before it, so the worklist reads only rows at or past it")
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "clock facts"

    def __str__(self) -> str:
        return f"Clock facts for {self.young_person_id} from {self.valid_from}"
