import unittest

from batching import chunks, page


class ChunkTest(unittest.TestCase):
    def test_partial_last(self):
        self.assertEqual(chunks(list(range(10)), 4), [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]])

    def test_exact(self):
        self.assertEqual(chunks([1, 2, 3, 4], 2), [[1, 2], [3, 4]])

    def test_smaller_than_size(self):
        self.assertEqual(chunks([1, 2], 5), [[1, 2]])

    def test_empty(self):
        self.assertEqual(chunks([], 3), [])

    def test_bad_size(self):
        with self.assertRaises(ValueError):
            chunks([1], 0)

    def test_last_page(self):
        self.assertEqual(page(list(range(7)), 3, 3), [6])


if __name__ == "__main__":
    unittest.main()
