import unittest

from textkit.text_utils import reverse, shout


class ReverseTest(unittest.TestCase):
    def test_empty(self):
        self.assertEqual(reverse(""), "")

    def test_single(self):
        self.assertEqual(reverse("a"), "a")

    def test_ascii(self):
        self.assertEqual(reverse("hello"), "olleh")

    def test_accented(self):
        self.assertEqual(reverse("héllo"), "olléh")

    def test_cjk(self):
        self.assertEqual(reverse("日本語"), "語本日")

    def test_code_points(self):
        thumbs = "\U0001F44D\U0001F3FD"
        self.assertEqual(reverse("a" + thumbs), "\U0001F3FD\U0001F44Da")

    def test_twice_is_identity(self):
        for s in ["", "x", "abc", "héllo wörld"]:
            self.assertEqual(reverse(reverse(s)), s)

    def test_shout_unchanged(self):
        self.assertEqual(shout("hi"), "HI!")


if __name__ == "__main__":
    unittest.main()
