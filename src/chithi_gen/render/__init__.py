"""Renderers: one per output format (.docx, plain text; PDF through LibreOffice)."""
