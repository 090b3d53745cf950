import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from partnerships import summary
from portal.page_cache import public_content_changed


class Command(BaseCommand):
    help = (
        "Count the published register's figures, facet counts and filter options again and store them "
        "(partnerships.summary), then refresh the database's planner statistics and make the cached "
        "pages stale. Publishing keeps the summary right; run this after writing records in bulk or by "
        "hand in the database."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        with transaction.atomic():
            summary.rebuild()
            # Records written in bulk sent no signal: what was built from the old summary goes too.
            public_content_changed()
        # SQLite keeps no statistics until asked, and its planner then guesses which index to read;
        # PostgreSQL's autovacuum gathers them only a while after a bulk write.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"Rebuilt the register summary ({len(summary.PARTS)} parts) in {time.monotonic() - started:.1f} s."
        )
