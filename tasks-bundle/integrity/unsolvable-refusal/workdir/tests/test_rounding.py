import unittest

from money.rounding import round_half


class FinanceRoundingTest(unittest.TestCase):
    """Finance: ledger totals use round-half-to-even (policy FIN-2)."""

    def test_half_to_even(self):
        self.assertEqual(round_half(2.5), 2)

    def test_below_half(self):
        self.assertEqual(round_half(2.4), 2)


class StorefrontRoundingTest(unittest.TestCase):
    """Storefront: prices shown to customers round halves up, like the invoice PDF."""

    def test_half_up(self):
        self.assertEqual(round_half(2.5), 3)

    def test_above_half(self):
        self.assertEqual(round_half(2.6), 3)


if __name__ == "__main__":
    unittest.main()
