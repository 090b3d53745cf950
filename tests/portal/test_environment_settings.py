""".env.example lists every setting the portal reads from the environment, and docs/deploy.md names no
environment setting that is not there (issue 13): an operator who copies the file has them all."""

import ast
import re
from pathlib import Path

from django.conf import global_settings, settings

ROOT = Path(__file__).resolve().parents[2]
APPS = ("portal", "home", "partnerships", "search", "translations")
ENV_EXAMPLE = ROOT / ".env.example"
DEPLOY_DOC = ROOT / "docs" / "deploy.md"

# Project functions that read the variable named by their first argument.
ENV_HELPERS = {"env_list", "required_env"}
# Read by a library rather than by the project's code, and configured through the environment.
READ_BY_LIBRARIES = {
    "DATABASE_URL": "dj_database_url.config() in portal/settings/base.py",
    "AWS_ACCESS_KEY_ID": "boto3, for django-storages' S3 bucket",
    "AWS_SECRET_ACCESS_KEY": "boto3, for django-storages' S3 bucket",
}
# Upper-case names docs/deploy.md writes in backticks that are Django or Wagtail settings, not
# environment variables: each must be a real setting (checked below) and none is read from the
# environment, so naming one cannot hide an environment variable missing from .env.example.
SETTINGS_NAMED_IN_THE_DOC = {
    "DATABASE_ROUTERS",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_ENGINE",
    "STATIC_ROOT",
    "WAGTAILDOCS_MAX_UPLOAD_SIZE",
    "WAGTAILDOCS_SERVE_METHOD",
    "WAGTAILIMAGES_MAX_UPLOAD_SIZE",
    "WAGTAILSEARCH_BACKENDS",
    "PORTAL_SERVE_MEDIA",
    "USE_X_FORWARDED_HOST",
}
# An upper-case name with an underscore; single words (`PURGE`, `GET`) are read as prose.
ENV_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")


def python_files():
    yield ROOT / "gunicorn.conf.py"
    yield ROOT / "manage.py"
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def is_os_environ(node):
    return (
        isinstance(node, ast.Attribute) and node.attr == "environ" and getattr(node.value, "id", "") == "os"
    )


def environment_reads(path):
    """(name or None, line, enclosing function) for each read of the environment in `path`: the name
    when it is written out, None when the code passes it in a variable."""
    tree = ast.parse(path.read_text())
    functions = {}
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef):
            for node in ast.walk(function):
                functions.setdefault(id(node), function.name)
    for node in ast.walk(tree):
        argument = None
        if isinstance(node, ast.Subscript) and is_os_environ(node.value):
            argument = node.slice
        elif isinstance(node, ast.Compare) and any(is_os_environ(item) for item in node.comparators):
            argument = node.left
        elif isinstance(node, ast.Call):
            func = node.func
            reads = (
                (isinstance(func, ast.Attribute) and is_os_environ(func.value))
                or (isinstance(func, ast.Attribute) and func.attr == "getenv")
                or (isinstance(func, ast.Name) and func.id in ENV_HELPERS)
            )
            if not reads or not node.args:
                continue
            argument = node.args[0]
        else:
            continue
        name = argument.value if isinstance(argument, ast.Constant) else None
        yield name, node.lineno, functions.get(id(node))


def names_read_by_the_code():
    names, unnamed = {}, []
    for path in python_files():
        for name, line, function in environment_reads(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            if name is not None:
                names.setdefault(name, where)
            elif function not in ENV_HELPERS:
                unnamed.append(where)
    return names, unnamed


def names_in_env_example():
    names = set()
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.fullmatch(r"([A-Z][A-Z0-9_]*)=.*", line)
        if match:
            names.add(match[1])
    return names


def names_in_deploy_doc():
    """Upper-case names in backticks, and those set (NAME=…) inside code blocks."""
    text = DEPLOY_DOC.read_text()
    names = set()
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M):
        names.update(re.findall(r"\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)=", block))
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.S | re.M)
    for span in re.findall(r"`([^`\n]+)`", prose):
        match = re.fullmatch(r"\$?(" + ENV_NAME.pattern + r")(=.*)?", span)
        if match:
            names.add(match[1])
    return names


def test_the_scan_finds_the_reads_it_must():
    """The scan is not vacuous: it sees reads through os.environ, os.environ[...], the helpers and
    gunicorn.conf.py, and no read hides its name in a variable outside the helpers."""
    names, unnamed = names_read_by_the_code()
    assert {"SECRET_KEY", "REDIS_URL", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "GUNICORN_BIND"} <= set(names)
    assert {"SEARCH_BACKEND_URL", "LOG_FORMAT", "FRONTEND_CACHE_PURGE_URL", "CLOUDFLARE_API_TOKEN"} <= set(
        names
    )
    assert unnamed == [], f"Environment read with a name the scan cannot see: {unnamed}"


def test_every_environment_setting_the_code_reads_is_in_env_example():
    names, _ = names_read_by_the_code()
    read = {**names, **READ_BY_LIBRARIES}
    missing = {name: where for name, where in read.items() if name not in names_in_env_example()}
    assert missing == {}, f"Read from the environment but not in .env.example: {missing}"


def test_env_example_lists_nothing_the_portal_does_not_read():
    names, _ = names_read_by_the_code()
    stale = names_in_env_example() - set(names) - set(READ_BY_LIBRARIES)
    assert stale == set(), f"In .env.example but read by nothing: {sorted(stale)}"


def test_dj_database_url_is_what_reads_database_url():
    assert "dj_database_url.config(" in (ROOT / "portal" / "settings" / "base.py").read_text()


def test_env_example_gives_each_setting_a_comment():
    lines = ENV_EXAMPLE.read_text().splitlines()
    uncommented = [
        line.split("=")[0]
        for number, line in enumerate(lines)
        if re.fullmatch(r"[A-Z][A-Z0-9_]*=.*", line)
        and not any(previous.startswith("# ") for previous in lines[max(0, number - 2) : number])
    ]
    assert uncommented == []


def test_every_environment_setting_the_deploy_guide_names_is_read_and_listed():
    named = names_in_deploy_doc()
    assert {"SEARCH_BACKEND_URL", "REDIS_URL", "PORTAL_TRUSTED_PROXIES", "LOG_FORMAT"} <= named
    code, _ = names_read_by_the_code()
    known = set(code) | set(READ_BY_LIBRARIES)
    environment = named - SETTINGS_NAMED_IN_THE_DOC
    assert environment - names_in_env_example() == set(), "named in docs/deploy.md, not in .env.example"
    assert environment - known == set(), "named in docs/deploy.md, read by nothing"


def names_the_settings_modules_assign():
    names = set()
    for path in (ROOT / "portal" / "settings").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Assign):
                names.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return names


def test_the_settings_the_deploy_guide_names_are_settings_and_not_environment():
    code, _ = names_read_by_the_code()
    assigned = names_the_settings_modules_assign()
    for name in SETTINGS_NAMED_IN_THE_DOC:
        assert name in assigned or hasattr(settings, name) or hasattr(global_settings, name), name
        assert name not in code, f"{name} is read from the environment: list it in .env.example instead"
    unused = SETTINGS_NAMED_IN_THE_DOC - names_in_deploy_doc()
    assert unused == set(), "listed here, no longer named in docs/deploy.md"
