from django.core.management.base import BaseCommand, CommandError

from partnerships.backups import BackupError, export_register


class Command(BaseCommand):
    help = (
        "Write a backup of the register (cooperation areas, partners and contributions in every language, "
        "due-diligence reviews, exchange rates, the reporting currency) into a new directory. "
        "The format is described in docs/backups.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", required=True, metavar="DIR", help="A new (or empty) directory for the backup."
        )

    def handle(self, *args, output, **options):
        try:
            manifest = export_register(output)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{entry['count']} in {name}" for name, entry in manifest["files"].items())
        self.stdout.write(self.style.SUCCESS(f"Backup written to {output}: {counts}."))
        self.stdout.write("It holds internal review fields: keep it as private as the database.")
