"""One module per command; each exposes `register(subparsers)` setting `run(args) -> int`."""

COMMANDS = ["build", "dev", "extract", "add_source", "verify"]
