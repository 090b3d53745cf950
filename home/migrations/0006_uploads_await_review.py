"""Uploads wait for review in a private collection.

Wagtail serves a document to anyone who knows its address as soon as it is uploaded. Editors now
upload only into "Awaiting review", which only signed-in staff can read; a Transparency reviewer
moves a document to the public root collection when it may be published. Editors still choose
published images and documents everywhere."""

from django.db import migrations

COLLECTION = "Awaiting review"
EDITORS = "Editors"
REVIEWERS = "Transparency reviewers"
MEDIA = (("wagtaildocs", "document"), ("wagtailimages", "image"))


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    model = codename.split("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )[0]


def awaiting_review_collection():
    # The real model: creating a node of the collection tree needs treebeard's methods, which the
    # historical model has not got.
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION).first()
    return existing or root.add_child(name=COLLECTION)


def keep_uploads_private(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")

    private = Collection.objects.get(pk=awaiting_review_collection().pk)
    root = Collection.objects.get(depth=1)
    CollectionViewRestriction.objects.get_or_create(
        collection=private, defaults={"restriction_type": "login"}
    )

    editors = Group.objects.filter(name=EDITORS).first()
    reviewers = Group.objects.filter(name=REVIEWERS).first()
    for app_label, model in MEDIA:
        add, change, choose, delete = (
            permission(apps, app_label, f"{action}_{model}")
            for action in ("add", "change", "choose", "delete")
        )
        if editors is not None:
            GroupCollectionPermission.objects.filter(
                group=editors, permission__in=[add, change, delete]
            ).delete()
            for perm in (add, change, choose):
                GroupCollectionPermission.objects.get_or_create(
                    group=editors, collection=private, permission=perm
                )
            GroupCollectionPermission.objects.get_or_create(group=editors, collection=root, permission=choose)
        if reviewers is not None:
            for perm in (add, change, choose, delete):
                GroupCollectionPermission.objects.get_or_create(
                    group=reviewers, collection=root, permission=perm
                )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_applypage"),
        ("partnerships", "0002_review_groups_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(keep_uploads_private, migrations.RunPython.noop)]
