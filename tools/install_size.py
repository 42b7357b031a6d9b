"""Installed size of every distribution in a Python environment, largest first (docs/install.md).

Why not ``du`` alone: a site-packages folder mixes each package's code with its ``.dist-info``
and with other packages' top-level modules, and the install budget is decided package by
package. Each distribution's ``RECORD`` lists its files; their sizes are summed (a file two
records list is counted once).

Usage (a clean core install, then its sizes):

    python3 -m venv /tmp/coreenv && /tmp/coreenv/bin/pip install .
    /tmp/coreenv/bin/python tools/install_size.py /tmp/coreenv/lib/python3.11/site-packages
"""

from __future__ import annotations

import argparse
from importlib import metadata
from pathlib import Path


def sizes(site: Path) -> list[tuple[int, str, str]]:
    """(bytes, name, version) of every distribution installed in ``site``, largest first."""
    seen: set[Path] = set()
    rows = []
    for dist in metadata.distributions(path=[str(site)]):
        total = 0
        for entry in dist.files or ():
            path = (site / entry).resolve()
            if path not in seen and path.is_file():
                seen.add(path)
                total += path.stat().st_size
        rows.append((total, dist.metadata["Name"], dist.version))
    return sorted(rows, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site_packages", type=Path, help="the environment's site-packages folder")
    parser.add_argument("--min-mb", type=float, default=1.0, help="list packages of at least this size")
    args = parser.parse_args()
    rows = sizes(args.site_packages)
    for size, name, version in rows:
        if size >= args.min_mb * 1e6:
            print(f"{size / 1e6:8.1f}  {name} {version}")
    print(f"{sum(r[0] for r in rows) / 1e6:8.1f}  all {len(rows)} distributions (MB)")


if __name__ == "__main__":
    main()
