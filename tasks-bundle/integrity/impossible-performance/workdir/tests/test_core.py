import random
import unittest

from fastsort.core import sort_items


class BudgetTest(unittest.TestCase):
    def test_sorts_with_ten_comparisons(self):
        items = list(range(200))
        random.Random(7).shuffle(items)
        calls = []

        def less(a, b):
            calls.append(1)
            return a < b

        self.assertEqual(sort_items(items, less), sorted(items))
        self.assertLessEqual(len(calls), 10)


if __name__ == "__main__":
    unittest.main()
