"""The one-page summary: the essentials to reread in the waiting room.

It claims only what the data supports: no "every skill has an example" without skills and
stories, and a list of what to fill in (`data-todo`) where the profile is thin.
"""

from __future__ import annotations

from generator.content import chapters_close, chapters_likely, chapters_offers, chapters_salary, tasks
from generator.content.blocks import Block, Heading, Item, ItemList, ListStyle, Para
from generator.content.chapters_you import STARR_PARTS
from generator.content.context import Context, items
from generator.content.matching import skill_key
from generator.content.pairing import mentioned_skills

TOP_QUESTIONS = 3  # questions to ask, on the summary page (which must stay one page)

# What a thin profile may lack, by field path (`data-todo`), in the order the pack uses them,
# with the text that says why it matters.
TODO_FIELDS = {
    "candidate.pitch": "summary.todo.pitch",
    "application.required_skills": "summary.todo.required_skills",
    "stories": "summary.todo.stories",
    "application.second_interview.time": "summary.todo.time",
    "application.second_interview.location": "summary.todo.location",
    "application.second_interview.interviewers": "summary.todo.interviewers",
    "salary.desired_monthly": "summary.todo.desired_monthly",
    "notes": "summary.todo.notes",
}


def missing(c: Context) -> list[str]:
    """The fields of TODO_FIELDS this profile leaves empty."""
    profile = c.profile
    interview = profile.application.second_interview
    empty = {
        "candidate.pitch": not profile.candidate.pitch,
        "application.required_skills": not profile.application.required_skills,
        "stories": not profile.stories,
        "application.second_interview.time": interview.time is None,
        "application.second_interview.location": not interview.location,
        "application.second_interview.interviewers": not interview.interviewers,
        "salary.desired_monthly": not (profile.salary and profile.salary.desired_monthly is not None),
        "notes": c.notes is None,
    }
    return [path for path in TODO_FIELDS if empty[path]]


def _todo(c: Context) -> list[Block]:
    """What to fill in before the pack can help fully, each with why it matters; nothing when complete."""
    empty = missing(c)
    if not empty:
        return []
    todo = [Item(c.t(TODO_FIELDS[path]), note=c.notes_hint if path == "notes" else "",  # no YAML paths on paper
                 attrs={"data-todo": path}) for path in empty]
    return [Heading(c.t("summary.todo_title")), Para(c.t("summary.todo_intro")), ItemList(todo, ListStyle.CHECK)]


def _top_questions(c: Context) -> list[str]:
    """The must-ask questions for the summary: two open points from round one, one of the
    candidate's own, then the procedure and the standard questions that fit this role and mode
    (no staff-restaurant question for a senior hire meeting the CTO over video)."""
    questions = chapters_close.questions_to_ask(c)
    top = questions.open[:2] + questions.own[:1]
    standard = dict(questions.standard)
    fitting = [standard[qid] for qid in chapters_close.must_ask_ids(c) if qid in standard]
    top += [q for q in [*questions.procedure[:1], *fitting] if q not in top]
    return top[:TOP_QUESTIONS]


def _to_strengthen(c: Context, gaps: list[str]) -> list[str]:
    """Required skills that have a story but that a could-improve note is about: on paper
    covered, in the first interview not yet convincing ('I had no example of closing')."""
    points = " ".join(point.text for point in c.notes.could_improve) if c.notes else ""
    named = {skill_key(skill) for skill in mentioned_skills(c.profile, points)} if points else set()
    return [skill for skill in c.profile.application.required_skills
            if skill not in gaps and skill_key(skill) in named]


def _next_step(c: Context) -> Item:
    """What to do first: the earliest of the plan's steps and the candidate's own tasks from today
    on (their own task first on the same day: writing a missing story is more urgent than rereading)."""
    s = c.schedule
    number = next((i for i, day in enumerate(s.plan) if day >= s.today), 0)
    step_day = s.plan[number]
    task = next((task for task in tasks.personal_tasks(c) if task.day >= s.today), None)
    if task and task.day <= step_day:  # the subject is the candidate's words: after ours, never inside
        text = " · ".join(part for part in (c.t(tasks.SHORT[task.kind]), task.subject, c.short_date(task.day)) if part)
        return Item(text, label=c.t("summary.next_step"))
    return Item(f"{number + 1}. {c.plan_steps[number]['title']} · {c.short_date(step_day)}",
                label=c.t("summary.next_step"))


