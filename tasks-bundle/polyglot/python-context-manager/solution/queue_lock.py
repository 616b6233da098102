"""A file-backed job queue guarded by a lock."""

import threading

_lock = threading.Lock()


def locked():
    return _lock.locked()


def run_job(job):
    """Run job() while holding the queue lock; return its result."""
    with _lock:
        return job()
