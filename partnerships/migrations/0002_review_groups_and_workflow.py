"""The two groups of the brief and the "Transparency review" workflow.

Editors write and submit; Transparency reviewers approve, publish, and alone see due-diligence reviews.
Permissions are normally created after `migrate` finishes, so this migration creates the ones it needs.
"""

from django.db import migrations

EDITORS = "Editors"
REVIEWERS = "Transparency reviewers"
WORKFLOW = "Transparency review"
TASK = "Transparency reviewers' approval"

EDITOR_PERMISSIONS = {
    "partner": ["add", "change", "view", "lock", "unlock"],
    "contribution": ["add", "change", "view", "lock", "unlock"],
    "cooperationarea": ["view"],
}
REVIEWER_PERMISSIONS = {
    "partner": ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    "contribution": ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    "cooperationarea": ["add", "change", "delete", "view"],
    "duediligencereview": ["add", "change", "delete", "view"],
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"]
SHARED_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return perm


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    groups = {}
    for name, model_perms, page_perms in [
        (EDITORS, EDITOR_PERMISSIONS, EDITOR_PAGE_PERMISSIONS),
        (REVIEWERS, REVIEWER_PERMISSIONS, REVIEWER_PAGE_PERMISSIONS),
    ]:
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for model, actions in model_perms.items():
            for action in actions:
                group.permissions.add(permission(apps, "partnerships", model, f"{action}_{model}"))
        for app_label, model, codename in SHARED_PERMISSIONS:
            group.permissions.add(permission(apps, app_label, model, codename))
        for image_or_document in ("image", "document"):
            app = "wagtailimages" if image_or_document == "image" else "wagtaildocs"
            for action in ("add", "choose"):
                group.permissions.add(permission(apps, app, image_or_document, f"{action}_{image_or_document}"))
        if root is not None:
            for codename in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission(apps, "wagtailcore", "page", codename)
                )

    task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, active=True, content_type=task_content_type)
    task.groups.add(groups[REVIEWERS])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for model in ("partner", "contribution"):
        content_type, _ = ContentType.objects.get_or_create(app_label="partnerships", model=model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
    if root is not None:
        # Programme pages go through the same review as the records.
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow)]
