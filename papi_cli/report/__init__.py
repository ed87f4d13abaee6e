"""``papi report``: the report of a period as a view model (``view.py``, pure), then Markdown or
HTML through Jinja2 templates the province may edit (``templates.py``), or the view as JSON."""
