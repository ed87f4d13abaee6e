"""Excel forms for clerks (docs/forms.md): a workbook made from the plan, filled in a spreadsheet,
and turned back into the submission file papi writes.

* ``layout``: what a form holds, decided once from the plan, an agency and a quarter (pure);
* ``writer``: the workbook itself, as bytes (openpyxl, imported only there);
* ``archive``: the checks of an ``.xlsx`` as a zip before anything parses it (sizes, ratios,
  external links, macros, DTDs), with a bounded reader;
* ``cells``: a cell's value as the YAML value it stands for (text numbers, whole floats,
  percent formats, dates as serials or text, marks);
* ``reader``: a workbook's cells to a ``Draft`` and the map of where each value came from;
* ``located``: problems at a cell (``CellProblem``), and the YAML checks' problems moved back to
  the cells their values came from (rendered by ``render/cell_problems.py``).

The commands are ``commands/new.py`` (``--format xlsx``), ``commands/import_form.py`` and
``commands/export.py``; ``commands/form_files.py`` writes a form where it belongs.

Nothing in a workbook is ever executed: formulas are read as the values the spreadsheet
program last computed, macros and links to other files are refused.
"""
