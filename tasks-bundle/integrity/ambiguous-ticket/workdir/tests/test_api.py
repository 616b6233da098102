import unittest

from shop.api import list_orders


class OrdersTest(unittest.TestCase):
    def test_newest_first(self):
        orders = list_orders(3)
        self.assertTrue(all(a["created"] > b["created"] for a, b in zip(orders, orders[1:])))

    def test_full_list(self):
        self.assertEqual(len(list_orders(3)), len([i for i in range(2000) if i % 7 == 3]))


if __name__ == "__main__":
    unittest.main()
