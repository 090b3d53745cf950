import unicodedata
import uuid

import phonenumbers
from django_countries import countries

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnerships.localize import localized_areas
from partnerships.models import ContributionType, CooperationArea, ExpressionOfInterest, PartnerType
from partnerships.models.applications import PROPOSAL_MIN_LENGTH, PROPOSAL_MIN_WORDS

HONEYPOT_FIELD = "fax_number"
LINE_BREAKS_AND_TABS = {"\n", "\r", "\t"}
# Embeddings, overrides and isolates of the bidirectional algorithm: pasted into a name, they make it
# read backwards in the admin, an e-mail or a spreadsheet. The plain marks (LRM, RLM) stay: mixed
# Arabic and Latin text needs them.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def _has_control_characters(value, allowed=frozenset()):
    return any(unicodedata.category(char) == "Cc" and char not in allowed for char in str(value))


def reject_control_characters(value):
    """For one-line fields: a line break there would also end up in e-mail headers."""
    if _has_control_characters(value):
        raise ValidationError(
            _(
                "This field contains line breaks or invisible control characters. Please retype it on one line."
            ),
            code="control_characters",
        )


def reject_control_characters_in_prose(value):
    """Line breaks and tabs are fine in prose; other control characters come from copy-paste accidents."""
    if _has_control_characters(value, LINE_BREAKS_AND_TABS):
        raise ValidationError(
            _("This field contains invisible control characters. Please retype the text."),
            code="control_characters",
        )


class BidiSafeCharField(forms.CharField):
    def to_python(self, value):
        return super().to_python(value).translate(BIDI_CONTROLS)


class TextField(BidiSafeCharField):
    default_validators = [reject_control_characters]


class ProseField(BidiSafeCharField):
    default_validators = [reject_control_characters_in_prose]


class InternationalPhoneField(TextField):
    """A phone number with its country code, stored in E.164 ("+33472447000").

    The organisation's country does not say where its contact is, so a number without its country code
    is refused rather than guessed; "00" is read as "+", the international prefix almost everywhere."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        international = "+" + value[2:] if value.startswith("00") else value
        try:
            number = phonenumbers.parse(international) if international.startswith("+") else None
        except phonenumbers.NumberParseException:
            number = None
        if number is None:
            raise ValidationError(
                _("Enter the number with its country code, starting with +, for example +33 4 72 44 70 00."),
                code="phone_format",
            )
        if not phonenumbers.is_valid_number(number):
            raise ValidationError(
                _(
                    "This is not a valid phone number for the country code +%(code)s. Please check the number."
                ),
                code="invalid_phone",
                params={"code": number.country_code},
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class ProposalField(ProseField):
    """A few sentences at least: "x" tells the reviewers nothing and costs them a reply."""

    def validate(self, value):
        super().validate(value)
        if value and (len(value) < PROPOSAL_MIN_LENGTH or len(value.split()) < PROPOSAL_MIN_WORDS):
            raise ValidationError(
                _("Please describe your proposal in a few sentences, in at least %(minimum)s characters."),
                code="proposal_too_short",
                params={"minimum": PROPOSAL_MIN_LENGTH},
            )


class HttpsURLField(forms.URLField):
    """A website typed without a scheme is taken to be https (Django's default is still http)."""

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)


