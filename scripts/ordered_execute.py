"""nbconvert preprocessor that keeps every output of a cell with its cell on Deno's kernel.

Used by scripts/run-notebooks.mjs for notebooks whose kernel is `deno`, in place of
`jupyter nbconvert --execute`:

    PYTHONPATH=scripts python3 -m nbconvert --to notebook \
      --NotebookExporter.preprocessors=ordered_execute.OrderedExecutePreprocessor \
      --OrderedExecutePreprocessor.enabled=True --ExecutePreprocessor.kernel_name=deno ...

Why: Deno's kernel (2.9) runs cells on a REPL thread that queues every output (console
output, `Deno.jupyter.display`, the cell's `execute_result`) on a channel, and a separate
loop publishes that channel on IOPub. The kernel reports the cell `idle` as soon as the
evaluation returns, without waiting for that loop, so the last outputs of a cell can reach
the client after `idle`. nbclient stops listening to a cell at `idle` and drops them (or, if
the next request has started meanwhile, the kernel stamps them with the next cell's id).

The fix is an ordering barrier, not a wait or a retry: after each code cell, a silent
request runs code on the same REPL thread that puts a marker on the same channel. The
channel is first in, first out, so when the marker arrives every output the cell queued
has arrived before it. Those late outputs are added to the cell, in order.
"""

from __future__ import annotations

import asyncio
import uuid
from queue import Empty
from typing import Any, Optional

from jupyter_core.utils import ensure_async, run_sync
from nbclient.exceptions import CellExecutionError
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Float

BARRIER_MIME = "application/x-heapgraph-barrier"

# Runs on Deno's REPL thread; `broadcast` queues the marker behind everything the cell queued.
BARRIER_CODE = (
    'Deno.jupyter.broadcast("display_data", '
    '{ data: { "%s": "%%s" }, metadata: {}, transient: {} });' % BARRIER_MIME
)

# Messages that carry a cell's output (what nbclient's process_message turns into outputs).
OUTPUT_TYPES = {"stream", "display_data", "execute_result", "error", "update_display_data", "clear_output"}


class OrderedExecutePreprocessor(ExecutePreprocessor):
    """ExecutePreprocessor that collects, after each code cell, the outputs Deno's kernel publishes after `idle`."""

    barrier_timeout = Float(
        60.0,
        help="Seconds to wait for the barrier marker after a cell; past it the run fails (the kernel is stuck).",
    ).tag(config=True)

    async def async_execute_cell(
        self,
        cell: Any,
        cell_index: int,
        execution_count: Optional[int] = None,
        store_history: bool = True,
    ) -> Any:
        executes = cell.cell_type == "code" and bool(cell.source.strip())
        try:
            result = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        except CellExecutionError:
            # The cell failed: what it printed before failing belongs to it, for the report.
            if executes:
                await self._collect_late_outputs(cell, cell_index)
            raise
        if executes:
            await self._collect_late_outputs(cell, cell_index)
        return result

    # nbclient binds its synchronous `execute_cell` (what nbconvert calls) to its own coroutine.
    execute_cell = run_sync(async_execute_cell)

    async def _collect_late_outputs(self, cell: Any, cell_index: int) -> None:
        assert self.kc is not None
        token = uuid.uuid4().hex
        barrier_id = await ensure_async(
            self.kc.execute(BARRIER_CODE % token, silent=True, store_history=False, allow_stdin=False, stop_on_error=False)
        )
        loop = asyncio.get_event_loop()
        deadline = loop.time() + self.barrier_timeout
        marker_seen = False
        barrier_idle = False
        while not (marker_seen and barrier_idle):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise RuntimeError(
                    f"ordered_execute: Deno's kernel did not publish the output barrier of cell {cell_index + 1} "
                    f"within {self.barrier_timeout:.0f} s"
                )
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=remaining))
            except Empty:
                continue  # to the deadline check
            msg_type = msg["msg_type"]
            content = msg.get("content", {})
            parent = msg.get("parent_header", {}).get("msg_id")
            if msg_type == "display_data" and content.get("data", {}).get(BARRIER_MIME) == token:
                marker_seen = True
            elif msg_type == "status":
                if parent == barrier_id and content.get("execution_state") == "idle":
                    barrier_idle = True
            elif msg_type in OUTPUT_TYPES and not marker_seen:
                # Published late: stamped with the cell's id or, if the barrier had started, the barrier's.
                self.process_message(msg, cell, cell_index)
        # The barrier's execute_reply is left on the shell channel; nbclient skips replies to other requests.
