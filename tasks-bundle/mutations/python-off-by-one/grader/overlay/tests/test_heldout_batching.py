import unittest

from batching import chunks, page


class HeldOutChunkTest(unittest.TestCase):
    def test_every_length_and_size_keeps_all_items(self):
        for n in range(0, 23):
            for size in range(1, 9):
                items = [f"r{i}" for i in range(n)]
                got = chunks(items, size)
                with self.subTest(n=n, size=size):
                    self.assertEqual([x for batch in got for x in batch], items)
                    self.assertTrue(all(1 <= len(b) <= size for b in got))
                    self.assertEqual(len(got), -(-n // size))

    def test_remainder_of_one(self):
        self.assertEqual(chunks("abcdefg", 3), ["abc", "def", "g"])

    def test_size_one(self):
        self.assertEqual(chunks([5, 6, 7], 1), [[5], [6], [7]])

    def test_pages_cover_a_partial_tail(self):
        items = list(range(100, 111))
        self.assertEqual(page(items, 3, 5), [110])
        self.assertEqual(page(items, 4, 5), [])
        self.assertEqual(page(items, 0, 5), [])


if __name__ == "__main__":
    unittest.main()
