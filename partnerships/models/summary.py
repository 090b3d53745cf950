from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class RegisterSummary(models.Model):
    """What the public pages show of the whole published register (figures, facet counts, filter
    options), one row per part, computed when publishing changes the register: partnerships.summary
    writes and reads it. A missing row means "changed since": readers then count from the records."""

    part = models.CharField(max_length=32, primary_key=True)
    data = models.JSONField(encoder=DjangoJSONEncoder)
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.part
