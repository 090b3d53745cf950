"""Benchmark of the public register pages with many records (run by hand, not a test).

Builds a scratch SQLite database (migrate, synthetic records from bench/records.py, then the demo page
tree in four languages with the partner directory and the contribution register), and for each page
prints the number of database queries one request makes and the median server time over N requests,
measured with Django's test client in this process (no network, no browser).

    .venv/bin/python bench/pages.py                      # 2,000 partners, 20,000 contributions
    .venv/bin/python bench/pages.py --partners 200 --contributions 2000 --requests 20
    .venv/bin/python bench/pages.py --keep bench.sqlite3  # build once, keep the file …
    .venv/bin/python bench/pages.py --reuse bench.sqlite3 # … and measure it again later
    createdb -h 127.0.0.1 -U postgres portal_bench       # PostgreSQL, the production database:
    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/portal_bench

See bench/README.md.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--partners", type=int, default=2000)
    parser.add_argument("--contributions", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--requests", type=int, default=50, help="Requests per page (default 50).")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--keep", metavar="FILE", help="Build the database in FILE and keep it.")
    group.add_argument("--reuse", metavar="FILE", help="Measure an existing database built with --keep.")
    group.add_argument(
        "--database-url",
        metavar="URL",
        help="Measure this database (e.g. PostgreSQL), building it first when it holds no partner.",
    )
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="Run ANALYZE before measuring, so the planner has statistics (PostgreSQL's autovacuum may not yet).",
    )
    args = parser.parse_args()
    if args.partners < 1 or args.contributions < 0 or args.requests < 1:
        parser.error("--partners and --requests must be at least 1, --contributions at least 0.")
    return args


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host, in-memory mail
    # As production serves a page the page cache has not kept: the test settings turn the content cache
    # off (portal/content_cache.py), production keeps it on.
    settings.PORTAL_CONTENT_CACHE = True


def build(args):
    from django.core.management import call_command

    from bench.records import SyntheticRecords
    from home.demo.site import DemoSiteBuilder

    steps = [
        ("migrate", lambda: call_command("migrate", verbosity=0)),
        (
            "synthetic records",
            lambda: SyntheticRecords(
                args.partners,
                args.contributions,
                seed=args.seed,
                index=False,  # the pages measured do not search
            ).generate(),
        ),
        # The page tree in four languages, with /<lang>/partners/ and /<lang>/contributions/.
        ("page tree", lambda: DemoSiteBuilder().build()),
    ]
    for label, step in steps:
        started = time.perf_counter()
        step()
        print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)


def pages():
    from django.db.models import Count, F

    from partnerships.models import Contribution, Partner

    busiest = (
        Partner.objects.public()
        .annotate(n=Count("contributions"))
        .order_by("-n", "pk")
        .values("slug", "n")
        .first()
    )
    if busiest is None:
        raise SystemExit("No public partner: were the synthetic records generated?")
    profile = f"partners/{busiest['slug']}/"
    last_page = -(-Partner.objects.public().count() // 24)  # 24 partners a page
    middle = max(2, last_page // 2)
    newest = (
        Contribution.objects.public()
        .order_by(F("signed_date").desc(nulls_last=True), "pk")
        .values_list("slug", flat=True)
        .first()
    )
    # A word every synthetic title holds, typed without its capital: the search reads every row.
    search = "/contributions/?q=synthetic"
    return [
        ("directory", "/en/partners/"),
        *([(f"directory, page {middle}", f"/en/partners/?page={middle}")] if last_page > 1 else []),
        (f"profile ({busiest['n']} contributions)", f"/en/{profile}"),
        ("register", "/en/contributions/"),
        ("register, keyword search", f"/en{search}"),
        ("register, search + filter + sort", f"/en{search}&status_group=committed&sort=partner"),
        *([("contribution page", f"/en/contributions/{newest}/")] if newest else []),
        ("directory (ar)", "/ar/partners/"),
        ("profile (ar)", f"/ar/{profile}"),
        ("register (ar)", "/ar/contributions/"),
        ("register, keyword search (ar)", f"/ar{search}"),
        *([("contribution page (ar)", f"/ar/contributions/{newest}/")] if newest else []),
        ("home", "/en/"),
    ]


def measure(client, url, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm caches, template loading, imports
        response = client.get(url)
    # Each request empties the connection's query log (request_started → reset_queries), and the
    # context manager slices that live log: start from an empty log and count before the next request.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return response.status_code, query_count, statistics.median(timings), max(timings)


def report(requests):
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    rows = []
    for label, url in pages():
        status, queries, median, worst = measure(client, url, requests)
        rows.append((label, url, status, queries, median, worst))
        print(f"  measured {url}", file=sys.stderr, flush=True)
    width = max(len(row[0]) for row in rows)
    print()
    print(f"{'page':<{width}}  status  queries  median ms  max ms  url")
    for label, url, status, queries, median, worst in rows:
        print(f"{label:<{width}}  {status:>6}  {queries:>7}  {median:>9.1f}  {worst:>6.1f}  {url}")
    failures = [row for row in rows if row[2] != 200]
    if failures:
        print(f"\n{len(failures)} page(s) did not answer 200: the figures above are not meaningful for them.")
    return not failures


def holds_records():
    from django.db import connection

    from partnerships.models import Partner

    return Partner._meta.db_table in connection.introspection.table_names() and Partner.objects.exists()


def main():
    args = parse_args()
    if args.database_url:
        setup_django(args.database_url)
        if not holds_records():
            print(f"Building the database ({args.partners} partners, {args.contributions} contributions)…")
            build(args)
    elif args.reuse:
        database = Path(args.reuse).resolve()
        if not database.exists():
            raise SystemExit(f"{database} does not exist: build it with --keep first.")
        setup_django(f"sqlite:///{database}")
    else:
        scratch = None
        if args.keep:
            database = Path(args.keep).resolve()
            if database.exists():
                raise SystemExit(f"{database} exists already: remove it, or measure it with --reuse.")
        else:
            scratch = tempfile.TemporaryDirectory(prefix="portal-bench-")
            database = Path(scratch.name) / "bench.sqlite3"
        setup_django(f"sqlite:///{database}")
        print(f"Building {database} ({args.partners} partners, {args.contributions} contributions)…")
        build(args)
    from django.db import connection

    from partnerships.models import Contribution, Partner

    if args.analyze:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"Database: {connection.vendor}. Public records: {Partner.objects.public().count()} partners, "
        f"{Contribution.objects.public().count()} contributions. {args.requests} requests per page"
        f"{', after ANALYZE' if args.analyze else ''}."
    )
    ok = report(args.requests)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
