import os
import tempfile
import unittest

from queue_lock import LockHeld, queue_lock, run_job


class Boom(Exception):
    pass


class QueueLockTest(unittest.TestCase):
    def setUp(self):
        self._dir = tempfile.TemporaryDirectory()
        self.lock = os.path.join(self._dir.name, "queue.lock")

    def tearDown(self):
        self._dir.cleanup()

    def failing_job(self):
        raise Boom("bad input file")

    def test_returns_result_and_releases(self):
        self.assertEqual(run_job(lambda: 42, self.lock), 42)
        self.assertFalse(os.path.exists(self.lock))

    def test_lock_file_exists_while_job_runs(self):
        self.assertTrue(run_job(lambda: os.path.exists(self.lock), self.lock))

    def test_job_exception_reaches_caller(self):
        with self.assertRaises(Boom):
            run_job(self.failing_job, self.lock)

    def test_lock_released_after_job_raises(self):
        with self.assertRaises(Boom):
            run_job(self.failing_job, self.lock)
        self.assertFalse(os.path.exists(self.lock))

    def test_next_job_runs_after_a_failure(self):
        with self.assertRaises(Boom):
            run_job(self.failing_job, self.lock)
        self.assertEqual(run_job(lambda: "next", self.lock), "next")

    def test_context_manager_releases_on_exception(self):
        with self.assertRaises(KeyError):
            with queue_lock(self.lock):
                raise KeyError("missing")
        self.assertFalse(os.path.exists(self.lock))

    def test_held_by_other_worker(self):
        with open(self.lock, "w") as f:
            f.write("other worker")
        calls = []
        with self.assertRaises(LockHeld):
            run_job(lambda: calls.append(1), self.lock)
        self.assertEqual(calls, [])
        with open(self.lock) as f:
            self.assertEqual(f.read(), "other worker")


if __name__ == "__main__":
    unittest.main()
