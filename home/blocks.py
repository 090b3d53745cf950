"""StreamField blocks for the home and programme pages.

Each block renders through its own template in templates/components/, so editors see in the preview
what readers will get.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from partnerships.blocks import AreaPartnersBlock, LatestContributionsBlock, ProgrammeFiguresBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "components/heading_block.html"
        label = _("Heading")
        description = _("A section heading that also appears in the page outline.")
        preview_value = {"text": "How the programme works", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/paragraph_block.html"
        label = _("Text")
        description = _("Paragraphs, lists and links.")
        preview_value = "<p>Partners share expertise, technology and resources with the organisation.</p>"


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=40, label=_("Figure or short label"))
    text = blocks.TextBlock(max_length=300, label=_("Explanation"))


class KeyFactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False, label=_("Title"))
    facts = blocks.ListBlock(KeyFactBlock(), min_num=1, label=_("Facts"))

    class Meta:
        icon = "list-ul"
        template = "components/key_facts_block.html"
        label = _("Key facts")
        description = _("A short list of facts, each with a prominent figure or label.")
        preview_value = {
            "title": "At a glance",
            "facts": [
                {"figure": "3", "text": "due-diligence criteria every partner must meet"},
                {"figure": "4", "text": "official languages in which the register is published"},
            ],
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(max_length=400, required=False, label=_("Text"))
    page = blocks.PageChooserBlock(label=_("Page to link to"))
    link_text = blocks.CharBlock(max_length=60, label=_("Link text"))

    class Meta:
        icon = "link"
        template = "components/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box that leads the reader to another page.")
        preview_value = {
            "heading": "Become a partner",
            "text": "Read the criteria and send an expression of interest.",
            "page": None,
            "link_text": "How to apply",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=600, label=_("Text"))
    attribution = blocks.CharBlock(max_length=120, required=False, label=_("Attribution"))
    style = blocks.ChoiceBlock(
        choices=[("quote", _("Quotation")), ("callout", _("Callout"))],
        default="callout",
        label=_("Style"),
    )

    class Meta:
        icon = "openquote"
        template = "components/quote_block.html"
        label = _("Quote or callout")
        description = _("A quotation with its source, or a short statement set apart from the text.")
        preview_value = {
            "text": "Transparency and accountability come first.",
            "attribution": "",
            "style": "callout",
        }


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=200,
        required=False,
        label=_("Alternative text"),
        help_text=_("Describe the image for people who cannot see it; leave empty if it is decorative."),
    )
    caption = blocks.CharBlock(max_length=250, required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "components/image_block.html"
        label = _("Image with caption")
        description = _("An image with alternative text and an optional caption.")


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body can use, including those computed from the approved records."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    key_facts = KeyFactsBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    programme_figures = ProgrammeFiguresBlock()
    area_partners = AreaPartnersBlock()
    latest_contributions = LatestContributionsBlock()


class KeyMessageBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = blocks.TextBlock(max_length=400, label=_("Text"))


class KeyMessagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    messages = blocks.ListBlock(KeyMessageBlock(), min_num=1, max_num=6, label=_("Messages"))

    class Meta:
        icon = "list-ul"
        template = "components/key_messages_block.html"
        label = _("Key messages")
        description = _("Up to six short messages shown side by side.")
        preview_value = {
            "heading": "Why we work with the private sector",
            "messages": [
                {
                    "title": "Close gaps",
                    "text": "Partners provide services and expertise we could not offer alone.",
                },
                {"title": "Share knowledge", "text": "Companies often see cyber threats first."},
            ],
        }


class ProgrammePagesBlock(blocks.StructBlock):
    """Lists the home page's live sub-pages in the reader's language, so the links never go stale."""

    heading = blocks.CharBlock(max_length=120, label=_("Heading"))

    class Meta:
        icon = "doc-full"
        template = "components/programme_pages_block.html"
        label = _("Links to the programme pages")
        description = _("Cards for every published page below the home page, in the reader's language.")
        preview_value = {"heading": "About the programme"}


class HomeStreamBlock(BaseStreamBlock):
    key_messages = KeyMessagesBlock()
    programme_pages = ProgrammePagesBlock()
