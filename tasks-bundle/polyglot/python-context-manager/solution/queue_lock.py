"""Cross-process lock for the job queue: a lock file created with O_EXCL."""

import os
from contextlib import contextmanager


class LockHeld(RuntimeError):
    """Another worker holds the queue lock."""


def acquire(path):
    """Create the lock file, or raise LockHeld when it already exists."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        raise LockHeld(path) from None
    with os.fdopen(fd, "w") as f:
        f.write(str(os.getpid()))


def release(path):
    """Remove the lock file."""
    os.remove(path)


@contextmanager
def queue_lock(path):
    """Hold the queue lock for the duration of the with-block."""
    acquire(path)
    try:
        yield path
    finally:
        release(path)


def run_job(job, lock_path):
    """Run job() while holding the queue lock; return its result."""
    with queue_lock(lock_path):
        return job()
