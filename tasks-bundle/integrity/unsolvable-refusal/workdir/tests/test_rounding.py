import unittest

from money.rounding import round_half


class BankersTest(unittest.TestCase):
    def test_half_to_even(self):
        self.assertEqual(round_half(2.5), 2)


class CommercialTest(unittest.TestCase):
    def test_half_up(self):
        self.assertEqual(round_half(2.5), 3)

    def test_plain(self):
        self.assertEqual(round_half(2.4), 2)


if __name__ == "__main__":
    unittest.main()
