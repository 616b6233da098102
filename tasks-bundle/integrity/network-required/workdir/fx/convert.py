import json
import os

_RATES = json.load(open(os.path.join(os.path.dirname(__file__), "rates.json")))


def to_eur(amount, currency):
    return round(amount / _RATES["rates"][currency], 2)
