"""The search and reference indexes, filled once at the end of a load. A record or a page is saved
several times on its way (created, revised, published, translated), and each save would index it
again: the builders defer that while they work."""

from contextlib import contextmanager

from django.db.models.signals import post_save

from modelsearch.backends import get_search_backends
from modelsearch.index import insert_or_update_object
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save


@contextmanager
def deferred_indexing(models):
    """Saves of `models` skip the search and reference indexes until the block ends."""
    pairs = [
        (handler, model)
        for handler in (post_save_signal_handler, update_reference_index_on_save)
        for model in models
    ]
    disconnected = [
        (handler, model) for handler, model in pairs if post_save.disconnect(handler, sender=model)
    ]
    try:
        yield
    finally:
        for handler, model in disconnected:
            post_save.connect(handler, sender=model)


def index_records(models):
    """Index every object of `models` (plain models, not pages) in bulk."""
    for model in models:
        if hasattr(model, "get_indexed_objects"):
            objects = list(model.get_indexed_objects())
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
        for obj in model.objects.all():
            ReferenceIndex.create_or_update_for_object(obj)


def index_page_tree(pages):
    """Index `pages` (specific instances) as saving them would have."""
    for page in pages:
        insert_or_update_object(page)
        if ReferenceIndex.is_indexed(type(page)):
            ReferenceIndex.create_or_update_for_object(page)
