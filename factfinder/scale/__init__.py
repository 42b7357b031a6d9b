"""Scale-out: the pipeline over a whole corpus, in one machine's processes or on Ray Data.

    run_batch(inputs, out=Path("out"), engine="ray", workers=2)

The same per-document work (capture -> text -> extract -> dates + geo, the
functions `factfinder extract` runs) is mapped over the corpus by an engine:
``local`` (a process pool) or ``ray`` (Ray Data ``map_batches`` with an actor
pool, each actor holding one Pipeline). Results land as Parquet datasets, the
output contract flattened (docs/scale.md), committed chunk by chunk and keyed
by each document's SHA-256, so a run killed at any moment and started again
ends with every document's records exactly once.
"""

from factfinder.scale.run import BatchSummary, run_batch

__all__ = ["BatchSummary", "run_batch"]
