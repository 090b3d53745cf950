import time

from django.core.management.base import BaseCommand, CommandError

from partnerships.demo.synthetic import GenerationError, SyntheticRecords


class Command(BaseCommand):
    help = (
        "Create synthetic published partners and contributions in bulk, for benchmarks. Each partner gets "
        "an approved due-diligence review; the same --seed gives the same records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partners", type=int, default=100, help="How many partners (default 100).")
        parser.add_argument(
            "--contributions", type=int, default=1000, help="How many contributions (default 1000)."
        )
        parser.add_argument("--seed", type=int, default=0, help="Seed for the random choices (default 0).")
        parser.add_argument(
            "--no-index", action="store_true", help="Do not add the records to the search index (faster)."
        )

    def handle(self, *args, **options):
        for name in ("partners", "contributions"):
            value = options[name]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise CommandError(f"--{name} must be a whole number, zero or more (got {value!r}).")
        started = time.monotonic()
        stderr = self.stderr if options["verbosity"] >= 1 else None
        try:
            partners, contributions = SyntheticRecords(
                options["partners"],
                options["contributions"],
                seed=options["seed"],
                stderr=stderr,
                index=not options["no_index"],
            ).generate()
        except GenerationError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {len(partners)} partners and {len(contributions)} contributions, all published, "
                    f"in {time.monotonic() - started:.1f} s."
                )
            )
