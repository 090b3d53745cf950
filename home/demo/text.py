from dataclasses import dataclass


class DemoContentError(Exception):
    """The demo cannot be built as written (e.g. a text is missing in one language)."""


@dataclass(frozen=True)
class T:
    """One piece of demo text in the four content languages, kept side by side so they stay in step."""

    en: str
    fr: str
    es: str
    ar: str

    def in_language(self, code):
        return getattr(self, code)
