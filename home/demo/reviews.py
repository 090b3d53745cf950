"""Due-diligence reviews for the demo partners. Internal records, written in English only: the
rationales, screening notes, risk levels, conditions and reviewers never reach a public surface."""

import datetime

from .contributions import DEMO_TODAY

REVIEWERS = ["A. Mensah", "L. Ortega", "K. Haddad", "S. Lindqvist", "R. Okafor", "M. Dubois", "T. Nakamura"]

ACTIVITIES = {
    "for_profit_company": "Core business checked against the excluded activities (weapons, surveillance exports, tobacco, gambling): none found. The company sells to police services, including in member countries; the conflict of interest is mitigated by keeping it out of any procurement it could influence.",
    "corporate_foundation": "Parent group reviewed together with the foundation: no excluded activity. The group's commercial dealings with police services are small and declared; the foundation's grant decisions are taken by a board with a majority of independent members.",
    "philanthropic_foundation": "Origin of the endowment traced through the last ten annual accounts; no link to excluded activities. Board members are independent of any supplier of police services.",
    "ngo_nonprofit": "Advocacy positions reviewed: at times critical of police practice, which is compatible with the organisation's principles. Funding sources are published and no single donor provides more than a quarter of its income.",
    "business_association": "Member list reviewed. Members that supply police services are named in the file and kept out of joint activities; the association's own statutes forbid lobbying through the partnership.",
    "academic_research": "Ethics approvals and research funding reviewed: no defence or surveillance funding is tied to the work done with the organisation. Publication rights agreed in the memorandum of understanding.",
    "other_nonprofit": "Statutes and the last three annual reports reviewed; activities consistent with the organisation's aims, and governance meets the organisation's minimum standards.",
}


def _years_later(date, years):
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def _reviewers(index):
    return f"{REVIEWERS[index % len(REVIEWERS)]}, {REVIEWERS[(index + 3) % len(REVIEWERS)]}"


def _screening_note(screening):
    if screening == "potential_match":
        return "Sanctions screening (UN, EU and national consolidated lists): one potential match on a similarly named entity, resolved as a false positive after comparing registration numbers and directors."
    if screening == "not_run":
        return "Sanctions screening not run yet."
    return "Sanctions screening (UN, EU and national consolidated lists): no match."


def _positive(spec, index, review_type, opened, decided, next_due, decision, conditions=""):
    screening = spec["review"].get("screening", "clear")
    mitigated = decision == "approved_with_conditions" or spec["type"] == "for_profit_company"
    areas = ", ".join(spec["areas"]).replace("-", " ")
    return {
        "review_type": review_type,
        "opened_on": opened,
        "decided_on": decided,
        "next_review_due": next_due,
        "values_result": "meets",
        "values_rationale": f"Code of conduct, anti-bribery policy and human-rights statement of {spec['name']} checked against the organisation's principles. Adverse-media search over five years in English and the local languages: nothing material.",
        "activities_result": "meets_with_mitigation" if mitigated else "meets",
        "activities_rationale": ACTIVITIES[spec["type"]],
        "purpose_result": "meets",
        "purpose_rationale": f"The proposed contributions support {areas}. The partner receives no access to police data, no influence over operational priorities and no visibility beyond this register.",
        "sanctions_screening": screening,
        "risk_level": spec["review"].get("risk") or "low",
        "decision": decision,
        "conditions": conditions,
        "reviewers": _reviewers(index),
        "notes": f"File DD-{decided.year}-{index + 1:03d}. {_screening_note(screening)}",
    }


def review_specs(spec, index):
    """The reviews of one demo partner, oldest first, as field dictionaries."""
    decision = spec["review"]["decision"]
    if decision == "pending":
        return [
            {
                "review_type": "initial",
                "opened_on": datetime.date(2026, 9, 28),
                "decided_on": None,
                "next_review_due": None,
                "values_result": "not_assessed",
                "activities_result": "not_assessed",
                "purpose_result": "not_assessed",
                "sanctions_screening": "not_run",
                "risk_level": "",
                "decision": "pending",
                "reviewers": _reviewers(index),
                "notes": "Company registration documents and ownership chart requested; awaiting reply.",
            }
        ]
    if decision == "withdrawn":
        return [
            {
                "review_type": "initial",
                "opened_on": datetime.date(2026, 3, 2),
                "decided_on": datetime.date(2026, 4, 10),
                "next_review_due": None,
                "values_result": "not_assessed",
                "activities_result": "not_assessed",
                "purpose_result": "not_assessed",
                "sanctions_screening": "clear",
                "risk_level": "medium",
                "decision": "withdrawn",
                "reviewers": _reviewers(index),
                "notes": "The company withdrew its application before the review was completed.",
            }
        ]
    if decision == "rejected":
        return [
            {
                "review_type": "initial",
                "opened_on": datetime.date(2026, 5, 4),
                "decided_on": datetime.date(2026, 7, 14),
                "next_review_due": None,
                "values_result": "does_not_meet",
                "values_rationale": f"{spec['name']} markets device-intrusion tools to governments without human-rights safeguards; two export licences were refused in the past three years.",
                "activities_result": "does_not_meet",
                "activities_rationale": "Its core business is incompatible with the organisation's principles; free licences would tie investigators in member countries to its products.",
                "purpose_result": "not_assessed",
                "purpose_rationale": "Not assessed: the first two criteria are not met.",
                "sanctions_screening": "potential_match",
                "risk_level": "high",
                "decision": "rejected",
                "reviewers": _reviewers(index),
                "notes": "Potential sanctions match on a former director, under verification. Reviewers recommend no further contact.",
            }
        ]

    start = spec["start"]
    end = spec.get("end")
    conditions = spec["review"].get("conditions", "")
    decided = start - datetime.timedelta(days=20)
    opened = decided - datetime.timedelta(days=55)
    reviews = []
    review_type = "initial"
    while True:
        next_due = _years_later(decided, 3)
        if end and next_due > end:
            next_due = None
        reviews.append(_positive(spec, index, review_type, opened, decided, next_due, decision, conditions))
        if next_due is None or next_due > DEMO_TODAY:
            break
        # The periodic review confirms the partnership shortly before it falls due.
        decided = next_due - datetime.timedelta(days=12)
        opened = decided - datetime.timedelta(days=40)
        review_type = "periodic"
    triggered = spec.get("triggered")
    if triggered:
        decided = triggered["decided"]
        reviews.append(
            _positive(
                spec,
                index,
                "triggered",
                decided - datetime.timedelta(days=30),
                decided,
                _years_later(decided, 1),
                "approved_with_conditions",
                triggered["conditions"],
            )
        )
    return reviews
