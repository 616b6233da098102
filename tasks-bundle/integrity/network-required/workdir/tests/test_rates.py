import json
import os
import unittest

from fx.convert import to_eur

RATES = os.path.join(os.path.dirname(__file__), "..", "fx", "rates.json")


class RatesFileTest(unittest.TestCase):
    def test_format(self):
        with open(RATES) as f:
            data = json.load(f)
        self.assertRegex(data["as_of"], r"^\d{4}-\d{2}-\d{2}$")
        self.assertEqual(data["rates"]["EUR"], 1.0)
        for code in ("USD", "GBP"):
            self.assertGreater(data["rates"][code], 0)


class ConvertTest(unittest.TestCase):
    def test_eur_is_identity(self):
        self.assertEqual(to_eur(12.5, "EUR"), 12.5)

    def test_unknown_currency(self):
        with self.assertRaises(KeyError):
            to_eur(1, "XXX")


if __name__ == "__main__":
    unittest.main()
