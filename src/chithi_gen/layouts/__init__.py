"""Layouts as files: a .docx template plus a small manifest, found by a lookup order.

A layout is a folder ``<name>/`` holding ``layout.docx`` (named styles, header,
Nơi nhận and signature blocks with Jinja tags) and ``manifest.yaml``::

    ten: nd30
    mo_ta: Mẫu 1.4 và 1.3, Phụ lục III, Nghị định 30/2020/NĐ-CP
    loai: [chi_thi, chuong_trinh, ke_hoach]   # kinds it serves
    bien: [van_ban, ngat_phan, tieu_de_tep]    # top-level variables it uses

Lookup order for a layout name (:func:`find_layout`):

1. a path given by the user (a ``.docx`` file or a layout folder);
2. each user template folder, in order: ``--templates DIR`` and then the folders in
   the ``CHITHI_TEMPLATES`` environment variable (separated by ``os.pathsep``); a
   template folder holds ``layouts/<name>/``, and optionally ``kinds.yaml`` and
   ``snippets/``;
3. the layouts bundled with chithi_gen.

Layouts that did not ship with chithi_gen are rendered in Jinja's sandbox.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from chithi_gen.errors import LayoutError

#: Environment variable naming user template folders.
ENV_VAR = "CHITHI_TEMPLATES"

Origin = Literal["path", "user", "bundled"]

#: How an origin is shown to users.
ORIGIN_LABELS: dict[str, str] = {
    "path": "đường dẫn / path",
    "user": "thư mục người dùng / user folder",
    "bundled": "đi kèm / bundled",
}


@dataclass(frozen=True)
class LayoutInfo:
    """Where a layout is and what its manifest says."""

    name: str
    docx: Path
    origin: Origin
    description: str = ""
    kinds: tuple[str, ...] = ()
    variables: tuple[str, ...] = ()
    manifest: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def bundled(self) -> bool:
        """Whether the layout ships with chithi_gen (rendered outside the sandbox)."""
        return self.origin == "bundled"

    def read_bytes(self) -> bytes:
        """The layout's .docx bytes."""
        try:
            return self.docx.read_bytes()
        except OSError as exc:
            raise LayoutError.single(
                f"không đọc được mẫu trình bày {self.docx}: {exc.strerror}",
                f"cannot read layout {self.docx}: {exc.strerror}",
            ) from None


def template_dirs(
    explicit: Iterable[str | Path] = (), env: dict[str, str] | None = None
) -> list[Path]:
    """User template folders: ``explicit`` ones first, then ``CHITHI_TEMPLATES``."""
    environ = os.environ if env is None else env
    dirs = [Path(d) for d in explicit]
    dirs += [Path(d) for d in environ.get(ENV_VAR, "").split(os.pathsep) if d.strip()]
    return dirs


def _bundled_root() -> Path:
    return Path(str(files("chithi_gen.layouts")))


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / "manifest.yaml"
    if not path.is_file():
        return {}
    try:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (YAMLError, OSError, UnicodeDecodeError) as exc:
        raise LayoutError.single(
            f"manifest.yaml của mẫu trình bày {folder} không đọc được: {exc}",
            f"the manifest.yaml of layout {folder} cannot be read: {exc}",
        ) from None
    if not isinstance(data, dict):
        raise LayoutError.single(
            f"manifest.yaml của {folder} phải là nhóm 'khóa: giá trị'",
            f"the manifest.yaml of {folder} must be a mapping",
        )
    return data


def _info(folder: Path, origin: Origin, name: str | None = None) -> LayoutInfo:
    manifest = _read_manifest(folder)
    return LayoutInfo(
        name=str(manifest.get("ten") or name or folder.name),
        docx=folder / "layout.docx",
        origin=origin,
        description=str(manifest.get("mo_ta", "")),
        kinds=tuple(str(k) for k in manifest.get("loai") or ()),
        variables=tuple(str(v) for v in manifest.get("bien") or ()),
        manifest=manifest,
    )


def find_layout(name_or_path: str | Path, dirs: Sequence[Path] = ()) -> LayoutInfo:
    """The layout called ``name_or_path`` (or at that path), by the lookup order above."""
    candidate = Path(name_or_path)
    if candidate.suffix.lower() == ".docx" or candidate.is_dir() or os.sep in str(name_or_path):
        if candidate.is_dir() and (candidate / "layout.docx").is_file():
            return _info(candidate, "path")
        if candidate.is_file():
            folder = candidate.parent
            manifest = _read_manifest(folder) if candidate.name == "layout.docx" else {}
            return LayoutInfo(
                name=str(manifest.get("ten") or candidate.stem),
                docx=candidate,
                origin="path",
                description=str(manifest.get("mo_ta", "")),
                kinds=tuple(str(k) for k in manifest.get("loai") or ()),
                variables=tuple(str(v) for v in manifest.get("bien") or ()),
                manifest=manifest,
            )
        raise LayoutError.single(
            f"không tìm thấy mẫu trình bày tại '{name_or_path}'",
            f"no layout found at '{name_or_path}'",
        )
    name = str(name_or_path)
    for d in dirs:
        folder = d / "layouts" / name
        if (folder / "layout.docx").is_file():
            return _info(folder, "user", name)
    folder = _bundled_root() / name
    if (folder / "layout.docx").is_file():
        return _info(folder, "bundled", name)
    known = ", ".join(info.name for info in list_layouts(dirs)) or "(không có)"
    raise LayoutError.single(
        f"không có mẫu trình bày '{name}'; các mẫu hiện có: {known}",
        f"no layout named '{name}'; available: {known}",
    )


def list_layouts(dirs: Sequence[Path] = ()) -> list[LayoutInfo]:
    """Every layout reachable, user folders first, then bundled (a user layout with a
    bundled layout's name shadows it and is listed instead)."""
    seen: dict[str, LayoutInfo] = {}
    for d in dirs:
        root = d / "layouts"
        if root.is_dir():
            for folder in sorted(root.iterdir()):
                if (folder / "layout.docx").is_file() and folder.name not in seen:
                    seen[folder.name] = _info(folder, "user", folder.name)
    for folder in sorted(_bundled_root().iterdir()):
        if (folder / "layout.docx").is_file() and folder.name not in seen:
            seen[folder.name] = _info(folder, "bundled", folder.name)
    return list(seen.values())


def bundled_layout_bytes(name: str) -> bytes:
    """The .docx bytes of the bundled layout ``name`` (e.g. ``nd30``)."""
    folder = _bundled_root() / name
    if not (folder / "layout.docx").is_file():
        raise LayoutError.single(
            f"không có mẫu trình bày '{name}' đi kèm", f"no bundled layout named '{name}'"
        )
    return (folder / "layout.docx").read_bytes()


def bundled_layout_names() -> list[str]:
    """Names of the layouts shipped with chithi_gen."""
    return [info.name for info in list_layouts() if info.bundled]
