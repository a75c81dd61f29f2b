"""Build this folder's layout the way a template author would in Word, but as a script.

It copies the bundled ``nd30`` layout and makes the three changes the template
author's guide (docs/template-authors.md) walks through by hand in Word or
LibreOffice:

1. the body text ("Nội dung" style) at 13 pt instead of 14;
2. more room for the signature: the "Họ tên người ký" style 100 pt below the title;
3. a new variable: an italic line "Phạm vi áp dụng: …" under the trích yếu, filled from
   ``bien: {pham_vi: …}`` in the campaign file (declared in manifest.yaml).

Run from the repository root: ``.venv/bin/python examples/mau-don-vi/tao_mau.py``.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

from docx import Document
from docx.shared import Pt

from chithi_gen.lookup import TemplateSet
from chithi_gen.render.package import read_package, write_package

HERE = Path(__file__).resolve().parent
OUT = HERE / "layouts" / "phuong-an" / "layout.docx"


def build() -> bytes:
    doc = Document(io.BytesIO(TemplateSet(environ={}).find_layout("nd30").read_bytes()))
    styles = {s.style_id: s for s in doc.styles}
    styles["NoiDung"].font.size = Pt(13)
    styles["HoTen"].paragraph_format.space_before = Pt(100)
    for p in doc.paragraphs:
        if p.text == "{{ vb.trich_yeu }}":
            line = copy.deepcopy(p._p)
            p._p.addnext(line)
            for t in line.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
                t.text = "Phạm vi áp dụng: {{ vb.pham_vi }}"
            line.find(
                ".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pStyle"
            ).set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "KemTheo")
            break
    else:
        raise SystemExit("trích yếu paragraph not found in the bundled layout")
    buf = io.BytesIO()
    doc.save(buf)
    return write_package(read_package(buf.getvalue()))


if __name__ == "__main__":
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
