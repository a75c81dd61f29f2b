"""Reference data for validation warnings: administrative units and replaced documents."""
