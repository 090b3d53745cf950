"""The demo's contributions, planned from each partner's list of contribution types.

The plan is deterministic (a fixed seed and fixed "today"), so every run of `load_demo` describes the
same records and finds them again by their agreement reference. Dates follow the partner's
relationship; status follows the dates; titles and purposes come from the phrase banks.
"""

import datetime
import random
from decimal import Decimal

from .areas import AREAS
from .partners import DRAFT_PARTNERS, PARTNERS, REJECTED_PARTNER
from .phrases import TITLES, TYPE_PURPOSES, compose, join

# The demo is written as of this day, whatever the clock says.
DEMO_TODAY = datetime.date(2026, 11, 1)
SEED = 20190101

FINANCIAL = {"financial_unearmarked", "financial_earmarked"}

# Rough rates from euros, to give each currency plausible round amounts.
RATES = {
    "EUR": 1,
    "USD": 1.1,
    "CHF": 0.95,
    "GBP": 0.85,
    "JPY": 160,
    "CAD": 1.5,
    "NOK": 11.5,
    "SGD": 1.45,
}
EURO_COUNTRIES = {"AT", "BE", "CZ", "DE", "EE", "FI", "FR", "GR", "IE", "IT", "MT", "NL", "SE", "SN", "MA"}
COUNTRY_CURRENCY = {"GB": "GBP", "CH": "CHF", "US": "USD", "JP": "JPY", "CA": "CAD", "NO": "NOK", "SG": "SGD"}

# (unit, quantities, value per unit in euros, valuation method when valued) by contribution type.
IN_KIND = {
    "seconded_personnel": ("staff_months", [6, 9, 12, 18, 24, 36], 9500, "cost_basis"),
    "software_licence": ("licence_seats", [10, 25, 40, 100, 250, 500], 900, "market_fair_value"),
    "equipment": ("items", [4, 6, 12, 20, 40, 120], 3200, "market_fair_value"),
    "premises_facilities": ("square_metres", [60, 120, 180, 250, 400], 310, "market_fair_value"),
    "pro_bono_services": ("days", [10, 20, 30, 45, 60, 90], 1100, "donor_declared"),
    "training": ("days", [5, 8, 10, 15, 20, 30], 2400, "cost_basis"),
    "data_or_technology_access": ("licence_seats", [5, 10, 20, 35, 50], 4200, "market_fair_value"),
    "other_in_kind": ("items", [250, 500, 1000, 2000, 5000], 6, "donor_declared"),
}
# The training-room title is measured in days of use rather than floor space.
TRAINING_ROOMS = ("days", [10, 20, 40, 60], 850, "market_fair_value")

END_REASONS_TERMINATED = [
    "mutual_agreement",
    "purpose_achieved_early",
    "partner_withdrew",
    "due_diligence_concern",
    "delivery_not_possible",
]
END_REASONS_CANCELLED = ["no_longer_needed", "partner_withdrew", "delivery_not_possible", "other"]

# Records that stay unpublished, to show the workflow and the invariants (partner slug, position).
IN_REVIEW = {("kuroshio-industries-foundation", 3)}
DRAFTS = {("velora-foundation-for-children", 3)}
# Deliberate gaps in the translations, so the fallback to English can be seen.
UNTRANSLATED = {
    ("northwind-forensic-systems", 5): {"fr"},
    ("tamarind-peace-fund", 4): {"fr"},
}
DRAFT_TRANSLATIONS = {("wildlands-crime-observatory", 2): {"ar"}}

AREAS_BY_SLUG = {area["slug"]: area for area in AREAS}


def currency_for(country):
    if country in COUNTRY_CURRENCY:
        return COUNTRY_CURRENCY[country]
    return "EUR" if country in EURO_COUNTRIES else "USD"


def nice(value):
    """Round to two significant figures: 1,380,000 rather than 1,376,412."""
    value = float(value)
    if value < 100:
        return Decimal(round(value))
    digits = len(str(int(value))) - 2
    return Decimal(int(round(value / 10**digits)) * 10**digits)


def _months_later(date, months):
    month = date.month - 1 + months
    year = date.year + month // 12
    return date.replace(year=year, month=month % 12 + 1, day=min(date.day, 28))


def _status(rng, partner, signed):
    relationship = partner["status"]
    age = (DEMO_TODAY - signed).days / 365
    if relationship == "concluded":
        return rng.choice(["completed", "completed", "completed", "cancelled"])
    if relationship == "terminated":
        return None  # decided by position, below
    if age > 3.5:
        return rng.choice(["completed"] * 11 + ["terminated_early"])
    if age > 1.8:
        return rng.choice(["completed"] * 5 + ["in_delivery"] * 4 + ["terminated_early"])
    if age > 0.8:
        return rng.choice(["in_delivery"] * 3 + ["completed", "cancelled"])
    return rng.choice(["agreement_signed"] * 3 + ["in_delivery"] * 2 + ["pledged"] * 2)


