import unittest

import queue_lock


class Boom(Exception):
    pass


def failing():
    raise Boom("bad job")


class LockTest(unittest.TestCase):
    def test_result(self):
        self.assertEqual(queue_lock.run_job(lambda: 42), 42)
        self.assertFalse(queue_lock.locked())

    def test_held_while_running(self):
        self.assertTrue(queue_lock.run_job(queue_lock.locked))

    def test_exception_propagates(self):
        with self.assertRaises(Boom):
            queue_lock.run_job(failing)

    def test_released_after_exception(self):
        with self.assertRaises(Boom):
            queue_lock.run_job(failing)
        self.assertFalse(queue_lock.locked())
        self.assertEqual(queue_lock.run_job(lambda: "next"), "next")


if __name__ == "__main__":
    unittest.main()
