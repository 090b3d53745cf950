from .applications import ApplicationStatus, ExpressionOfInterest, SubmissionCount
from .choices import (
    ContributionStatus,
    ContributionType,
    CriterionResult,
    EndReason,
    InKindUnit,
    PartnerType,
    ProfitSector,
    RelationshipStatus,
    ReviewDecision,
    ReviewType,
    RiskLevel,
    ScreeningResult,
    StatusGroup,
    ValuationMethod,
    ValueBasis,
)
from .directory_page import PartnerIndexPage
from .open_data_page import OpenDataPage
from .rates import ExchangeRate
from .records import Contribution, Partner
from .register_page import ContributionIndexPage
from .reviews import CRITERIA, DueDiligenceReview, PartnerStanding
from .site_settings import PartnershipSettings
from .summary import RegisterSummary
from .taxonomy import CooperationArea

__all__ = [
    "ApplicationStatus",
    "ExpressionOfInterest",
    "SubmissionCount",
    "PartnershipSettings",
    "CRITERIA",
    "ContributionStatus",
    "ContributionType",
    "Contribution",
    "ContributionIndexPage",
    "CooperationArea",
    "CriterionResult",
    "DueDiligenceReview",
    "EndReason",
    "ExchangeRate",
    "InKindUnit",
    "OpenDataPage",
    "Partner",
    "PartnerIndexPage",
    "PartnerStanding",
    "PartnerType",
    "ProfitSector",
    "RegisterSummary",
    "RelationshipStatus",
    "ReviewDecision",
    "ReviewType",
    "RiskLevel",
    "ScreeningResult",
    "StatusGroup",
    "ValuationMethod",
    "ValueBasis",
]
