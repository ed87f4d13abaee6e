"""One module per command: ``run(paths, …) -> exit code``, testable without the CLI."""
