"""The areas of a needs assessment and pathway plan (inspection framework and Local Offer). Pure rules."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    prompt: str  # the question the young person answers in their own words
    when: str = ""  # a circumstance that makes the area apply; blank = always


AREAS: tuple[Area, ...] = (
    Area("accommodation", "Where I live", "Where do you live now, and where would you like to live next?"),
    Area("eet", "Education, employment and training", "What are you doing now, and what do you want to do?"),
    Area("health", "Health and emotional wellbeing", "How are you feeling, and what helps you stay well?"),
    Area("relationships", "Relationships, family and social networks", "Who matters to you, and who can you "
         "turn to?"),
    Area("money", "Money, benefits and budgeting", "How are you managing money, and what help do you want?"),
    Area("identity", "Identity and documents", "Do you have your birth certificate, photo ID, National Insurance "
         "number and a bank account?"),
    Area("practical_skills", "Practical skills for living on my own", "What can you do for yourself already, "
         "and what would you like to learn?"),
    Area("safety", "Safety and risk", "Do you feel safe? Is anything worrying you?"),
    Area("participation", "Things I enjoy and having my say", "What do you enjoy, and how do you want to be "
         "involved?"),
    Area("immigration", "Immigration", "Where are you with your immigration case, and what help do you need?",
         "uasc"),
    Area("parenting", "Being a parent", "What support do you and your child need?", "parenting"),
    Area("custody", "Custody and release", "What needs to be ready for when you are released?", "custody"),
    Area("disability", "Disability and moving to adult services", "What support will you need as an adult?",
         "disability"),
)
BY_KEY = {a.key: a for a in AREAS}
GRADES = ("Outstanding", "Good", "Requires Improvement", "Inadequate")


def areas_for(*, uasc: bool = False, parenting: bool = False, custody: bool = False,
              disability: bool = False) -> list[Area]:
    """The areas that apply to a young person: the core nine, and those their circumstances bring."""
    present = {"uasc": uasc, "parenting": parenting, "custody": custody, "disability": disability}
    return [a for a in AREAS if not a.when or present[a.when]]
