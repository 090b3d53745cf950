import time

from django.core.management.base import BaseCommand

from partnerships import summary


class Command(BaseCommand):
    help = (
        "Count the published register's figures, facet counts and filter options again and store them "
        "(partnerships.summary). Publishing keeps them right; run this after writing records in bulk "
        "or by hand in the database."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        summary.rebuild()
        self.stdout.write(
            f"Rebuilt the register summary ({len(summary.PARTS)} parts) in {time.monotonic() - started:.1f} s."
        )