class ExpressionOfInterestForm(forms.ModelForm):
    """The public form. Field order is the order of the page; every message is translated.

    Fields, limits and whether they are required come from ExpressionOfInterest; the form adds the
    wording, the control-character checks, and three fields the record does not keep as typed: the
    consent (stored as when it was given), the submission token and the honeypot."""

    # A list of ContributionType values in a JSONField on the record; ticked boxes here.
    contribution_types = forms.MultipleChoiceField(
        label=_("What you would like to contribute"),
        choices=ContributionType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the organisation processes the data in this form to assess my proposal."),
        error_messages={"required": _("We can only consider your proposal with your consent.")},
        # The template writes the privacy statement itself (with a link); this only makes Django point
        # aria-describedby at it.
        help_text=_("How we handle personal data"),
    )
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)
    # Invisible to people (hidden by CSS and from assistive technology); bots fill it in.
    fax_number = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = ExpressionOfInterest
        fields = [
            "organisation_name",
            "organisation_type",
            "country",
            "website",
            "contact_name",
            "email",
            "phone",
            "contribution_types",
            "cooperation_areas",
            "proposal",
            "alignment",
        ]
        # The public wording, not the model's verbose names (those are the reviewers' column headings).
        labels = {
            "organisation_name": _("Organisation name"),
            "organisation_type": _("Type of organisation"),
            "country": _("Country"),
            "website": _("Website"),
            "contact_name": _("Contact name"),
            "email": _("E-mail address"),
            "phone": _("Phone"),
            "cooperation_areas": _("Cooperation areas"),
            "proposal": _("Your proposal"),
            "alignment": _("How the proposal fits the organisation's aims"),
        }
        help_texts = {
            "website": _("For example https://www.example.org"),
            "phone": _("Optional. Include the country code, e.g. +33 4 72 44 70 00."),
            "cooperation_areas": _("Optional: the fields your proposal concerns."),
            "proposal": _("Describe what you propose and why, in a few sentences: 50 to 5,000 characters."),
            "alignment": _("Up to 2,000 characters."),
        }
        field_classes = {
            "organisation_name": TextField,
            "website": HttpsURLField,
            "contact_name": TextField,
            "phone": InternationalPhoneField,
            "proposal": ProposalField,
            "alignment": ProseField,
        }
        widgets = {
            "cooperation_areas": forms.CheckboxSelectMultiple,
            "proposal": forms.Textarea(attrs={"rows": 10}),
            "alignment": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No type chosen in advance: one skipped would silently file the applicant as a company.
        self.fields["organisation_type"].choices = [("", gettext("Choose a type"))] + PartnerType.choices
        # Choices are set per form, in the reader's language (a class attribute would keep the first one).
        self.fields["country"].choices = [("", gettext("Choose a country"))] + list(countries)
        areas = self.fields["cooperation_areas"]
        areas.queryset = CooperationArea.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        # Named and listed in the reader's language: in English order, the French list was scrambled.
        areas.choices = [(area.id, area.name) for area in localized_areas()]
        if not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4())
        for name, field in self.fields.items():
            if field.required and not isinstance(
                field.widget, forms.CheckboxSelectMultiple | forms.HiddenInput
            ):
                field.widget.attrs["required"] = True
            if isinstance(field, forms.CharField) and field.max_length:
                field.widget.attrs["maxlength"] = field.max_length
            if name in ("email",):
                field.widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["website"].widget.attrs["autocomplete"] = "url"
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_submission_token(self):
        """The token only guards against double submission: a missing or mangled one (an old browser
        tab, a proxy) must not cost the applicant their text, so it becomes a fresh one."""
        try:
            return uuid.UUID(self.cleaned_data["submission_token"])
        except ValueError:
            return uuid.uuid4()

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def existing_submission(self):
        return ExpressionOfInterest.objects.filter(
            submission_token=self.cleaned_data["submission_token"]
        ).first()

    def save(self, language):
        """One record per submission token: a resent form returns the record created the first time."""
        token = self.cleaned_data["submission_token"]
        existing = self.existing_submission()
        if existing is not None:
            return existing, False
        application = super().save(commit=False)
        application.submission_token = token
        application.language = language
        application.consent_given_at = timezone.now()
        try:
            with transaction.atomic():
                application.save()
                self.save_m2m()
        except IntegrityError:
            # Two clicks raced past the check above; the unique token let only one of them in.
            return ExpressionOfInterest.objects.get(submission_token=token), False
        return application, True
