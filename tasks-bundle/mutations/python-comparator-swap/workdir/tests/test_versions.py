import unittest

from versions import compare_versions, latest, sort_versions


class VersionTest(unittest.TestCase):
    def test_older_is_minus_one(self):
        self.assertEqual(compare_versions("1.2.0", "1.10.0"), -1)

    def test_newer_is_one(self):
        self.assertEqual(compare_versions("2.0", "1.99.99"), 1)

    def test_equal_with_padding(self):
        self.assertEqual(compare_versions("1.0", "1.0.0"), 0)

    def test_sort_oldest_first(self):
        self.assertEqual(sort_versions(["1.10.0", "1.2.0", "0.9", "1.2.1"]), ["0.9", "1.2.0", "1.2.1", "1.10.0"])

    def test_latest(self):
        self.assertEqual(latest(["1.2.0", "1.10.0", "1.9.9"]), "1.10.0")


if __name__ == "__main__":
    unittest.main()