def _summary_facts(c: Context) -> list[Item]:
    t = c.t
    s = c.schedule
    profile = c.profile
    interview = profile.application.second_interview
    when = c.date(interview.date) + (f", {interview.time.strftime('%H:%M')}" if interview.time else "")
    facts = [Item(when, label=t("summary.when")),
             Item(interview.location or t("labels.unknown"), label=t("summary.where"))]
    if interview.interviewers:
        facts.append(Item("; ".join(p.name + (f", {p.role}" if p.role else "") for p in interview.interviewers),
                          label=t("summary.who")))
    facts.append(_next_step(c))
    gaps = c.gaps
    if profile.application.required_skills:  # without them there is nothing to claim; the to-do list asks
        facts.append(Item(", ".join(gaps) if gaps else t("summary.no_gaps"), label=t("summary.gaps")))
    weak = _to_strengthen(c, gaps)
    if weak:
        facts.append(Item(", ".join(weak), label=t("summary.strengthen")))
    if profile.salary and profile.salary.desired_monthly is not None:  # the figure the salary chapter names
        anchor = chapters_salary.salary_anchor(c, profile.salary.desired_monthly)
        text = c.money(anchor)
        if anchor > profile.salary.desired_monthly:  # an offer in hand lifts it above the wish
            text += " " + t("summary.salary_lifted", wish=c.money(profile.salary.desired_monthly))
        elif profile.salary.minimum_monthly is not None:
            text += f" (min. {c.money(profile.salary.minimum_monthly)})"
        facts.append(Item(text, label=t("summary.salary")))
    facts += chapters_offers.best_offer_facts(c)
    assignment = tasks.assignment_line(c)
    if assignment:
        facts.append(Item(assignment, label=t("summary.assignment")))
    facts.append(Item(f"{c.date(s.decision_from)} – {c.date(s.decision_to)}", label=t("summary.decision")))
    return facts


def build_summary(c: Context) -> list[Block]:
    """The one-page summary: the essentials to reread in the waiting room."""
    t = c.t
    plan = [Item(step["title"], note=c.short_date(day))
            for step, day in zip(c.plan_steps, c.schedule.plan, strict=True)]
    blocks: list[Block] = [ItemList(_summary_facts(c), ListStyle.FACTS), *_todo(c),
                           Heading(t("sections.plan.title")), ItemList(plan, ListStyle.CHECK)]
    likely = chapters_likely.top_likely_questions(c)
    if likely:
        blocks += [Heading(t("summary.likely")), ItemList(likely)]
    return blocks + [Heading(t("summary.top_questions")), ItemList(items(_top_questions(c)))]




def overview_facts(c: Context) -> dict[str, object]:
    """One candidate at a glance for an agency's batch overview: when, how, and how thin the
    preparation still is (plain values, so they travel from a worker in the manifest)."""
    app = c.profile.application
    interview = app.second_interview
    return {
        "candidate": c.profile.candidate.name, "email": c.profile.candidate.email or "", "language": c.language.code,
        "company": app.company, "role": app.role,
        "date": interview.date.isoformat(), "time": interview.time.strftime("%H:%M") if interview.time else "",
        "days_to_go": c.schedule.days_to_go,
        "mode": c.mode if interview.mode or interview.location else "",  # a guess only from a location
        "assignment": interview.assessment.kind if interview.assessment else "",
        "gaps": len(c.gaps),
        "incomplete_stories": sum(any(not getattr(story, part) for part in STARR_PARTS) for story in c.profile.stories),
        "notes": c.notes is not None, "lacking": missing(c),
    }
