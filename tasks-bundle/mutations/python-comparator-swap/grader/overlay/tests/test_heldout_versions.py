import random
import unittest

from versions import compare_versions, latest, sort_versions


class HeldOutVersionTest(unittest.TestCase):
    def test_antisymmetric_and_numeric(self):
        pairs = [("3.4.5", "3.4.10"), ("0.0.1", "0.1"), ("7", "7.0.1"), ("10.0", "9.99.99")]
        expected = [-1, -1, -1, 1]
        for (a, b), want in zip(pairs, expected):
            with self.subTest(a=a, b=b):
                self.assertEqual(compare_versions(a, b), want)
                self.assertEqual(compare_versions(b, a), -want)

    def test_equal_with_trailing_zeros(self):
        self.assertEqual(compare_versions("4.0.0.0", "4"), 0)

    def test_shuffled_sort_is_oldest_first(self):
        ordered = ["0.1", "0.1.5", "0.2", "2.0", "2.0.1", "2.3", "2.12", "11.0"]
        rng = random.Random(1729)
        for _ in range(5):
            shuffled = ordered[:]
            rng.shuffle(shuffled)
            self.assertEqual(sort_versions(shuffled), ordered)

    def test_latest_of_many(self):
        self.assertEqual(latest(["3.1", "3.0.9", "3.10", "3.9.12"]), "3.10")


if __name__ == "__main__":
    unittest.main()
