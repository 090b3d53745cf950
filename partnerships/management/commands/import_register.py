from django.core.management.base import BaseCommand, CommandError

from partnerships.backups import BackupError, import_register, read_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by export_register into a database without records, in one transaction "
        "(nothing is written unless all of it is). docs/backups.md describes what is restored."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="The backup's directory.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the records this database already has (they are deleted in the same transaction).",
        )

    def handle(self, *args, directory, force, **options):
        try:
            restored = import_register(read_backup(directory), force=force)
        except BackupError as error:
            raise CommandError(f"Nothing was imported. {error}") from error
        for warning in restored.warnings:
            self.stderr.write(self.style.WARNING(warning))
        counts = ", ".join(f"{count} {name}" for name, count in restored.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Restored from {directory}: {counts}."))
