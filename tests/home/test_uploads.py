"""Editors' uploads wait in a private collection until a reviewer publishes them, and uploads have
size and type limits."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import Collection

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def awaiting_review():
    return Collection.objects.get(name="Awaiting review")


def signed_in(group, username):
    client = Client()
    client.force_login(make_user(username, group))
    return client


def upload(client, name="briefing.pdf", content=PDF, collection=None):
    data = {"title": "Briefing", "file": SimpleUploadedFile(name, content, content_type="application/pdf")}
    if collection is not None:
        data["collection"] = collection.pk
    return client.post(reverse("wagtaildocs:add"), data)


def test_an_editors_upload_is_private_until_a_reviewer_publishes_it():
    editor = signed_in("Editors", "upload-editor")
    assert upload(editor, collection=awaiting_review()).status_code == 302
    document = Document.objects.get(title="Briefing")
    assert document.collection == awaiting_review()

    anonymous = Client().get(document.url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert editor.get(document.url).status_code == 200

    reviewer = signed_in("Transparency reviewers", "upload-reviewer")
    document.collection = Collection.get_first_root_node()
    document.save()
    assert reviewer.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 200
    assert Client().get(document.url).status_code == 200


def test_editors_cannot_upload_straight_into_the_public_collection():
    editor = signed_in("Editors", "root-editor")
    form = editor.get(reverse("wagtaildocs:add")).content.decode()
    assert f'value="{Collection.get_first_root_node().pk}"' not in form
    upload(editor, collection=Collection.get_first_root_node())
    assert not Document.objects.filter(collection__depth=1).exists()


def test_a_document_over_the_size_limit_is_refused_with_a_message(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    editor = signed_in("Editors", "size-editor")
    response = upload(editor, content=PDF + b"0" * 2048, collection=awaiting_review())
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not Document.objects.exists()


@pytest.mark.parametrize("name", ["page.html", "logo.svg", "tool.exe"])
def test_file_types_that_can_carry_scripts_are_refused(name):
    editor = signed_in("Editors", "type-editor")
    response = upload(editor, name=name, collection=awaiting_review())
    assert response.status_code == 200
    assert not Document.objects.exists()
