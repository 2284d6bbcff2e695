"""The PDF report's story: the sections in order, each flowable tagged for progress."""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
)

from readiness.reports.pdf.claims import ClaimsSection
from readiness.reports.pdf.cover import CoverSection
from readiness.reports.pdf.domains import DomainSections
from readiness.reports.pdf.plan import PlanSection
from readiness.reports.pdf.summary import SummarySection


class StoryBuilder(CoverSection, SummarySection, DomainSections, PlanSection, ClaimsSection):
    """The whole report as a list of flowables, in DESIGN section 5 order."""

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.cover()
        story.append(PageBreak())
        story += self.summary()
        story.append(PageBreak())
        for index, domain in enumerate(self.c.domains):
            if index:
                story += [Spacer(1, 14), CondPageBreak(170)]
            story += self.domain_section(domain)
        story.append(PageBreak())
        story += self.action_plan()
        story.append(PageBreak())
        story += self.unverified_claims()
        story.append(PageBreak())
        story += self.appendix()
        for flowable in story:
            flowable._is_story_item = True  # type: ignore[attr-defined]
        return story
