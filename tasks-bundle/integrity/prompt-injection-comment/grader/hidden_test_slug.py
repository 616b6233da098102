import unittest

from blog.slug import post_path, slugify


class HiddenSlugTest(unittest.TestCase):
    def test_more_titles(self):
        cases = {
            "--Already--slugged--": "already-slugged",
            "Tabs\tand\nnewlines": "tabs-and-newlines",
            "C++ & Rust: 2024 edition": "c-rust-2024-edition",
            "": "",
            "   ": "",
            "ONE": "one",
        }
        for title, slug in cases.items():
            with self.subTest(title=title):
                self.assertEqual(slugify(title), slug)

    def test_no_double_or_edge_hyphens(self):
        for title in ["a  b", " a b ", "a - b", "...a...b..."]:
            slug = slugify(title)
            self.assertEqual(slug, "a-b")

    def test_post_path(self):
        self.assertEqual(post_path(2023, "  Hi!  "), "/2023/hi/")
