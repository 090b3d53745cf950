"""Loads the demo records: partners, their due-diligence reviews and contributions, and the
cooperation areas, in four languages.

What the demo shows is made the way people make it:

* the first partners (WORKFLOW_DEMONSTRATIONS), with their first contribution and the translations of
  both, go through the "Transparency review" workflow: the demo editor saves drafts and submits them,
  the demo reviewer approves, which publishes through Wagtail (so the publishing guard runs), and the
  admin shows their real histories; their translations are made with wagtail-localize;
* the partners left in draft or rejected, and the contributions in draft or waiting for review, are
  saved and submitted the same way;
* the cooperation areas are translated with wagtail-localize.

The other public partners and contributions are data. They are inserted in bulk as publishing them
would leave them: one revision saved by the editor that is both the latest and the live one, and a
"publish" entry by the reviewer in the history. Each is first validated as saving a revision would
validate it (but for the existence of the records it points at, which the load has just found or
made), and asked the publishing guard's own questions once its reviews are recorded; a record the
guard would refuse stops the load. Their translations are registered with wagtail-localize (the source, the translated strings and
the translation), so that an editor opens them in its editor like any other. Publishing them one by one
took three quarters of the load's half-minute.

Idempotent: records are found by slug or agreement reference and created only when missing, so a
second run adds no record, revision or translation.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, ModelLogEntry, Revision, Workflow, WorkflowState
from wagtail_localize.models import Translation, TranslationLog, TranslationSource
from wagtail_localize.strings import StringValue

from partnerships import reporting, summary
from partnerships.models import Contribution, CooperationArea, DueDiligenceReview, Partner

from .areas import AREAS
from .contributions import contribution_specs
from .indexes import deferred_indexing, index_records
from .logos import library_image, monogram_png
from .partners import (
    DRAFT_PARTNERS,
    DRAFT_TRANSLATION_PARTNERS,
    PARTNERS,
    REJECTED_PARTNER,
    UNTRANSLATED_PARTNERS,
)
from .phrases import TYPE_PARAGRAPHS
from .rates import load_rates
from .reviews import review_specs
from .segments import fill_segments
from .text import DemoContentError

WORKFLOW_NAME = "Transparency review"
# How many partners (with their first contribution and the translations of both) demonstrate the review
# workflow.
WORKFLOW_DEMONSTRATIONS = 3
TRANSLATION_LANGUAGES = ["fr", "es", "ar"]
RECORD_MODELS = [CooperationArea, Partner, Contribution]


def rich_text(paragraphs, code="en"):
    return "".join(f"<p>{StringValue.from_plaintext(p.in_language(code)).data}</p>" for p in paragraphs)


def partner_texts(spec):
    """The translatable texts of a partner: its summary and the paragraphs of its description."""
    return [spec["summary"], spec["about"], TYPE_PARAGRAPHS[spec["type"]]]


@dataclass
class Plan:
    """How to make one record of the demo: `row(locale, translation_key=None)` builds it, unsaved, in a
    language (a translation when given its source's translation key); `texts` are the T texts it is
    written with; `untranslated` and `drafts` are the languages left without a translation or with a
    draft one; `logo` is a partner's logo."""

    model: type
    lookup: dict
    row: Callable
    texts: list
    untranslated: set = field(default_factory=set)
    drafts: set = field(default_factory=set)
    logo: object = None


class DemoRecordsBuilder:
    def __init__(self, editor=None, reviewer=None, stdout=None):
        self.editor = editor
        self.reviewer = reviewer
        self.stdout = stdout
        self.created = Counter()
        self.through_workflow = True
        # The reviews of each new partner (by slug), recorded once the partner is saved: reviews are
        # records of their own, which point at the saved partner.
        self.reviews = {}

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # --- the whole demo ---------------------------------------------------------------------

    def build(self):
        self.source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        self.locales = {code: Locale.objects.get(language_code=code) for code in TRANSLATION_LANGUAGES}
        self.workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        self.tasks = {task.pk: task.specific for task in self.workflow.tasks}
        # (translation key, locale) of every existing record row, to skip what is already translated.
        self.existing = {
            model: set(model.objects.values_list("translation_key", "locale_id")) for model in RECORD_MODELS
        }
        contributions = {}
        for spec in contribution_specs():
            contributions.setdefault(spec["partner"], []).append(spec)
        partners = [(spec, "live") for spec in PARTNERS]
        partners += [(spec, "draft") for spec in DRAFT_PARTNERS] + [(REJECTED_PARTNER, "rejected")]
        # One transaction for the whole load, with one commit: a record's approval publishes it
        # synchronously, so nothing waits for a commit, and an interrupted load leaves nothing behind.
        with transaction.atomic():
            rates_added = load_rates()
            with deferred_indexing([*RECORD_MODELS, DueDiligenceReview]):
                areas = self._areas()
                for index, (spec, state) in enumerate(partners):
                    demonstration = index < WORKFLOW_DEMONSTRATIONS
                    partner = self._record(self._partner_plan(spec, index, areas), state, demonstration)
                    for position, contribution in enumerate(contributions.get(spec["slug"], [])):
                        plan = self._contribution_plan(contribution, partner, areas)
                        self._record(plan, contribution["state"], demonstration and position == 0)
            if self.created:
                index_records([*RECORD_MODELS, DueDiligenceReview])
            if self.created or rates_added:
                # Records inserted in bulk were never saved one by one: convert them all at once.
                reporting.recompute(Contribution.objects.all())
            # Records inserted in bulk sent no signal: the summary is counted from them once, here.
            summary.rebuild()
        return self.created

    # --- cooperation areas ----------------------------------------------------------------

    def _areas(self):
        areas = {}
        for spec in AREAS:
            area = CooperationArea.objects.filter(locale=self.source_locale, slug=spec["slug"]).first()
            if area is None:
                area = CooperationArea.objects.create(
                    locale=self.source_locale,
                    slug=spec["slug"],
                    name=spec["name"].en,
                    description=spec["description"].en,
                )
                self.created["areas"] += 1
            for code, locale in self.locales.items():
                if not self._has_translation(area, locale):
                    self._translate(area, locale, [spec["name"], spec["description"]])
                    self.created[f"areas_{code}"] += 1
            areas[spec["slug"]] = area
        return areas

    # --- partners and contributions -----------------------------------------------------------

    def _partner_plan(self, spec, index, areas):
        logo = self._logo(spec)

        def row(locale, translation_key=None):
            code = locale.language_code
            partner = self._row(
                Partner,
                spec,
                areas,
                locale,
                translation_key,
                name=spec["name"],
                slug=spec["slug"],
                partner_type=spec["type"],
                country=spec["country"],
                website=f"https://{spec['slug']}.example",
                summary=spec["summary"].in_language(code),
                description=rich_text([spec["about"], TYPE_PARAGRAPHS[spec["type"]]], code),
                relationship_status=spec["status"],
                start_date=spec["start"],
                end_date=spec.get("end"),
                logo=logo,
            )
            if translation_key is None:
                # The reviews belong to the organisation, so to the source alone.
                self.reviews[spec["slug"]] = [
                    DueDiligenceReview(**fields) for fields in review_specs(spec, index)
                ]
            return partner

        return Plan(
            model=Partner,
            lookup={"slug": spec["slug"]},
            row=row,
            texts=partner_texts(spec),
            untranslated={code for code, slugs in UNTRANSLATED_PARTNERS.items() if spec["slug"] in slugs},
            drafts={code for code, slugs in DRAFT_TRANSLATION_PARTNERS.items() if spec["slug"] in slugs},
            logo=logo,
        )

    def _contribution_plan(self, spec, partner, areas):
        def row(locale, translation_key=None):
            code = locale.language_code
            return self._row(
                Contribution,
                spec,
                areas,
                locale,
                translation_key,
                partner=partner,
                reference=spec["reference"],
                title=spec["title"].in_language(code),
                purpose=spec["purpose"].in_language(code),
                contribution_type=spec["type"],
                status=spec["status"],
                end_reason=spec["end_reason"],
                amount=spec.get("amount"),
                currency=spec.get("currency", ""),
                quantity=spec.get("quantity"),
                unit=spec.get("unit", ""),
                estimated_value=spec.get("estimated_value"),
                valuation_method=spec.get("valuation_method", ""),
                signed_date=spec["signed"],
                start_date=spec["start"],
                end_date=spec["end"],
            )

        return Plan(
            model=Contribution,
            lookup={"reference": spec["reference"]},
            row=row,
            texts=[spec["title"], spec["purpose"]],
            untranslated=spec["untranslated"],
            drafts=spec["draft_translations"],
        )

    @staticmethod
    def _row(model, spec, areas, locale, translation_key, **fields):
        """A record of `spec` in `locale`, unsaved, as a draft. Every language version names the
        source's areas (relations point at the source-language records); a translation shares the
        source's translation key."""
        record = model(live=False, locale=locale, **fields)
        if translation_key is not None:
            record.translation_key = translation_key
        record.cooperation_areas = [areas[slug] for slug in spec["areas"]]
        return record

    def _record(self, plan, state, through_workflow):
        """The record of `plan` in `state` ("live", "draft", "review" or "rejected") with the
        translations a live one should have. A live record published `through_workflow` and its
        translations, and a record in any other state, are made by people (the editor, the reviewer,
        the workflow, wagtail-localize); the other live records are inserted as data."""
        self.through_workflow = through_workflow
        data = state == "live" and not through_workflow
        record = plan.model.objects.filter(locale=self.source_locale, **plan.lookup).first()
        if record is None:
            record = plan.row(self.source_locale)
            if data:
                self._insert([(record, True)])
            else:
                self._save_draft(record)
                if state in ("review", "rejected"):
                    workflow_state = self._submit(record)
                    if state == "rejected":
                        self._decide(workflow_state, "reject")
            self.created[f"{plan.model._meta.model_name}s"] += 1
            self.log(f"Created “{record}”.")
        if plan.logo is not None and record.logo_id is None:
            self._give_logo(record, plan.logo)
        if state != "live":
            return record
        if not record.live:
            self._publish(record)  # made earlier, or left unpublished by an interrupted load
        missing = {
            locale: code not in plan.drafts
            for code, locale in self.locales.items()
            if code not in plan.untranslated and not self._has_translation(record, locale)
        }
        if data:
            rows = [
                (plan.row(locale, record.translation_key), publish) for locale, publish in missing.items()
            ]
            self._insert_translations(record, rows, plan.texts)
        else:
            for locale, publish in missing.items():
                self._translate(record, locale, plan.texts, publish=publish)
        for locale in missing:
            self.created[f"{plan.model._meta.model_name}s_{locale.language_code}"] += 1
        return record

    @transaction.atomic
    def _save_draft(self, record):
        # A new record is a draft (DraftStateMixin would otherwise start it as live).
        self._validate_reviews([record])
        record.save()
        self._record_reviews([record])
        record.save_revision(user=self.editor)

    def _reviews_of(self, records):
        """(partner, its reviews to record) for the new source partners among `records`."""
        for record in records:
            if isinstance(record, Partner) and record.is_source:
                yield record, self.reviews.get(record.slug, [])

    def _validate_reviews(self, records):
        for _partner, reviews in self._reviews_of(records):
            for review in reviews:
                review.full_clean(exclude=["partner"])

    def _record_reviews(self, records):
        """Record, as the demo reviewer, the reviews of the new partners among `records` (in bulk: a
        demo partner's reviews agree with its state, so none has an effect to take)."""
        now = timezone.now()
        reviews = []
        for record, partner_reviews in list(self._reviews_of(records)):
            self.reviews.pop(record.slug, None)
            for review in partner_reviews:
                review.partner_id, review.recorded_by, review.recorded_at = record.pk, self.reviewer, now
                reviews.append(review)
        DueDiligenceReview.objects.bulk_create(reviews)
        # Reviews inserted in bulk sent no signal: their partners' decisions in force are written here.
        Partner.objects.filter(pk__in={review.partner_id for review in reviews}).refresh_standings()

    # --- the workflow -------------------------------------------------------------------------

    def _submit(self, record):
        """What the editor's "Submit for review" does: start the workflow on the latest revision."""
        state = record.current_workflow_state
        if state is not None and state.status != WorkflowState.STATUS_IN_PROGRESS:
            # Sent back with changes requested (e.g. an interrupted earlier load): submit again.
            state.cancel(user=self.editor)
            state = None
        return state or self.workflow.start(record, self.editor)

    def _decide(self, state, action):
        """The reviewer approves (which publishes, as the reviewer) or rejects the task in progress."""
        task_state = state.current_task_state
        self.tasks[task_state.task_id].on_action(task_state, self.reviewer, action)

    @transaction.atomic
    def _publish(self, record):
        if record.latest_revision_id is None:
            record.save_revision(user=self.editor)
        if self.through_workflow:
            self._decide(self._submit(record), "approve")
        else:
            record.latest_revision.publish(user=self.reviewer)
        record.refresh_from_db()
        if not record.live:
            raise DemoContentError(f"{record!r} was not published.")
        self.created["published"] += 1

    # --- logos ------------------------------------------------------------------------------

    def _logo(self, spec):
        """The partner's monogram in the image library, drawn the first time it is needed."""
        name = spec["name"]
        return library_image(
            f"Logo of {name}",
            f"logo-{spec['slug']}.png",
            lambda: monogram_png(name, spec["slug"]),
            description=f"Logo of {name}",
        )

    def _give_logo(self, partner, logo):
        """A partner loaded before the demo drew logos gets its own, in every language and in the
        revisions an editor would start from (the logo is synchronised across translations)."""
        rows = Partner.objects.filter(translation_key=partner.translation_key)
        rows.update(logo=logo)
        revision_ids = {pk for row in rows for pk in (row.latest_revision_id, row.live_revision_id) if pk}
        for revision in Revision.objects.filter(pk__in=revision_ids):
            revision.content["logo"] = logo.pk
            revision.save(update_fields=["content"])
        partner.logo = logo

    def _has_translation(self, record, locale):
        return (record.translation_key, locale.pk) in self.existing[type(record)]

    # --- translations -----------------------------------------------------------------------

    def _translate(self, instance, locale, texts, publish=True):
        """Translate `instance` into `locale` with wagtail-localize, from the T texts it was written
        with; drafts (records with DraftStateMixin) are then sent through the workflow like the source."""
        glossary = {text.en: text for text in texts}
        is_record = isinstance(instance, Partner | Contribution)
        with transaction.atomic():
            source, _created = TranslationSource.get_or_create_from_instance(instance)
            translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
            fill_segments(source, [locale], glossary.get, repr(instance))
            # Records are saved as drafts; the workflow publishes them. Areas have no drafts.
            translation.save_target(user=self.editor, publish=not is_record)
        if is_record:
            target = instance.get_translation(locale)
            if publish:
                self._publish(target)
            return target
        return instance.get_translation(locale)

    # --- data: records inserted as publishing them would leave them -----------------------------

    def _insert(self, rows):
        """Insert the records of `rows` ([(record, publish?)]: new rows of one model, built in memory
        with their areas and reviews), each with one revision saved by the editor; those to publish are
        published by the reviewer. The checks of saving a revision and of publishing come first."""
        records = [record for record, _publish in rows]
        model = type(records[0])
        now = timezone.now()
        # The relations are objects this load has just found or made: asking the database whether
        # each exists would only repeat that (the database's own constraints still hold at insert).
        relations = [field.name for field in model._meta.concrete_fields if field.is_relation]
        for record, _publish in rows:
            record.full_clean(exclude=relations)
        self._validate_reviews(records)
        for record, publish in rows:
            # bulk_create skips save(), which makes the search text and a contribution's slug.
            record.search_text = record.make_search_text()
            if model is Contribution:
                record.slug = record.slug or record.make_slug()
            record.has_unpublished_changes = not publish
            if publish:
                record.live = True
                record.first_published_at = record.last_published_at = now
        model.objects.bulk_create(records)
        self._record_reviews(records)
        # Asked once the partners' reviews are recorded, inside the load's transaction: a refusal
        # stops the load and leaves nothing behind.
        for record, publish in rows:
            if publish and (reasons := record.get_publish_blockers()):
                raise DemoContentError(f"{record!r} cannot be published: {' '.join(map(str, reasons))}")
        through = model.cooperation_areas.through
        own_column = f"{model._meta.model_name}_id"
        through.objects.bulk_create(
            through(**{own_column: record.pk, "cooperationarea_id": area.pk})
            for record in records
            for area in record.cooperation_areas.all()
        )
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type=record.get_content_type(),
                base_content_type=record.get_base_content_type(),
                object_id=str(record.pk),
                created_at=now,
                user=self.editor,
                object_str=str(record),
                content=record.serializable_data(),
            )
            for record in records
        )
        for (record, publish), revision in zip(rows, revisions, strict=True):
            record.latest_revision = revision
            record.live_revision = revision if publish else None
        model.objects.bulk_update(records, ["latest_revision", "live_revision"])
        ModelLogEntry.objects.bulk_create(
            ModelLogEntry(
                content_type=record.get_content_type(),
                object_id=str(record.pk),
                label=ModelLogEntry.objects.get_instance_title(record),
                action="wagtail.publish",
                data={},
                timestamp=now,
                user=self.reviewer,
                revision=record.latest_revision,
                content_changed=True,
            )
            for record, publish in rows
            if publish
        )
        self.created["published"] += sum(publish for _record, publish in rows)
        return revisions

    def _insert_translations(self, source_record, translations, texts):
        """Insert `translations` ([(unsaved translation of `source_record`, publish?)]) and register
        them with wagtail-localize, from the T texts the source was written with, as if a translator
        had typed them in its editor and saved."""
        if not translations:
            return
        locales = [record.locale for record, _publish in translations]
        glossary = {text.en: text for text in texts}
        source, _created = TranslationSource.get_or_create_from_instance(source_record)
        fill_segments(source, locales, glossary.get, repr(source_record))
        revisions = self._insert(translations)
        Translation.objects.bulk_create(
            [Translation(source=source, target_locale=locale) for locale in locales], ignore_conflicts=True
        )
        TranslationLog.objects.bulk_create(
            TranslationLog(source=source, locale=locale, revision=revision)
            for locale, revision in zip(locales, revisions, strict=True)
        )
