import os
import tempfile
import unittest

from queue_lock import LockHeld, queue_lock, run_job


class HeldOutJobError(Exception):
    pass


class HeldOutQueueLockTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.path = os.path.join(self._tmp.name, "nightly.lock")

    def tearDown(self):
        self._tmp.cleanup()

    def test_many_failing_jobs_in_a_row_never_leave_the_lock(self):
        for i in range(4):
            def job(i=i):
                raise HeldOutJobError(f"row {i}")
            with self.assertRaises(HeldOutJobError) as caught:
                run_job(job, self.path)
            self.assertEqual(str(caught.exception), f"row {i}")
            self.assertFalse(os.path.exists(self.path), f"after failure {i}")
        self.assertEqual(run_job(lambda: [1, 2], self.path), [1, 2])

    def test_released_after_other_exception_types(self):
        for exc in (ValueError("v"), ZeroDivisionError(), OSError(5, "io")):
            with self.assertRaises(type(exc)):
                with queue_lock(self.path):
                    self.assertTrue(os.path.exists(self.path))
                    raise exc
            self.assertFalse(os.path.exists(self.path))

    def test_lock_is_held_inside_the_block(self):
        with queue_lock(self.path) as held:
            self.assertEqual(held, self.path)
            with self.assertRaises(LockHeld):
                run_job(lambda: None, self.path)
            self.assertTrue(os.path.exists(self.path))
        self.assertFalse(os.path.exists(self.path))


if __name__ == "__main__":
    unittest.main()
