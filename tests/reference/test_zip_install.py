"""The reference data loads through importlib.resources from a zipped package too."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from chithi_gen.reference import cap_huyen, don_vi_hanh_chinh as dv, van_ban_thay_the as vb
assert dv.__file__.startswith(sys.argv[1]), dv.__file__
assert len(dv.cac_tinh()) == 34
assert dv.tim_xa("xã Trường Hà")[0].tinh.ten == "Cao Bằng"
assert cap_huyen.tim_cap_huyen("UBND huyện Hà Quảng")
assert vb.tim_thay_the("98/2023/NĐ-CP").hien_hanh.so_ky_hieu == "152/2025/NĐ-CP"
print("ok")
"""


def test_loads_from_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "chithi_gen.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted((SRC / "chithi_gen").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                z.write(path, path.relative_to(SRC).as_posix())
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(archive)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
