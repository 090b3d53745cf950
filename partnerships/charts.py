"""Bar charts drawn on the server as inline SVG: no JavaScript, nothing fetched, allowed by the strict CSP.

Colours and type sizes come from classes styled in register.css (a CSP that forbids inline styles
would block `style=` attributes). Each bar sits under its own label, so long labels in any language
fit on a phone. In a right-to-left language the whole drawing is mirrored: bars grow from the right
and the text is anchored on that side, so the chart reads in the same direction as the page.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

WIDTH = 400
ROW_HEIGHT = 46
LABEL_BASELINE = 15
BAR_TOP = 21
BAR_HEIGHT = 16
VALUE_SPACE = 130  # room kept after the longest bar for its figure
PADDING = 4


@dataclass
class Bar:
    label: str
    value: float
    text: str  # the value as the reader should see it: formatted for their locale


def _number(value):
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_chart(bars, *, chart_id, title, description, rtl=False):
    """An accessible horizontal bar chart: role="img", labelled by its <title> and <desc>."""
    bars = list(bars)
    if not bars:
        return ""
    largest = max((bar.value for bar in bars), default=0) or 1
    room = WIDTH - VALUE_SPACE
    height = PADDING * 2 + ROW_HEIGHT * len(bars)

    def x(start, length=0):
        """The left edge of something that starts `start` units from the reading edge."""
        return WIDTH - start - length if rtl else start

    rows = []
    for index, bar in enumerate(bars):
        top = PADDING + index * ROW_HEIGHT
        length = max(bar.value / largest * room, 0)
        if bar.value > 0:
            length = max(length, 2)  # a tiny but real figure still shows
        rows.append(
            (
                _number(x(0)),
                _number(top + LABEL_BASELINE),
                bar.label,
                _number(x(0, length)),
                _number(top + BAR_TOP),
                _number(length),
                BAR_HEIGHT,
                _number(x(length + 6)),
                _number(top + BAR_TOP + BAR_HEIGHT - 3),
                bar.text,
            )
        )
    body = format_html_join(
        "",
        '<g class="chart__row"><text class="chart__label" x="{}" y="{}">{}</text>'
        '<rect class="chart__bar" x="{}" y="{}" width="{}" height="{}" rx="2"></rect>'
        '<text class="chart__value" x="{}" y="{}">{}</text></g>',
        rows,
    )
    return format_html(
        '<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'direction="{direction}" text-anchor="start" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        "{body}</svg>",
        id=chart_id,
        width=WIDTH,
        height=height,
        direction="rtl" if rtl else "ltr",
        title=title,
        description=description,
        body=body,
    )
