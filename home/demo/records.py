"""Loads the demo records the way editors and reviewers would make them.

Every record is saved as a draft revision by the demo editor and published by the demo reviewer
through Wagtail's own publishing path, so the publishing guard runs. Translations are made with
wagtail-localize from the texts in this package. Nothing is marked live by hand.

The first partners, with their contributions and translations, are sent to the "Transparency review"
workflow and approved there, so that the admin shows real workflow histories. The rest are data, and
are published by the reviewer directly: a workflow round costs about forty queries a record, and it
made the demo take a minute to load.

Idempotent: records are found by slug or agreement reference and created only when missing, so a
second run adds no record, revision or translation.
"""

from collections import Counter
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.models import Locale, ReferenceIndex, Workflow, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue

from partnerships.models import Contribution, CooperationArea, DueDiligenceReview, Partner

from .areas import AREAS
from .contributions import contribution_specs
from .partners import (
    DRAFT_PARTNERS,
    DRAFT_TRANSLATION_PARTNERS,
    PARTNERS,
    REJECTED_PARTNER,
    UNTRANSLATED_PARTNERS,
)
from .phrases import TYPE_PARAGRAPHS
from .reviews import review_specs
from .segments import fill_segments
from .text import DemoContentError

WORKFLOW_NAME = "Transparency review"
# How many partners (with their contributions and translations) demonstrate the review workflow.
WORKFLOW_DEMONSTRATIONS = 3
TRANSLATION_LANGUAGES = ["fr", "es", "ar"]
RECORD_MODELS = [CooperationArea, Partner, Contribution]


def rich_text(paragraphs):
    return "".join(f"<p>{StringValue.from_plaintext(p.en).data}</p>" for p in paragraphs)


def partner_texts(spec):
    """The translatable texts of a partner: its summary and the paragraphs of its description."""
    return [spec["summary"], spec["about"], TYPE_PARAGRAPHS[spec["type"]]]


@contextmanager
def deferred_indexing():
    """Skip the search and reference indexes on every save while loading; the caller indexes once at
    the end (a record is saved several times on its way through the workflow)."""
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import update_reference_index_on_save

    pairs = [(post_save_signal_handler, model) for model in RECORD_MODELS]
    pairs += [(update_reference_index_on_save, model) for model in [*RECORD_MODELS, DueDiligenceReview]]
    disconnected = [
        (handler, model) for handler, model in pairs if post_save.disconnect(handler, sender=model)
    ]
    try:
        yield
    finally:
        for handler, model in disconnected:
            post_save.connect(handler, sender=model)


class DemoRecordsBuilder:
    def __init__(self, editor=None, reviewer=None, stdout=None):
        self.editor = editor
        self.reviewer = reviewer
        self.stdout = stdout
        self.created = Counter()
        self.through_workflow = True

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
        with deferred_indexing():
            with transaction.atomic():
                areas = self._areas()
            for index, (spec, state) in enumerate(partners):
                self.through_workflow = index < WORKFLOW_DEMONSTRATIONS
                # One transaction per partner with its translations and contributions: a record's
                # approval publishes it synchronously, so nothing waits for a commit, and SQLite
                # is spared a commit per row.
                with transaction.atomic():
                    partner = self._partner(spec, index, areas, state)
                    for contribution in contributions.get(spec["slug"], []):
                        self._contribution(contribution, partner, areas)
        if self.created:
            with transaction.atomic():
                self._index()
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

    # --- partners ---------------------------------------------------------------------------

    def _partner(self, spec, index, areas, state):
        partner = Partner.objects.filter(locale=self.source_locale, slug=spec["slug"]).first()
        if partner is None:
            partner = self._create_partner(spec, index, areas)
            if state == "rejected":
                self._decide(self._submit(partner), "reject")
        if state == "live":
            if not partner.live:
                self._publish(partner)
            for code, locale in self.locales.items():
                if spec["slug"] in UNTRANSLATED_PARTNERS.get(code, []) or self._has_translation(
                    partner, locale
                ):
                    continue
                draft_only = spec["slug"] in DRAFT_TRANSLATION_PARTNERS.get(code, [])
                self._translate(partner, locale, partner_texts(spec), publish=not draft_only)
                self.created[f"partners_{code}"] += 1
        return partner

    @transaction.atomic
    def _create_partner(self, spec, index, areas):
        # A new record is a draft (DraftStateMixin would otherwise start it as live).
        partner = Partner(
            live=False,
            locale=self.source_locale,
            name=spec["name"],
            slug=spec["slug"],
            partner_type=spec["type"],
            country=spec["country"],
            website=f"https://{spec['slug']}.example",
            summary=spec["summary"].en,
            description=rich_text([spec["about"], TYPE_PARAGRAPHS[spec["type"]]]),
            relationship_status=spec["status"],
            start_date=spec["start"],
            end_date=spec.get("end"),
        )
        partner.cooperation_areas = [areas[slug] for slug in spec["areas"]]
        partner.due_diligence_reviews = [
            DueDiligenceReview(sort_order=order, **fields)
            for order, fields in enumerate(review_specs(spec, index))
        ]
        partner.save()
        partner.save_revision(user=self.editor)
        self.created["partners"] += 1
        self.log(f"Created the partner “{partner.name}”.")
        return partner

    # --- contributions ----------------------------------------------------------------------

    def _contribution(self, spec, partner, areas):
        contribution = Contribution.objects.filter(
            locale=self.source_locale, reference=spec["reference"]
        ).first()
        if contribution is None:
            contribution = self._create_contribution(spec, partner, areas)
            if spec["state"] == "review":
                self._submit(contribution)
        if spec["state"] != "live":
            return contribution
        if not contribution.live:
            self._publish(contribution)
        for code, locale in self.locales.items():
            if code in spec["untranslated"] or self._has_translation(contribution, locale):
                continue
            publish = code not in spec["draft_translations"]
            self._translate(contribution, locale, [spec["title"], spec["purpose"]], publish=publish)
            self.created[f"contributions_{code}"] += 1
        return contribution

    @transaction.atomic
    def _create_contribution(self, spec, partner, areas):
        contribution = Contribution(
            live=False,
            locale=self.source_locale,
            partner=partner,
            reference=spec["reference"],
            title=spec["title"].en,
            purpose=spec["purpose"].en,
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
        contribution.cooperation_areas = [areas[slug] for slug in spec["areas"]]
        contribution.save()
        contribution.save_revision(user=self.editor)
        self.created["contributions"] += 1
        return contribution

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

    # --- indexes ------------------------------------------------------------------------------

    def _index(self):
        """Index every record once, now that the load is over (saves skipped it)."""
        from modelsearch.backends import get_search_backends

        for model in RECORD_MODELS:
            objects = list(model.get_indexed_objects())
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
        for model in [*RECORD_MODELS, DueDiligenceReview]:
            for obj in model.objects.all():
                ReferenceIndex.create_or_update_for_object(obj)
