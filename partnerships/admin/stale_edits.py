"""Two people editing the same record: the second to save is stopped and keeps what they typed.

Wagtail refuses an out-of-date save only when it autosaves; a form posted from a page opened before
someone else saved would silently replace their changes. Here it is refused too, with a message."""

from django.utils.translation import gettext_lazy as _


class RefuseStaleEditsMixin:
    """For the edit views of records with revisions: the form carries the revision it was opened on."""

    stale_edit_message = _(
        "Someone else saved this record after you opened it, so your changes were not saved. They are "
        "still in the form: copy them, reload the page to see the other changes, then make yours again."
    )

    def is_valid(self, form):
        if self.is_out_of_date:
            self.produced_error_code = "invalid_revision"
            self.produced_error_message = self.stale_edit_message
            return False
        return super().is_valid(form)