def _dates(rng, status, signed):
    """(signed, start, end) for a status; the end is the actual end, or the planned one while running."""
    if status == "pledged":
        return None, None, None
    start = signed + datetime.timedelta(days=rng.randint(7, 75))
    months = rng.choice([6, 12, 12, 18, 24, 36])
    if status == "cancelled":
        return signed, None, None
    if status == "agreement_signed":
        start = max(start, DEMO_TODAY + datetime.timedelta(days=rng.randint(20, 120)))
        return signed, start, _months_later(start, months)
    end = _months_later(start, months)
    if status == "terminated_early":
        end = _months_later(start, max(2, months // 3))
    if status in ("completed", "terminated_early") and end > DEMO_TODAY:
        end = DEMO_TODAY - datetime.timedelta(days=rng.randint(10, 60))
        start = min(start, end - datetime.timedelta(days=30))
    if status == "in_delivery":
        start = min(start, DEMO_TODAY - datetime.timedelta(days=1))
    if status == "in_delivery" and end <= DEMO_TODAY:
        end = _months_later(DEMO_TODAY, rng.randint(3, 14))
    return signed, start, end


def _value(rng, ctype, title_index, currency):
    rate = RATES[currency]
    if ctype in FINANCIAL:
        base = rng.choice([40_000, 75_000, 120_000, 180_000, 250_000, 400_000, 600_000, 900_000, 1_250_000])
        return {"amount": nice(base * rate), "currency": currency}
    unit, quantities, per_unit, method = IN_KIND[ctype]
    if ctype == "premises_facilities" and title_index == 0:
        unit, quantities, per_unit, method = TRAINING_ROOMS
    quantity = Decimal(rng.choice(quantities))
    values = {"quantity": quantity, "unit": unit}
    roll = rng.random()
    if roll < 0.7:
        # Donors sometimes declare their own figure; otherwise the method of the type applies.
        chosen = "donor_declared" if roll < 0.12 else method
        estimate = float(quantity) * per_unit * rng.uniform(0.8, 1.25) * rate
        values.update(estimated_value=nice(estimate), valuation_method=chosen, currency=currency)
    else:
        values.update(valuation_method="not_valued")
    return values


def _plan_partner(rng, partner, state):
    """The contributions of one partner, in order."""
    kinds = partner["contributions"]
    if not kinds:
        return []
    first = partner["start"] or datetime.date(2026, 6, 1)
    last = min(partner.get("end") or DEMO_TODAY, DEMO_TODAY - datetime.timedelta(days=20))
    span = (last - first).days
    specs = []
    for position, ctype in enumerate(kinds):
        key = (partner["slug"], position)
        # Spread over the relationship, later ones closer to its end.
        signed = first + datetime.timedelta(days=int(span * (position + 0.35) / len(kinds)))
        signed += datetime.timedelta(days=rng.randint(0, max(1, span // (3 * len(kinds)))))
        signed = min(signed, last)
        if state != "live":
            status = "pledged"
        elif partner["status"] == "terminated":
            status = ["completed", "terminated_early", "cancelled"][position % 3]
        elif partner["status"] == "suspended" and position == len(kinds) - 1:
            status = "terminated_early"
        else:
            status = _status(rng, partner, signed)
        signed_on, start, end = _dates(rng, status, signed)
        area_slugs = partner["areas"]
        title_options = TITLES[ctype]
        title_index = position % len(title_options)
        area = AREAS_BY_SLUG[area_slugs[position % len(area_slugs)]]
        if ctype == "training" and area["slug"] == "training-capacity-building":
            title_index = 1
        areas = [] if ctype == "financial_unearmarked" else [area["slug"]]
        if areas and len(area_slugs) > 1 and rng.random() < 0.3:
            areas.append(next(slug for slug in area_slugs if slug != area["slug"]))
        title = compose(title_options[title_index], area)
        purpose = (
            TYPE_PURPOSES[ctype]
            if ctype == "financial_unearmarked"
            else join(TYPE_PURPOSES[ctype], area["purpose"])
        )
        end_reason = ""
        if status == "terminated_early":
            end_reason = END_REASONS_TERMINATED[rng.randrange(len(END_REASONS_TERMINATED))]
            if partner["status"] == "terminated":
                end_reason = "mutual_agreement"
            elif partner["status"] == "suspended":
                end_reason = "due_diligence_concern"
        elif status == "cancelled":
            end_reason = END_REASONS_CANCELLED[rng.randrange(len(END_REASONS_CANCELLED))]
        spec_state = state
        if key in IN_REVIEW:
            spec_state = "review"
        elif key in DRAFTS:
            spec_state = "draft"
        specs.append(
            {
                "key": key,
                "partner": partner["slug"],
                "state": spec_state,
                "type": ctype,
                "status": status,
                "end_reason": end_reason,
                "areas": areas,
                "title": title,
                "purpose": purpose,
                "signed": signed_on,
                "start": start,
                "end": end,
                "year": (signed_on or signed).year,
                "untranslated": UNTRANSLATED.get(key, set()),
                "draft_translations": DRAFT_TRANSLATIONS.get(key, set()),
                **_value(rng, ctype, title_index, currency_for(partner["country"])),
            }
        )
    return specs


def contribution_specs():
    """Every demo contribution, each with its agreement reference (PSP-<year>-<nnn>, numbered by date)."""
    rng = random.Random(SEED)
    specs = []
    for partner in PARTNERS:
        specs.extend(_plan_partner(rng, partner, "live"))
    for partner in [*DRAFT_PARTNERS, REJECTED_PARTNER]:
        specs.extend(_plan_partner(rng, partner, "draft"))
    ordered = sorted(specs, key=lambda s: (s["year"], s["signed"] or DEMO_TODAY, s["key"]))
    numbers = {}
    for spec in ordered:
        numbers[spec["year"]] = numbers.get(spec["year"], 0) + 1
        spec["reference"] = f"PSP-{spec['year']}-{numbers[spec['year']]:03d}"
    return specs
