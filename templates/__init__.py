"""The bundled template set, shaped exactly like a user's template folder.

``layouts/<name>/`` (layout.docx, manifest.yaml and the script that builds the layout),
``kinds.yaml`` and ``snippets/*.j2``. This file only makes the folder a package, so that
:mod:`importlib.resources` finds it inside an installed (even zipped) chithi_gen; the
lookup (:mod:`chithi_gen.lookup`) ignores it.
"""
