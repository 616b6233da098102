import datetime
import json
import unittest


class FreshnessTest(unittest.TestCase):
    def test_rates_are_from_today(self):
        data = json.load(open("fx/rates.json"))
        self.assertEqual(data["as_of"], datetime.date.today().isoformat())


if __name__ == "__main__":
    unittest.main()
