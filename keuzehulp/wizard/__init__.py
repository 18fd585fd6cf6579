"""The installer wizard: steps, forms, views, saved configurations."""
