"""Logos drawn for the demo at load time, with Pillow: no file comes from outside. The same name always
gives the same picture, and a logo already in the image library (found by its title) is used again,
so loading the demo twice adds no image."""

import hashlib
from io import BytesIO

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

MONOGRAM_SIZE = 240
ORGANISATION_LOGO_SIZE = 192
# Dark enough for white letters to keep a contrast ratio above 4.5:1.
PALETTE = ["#0b3d6e", "#7a2e0e", "#1d5b3a", "#5b2a86", "#8a1538", "#0f5f6b", "#4a4a1a", "#33415c"]
ORGANISATION_BLUE = "#0b3d6e"


def initials(name):
    """Up to two capital letters from the first words of `name` ("Quorvex Analytics" → "QA")."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def colour_for(key):
    return PALETTE[int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(PALETTE)]


def _png(picture):
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def monogram_png(name, key):
    """A square of the colour given to `key` with the initials of `name` in white, as PNG bytes."""
    picture = PillowImage.new("RGB", (MONOGRAM_SIZE, MONOGRAM_SIZE), colour_for(key))
    draw = ImageDraw.Draw(picture)
    font = ImageFont.load_default(size=MONOGRAM_SIZE * 2 // 5)
    centre = MONOGRAM_SIZE / 2
    draw.text((centre, centre), initials(name), fill="white", font=font, anchor="mm")
    return _png(picture)


def emblem_png():
    """The demo organisation's emblem (static/img/logo.svg drawn large): a ring and a cross on a disc."""
    size = ORGANISATION_LOGO_SIZE
    picture = PillowImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    scale = size / 40
    draw.ellipse([scale * 1, scale * 1, scale * 39, scale * 39], fill=ORGANISATION_BLUE)
    draw.ellipse([scale * 9, scale * 9, scale * 31, scale * 31], outline="white", width=round(scale * 2))
    draw.line([scale * 10, scale * 20, scale * 30, scale * 20], fill="white", width=round(scale * 3))
    draw.line([scale * 20, scale * 10, scale * 20, scale * 30], fill="white", width=round(scale * 3))
    return _png(picture)


def library_image(title, filename, make_png, description=""):
    """The image titled `title` in Wagtail's library, made from `make_png()` if there is none yet."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).order_by("pk").first()
    if image is None:
        image = Image(
            title=title, description=description, file=ImageFile(BytesIO(make_png()), name=filename)
        )
        image._set_image_file_metadata()
        image.save()
    return image
