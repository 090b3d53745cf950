"""The enumerations of the brief. Codes are stable (they appear in open data); labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerType(models.TextChoices):
    FOR_PROFIT_COMPANY = "for_profit_company", _("For-profit company")
    CORPORATE_FOUNDATION = "corporate_foundation", _("Corporate foundation")
    PHILANTHROPIC_FOUNDATION = "philanthropic_foundation", _("Philanthropic foundation")
    NGO_NONPROFIT = "ngo_nonprofit", _("Non-governmental or non-profit organisation")
    BUSINESS_ASSOCIATION = "business_association", _("Business association")
    ACADEMIC_RESEARCH = "academic_research", _("Academic or research institution")
    OTHER_NONPROFIT = "other_nonprofit", _("Other non-profit organisation")

    @classmethod
    def for_profit(cls):
        return [cls.FOR_PROFIT_COMPANY]

    @classmethod
    def non_profit(cls):
        return [value for value in cls.values if value != cls.FOR_PROFIT_COMPANY]


class ProfitSector(models.TextChoices):
    """The coarse split readers filter by first."""

    FOR_PROFIT = "for_profit", _("For-profit")
    NON_PROFIT = "non_profit", _("Non-profit")


class RelationshipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    CONCLUDED = "concluded", _("Concluded")
    TERMINATED = "terminated", _("Terminated")


class ContributionType(models.TextChoices):
    FINANCIAL_UNEARMARKED = "financial_unearmarked", _("Funding (unearmarked)")
    FINANCIAL_EARMARKED = "financial_earmarked", _("Funding (earmarked)")
    SECONDED_PERSONNEL = "seconded_personnel", _("Seconded staff")
    SOFTWARE_LICENCE = "software_licence", _("Software licences")
    EQUIPMENT = "equipment", _("Equipment")
    PREMISES_FACILITIES = "premises_facilities", _("Premises and facilities")
    PRO_BONO_SERVICES = "pro_bono_services", _("Pro bono services")
    TRAINING = "training", _("Training")
    DATA_OR_TECHNOLOGY_ACCESS = "data_or_technology_access", _("Access to data or technology")
    OTHER_IN_KIND = "other_in_kind", _("Other in-kind donation")

    @classmethod
    def financial(cls):
        return [cls.FINANCIAL_UNEARMARKED, cls.FINANCIAL_EARMARKED]

    @classmethod
    def in_kind(cls):
        return [value for value in cls.values if value not in cls.financial()]


class ContributionStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    AGREEMENT_SIGNED = "agreement_signed", _("Agreement signed")
    IN_DELIVERY = "in_delivery", _("In delivery")
    COMPLETED = "completed", _("Completed")
    TERMINATED_EARLY = "terminated_early", _("Terminated early")
    CANCELLED = "cancelled", _("Cancelled")

    @classmethod
    def ended_without_completion(cls):
        return [cls.TERMINATED_EARLY, cls.CANCELLED]

    @classmethod
    def in_group(cls, group):
        return STATUS_GROUPS[group]


class StatusGroup(models.TextChoices):
    """What a figure counts, named beside every figure. A terminated contribution counts what was
    committed before it ended; a cancelled one never counts, though the register still lists it."""

    COMMITTED = "committed", _("Committed")
    PLEDGED = "pledged", _("Pledged")
    NOT_COUNTED = "not_counted", _("Not counted")


STATUS_GROUPS = {
    StatusGroup.COMMITTED: [
        ContributionStatus.AGREEMENT_SIGNED,
        ContributionStatus.IN_DELIVERY,
        ContributionStatus.COMPLETED,
        ContributionStatus.TERMINATED_EARLY,
    ],
    StatusGroup.PLEDGED: [ContributionStatus.PLEDGED],
    StatusGroup.NOT_COUNTED: [ContributionStatus.CANCELLED],
}


class ValueBasis(models.TextChoices):
    """How a contribution's value in the reporting currency was obtained, shown beside it."""

    EXCHANGE_RATE = "exchange_rate", _("Converted at the month's exchange rate")
    SAME_CURRENCY = "same_currency", _("Given in the reporting currency")
    BOOKED = "booked", _("Value booked in the accounts")
    NO_RATE = "no_rate", _("No exchange rate for its month: left out of the totals")


class EndReason(models.TextChoices):
    """Why a contribution was terminated early or cancelled."""

    PARTNER_WITHDREW = "partner_withdrew", _("The partner withdrew")
    DUE_DILIGENCE_CONCERN = "due_diligence_concern", _("A due-diligence concern arose")
    PURPOSE_ACHIEVED_EARLY = "purpose_achieved_early", _("The purpose was achieved early")
    NO_LONGER_NEEDED = "no_longer_needed", _("No longer needed")
    DELIVERY_NOT_POSSIBLE = "delivery_not_possible", _("Delivery was not possible")
    MUTUAL_AGREEMENT = "mutual_agreement", _("Ended by mutual agreement")
    OTHER = "other", _("Other reason")


class InKindUnit(models.TextChoices):
    STAFF_MONTHS = "staff_months", _("staff-months")
    LICENCE_SEATS = "licence_seats", _("licence seats")
    ITEMS = "items", _("items")
    SQUARE_METRES = "square_metres", _("square metres")
    DAYS = "days", _("days")


class ValuationMethod(models.TextChoices):
    MARKET_FAIR_VALUE = "market_fair_value", _("Market (fair) value")
    DONOR_DECLARED = "donor_declared", _("Value declared by the donor")
    COST_BASIS = "cost_basis", _("Cost to the donor")
    NOT_VALUED = "not_valued", _("Not valued")


class ReviewType(models.TextChoices):
    INITIAL = "initial", _("Initial")
    CONTRIBUTION_SPECIFIC = "contribution_specific", _("For a specific contribution")
    PERIODIC = "periodic", _("Periodic")
    TRIGGERED = "triggered", _("Triggered by an event")


class CriterionResult(models.TextChoices):
    MEETS = "meets", _("Meets the criterion")
    MEETS_WITH_MITIGATION = "meets_with_mitigation", _("Meets the criterion with mitigation")
    DOES_NOT_MEET = "does_not_meet", _("Does not meet the criterion")
    NOT_ASSESSED = "not_assessed", _("Not assessed")


class ScreeningResult(models.TextChoices):
    NOT_RUN = "not_run", _("Not run")
    CLEAR = "clear", _("Clear")
    POTENTIAL_MATCH = "potential_match", _("Potential match")
    CONFIRMED_MATCH = "confirmed_match", _("Confirmed match")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ReviewDecision(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CONDITIONS = "approved_with_conditions", _("Approved with conditions")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")

    @classmethod
    def positive(cls):
        return [cls.APPROVED, cls.APPROVED_WITH_CONDITIONS]

    @classmethod
    def negative(cls):
        """Decisions that take the partner off the public site as soon as they are recorded."""
        return [cls.REJECTED, cls.WITHDRAWN]

    @classmethod
    def decided(cls):
        return [*cls.positive(), *cls.negative()]
