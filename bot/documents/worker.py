"""Reading a document in a worker process with a memory and a time limit, so that no document can take the bot down.

The limits in the readers (:mod:`bot.documents.limits`) refuse what can be seen
coming; this is the backstop for what cannot: PDFium or lxml running out of
memory on a file nobody foresaw, or looping. The worker sets RLIMIT_AS on
itself before it reads, so an allocation past the limit fails there (Python's
MemoryError, or PDFium stopping the process) instead of the kernel's OOM
killer choosing the bot; the parent waits with a deadline and kills a worker
that passes it. Either way the caller gets one sentence (DocumentError), and
the bot goes on.

Workers come from a fork server that has imported the readers once, so a
document costs a fork rather than a fresh interpreter; the bot's own process
is never forked (its threads may hold locks a copy would inherit). At most
``MAX_WORKERS`` documents are read at a time: each may take ``Limits.memory``.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bot.documents.limits import DEFAULT_LIMITS, Limits
from bot.documents.model import MAX_BYTES, Document, DocumentError, ProgressFn
from bot.documents.read import read_document, too_large

log = logging.getLogger(__name__)

MAX_WORKERS = 2
"""Documents read at the same time; more wait their turn (each worker may take Limits.memory)."""

_SLOTS = threading.BoundedSemaphore(MAX_WORKERS)


class WorkerFailed(RuntimeError):
    """The worker met an error that is no refusal (a bug): the caller logs it as it would any other."""


def read_in_worker(
    data: bytes,
    filename: str | None = None,
    *,
    progress: ProgressFn | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """:func:`~bot.documents.read.read_document` in a worker process bounded by ``limits.memory`` and
    ``limits.seconds``; progress is reported here, in the caller's thread, as the worker reads."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data))  # no worker for what is refused from its size
    with _SLOTS:
        return _read(data, filename, progress, limits)


def read_path_in_worker(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """:func:`~bot.documents.read.read_path` in a worker: the file is read here (an OSError is the caller's)."""
    target = Path(path)
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise too_large(size)
    with target.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)  # as read_path: never more than one byte past the limit
        if len(data) > MAX_BYTES:
            raise too_large(max(os.fstat(handle.fileno()).st_size, len(data)))
    return read_in_worker(data, target.name, limits=limits)


def _read(data: bytes, filename: str | None, progress: ProgressFn | None, limits: Limits) -> Document:
    context = _fork_server()
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(send, data, filename, limits), daemon=True)
    deadline = time.monotonic() + limits.seconds
    worker.start()
    send.close()  # the worker holds the only sending end: its death ends the pipe
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not receive.poll(left):
                log.warning("reading %s took over %s s; the worker is stopped", filename, limits.seconds)
                raise DocumentError("doc_too_slow")
            try:
                message = receive.recv()
            except (EOFError, OSError):
                worker.join(timeout=5)
                # Killed (SIGKILL from the kernel) or stopped by PDFium when an allocation failed: memory.
                log.warning("the worker reading %s ended with exit code %s", filename, worker.exitcode)
                raise DocumentError("doc_too_much_memory") from None
            kind = message[0]
            if kind == "progress":
                if progress is not None:
                    progress(message[1], message[2])
            elif kind == "read":
                document: Document = message[1]
                return document
            elif kind == "refused":
                raise DocumentError(message[1], **message[2])
            else:
                raise WorkerFailed(message[1])
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        worker.close()
        receive.close()


@functools.cache
def _fork_server() -> Any:
    # Two threads that both get here first do the same thing twice: one context, one preload list.
    context = multiprocessing.get_context("forkserver")
    # Imported once in the server, so each worker starts with the readers (PDFium, lxml) loaded. A main
    # script (an installed command) is imported there too, else every worker would import it again.
    context.set_forkserver_preload(["__main__", "bot.documents.read"])
    return context


def _work(send: Connection, data: bytes, filename: str | None, limits: Limits) -> None:
    """In the worker: limit memory, read, send back the document or the refusal."""
    _limit_memory(limits.memory)
    try:
        document = read_document(
            data, filename, progress=lambda done, total: send.send(("progress", done, total)), limits=limits
        )
        del data
        send.send(("read", document))
    except DocumentError as err:
        send.send(("refused", err.key, err.params))
    except MemoryError:
        send.send(("refused", "doc_too_much_memory", {}))
    except Exception:
        send.send(("failed", traceback.format_exc()))
    finally:
        send.close()


def _limit_memory(headroom: int) -> None:
    """Allow the worker ``headroom`` bytes of address space beyond what it holds now."""
    import resource

    try:
        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        current = 0  # no /proc (not Linux): the headroom is then the whole limit
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + headroom
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
