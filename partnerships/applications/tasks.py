"""Background work of the apply form, run by `manage.py db_worker --backend mail`."""

from django_tasks import task

from partnerships.models import ExpressionOfInterest

from .notifications import send_pending


@task(backend="mail")
def send_application_emails(application_id):
    """The acknowledgement and the reviewers' notice of a new submission, sent after the applicant has
    had their answer. A failure is left for the next run of `send_pending_notifications`."""
    application = ExpressionOfInterest.objects.filter(pk=application_id).first()
    if application is not None:
        send_pending(application)
