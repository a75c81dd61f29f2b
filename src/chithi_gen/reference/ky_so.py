"""Room for digital signing: the sizes the signature block of a layout must leave free.

Nghị định 30/2020/NĐ-CP, Phụ lục I, for an electronic document:

* II.7.d — the image of the signer's digital signature is the handwritten signature,
  blue, a PNG with a transparent background, **placed centred between the position
  line and the signer's name**;
* II.8.a — the image of the agency's digital signature is its seal, red, **real size**,
  a PNG with a transparent background, **covering about 1/3 of the signature image, on
  its left**.

The decree sets no size for either image. The figures below are this library's
assumptions (⚠ not from the decree; docs/nguon-quy-dinh-2026.md §2): a signature image
up to :data:`CHU_KY_CAO_MM` × :data:`CHU_KY_RONG_MM` and a round seal up to
:data:`DAU_DUONG_KINH_MM` across. A layout leaves room for them when the space between
the position line and the name holds the signature image, and the signature cell holds
the seal beside the two thirds of the signature image it does not cover. The seal, being
taller than that space, may overlap the lines above and below it, as a paper seal does.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CHU_KY_CAO_MM",
    "CHU_KY_RONG_MM",
    "DAU_DUONG_KINH_MM",
    "DAU_TRUM_CHU_KY",
    "o_ky_rong_toi_thieu_mm",
]

#: Height of the signature image (⚠ assumed).
CHU_KY_CAO_MM: Final = 25.0
#: Width of the signature image (⚠ assumed).
CHU_KY_RONG_MM: Final = 40.0
#: Diameter of the seal image at real size (⚠ assumed: common round seals are 32–40 mm).
DAU_DUONG_KINH_MM: Final = 36.0
#: The share of the signature image the seal covers, on its left (Phụ lục I, II.8.a).
DAU_TRUM_CHU_KY: Final = 1 / 3


def o_ky_rong_toi_thieu_mm() -> float:
    """The narrowest signature cell that holds the seal and the uncovered part of the
    signature image side by side."""
    return DAU_DUONG_KINH_MM + (1 - DAU_TRUM_CHU_KY) * CHU_KY_RONG_MM
