"""The one lookup order for layouts, kinds and clause snippets: the template set.

A *template folder* holds any of ``layouts/<name>/`` (``layout.docx`` and
``manifest.yaml``), ``kinds.yaml`` and ``snippets/<name>.j2``. chithi_gen's own defaults
are such a folder too (``templates/`` in the repository, ``chithi_gen/templates`` when
installed), read by the same code. Folders are searched in this order, the first that
has a layout or snippet of the wanted name winning, and later kinds never replacing
earlier ones of the same ``loai``:

1. the folders given explicitly (``--templates DIR``, ``Renderer(template_dirs=…)``);
2. the folders in the ``CHITHI_TEMPLATES`` environment variable (``os.pathsep``-separated),
   read once, when the :class:`TemplateSet` is made;
3. folders of installed packages (entry point group ``chithi_gen.templates``) and their
   kinds (group ``chithi_gen.kinds``);
4. the bundled folder.

A layout may also be named by a path (a ``.docx`` or a layout folder): only a name with
a path separator or a ``.docx`` suffix is a path, so a folder that happens to sit in the
working directory never replaces a bundled layout. A folder named explicitly or in the
environment that does not exist is an error. Templates that did not ship with
chithi_gen are rendered in Jinja's sandbox.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from importlib.metadata import entry_points
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

import jinja2

from chithi_gen.compose.snippets import FolderLoader, Snippets
from chithi_gen.errors import LayoutError
from chithi_gen.kinds import Registry
from chithi_gen.kinds.file import entry_point_kinds, parse_kinds
from chithi_gen.render.contract import Manifest, check_package, parse_manifest
from chithi_gen.source import read_bytes
from chithi_gen.source.files import is_dir, is_file

#: Environment variable naming user template folders.
ENV_VAR = "CHITHI_TEMPLATES"
#: Entry point group of installed packages that bring a template folder.
ENTRY_POINT_GROUP = "chithi_gen.templates"
#: The package holding the bundled template folder.
BUNDLED_PACKAGE = "chithi_gen.templates"
#: Largest layout .docx read (bytes).
MAX_LAYOUT_BYTES = 50_000_000
#: Largest manifest.yaml / kinds.yaml / snippet read (bytes).
MAX_CONFIG_BYTES = 1_000_000

Origin = Literal["path", "user", "env", "entry_point", "bundled"]

#: How an origin is shown to users.
ORIGIN_LABELS: dict[str, str] = {
    "path": "đường dẫn / path",
    "user": "thư mục người dùng / user folder",
    "env": f"biến môi trường / {ENV_VAR}",
    "entry_point": "gói đã cài / installed package",
    "bundled": "đi kèm / bundled",
}


@dataclass(frozen=True)
class Folder:
    """One template folder of the lookup order."""

    root: Traversable
    origin: Origin
    label: str


@dataclass(frozen=True)
class LayoutInfo:
    """Where a layout is and what its manifest says."""

    name: str
    docx: Traversable
    origin: Origin
    manifest: Manifest

    @property
    def bundled(self) -> bool:
        """Whether the layout ships with chithi_gen (rendered outside the sandbox)."""
        return self.origin == "bundled"

    @property
    def where(self) -> str:
        """The layout file, as shown to users."""
        return str(self.docx)

    @property
    def description(self) -> str:
        """The manifest's ``mo_ta``."""
        return self.manifest.mo_ta

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds the manifest says the layout serves."""
        return tuple(self.manifest.loai)

    def read_bytes(self) -> bytes:
        """The layout's .docx bytes (a regular file, at most :data:`MAX_LAYOUT_BYTES`, a
        zip of bounded unpacked size)."""
        data = _read(self.docx, MAX_LAYOUT_BYTES)
        try:
            check_package(data, self.name)
        except LayoutError as exc:
            raise LayoutError(exc.problems, self.where) from None
        return data


def _read(item: Traversable, limit: int) -> bytes:
    if isinstance(item, Path):
        return read_bytes(item, str(item), limit, LayoutError)
    try:
        data = item.read_bytes()
    except OSError as exc:
        raise LayoutError.single(
            f"không đọc được {item}: {exc}", f"cannot read {item}: {exc}", code="layout-unreadable"
        ) from None
    if len(data) > limit:
        raise LayoutError.single(
            f"{item}: tệp quá lớn", f"{item}: file too large", code="layout-unreadable"
        )
    return data


def _text(item: Traversable) -> str:
    raw = _read(item, MAX_CONFIG_BYTES)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LayoutError.single(
            f"tệp không phải mã UTF-8 (byte lỗi ở vị trí {exc.start}); hãy lưu lại với mã UTF-8",
            f"the file is not UTF-8 (bad byte at offset {exc.start}); save it as UTF-8",
            str(item),
            code="config-encoding",
        ) from None


def _layout_at(folder: Traversable, origin: Origin, name: str | None = None) -> LayoutInfo:
    manifest_file = folder.joinpath("manifest.yaml")
    manifest = (
        parse_manifest(_text(manifest_file), str(manifest_file))
        if is_file(manifest_file)
        else Manifest()
    )
    return LayoutInfo(
        name=manifest.ten or name or folder.name,
        docx=folder.joinpath("layout.docx"),
        origin=origin,
        manifest=manifest,
    )


def is_path(name_or_path: str | Path) -> bool:
    """Whether a layout is named by a path rather than by name."""
    text = str(name_or_path)
    return (
        isinstance(name_or_path, Path)
        or "/" in text
        or os.sep in text
        or (os.altsep is not None and os.altsep in text)
        or text.lower().endswith(".docx")
    )


def _bundled_root() -> Traversable:
    return files(BUNDLED_PACKAGE)


def _entry_point_folders() -> list[Folder]:
    found: list[Folder] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
            if callable(obj):
                obj = obj()
            root: Traversable = Path(obj) if isinstance(obj, str | os.PathLike) else obj
        except Exception as exc:  # a broken third-party package must not crash chithi
            raise LayoutError.single(
                f"không nạp được thư mục mẫu từ gói đã cài ({ep.name} = {ep.value}):"
                f" {type(exc).__name__}: {exc}",
                f"cannot load the template folder of an installed package ({ep.name} ="
                f" {ep.value}): {type(exc).__name__}: {exc}",
                code="entry-point-broken",
            ) from None
        found.append(Folder(root, "entry_point", f"{ep.name} ({root})"))
    return found


class TemplateSet:
    """The template folders in lookup order, and what they hold.

    ``dirs`` are folders given explicitly; ``environ`` is where ``CHITHI_TEMPLATES`` is
    read (default: ``os.environ``, read now and never later); ``entry_points`` says
    whether installed packages' folders and kinds take part. Everything is read lazily
    and kept; the object is safe to share between threads.
    """

    def __init__(
        self,
        dirs: Iterable[str | Path] = (),
        *,
        environ: Mapping[str, str] | None = None,
        entry_points: bool = True,
    ) -> None:
        env = os.environ if environ is None else environ
        explicit = [Path(d) for d in dirs]
        from_env = [Path(d) for d in env.get(ENV_VAR, "").split(os.pathsep) if d.strip()]
        for origin, group in (("user", explicit), ("env", from_env)):
            for d in group:
                if not is_dir(d):
                    where = "" if origin == "user" else f" ({ENV_VAR})"
                    raise LayoutError.single(
                        f"thư mục mẫu '{d}'{where} không có hoặc không phải thư mục",
                        f"template folder '{d}'{where} does not exist or is not a folder",
                        code="templates-missing" if origin == "user" else "templates-env-missing",
                    )
        #: The user folders (explicit, then from the environment), as given.
        self.user_dirs: tuple[Path, ...] = (*explicit, *from_env)
        self._entry_points = entry_points
        self._found: dict[tuple[bool, str], LayoutInfo] = {}
        self._user_folders = [Folder(d, "user", str(d)) for d in explicit] + [
            Folder(d, "env", str(d)) for d in from_env
        ]

    @cached_property
    def folders(self) -> tuple[Folder, ...]:
        """Every folder in lookup order, the bundled one last."""
        extra = _entry_point_folders() if self._entry_points else []
        bundled = Folder(_bundled_root(), "bundled", "chithi_gen/templates")
        return (*self._user_folders, *extra, bundled)

    def find_layout(self, name_or_path: str | Path) -> LayoutInfo:
        """The layout called ``name_or_path``, or at that path, by the lookup order
        (found once: the answer, manifest read, is kept)."""
        key = (is_path(name_or_path), str(name_or_path))
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._find_layout(name_or_path)
        return found

    def _find_layout(self, name_or_path: str | Path) -> LayoutInfo:
        if is_path(name_or_path):
            return self._layout_at_path(Path(name_or_path))
        name = str(name_or_path)
        for folder in self.folders:
            candidate = folder.root.joinpath("layouts").joinpath(name)
            if is_file(candidate.joinpath("layout.docx")):
                return _layout_at(candidate, folder.origin, name)
        known = ", ".join(info.name for info in self.layouts()) or "(không có)"
        raise LayoutError.single(
            f"không có mẫu trình bày '{name}'; các mẫu hiện có: {known}",
            f"no layout named '{name}'; available: {known}",
            code="unknown-layout",
        )

    def _layout_at_path(self, path: Path) -> LayoutInfo:
        if is_dir(path) and is_file(path / "layout.docx"):
            return _layout_at(path, "path")
        if is_file(path):
            manifest_file = path.parent / "manifest.yaml"
            manifest = (
                parse_manifest(_text(manifest_file), str(manifest_file))
                if path.name == "layout.docx" and is_file(manifest_file)
                else Manifest()
            )
            return LayoutInfo(manifest.ten or path.stem, path, "path", manifest)
        raise LayoutError.single(
            f"không tìm thấy mẫu trình bày tại '{path}'",
            f"no layout found at '{path}'",
            code="unknown-layout",
        )

    def layouts(self) -> list[LayoutInfo]:
        """Every layout reachable; a layout shadowed by an earlier folder is not listed."""
        seen: dict[str, LayoutInfo] = {}
        for folder in self.folders:
            root = folder.root.joinpath("layouts")
            if not is_dir(root):
                continue
            for sub in sorted(root.iterdir(), key=lambda t: t.name):
                if sub.name not in seen and is_file(sub.joinpath("layout.docx")):
                    seen[sub.name] = _layout_at(sub, folder.origin, sub.name)
        return list(seen.values())

    @cached_property
    def registry(self) -> Registry:
        """The kinds: bundled, then installed packages', then each folder's (the first
        folder's kinds winning over later ones of the same ``loai``)."""
        kinds = []
        for folder in reversed(self.folders):
            path = folder.root.joinpath("kinds.yaml")
            if is_file(path):
                kinds += parse_kinds(_text(path), str(path))
            if folder.origin == "bundled" and self._entry_points:
                kinds += entry_point_kinds()
        return Registry(kinds)

    @cached_property
    def snippets(self) -> Snippets:
        """The clause-snippet library, through Jinja loaders in lookup order."""
        loaders: list[jinja2.BaseLoader] = []
        for folder in self.folders:
            if folder.origin == "bundled":
                loaders.append(jinja2.PackageLoader(BUNDLED_PACKAGE, "snippets"))
            elif isinstance(folder.root, Path) and is_dir(folder.root / "snippets"):
                loaders.append(FolderLoader(folder.root / "snippets", MAX_CONFIG_BYTES))
        return Snippets(jinja2.ChoiceLoader(loaders))
