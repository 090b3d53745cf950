import time
from functools import cached_property

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home.demo.records import DemoRecordsBuilder
from home.demo.site import DemoSiteBuilder
from home.demo.summary import record_counts
from home.demo.text import DemoContentError

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "portal-demo-2026"
# Demo accounts that make the records the way people would: the editor writes and submits, the
# reviewer approves (which publishes). Created with the administrator, never in production.
DEMO_EDITOR_USERNAME = "editor"
DEMO_REVIEWER_USERNAME = "reviewer"
EDITORS_GROUP = "Editors"
REVIEWERS_GROUP = "Transparency reviewers"


class Command(BaseCommand):
    help = (
        "Create the demo site in English, French, Spanish and Arabic, with its partners and contributions "
        "(a few published through the review workflow). Safe to run again: it adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--migrate",
            action="store_true",
            help="Bring the database up to date first, in the same process (what make run does).",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        started = time.monotonic()
        create_accounts = getattr(settings, "PORTAL_CREATE_DEMO_ADMIN", False)
        editor, reviewer = self._demo_people() if create_accounts else (None, None)
        log = self.stdout if verbosity > 1 else None
        try:
            # Records first: record-driven blocks on the programme pages name cooperation areas.
            created = DemoRecordsBuilder(editor=editor, reviewer=reviewer, stdout=log).build()
            DemoSiteBuilder(stdout=log).build()
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demo content is in place in all four languages."))
        if verbosity >= 1:
            self._summary(created, time.monotonic() - started)
        if create_accounts:
            self._demo_admin()

    def _summary(self, created, seconds):
        counts = record_counts()
        added = sum(created.values()) - created.get("published", 0)
        self.stdout.write(
            f"Records: {counts['areas']} cooperation areas, "
            f"{counts['partners']} partners ({counts['public_partners']} public), "
            f"{counts['contributions']} contributions ({counts['public_contributions']} public)."
        )
        live = ", ".join(
            f"{code} {row['partners']} partners / {row['contributions']} contributions"
            for code, row in counts["live_translations"].items()
        )
        self.stdout.write(f"Live translations: {live}.")
        self.stdout.write(f"Added {added} records and translations in {seconds:.1f} s.")

    @cached_property
    def _password_hash(self):
        """The demo accounts' shared password, hashed once: hashing is slow on purpose."""
        return make_password(DEMO_ADMIN_PASSWORD)

    def _demo_people(self):
        User = get_user_model()
        people = []
        for username, group_name, first_name in [
            (DEMO_EDITOR_USERNAME, EDITORS_GROUP, "Demo editor"),
            (DEMO_REVIEWER_USERNAME, REVIEWERS_GROUP, "Demo reviewer"),
        ]:
            # No e-mail address: the workflow's notifications have nowhere to go during the load.
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first_name, "last_name": "(demo)"}
            )
            if created:
                user.password = self._password_hash
                user.save(update_fields=["password"])
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                raise CommandError(f"The “{group_name}” group is missing: run migrate first.")
            user.groups.add(group)
            people.append(user)
        return people

    def _demo_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            admin = User.objects.create_superuser(DEMO_ADMIN_USERNAME, "admin@example.org", None)
            admin.password = self._password_hash
            admin.save(update_fields=["password"])
        self.stdout.write(
            f"Demo administrator: {DEMO_ADMIN_USERNAME} / {DEMO_ADMIN_PASSWORD} "
            f"(sign in at {settings.WAGTAILADMIN_BASE_URL}/admin/)"
        )
        self.stdout.write(
            f"Demo editor: {DEMO_EDITOR_USERNAME} / {DEMO_ADMIN_PASSWORD}; "
            f"demo reviewer: {DEMO_REVIEWER_USERNAME} / {DEMO_ADMIN_PASSWORD}"
        )
