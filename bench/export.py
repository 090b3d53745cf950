"""Benchmark of the open-data downloads with many records (run by hand, not a test).

Builds a scratch SQLite database as bench/pages.py does (migrate, synthetic records from
bench/records.py, the demo page tree in four languages: record URLs point into it), with 10,000
contributions, measures, then adds contributions up to 100,000 and measures again. For
/data/contributions.csv, .json and .xlsx (and partners.csv) it prints the rows per second of one
download read to its end through Django's test client in this process, and the peak memory Python
allocated while the request was answered and its body read (tracemalloc, in a second, traced
download: tracing slows Python down, so it is not timed).

    .venv/bin/python bench/export.py                       # 10,000 then 100,000 contributions
    .venv/bin/python bench/export.py --sizes 10000         # 10,000 only
    .venv/bin/python bench/export.py --keep /tmp/export.sqlite3   # keep the database …
    .venv/bin/python bench/export.py --reuse /tmp/export.sqlite3  # … measure it again as it is

CSV and JSON stream, so their peak must stay flat as the rows grow; XLSX is built whole in a
temporary file (see partnerships.opendata.formats), so its peak is the spooled file's threshold plus a
chunk of rows. See bench/README.md.
"""

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARTNERS_PER_CONTRIBUTION = 0.05
URLS = [
    ("contributions CSV", "/data/contributions.csv"),
    ("contributions JSON", "/data/contributions.json"),
    ("contributions XLSX", "/data/contributions.xlsx"),
    ("contributions CSV (fr)", "/data/contributions.csv?lang=fr"),
    ("partners CSV", "/data/partners.csv"),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(size) for size in text.split(",")],
        default=[10_000, 100_000],
        help="Numbers of contributions to measure at, growing (default 10000,100000).",
    )
    parser.add_argument("--seed", type=int, default=2026)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--keep", metavar="FILE", help="Build the database in FILE and keep it.")
    group.add_argument("--reuse", metavar="FILE", help="Measure an existing database as it is.")
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()


def grow_to(size, seed):
    """Add synthetic contributions (and a partner for every twenty) until there are `size`."""
    from bench.records import SyntheticRecords
    from partnerships.models import Contribution

    missing = size - Contribution.objects.count()
    if missing <= 0:
        return
    started = time.perf_counter()
    # Another seed for each run: the records of a run are new ones, never the same identifiers.
    SyntheticRecords(
        max(1, int(missing * PARTNERS_PER_CONTRIBUTION)), missing, seed=seed + size, index=False
    ).generate()
    print(f"  {missing} contributions added: {time.perf_counter() - started:.1f} s", flush=True)


def read(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    size = 0
    for chunk in response.streaming_content if response.streaming else [response.content]:
        size += len(chunk)
    response.close()
    return size


def measure(client, url, rows):
    read(client, url)  # warm: imports, the locales, the Site
    started = time.perf_counter()
    size = read(client, url)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    tracemalloc.reset_peak()
    read(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    etag = client.get(url)["ETag"]
    started = time.perf_counter()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    not_modified = (time.perf_counter() - started) * 1000
    return seconds, rows / seconds, peak, size, not_modified


def report(sizes_measured):
    from django.test import Client

    from partnerships.models import Contribution, Partner

    client = Client()
    contributions = Contribution.objects.public().count()
    partners = Partner.objects.public().count()
    results = []
    for label, url in URLS:
        rows = partners if url.startswith("/data/partners") else contributions
        results.append((label, rows, *measure(client, url, rows)))
        print(f"  measured {url} ({rows} rows)", file=sys.stderr, flush=True)
    sizes_measured.append(results)


def print_table(measured):
    print()
    print("download                 rows  seconds   rows/s  peak MiB  file MiB  304 ms")
    for results in measured:
        for label, rows, seconds, per_second, peak, size, not_modified in results:
            print(
                f"{label:<22} {rows:>7}  {seconds:>7.2f}  {per_second:>7.0f}  {peak / 2**20:>8.1f}"
                f"  {size / 2**20:>8.1f}  {not_modified:>6.1f}"
            )


def main():
    args = parse_args()
    scratch = None
    if args.reuse:
        database = Path(args.reuse).resolve()
        if not database.exists():
            raise SystemExit(f"{database} does not exist: build it with --keep first.")
    elif args.keep:
        database = Path(args.keep).resolve()
    else:
        scratch = tempfile.TemporaryDirectory(prefix="portal-bench-")
        database = Path(scratch.name) / "export.sqlite3"
    fresh = not database.exists()
    setup_django(f"sqlite:///{database}")
    from django.core.management import call_command

    from home.demo.site import DemoSiteBuilder

    if fresh:
        print(f"Building {database}…", flush=True)
        call_command("migrate", verbosity=0)
        grow_to(args.sizes[0], args.seed)
        DemoSiteBuilder().build()
    measured = []
    for size in args.sizes:
        if not args.reuse:
            grow_to(size, args.seed)
        report(measured)
    print_table(measured)


if __name__ == "__main__":
    main()
