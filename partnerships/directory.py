"""The public partner directory and partner profiles: which partners match, the counts beside each
filter option, and a profile's figures.

Everything starts from Partner.objects.public() and Contribution.objects.public() (source-language rows
that are live and cleared by due diligence: invariants 1-3) and is counted in the database. Prose is
swapped for the reader's language afterwards with partnerships.localize, in one query per list."""

from collections import Counter
from types import SimpleNamespace

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Lower

from partnerships.figures import compute_figures, figure_groups_of
from partnerships.filters import SORT_BY_START
from partnerships.history import publication_history
from partnerships.localize import Localized, localize_records, localized_areas, publication_dates
from partnerships.models.choices import CriterionResult, PartnerType, ProfitSector
from partnerships.models.querysets import DECIDED
from partnerships.models.records import Contribution, Partner
from partnerships.models.reviews import CRITERIA, DueDiligenceReview
from partnerships.models.taxonomy import CooperationArea
from portal.locales import active_locale, is_source_language
from portal.text import search_key

PER_PAGE = 24
SECTOR_TYPES = {
    ProfitSector.FOR_PROFIT: PartnerType.for_profit(),
    ProfitSector.NON_PROFIT: PartnerType.non_profit(),
}
# Facets that are columns of the partner row: the counts query groups by them.
COLUMN_FACETS = {
    "sector": "partner_type",
    "type": "partner_type",
    "country": "country",
    "status": "relationship_status",
}
AreaThrough = Partner.cooperation_areas.through
# What a partner's translation supplies to its profile.
TRANSLATED_PARTNER_FIELDS = ("summary", "description", "last_published_at")


def _matching_keywords(text, locale):
    """Partners whose name and summary, or their live translation's in `locale`, hold every word of
    `text`: the search keys of Partner.search_text (portal.text), so case, accents, Arabic spelling
    variants and the article do not matter."""
    condition = Q()
    for word in search_key(text).split():
        in_either = Q(search_text__contains=word)
        if not is_source_language(locale.language_code):
            translated = Partner.objects.filter(
                translation_key=OuterRef("translation_key"),
                locale=locale,
                live=True,
                search_text__contains=word,
            )
            in_either |= Q(Exists(translated))
        condition &= in_either
    return condition


class PartnerDirectory:
    """The partners matching a set of valid filters (see partnerships.filters), in the reader's locale."""

    def __init__(self, filters, sort, areas):
        self.filters = filters
        self.sort = sort
        self.locale = active_locale()
        self.areas = areas
        self.area_ids = {area.slug: area.id for area in areas}

    def _condition(self, name, value):
        if name == "q":
            return _matching_keywords(value, self.locale)
        if name == "sector":
            return Q(partner_type__in=SECTOR_TYPES[value])
        if name == "type":
            return Q(partner_type=value)
        if name == "area":
            return Q(_has_area(self.area_ids[value]))
        if name == "country":
            return Q(country=value)
        if name == "contribution":
            return Q(_has_contribution_of_type(value))
        if name == "status":
            return Q(relationship_status=value)
        raise KeyError(name)

    def _conditions(self, without=None):
        """Every active filter except `without` (a facet is counted without its own filter)."""
        return [self._condition(name, value) for name, value in self.filters.items() if name != without]

    def matching(self):
        return Partner.objects.public().filter(*self._conditions())

    def results(self):
        """The matching partners in the chosen order."""
        ordering = [Lower("name"), "pk"]
        if self.sort == SORT_BY_START:
            ordering = [F("start_date").desc(nulls_last=True), *ordering]
        return self.matching().defer("description").select_related("logo").order_by(*ordering)

    def text_matches(self):
        """The ids of the public partners the keyword filter matches (None without one): one query."""
        if "q" not in self.filters:
            return None
        matching = Partner.objects.public().filter(self._condition("q", self.filters["q"]))
        return set(matching.values_list("pk", flat=True))

    def counts(self, facts):
        """({facet: {option: number of partners}}, number matching every filter), counted from
        `facts` (partner_facts(): one row per public partner, read from the register's summary) and
        at most one query, for the keyword filter.

        Each facet is counted with every active filter except its own, so the number beside an option
        is what choosing it would give. A partner that fails no filter counts everywhere; one that
        fails exactly one counts in that filter's facet only; one that fails two counts nowhere."""
        text_matches = self.text_matches()
        tests = {
            name: FACET_TESTS[name](self.area_ids[value] if name == "area" else value)
            for name, value in self.filters.items()
            if name != "q"
        }
        counts = {facet: Counter() for facet in (*COLUMN_FACETS, "area", "contribution")}
        total = 0
        for fact in facts:
            pk, partner_type, country, status, area_ids, kinds = fact
            if text_matches is not None and pk not in text_matches:
                continue
            failed = [name for name, test in tests.items() if not test(fact)]
            if len(failed) > 1:
                continue
            counted = set(failed) if failed else {*counts}
            total += not failed
            for facet, value in (
                ("sector", partner_type),
                ("type", partner_type),
                ("country", country),
                ("status", status),
            ):
                if facet in counted:
                    counts[facet][value] += 1
            if "area" in counted:
                counts["area"].update(area_ids)
            if "contribution" in counted:
                counts["contribution"].update(kinds)
        counts["sector"] = Counter(
            {sector: sum(counts["sector"][kind] for kind in kinds) for sector, kinds in SECTOR_TYPES.items()}
        )
        return counts, total

    def area_lists(self, partners):
        """{partner id: its cooperation areas, named in the reader's language} for a page of source
        partners, in one query. Read for the page only: as columns of results(), PostgreSQL worked them
        out for every partner before the page too (40 ms for page 42 of 2,000)."""
        pairs = AreaThrough.objects.filter(partner_id__in=[partner.pk for partner in partners])
        area_ids = {partner.pk: set() for partner in partners}
        for partner_id, area_id in pairs.values_list("partner_id", "cooperationarea_id"):
            area_ids[partner_id].add(area_id)
        return {pk: [area for area in self.areas if area.id in ids] for pk, ids in area_ids.items()}


