"""Cách đánh số — how the body is numbered: a preset, or the label style of each level.

Written in a campaign file in one of three forms::

    danh_so: la_ma                 # a preset: I. / 1. / a) / - / +  (or thap_phan)
    danh_so: [so, chu, gach]       # the style of levels 1, 2, 3 …: 1. / a) / -
    danh_so:                       # a preset or a list, started at one of its levels
      kieu: la_ma
      bat_dau: 2                   # the body starts with khoản: 1. / a) / - / +

The styles are those of :mod:`chithi_gen.numbering`: ``la_ma`` (I.), ``so`` (1.),
``thap_phan`` (1.1.), ``chu`` (a)), ``gach`` (-), ``cong`` (+) and ``khong`` (no label).
"""

from __future__ import annotations

from typing import Annotated, Any, get_args

from pydantic import Field, model_validator

from chithi_gen.errors import join_vi
from chithi_gen.model.base import Model, nd30_error
from chithi_gen.numbering import EXAMPLES, PRESETS, STYLES, Preset, Scheme, Style

#: The deepest start level accepted (a real body has at most six levels).
MAX_START = 6
#: The most levels a list may name.
MAX_LEVELS = 12


def _styles_text() -> tuple[str, str]:
    pairs = [f"{s} ({EXAMPLES[s]})" for s in STYLES]
    return join_vi(pairs), ", ".join(pairs)


class DanhSo(Model):
    """The numbering of the body: ``kieu`` a preset name or the style of each level,
    ``bat_dau`` the level of ``kieu`` the body's top level takes (1 = the first)."""

    kieu: Preset | Annotated[list[Style], Field(min_length=1, max_length=MAX_LEVELS)] = "la_ma"
    """Kiểu có sẵn (la_ma, thap_phan) hoặc kiểu của từng cấp: la_ma, so, thap_phan, chu, gach,
    cong, khong (a preset, or the style of each level)."""
    bat_dau: Annotated[int, Field(ge=1, le=MAX_START)] = 1
    """Cấp của kiểu mà cấp đầu của nội dung dùng, 1 là cấp đầu tiên (the level the body
    starts at)."""

    @model_validator(mode="before")
    @classmethod
    def _short_forms(cls, value: object) -> object:
        """A bare preset name or a bare list stands for ``{kieu: …}``; an unknown name
        gets a message listing the presets and the styles."""
        if isinstance(value, str | list):
            value = {"kieu": value}
        if isinstance(value, dict):
            kieu = value.get("kieu")
            if isinstance(kieu, str) and kieu not in PRESETS:
                vi, en = _styles_text()
                raise nd30_error(
                    f"không có cách đánh số '{kieu}'; dùng la_ma hoặc thap_phan, hoặc một"
                    f" danh sách kiểu của từng cấp, ví dụ [so, chu]; các kiểu: {vi}",
                    f"no numbering scheme '{kieu}'; use la_ma or thap_phan, or a list of"
                    f" the style of each level, e.g. [so, chu]; the styles: {en}",
                )
            if isinstance(kieu, list):
                bad = [str(k) for k in kieu if k not in STYLES]
                if bad:
                    vi, en = _styles_text()
                    raise nd30_error(
                        f"không có kiểu số '{bad[0]}'; các kiểu: {vi}",
                        f"no label style '{bad[0]}'; the styles: {en}",
                    )
        return value

    def scheme(self) -> Scheme:
        """The :class:`~chithi_gen.numbering.Scheme` this names."""
        levels = PRESETS[self.kieu] if isinstance(self.kieu, str) else tuple(self.kieu)
        return Scheme(levels, self.bat_dau)


def short_forms_schema(schema: dict[str, Any]) -> None:
    """Widen the JSON schema of a :class:`DanhSo` field to the three written forms: a preset
    name, a list of level styles, or the mapping (``json_schema_extra`` of the field).

    Written as a schema hook rather than ``json_schema_input_type=Preset | list[Style] | DanhSo``:
    pydantic 2.9 loses the model's own definition when a model names itself there.
    """
    mapping = {"$ref": schema.pop("$ref")} if "$ref" in schema else schema.pop("allOf")[0]
    schema["anyOf"] = [
        {"enum": list(get_args(Preset)), "type": "string"},
        {"items": {"enum": list(STYLES), "type": "string"}, "type": "array"},
        mapping,
    ]
