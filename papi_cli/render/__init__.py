"""Presentation: terminal (rich), Markdown/HTML (jinja2), JSON. Nothing here computes results."""
