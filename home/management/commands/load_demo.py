from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.demo.site import DemoContentError, DemoSiteBuilder

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "portal-demo-2026"


class Command(BaseCommand):
    help = "Create the demo site in English, French, Spanish and Arabic. Safe to run again: it adds only what is missing."

    def handle(self, *args, **options):
        try:
            DemoSiteBuilder(stdout=self.stdout if options["verbosity"] > 1 else None).build()
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demo content is in place in all four languages."))
        if getattr(settings, "PORTAL_CREATE_DEMO_ADMIN", False):
            self._demo_admin()

    def _demo_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            User.objects.create_superuser(DEMO_ADMIN_USERNAME, "admin@example.org", DEMO_ADMIN_PASSWORD)
        self.stdout.write(
            f"Demo administrator: {DEMO_ADMIN_USERNAME} / {DEMO_ADMIN_PASSWORD} "
            f"(sign in at {settings.WAGTAILADMIN_BASE_URL}/admin/)"
        )
