"""Do two revisions give the same command-line output? (prints a table; exit 1 when any differs)

A refactor must not change a figure. This runs the JSON commands of the CLI in the working tree and in
a clean checkout of ``--base`` (a git revision), each on its own fresh SQLite store, on the sample
workbooks and on the national-scale benchmark inputs of ``bench_ingest.py``, and compares the bytes:

- ``metrics --json`` (national, and one province at a past date), ``agencies --json``;
- ``ingest FILE --dry-run --json`` for the sample workbooks, the 2,000-mall workbook and the
  100,000-row participation CSV.

    python benchmarks/check_outputs_unchanged.py [--base 2f34b69]

The default base is main as it stood before the core was laid out in sub-packages (issue #10).
Changes that mean to alter an output (a new field, a fixed figure) compare against their own base.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

DEFAULT_BASE = "2f34b69"  # main before the sub-package layout


def commands(inputs: Path) -> dict[str, list[str]]:
    samples = sorted(str(p) for p in (ROOT / "sample_data").glob("*.xlsx"))
    return {
        "metrics": ["metrics", "--json"],
        "metrics, province 61 at 2023-01-01": ["metrics", "--json", "--as-of", "2023-01-01", "--province", "61"],
        "agencies": ["agencies", "--json"],
        "ingest sample workbooks": ["ingest", *samples, "--dry-run", "--json"],
        "ingest national workbook": ["ingest", str(inputs / "national.xlsx"), "--dry-run", "--json"],
        "ingest 100,000-row CSV": ["ingest", str(inputs / "participation_long.csv"), "--dry-run", "--json"],
    }


def run(tree: Path, args: list[str], database: Path) -> tuple[int, bytes]:
    env = {"PATH": "/usr/bin:/bin", "MPP_DATABASE_URL": f"sqlite:///{database}", "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, "-m", "mpp_data", *args], cwd=tree, env=env, capture_output=True)
    return done.returncode, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=DEFAULT_BASE, help="git revision to compare with (default: %(default)s)")
    args = parser.parse_args()
    import bench_ingest

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base_tree = folder / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base_tree), args.base], cwd=ROOT, check=True)
        try:
            inputs = folder / "inputs"
            inputs.mkdir()
            bench_ingest.build_inputs(inputs)
            print(f"{'output':38s} {'base':>22s} {'working tree':>22s}  same")
            different = 0
            for n, (label, argv) in enumerate(commands(inputs).items()):
                base = run(base_tree, argv, folder / f"base_{n}.sqlite")
                head = run(ROOT, argv, folder / f"head_{n}.sqlite")
                same = base == head
                different += not same
                print(f"{label:38s} {_digest(base):>22s} {_digest(head):>22s}  {'yes' if same else 'NO'}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, check=True)
    print("identical" if not different else f"{different} output(s) differ")
    return 1 if different else 0


def _digest(result: tuple[int, bytes]) -> str:
    code, out = result
    return f"exit {code} {len(out) / 1e6:6.2f} MB {hashlib.sha256(out).hexdigest()[:8]}"


if __name__ == "__main__":
    raise SystemExit(main())
