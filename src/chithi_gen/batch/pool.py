"""The worker processes of a batch: items out in chunks, results back one by one, and a
dead worker's items known exactly.

:class:`concurrent.futures.ProcessPoolExecutor` fails every pending future when one
worker dies ("BrokenProcessPool"), and its futures hold each result until collected.
Here each worker is a process with a pipe of its own: it sends a result as soon as an
item is done, then the next, so the parent knows which item a worker was on when it
died. That item — the only one lost — is tried once more, alone, on a fresh worker and
reported if it fails again; the worker's unstarted items go back to the queue; the
other workers go on. Items are drawn from an iterator as workers become free, so
memory does not grow with the number of items. Workers ignore Ctrl-C; the parent stops
them at once (:meth:`Pool.close`) when it is interrupted.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection, wait
from typing import Any

#: A worker that dies before it is ready, this many times in a row, means workers cannot
#: start at all (a broken installation): the remaining items are reported lost.
MAX_START_FAILURES = 3

#: Seconds a stopped worker has to end before it is killed.
GRACE = 2.0
#: Items a worker may have computed and not yet seen through ``after`` (written).
DEPTH = 4
#: Threads of a worker running ``after`` (writing and fsyncing files while the next item
#: is computed: a file system's fsync often takes longer than rendering a document).
WRITERS = 2

#: The exit code of a worker whose ``after`` step raised.
EXIT_AFTER_FAILED = 70

_READY = "ready"
_DONE = "done"


def _stop(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _serve(
    conn: Connection,
    fn: Callable[[Any, Any], Any],
    init: Any,
    after: Callable[[Any, Any, Any], Any] | None = None,
) -> None:
    """A worker's loop: ``fn(init, item)`` for every item of every task, one message
    each. With ``after``, the message is ``after(init, item, fn(init, item))``, run on
    :data:`WRITERS` threads (writing files while the next item is computed) and sent in
    the items' order."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, _stop)  # stop at once, removing a half-written file
    conn.send(_READY)
    if after is None:
        while True:
            task = conn.recv()
            if task is None:
                return
            for item in task:
                conn.send(fn(init, item))
            conn.send(_DONE)
    stop = threading.Event()
    slots = threading.Semaphore(DEPTH)
    pending: queue.Queue[Any] = queue.Queue()  # futures of ``after``, in order, and _DONE
    writers = ThreadPoolExecutor(WRITERS, thread_name_prefix="chithi-writer")

    def send_in_order() -> None:
        try:
            while not stop.is_set():
                try:
                    job = pending.get(timeout=0.05)
                except queue.Empty:
                    continue
                if job is None:
                    return
                if job is _DONE:
                    conn.send(_DONE)
                    continue
                result = job.result()
                slots.release()
                conn.send(result)
        except (CancelledError, OSError, EOFError):
            # stopped: the writes not started were cancelled, or the parent (Ctrl-C) no
            # longer listens; the worker is ending, and has nothing more to say
            return
        except BaseException:
            # ``after`` failed in a way it should have reported: end the worker, so the
            # parent sees it die and retries or reports its item, rather than wait for a
            # message that will never come
            os._exit(EXIT_AFTER_FAILED)

    sender = threading.Thread(target=send_in_order, name="chithi-sender", daemon=True)
    sender.start()
    try:
        while True:
            task = conn.recv()
            if task is None:
                pending.put(None)
                sender.join()
                return
            for item in task:
                value = fn(init, item)
                slots.acquire()
                pending.put(writers.submit(after, init, item, value))
            pending.put(_DONE)
    finally:
        # stopped (SIGTERM): the writes under way end (a file is whole or removed), no more
        stop.set()
        writers.shutdown(wait=True, cancel_futures=True)
        sender.join(GRACE)


@dataclass
class _Task:
    items: tuple[Any, ...]
    retry: bool = False
    done: int = 0  # results received so far


@dataclass(eq=False)
class _Worker:
    proc: Any
    conn: Connection
    ready: bool = False
    task: _Task | None = None
    stopping: bool = False


@dataclass(frozen=True)
class Lost:
    """Why an item was lost: its worker ended (``exitcode``: negative for a signal) while
    working on it, twice; or workers could not be started at all."""

    exitcode: int | None
    retried: bool
    reason: str = ""


