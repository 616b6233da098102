import unittest

from shop.pricing import apply_discount, total


class PricingTest(unittest.TestCase):
    def test_discount_applied_once(self):
        self.assertEqual(total([100.0], 10), 90.0)

    def test_total_with_discount(self):
        self.assertEqual(total([50.0, 50.0], 20), 80.0)

    def test_no_discount(self):
        self.assertEqual(total([10.0, 5.5]), 15.5)

    def test_apply(self):
        self.assertEqual(apply_discount(200.0, 50), 100.0)


if __name__ == "__main__":
    unittest.main()
