"""Reminder letters (công văn đôn đốc) to the agencies whose quarterly report is missing:
``letter.py`` holds the facts (pure), ``view.py`` their words, ``render.py`` the md, html and docx
files (``papi remind``)."""
