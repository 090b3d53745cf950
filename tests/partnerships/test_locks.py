"""Locks on partners and contributions: an editor unlocks only what they locked; reviewers and
superusers unlock anything (a reviewer's lock keeps a record still while they check it)."""

import pytest

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from tests.factories import ContributionFactory, PartnerFactory, make_user

pytestmark = pytest.mark.django_db

RECORDS = {
    "partner": (PartnerFactory, "wagtailsnippets_partnerships_partner:unlock"),
    "contribution": (ContributionFactory, "wagtailsnippets_partnerships_contribution:unlock"),
}


def locked(kind, by):
    factory, _ = RECORDS[kind]
    record = factory()
    record.locked, record.locked_by, record.locked_at = True, by, timezone.now()
    record.save(update_fields=["locked", "locked_by", "locked_at"])
    return record


def try_unlock(client, kind, record, user):
    client.force_login(user)
    client.post(reverse(RECORDS[kind][1], args=[record.pk]))
    record.refresh_from_db()
    return not record.locked


@pytest.fixture
def editor():
    return make_user("lock-editor", "Editors")


@pytest.fixture
def reviewer():
    return make_user("lock-reviewer", "Transparency reviewers")


@pytest.mark.parametrize("kind", RECORDS)
def test_an_editor_cannot_clear_a_reviewers_lock(client, kind, editor, reviewer):
    record = locked(kind, by=reviewer)
    assert not try_unlock(client, kind, record, editor)
    assert record.locked_by == reviewer


@pytest.mark.parametrize("kind", RECORDS)
def test_an_editor_unlocks_what_they_locked(client, kind, editor):
    assert try_unlock(client, kind, locked(kind, by=editor), editor)


@pytest.mark.parametrize("kind", RECORDS)
def test_reviewers_and_superusers_unlock_anyones_lock(client, kind, editor, reviewer):
    assert try_unlock(client, kind, locked(kind, by=editor), reviewer)
    admin = User.objects.create_superuser("lock-admin", "admin@example.org", "pw")
    assert try_unlock(client, kind, locked(kind, by=reviewer), admin)
