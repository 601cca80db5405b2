"""The error raised for bad input: it names the file, the entry and the fix."""

from pathlib import Path


class InputError(Exception):
    """A problem in an input file that a person must fix before the pipeline can run.

    `also` holds the other problems found in the same file, each a line of the same form
    ("file: entry: problem. Fix: fix"), so that one run names every problem to fix."""

    def __init__(
        self,
        path: Path | str,
        entry: str | None,
        problem: str,
        fix: str,
        also: tuple[str, ...] = (),
    ):
        self.path = str(path)
        self.entry = entry
        self.problem = problem
        self.fix = fix
        self.also = tuple(also)
        super().__init__("\n".join([line(self.path, entry, problem, fix), *self.also]))

    def __reduce__(self):  # raised in a worker process, re-raised whole in the parent
        return (type(self), (self.path, self.entry, self.problem, self.fix, self.also))


def line(path: Path | str, entry: str | None, problem: str, fix: str) -> str:
    """One problem as the report writes it: "file: entry: problem. Fix: fix"."""
    where = f"{path}: {entry}" if entry else str(path)
    return f"{where}: {problem}. Fix: {fix}"
