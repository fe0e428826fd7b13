"""`prep-pack batch`: a pack for every profile in a folder, in parallel, resumable.

How a run goes (`run.run_batch`):
1. `plan` lists the profiles (every *.yaml/*.yml that is not a notes file), reads each one's
   slug cheaply and settles clashes before anything is rendered: the first valid profile (by
   name) keeps the slug, a later one with the same slug fails with a message saying which won.
2. With `--resume`, a job whose folder holds a complete pack made from the same profile, notes
   and options (`RunOptions.digest()`, in `<slug>/.prep-pack.json`) is skipped.
3. The rest go to an executor: local worker processes (`local.LocalPool`, the default) or a
   Dask cluster (`dask.DaskExecutor`). Either way a worker gets the input *bytes* (a `Task`) and
   returns the pack's file bytes (an `Outcome`) from `worker.make_pack`, so workers need no
   shared file system and a pack is the same wherever it was made.
4. This process writes each pack's files whole into a staging folder, then moves them into
   `<slug>/` with the manifest last (`publish`), and writes report.csv (`report`).

| module | job |
| --- | --- |
| `plan.py` | finding profiles, slugs, clashes, input digests |
| `worker.py` | `make_pack`: bytes in, bytes out |
| `publish.py` | staging, manifest, lock |
| `local.py` | `LocalPool`, the process executor |
| `dask.py` | `DaskExecutor` and its worker plugin |
| `watch.py` | keeping an eye on a Dask cluster: time limits, a lost scheduler, no workers |
| `report.py` | `ReportRow`, report.csv, `BatchResult` |
| `run.py` | `run_batch`: the executor choice and the run itself |
"""

from generator.batch.publish import MANIFEST
from generator.batch.report import BatchResult, ReportRow
from generator.batch.run import Executor, run_batch

__all__ = ["MANIFEST", "BatchResult", "Executor", "ReportRow", "run_batch"]
