"""The error raised for bad input: it names the file, the entry and the fix."""

from pathlib import Path


class InputError(Exception):
    """A problem in an input file that a person must fix before the pipeline can run."""

    def __init__(self, path: Path | str, entry: str | None, problem: str, fix: str):
        self.path = str(path)
        self.entry = entry
        self.problem = problem
        self.fix = fix
        where = f"{self.path}: {entry}" if entry else self.path
        super().__init__(f"{where}: {problem}. Fix: {fix}")

    def __reduce__(self):  # raised in a worker process, re-raised whole in the parent
        return (type(self), (self.path, self.entry, self.problem, self.fix))
