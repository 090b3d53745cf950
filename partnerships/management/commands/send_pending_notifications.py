from django.core.management.base import BaseCommand

from partnerships.applications.notifications import pending_applications, send_pending


class Command(BaseCommand):
    help = "Send the e-mails about expressions of interest that could not be sent when they arrived."

    def handle(self, *args, **options):
        sent = failed = 0
        for application in pending_applications():
            count = send_pending(application)
            sent += count
            application.refresh_from_db()
            if application.acknowledgement_sent_at is None:
                failed += 1
        self.stdout.write(f"{sent} e-mail(s) sent; {failed} submission(s) still waiting.")
