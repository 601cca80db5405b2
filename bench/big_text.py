"""Peak memory and time of `python -m pipeline build` with a very large source text.

Usage (from the repository root)::

    .venv/bin/python bench/big_text.py [--mb 50] [--under-mb 19.5]

Builds three temporary projects, each a copy of raw/ and its release, and runs the command line
on each, as a maintainer would:

- seed:  raw/ as committed (the reference);
- big:   the seed article replaced by a --mb MB text (checksum recorded): refused up front,
         the message naming MAX_TEXT_BYTES;
- under: the seed article repeated up to just under the limit, so that every stage (checksum,
         decoding, the extractor over the whole text) runs on the largest text accepted.

Prints, for each: exit code, wall time, peak RSS of the build process, and whether warehouse/
is byte-identical afterwards when the build was refused.
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.load.sources import MAX_TEXT_BYTES  # noqa: E402

SEED = "petites_entreprises_part_ia"


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def set_text(raw: Path, data: bytes) -> None:
    source = raw / "sources" / SEED
    (source / "article.txt").write_bytes(data)
    meta = source / "source.yml"
    digest = hashlib.sha256(data).hexdigest()
    text = re.sub(r"^text_sha256: .*$", f"text_sha256: {digest}", meta.read_text(), flags=re.M)
    meta.write_text(text, encoding="utf-8")


def run_build(root: Path) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak RSS in MB and the last line of stdout of one build."""
    env = {
        **os.environ,
        "SURVEY_FIGURES_RAW_DIR": str(root / "raw"),
        "SURVEY_FIGURES_WAREHOUSE_DIR": str(root / "warehouse"),
        "DAGSTER_HOME": str(root / "dagster_home"),
    }
    start = time.perf_counter()
    with open(root / "stdout.txt", "wb") as out, open(root / "stderr.txt", "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build"], cwd=ROOT, env=env, stdout=out, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    lines = (root / "stdout.txt").read_text(encoding="utf-8").splitlines()
    failed = [line.strip() for line in lines if "failed:" in line or "above the limit" in line]
    summary = failed[0] if failed else (lines[0] if lines else "")
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, summary


def project(base: Path, name: str, release: Path | None) -> Path:
    root = base / name
    shutil.copytree(ROOT / "raw", root / "raw")
    if release is not None:
        shutil.copytree(release, root / "warehouse")
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the refused text, MB")
    parser.add_argument(
        "--under-mb",
        type=float,
        default=MAX_TEXT_BYTES / 1e6 - 0.5,
        help="size of the accepted text, MB (default: just under the limit)",
    )
    args = parser.parse_args()
    article = (ROOT / "raw" / "sources" / SEED / "article.txt").read_bytes()
    print(f"MAX_TEXT_BYTES = {MAX_TEXT_BYTES} ({MAX_TEXT_BYTES / 1e6:g} MB)")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        seed = project(base, "seed", None)
        code, seconds, rss, _ = run_build(seed)
        print(f"seed:  exit {code}, {seconds:.1f} s, peak RSS {rss:.0f} MB")
        if code != 0:
            return 1

        big = project(base, "big", seed / "warehouse")
        before = tree_digest(big / "warehouse")
        line = "53% des dirigeants interrogés utilisent l’IA, 11% envisagent de le faire.\n"
        data = line.encode("utf-8") * int(args.mb * 1e6 / len(line.encode("utf-8")) + 1)
        set_text(big / "raw", data)
        code, seconds, rss, summary = run_build(big)
        kept = tree_digest(big / "warehouse") == before
        print(
            f"big:   {len(data) / 1e6:.1f} MB text: exit {code}, {seconds:.1f} s, "
            f"peak RSS {rss:.0f} MB, warehouse unchanged: {kept}\n       {summary}"
        )

        under = project(base, "under", seed / "warehouse")
        before = tree_digest(under / "warehouse")
        copies = int(args.under_mb * 1e6 // (len(article) + 2))
        data = (article + b"\n\n") * copies  # the seed's offsets still hold in the first copy
        set_text(under / "raw", data)
        code, seconds, rss, summary = run_build(under)
        kept = tree_digest(under / "warehouse") == before
        print(
            f"under: {len(data) / 1e6:.1f} MB text ({copies} copies of the seed article): "
            f"exit {code}, {seconds:.1f} s, peak RSS {rss:.0f} MB, warehouse unchanged: {kept}"
            f"\n       {summary[:300]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
