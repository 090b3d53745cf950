"""What bench/load.sh asks of Django: build the database, and name the addresses to load.

    python bench/load.py build --partners 2000 --contributions 20000   # migrate, records, page tree
    python bench/load.py urls                                         # "label<TAB>path" per line

Runs under the settings of the environment (bench/load.sh: portal.settings.production on the database
of DATABASE_URL). `build` leaves a database that already holds partners as it is."""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(partners, contributions, seed):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench.records import SyntheticRecords
    from home.demo.site import DemoSiteBuilder
    from partnerships.models import Partner

    if Partner.objects.exists():
        # Built by an earlier run, perhaps before a migration that the summary depends on.
        call_command("rebuild_register_summary", verbosity=0)
        print("  the database holds records already: summary rebuilt, measured as it is", flush=True)
        return
    steps = [
        ("synthetic records", lambda: SyntheticRecords(partners, contributions, seed=seed).generate()),
        ("page tree", lambda: DemoSiteBuilder().build()),
    ]
    for label, step in steps:
        started = time.perf_counter()
        step()
        print(f"  {label}: {time.perf_counter() - started:.0f} s", flush=True)


def urls():
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.db.models import Count, F

    from partnerships.models import Contribution, Partner

    busiest = (
        Partner.objects.public()
        .annotate(n=Count("contributions"))
        .order_by("-n", "pk")
        .values("slug")
        .first()
    )
    newest = (
        Contribution.objects.public()
        .order_by(F("signed_date").desc(nulls_last=True), "pk")
        .values_list("slug", flat=True)
        .first()
    )
    if busiest is None or newest is None:
        raise SystemExit("No public partner or contribution: was the database built?")
    pages = [
        # The stylesheet every page links, under its hashed (immutable) name.
        ("static file", staticfiles_storage.url("css/portal.css")),
        ("home", "/en/"),
        ("directory", "/en/partners/"),
        ("directory, two filters", "/en/partners/?type=for_profit_company&status=active"),
        ("profile", f"/en/partners/{busiest['slug']}/"),
        ("register", "/en/contributions/"),
        ("register, type and year", "/en/contributions/?type=financial_earmarked&year=2024"),
        ("contribution page", f"/en/contributions/{newest}/"),
        ("search", "/en/search/?q=partnership"),
    ]
    for label, path in pages:
        print(f"{label}\t{path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build")
    building.add_argument("--partners", type=int, default=2000)
    building.add_argument("--contributions", type=int, default=20000)
    building.add_argument("--seed", type=int, default=2026)
    commands.add_parser("urls")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    if args.command == "build":
        build(args.partners, args.contributions, args.seed)
    else:
        urls()


if __name__ == "__main__":
    main()
