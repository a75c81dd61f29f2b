"""Reading user files: campaign text with line numbers, ``ke_thua`` layers, one locator.

The first stage of the pipeline. :func:`read` turns a campaign file (YAML or JSON)
into a :class:`Source` — the plain data, merged over its ``ke_thua`` parents, and the
parsed files it came from — and :func:`place` puts any problem found later (while
validating, composing or warning) at the file and line where its value is written.
"""

from chithi_gen.source.files import MAX_BYTES, read_bytes, read_text
from chithi_gen.source.inherit import KEY, deep_merge, from_data, parse, read
from chithi_gen.source.layers import Layer, Source
from chithi_gen.source.locate import locate, place
from chithi_gen.source.yaml import parse_yaml

__all__ = [
    "KEY",
    "MAX_BYTES",
    "Layer",
    "Source",
    "deep_merge",
    "from_data",
    "locate",
    "parse",
    "parse_yaml",
    "place",
    "read",
    "read_bytes",
    "read_text",
]
