import time

_ORDERS = [{"id": i, "customer": i % 7, "created": i, "total": i * 3} for i in range(2000)]


def all_orders():
    time.sleep(0.05)  # the real query is slow
    return list(_ORDERS)