class Pool:
    """``workers`` processes running ``fn(init, item)``.

    :meth:`run` feeds them ``items`` in chunks of ``chunk`` and calls ``on_result(item,
    result)`` for every result and ``on_lost(item, Lost)`` for an item lost twice. With
    ``after``, a worker's result is ``after(init, item, fn(init, item))``, the second step
    on threads of its own, overlapping the next items' ``fn`` (at most :data:`DEPTH`
    items between the two), results still sent in order. ``fn``, ``after`` and ``init``
    must be picklable where processes are spawned (``context``: a :mod:`multiprocessing`
    context, default the platform's).
    """

    def __init__(
        self,
        fn: Callable[[Any, Any], Any],
        init: Any,
        workers: int,
        chunk: int = 8,
        context: Any = None,
        after: Callable[[Any, Any, Any], Any] | None = None,
    ) -> None:
        self.fn, self.init, self.workers, self.chunk = fn, init, max(1, workers), max(1, chunk)
        self.after = after
        self.context = context or mp.get_context()
        self._live: list[_Worker] = []
        self._start_failures = 0
        #: Workers started in all (tests and benchmarks read it).
        self.started = 0

    def _start(self) -> None:
        parent, child = self.context.Pipe()
        proc = self.context.Process(
            target=_serve, args=(child, self.fn, self.init, self.after), daemon=True
        )
        proc.start()
        child.close()
        self._live.append(_Worker(proc, parent))
        self.started += 1

    def run(
        self,
        items: Iterable[Any],
        on_result: Callable[[Any, Any], None],
        on_lost: Callable[[Any, Lost], None],
    ) -> None:
        """Run every item; returns when each has a result or is reported lost. On any
        exception (Ctrl-C included) the workers are killed at once."""
        source: Iterator[Any] = iter(items)
        again: deque[_Task] = deque()  # unstarted items of dead workers, retries
        exhausted = False

        def next_task() -> _Task | None:
            nonlocal exhausted
            if again:
                return again.popleft()
            if exhausted:
                return None
            chunk = tuple(islice(source, self.chunk))
            if not chunk:
                exhausted = True
                return None
            return _Task(chunk)

        try:
            for _ in range(self.workers):
                self._start()
            while self._live:
                for w in self._live:
                    if w.ready and w.task is None and not w.stopping:
                        task = next_task()
                        if task is None:
                            w.stopping = True
                            w.conn.send(None)
                        else:
                            w.task = task
                            w.conn.send(task.items)
                if all(w.stopping and w.task is None for w in self._live):
                    break
                handles: dict[Any, _Worker] = {}
                for w in self._live:
                    handles[w.conn] = w
                    handles[w.proc.sentinel] = w
                for ready in wait(list(handles)):
                    w = handles[ready]
                    if w not in self._live:
                        continue
                    if ready is w.conn and self._drain(w, on_result):
                        continue
                    self._buried(w, again, on_result, on_lost)
                    if exhausted and not again:
                        continue
                    if self._start_failures >= MAX_START_FAILURES:
                        self._give_up(again, source, on_lost)
                        exhausted = True
                    else:
                        self._start()
        except BaseException:
            self.close(kill=True)
            raise
        self.close()

    def _drain(self, w: _Worker, on_result: Callable[[Any, Any], None]) -> bool:
        """Read every message ``w`` has sent; false when its pipe is closed (it died)."""
        try:
            while True:
                msg = w.conn.recv()
                if msg == _READY:
                    w.ready = True
                    self._start_failures = 0
                elif msg == _DONE:
                    w.task = None
                else:
                    task = w.task
                    assert task is not None
                    item = task.items[task.done]
                    task.done += 1
                    on_result(item, msg)
                if not w.conn.poll():
                    return True
        except (EOFError, OSError):
            return False

    def _buried(
        self,
        w: _Worker,
        again: deque[_Task],
        on_result: Callable[[Any, Any], None],
        on_lost: Callable[[Any, Lost], None],
    ) -> None:
        """``w`` ended: take what it sent before, then requeue or report its items."""
        try:
            if w.conn.poll():
                self._drain(w, on_result)
        except (EOFError, OSError):
            pass
        w.proc.join(5)
        self._live.remove(w)
        w.conn.close()
        if not w.ready:
            self._start_failures += 1
        task = w.task
        if w.stopping and task is None:
            return
        if task is None or task.done >= len(task.items):
            return
        current, *unstarted = task.items[task.done :]
        if unstarted:
            again.appendleft(_Task(tuple(unstarted)))
        if task.retry:
            on_lost(current, Lost(w.proc.exitcode, retried=True))
        else:
            again.append(_Task((current,), retry=True))

    def _give_up(
        self, again: deque[_Task], source: Iterator[Any], on_lost: Callable[[Any, Lost], None]
    ) -> None:
        reason = "workers could not be started"
        for task in again:
            for item in task.items[task.done :]:
                on_lost(item, Lost(None, retried=False, reason=reason))
        again.clear()
        for item in source:
            on_lost(item, Lost(None, retried=False, reason=reason))

    def close(self, kill: bool = False) -> None:
        """End every worker: wait for those told to stop, or stop them at once (SIGTERM:
        a worker removes the file it was writing; SIGKILL after :data:`GRACE` seconds)."""
        for w in self._live:
            if (kill or not w.stopping) and w.proc.is_alive():
                w.proc.terminate()
        deadline = time.monotonic() + GRACE
        for w in self._live:
            w.proc.join(max(0.0, deadline - time.monotonic()))
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(5)
            w.conn.close()
        self._live.clear()