# Each facet's filter as a test of a partner_facts() row, given the value chosen.
FACET_TESTS = {
    "sector": lambda sector: lambda fact: fact[1] in SECTOR_TYPES[sector],
    "type": lambda kind: lambda fact: fact[1] == kind,
    "country": lambda code: lambda fact: fact[2] == code,
    "status": lambda status: lambda fact: fact[3] == status,
    "area": lambda area_id: lambda fact: area_id in fact[4],
    "contribution": lambda kind: lambda fact: kind in fact[5],
}


def partner_facts():
    """[id, type, country, relationship status, [area ids], [types of public contributions]] of every
    public partner: what the directory's facets count, in three queries whatever the filters (the
    register's summary stores it, partnerships.summary)."""
    public = Partner.objects.public()
    facts = {
        pk: [pk, partner_type, str(country), status, [], []]
        for pk, partner_type, country, status in public.order_by("pk").values_list(
            "pk", "partner_type", "country", "relationship_status"
        )
    }
    areas = AreaThrough.objects.filter(partner__in=public.values("pk")).order_by(
        "partner_id", "cooperationarea_id"
    )
    for partner_id, area_id in areas.values_list("partner_id", "cooperationarea_id"):
        facts[partner_id][4].append(area_id)
    kinds = (
        Contribution.objects.public()
        .order_by("partner_id", "contribution_type")
        .values_list("partner_id", "contribution_type")
        .distinct()
    )
    for partner_id, kind in kinds:
        facts[partner_id][5].append(kind)
    return list(facts.values())


def _has_area(area_id):
    return Exists(AreaThrough.objects.filter(partner_id=OuterRef("pk"), cooperationarea_id=area_id))


def _has_contribution_of_type(kind):
    """At least one public contribution of this type. The outer partner is public, and contributions
    point at source partners, so a live contribution in the partner's (source) locale is public."""
    return Exists(
        Contribution.objects.filter(
            partner_id=OuterRef("pk"), locale=OuterRef("locale"), live=True, contribution_type=kind
        )
    )


# Profiles


def public_partner(slug):
    """The public source record of the partner at `slug`, or None (drafts, rejected, unknown).

    In a translated locale it also carries the prose of its live translation (`translated_<field>`),
    read in the same query."""
    annotations = {}
    locale = active_locale()
    if not is_source_language(locale.language_code):
        translation = Partner.objects.filter(
            translation_key=OuterRef("translation_key"), locale=locale, live=True
        )
        annotations.update(
            {
                f"translated_{field}": Subquery(translation.values(field)[:1])
                for field in ("pk", *TRANSLATED_PARTNER_FIELDS)
            }
        )
    return Partner.objects.public().select_related("logo").filter(slug=slug).annotate(**annotations).first()


def _localized_partner(partner, locale):
    """The partner as partnerships.localize.Localized, from the translation read by public_partner()."""
    if is_source_language(locale.language_code):
        return Localized(partner, partner, locale.language_code)
    translation = None
    if partner.translated_pk is not None:
        translation = SimpleNamespace(
            **{field: getattr(partner, f"translated_{field}") for field in TRANSLATED_PARTNER_FIELDS}
        )
    return Localized(partner, translation, locale.language_code)


def due_diligence_history(partner):
    """Every decided review of the partner, newest first, as its public part. The internal fields are
    never even read."""
    reviews = (
        DueDiligenceReview.objects.filter(partner=partner, decision__in=DECIDED)
        .exclude(decided_on=None)
        .order_by("-decided_on", "-pk")
        .values(*DueDiligenceReview.PUBLIC_FIELDS)
    )
    return [review_statement(review) for review in reviews]


def review_statement(review):
    """What the public sees of a decided review, from its PUBLIC_FIELDS: the decision date, the three
    criteria with their results, and the next review date."""
    labels = dict(CriterionResult.choices)
    return {
        "decided_on": review["decided_on"],
        "next_review_due": review["next_review_due"],
        "criteria": [
            {
                "text": text,
                "result": review[f"{key}_result"],
                "result_label": labels.get(review[f"{key}_result"], ""),
            }
            for key, text in CRITERIA
        ],
    }


def partner_contributions(partner):
    """The partner's public contributions, newest first."""
    return (
        Contribution.objects.public()
        .filter(partner=partner)
        .defer("purpose")
        .order_by(F("signed_date").desc(nulls_last=True), "reference", "pk")
    )


def partner_profile(partner):
    """Everything a profile shows, for a partner from public_partner(slug)."""
    locale = active_locale()
    localized = _localized_partner(partner, locale)
    contributions = list(partner_contributions(partner))
    # The profile changes when the record or the translation shown is published.
    published = [partner.last_published_at, localized.text.last_published_at]
    return {
        "partner": localized,
        "areas": localized_areas(CooperationArea.objects.filter(partners=partner), locale),
        "reviews": due_diligence_history(partner),
        "contributions": localize_records(contributions, locale),
        # The partner's own figures, counted as the register's are, from the contributions listed.
        "figures": compute_figures(groups=figure_groups_of(contributions, partner.partner_type)),
        "last_updated": max((when for when in published if when), default=None),
        "history": publication_history(partner, getattr(partner, "translated_pk", None)),
    }


def profile_dates(locale_id):
    """(slug, last change) of every public partner's profile in a locale, for the sitemap."""
    return publication_dates(Partner.objects.public(), locale_id)
