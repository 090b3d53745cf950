from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from partnerships.models import ApplicationStatus, ExpressionOfInterest


class Command(BaseCommand):
    help = "Delete declined expressions of interest older than a retention period (personal data)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-days", type=int, default=730, help="Retention period in days (default 730)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted, delete nothing."
        )

    def handle(self, *args, older_than_days, dry_run, **options):
        if older_than_days < 1:
            raise CommandError("--older-than-days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=older_than_days)
        expired = ExpressionOfInterest.objects.filter(
            status=ApplicationStatus.DECLINED, submitted_at__lt=cutoff
        )
        count = expired.count()
        if not dry_run:
            expired.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {count} declined expression(s) of interest older than {older_than_days} days."
        )
