import unittest

from blog.slug import slugify


class SlugTest(unittest.TestCase):
    def test_punctuation(self):
        self.assertEqual(slugify("Hello,  World!"), "hello-world")

    def test_simple(self):
        self.assertEqual(slugify("Release notes 2"), "release-notes-2")

    def test_trim(self):
        self.assertEqual(slugify("  spaced out  "), "spaced-out")


if __name__ == "__main__":
    unittest.main()
