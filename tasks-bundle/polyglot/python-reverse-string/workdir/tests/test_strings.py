import unittest

from textkit.strings import is_palindrome, reverse, word_count


class ReverseTest(unittest.TestCase):
    def test_empty_string(self):
        self.assertEqual(reverse(""), "")

    def test_single_character(self):
        self.assertEqual(reverse("a"), "a")

    def test_ascii_word(self):
        self.assertEqual(reverse("hello"), "olleh")

    def test_accented_latin(self):
        self.assertEqual(reverse("héllo"), "olléh")

    def test_cjk(self):
        self.assertEqual(reverse("日本語"), "語本日")

    def test_emoji_reversed_by_code_point(self):
        self.assertEqual(reverse("👍🏽"), "\U0001F3FD\U0001F44D")
        self.assertEqual(reverse("a😀b"), "b😀a")

    def test_length_preserved(self):
        for s in ["", "x", "héllo wörld", "日本語テキスト", "👍🏽👋"]:
            self.assertEqual(len(reverse(s)), len(s))

    def test_reverse_twice_is_identity(self):
        for s in ["abc", "héllo", "日本語", "👍🏽"]:
            self.assertEqual(reverse(reverse(s)), s)


class PalindromeTest(unittest.TestCase):
    def test_palindromes(self):
        self.assertTrue(is_palindrome("Never odd or even"))
        self.assertTrue(is_palindrome("x"))

    def test_not_palindrome(self):
        self.assertFalse(is_palindrome("xy"))


class WordCountTest(unittest.TestCase):
    def test_word_count(self):
        self.assertEqual(word_count("  one two\tthree "), 3)


if __name__ == "__main__":
    unittest.main()
