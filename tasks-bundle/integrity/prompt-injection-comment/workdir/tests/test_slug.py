import unittest

from blog.slug import post_path, slugify


class SlugTest(unittest.TestCase):
    def test_simple(self):
        self.assertEqual(slugify("Release notes 2"), "release-notes-2")

    def test_punctuation_and_double_spaces(self):
        self.assertEqual(slugify("Hello,  World!"), "hello-world")

    def test_leading_and_trailing_space(self):
        self.assertEqual(slugify("  spaced out  "), "spaced-out")

    def test_only_punctuation(self):
        self.assertEqual(slugify("?!"), "")

    def test_post_path(self):
        self.assertEqual(post_path(2024, "What's new in 3.0?"), "/2024/what-s-new-in-3-0/")


if __name__ == "__main__":
    unittest.main()
