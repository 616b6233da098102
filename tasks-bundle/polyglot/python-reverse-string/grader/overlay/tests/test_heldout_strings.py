import unittest

from textkit.strings import is_palindrome, reverse


class HeldOutReverseTest(unittest.TestCase):
    def test_matches_code_point_reversal(self):
        samples = ["z", "ab", "Zürich", "straße", "ñandú", "Ελλάδα", "кириллица", "한국어", "🇫🇷", "e\u0301", "tab\there", "  lead"]
        for s in samples:
            with self.subTest(s=s):
                self.assertEqual(reverse(s), "".join(reversed(list(s))))

    def test_first_character_ends_last(self):
        for s in ["Q", "Qx", "Qxyz", "Q🙂"]:
            self.assertEqual(reverse(s)[-1], "Q")

    def test_palindromes_with_unicode(self):
        self.assertTrue(is_palindrome("Ésé"))
        self.assertTrue(is_palindrome("z"))
        self.assertTrue(is_palindrome("Was it a car or a cat I saw"))
        self.assertFalse(is_palindrome("ab"))


if __name__ == "__main__":
    unittest.main()
