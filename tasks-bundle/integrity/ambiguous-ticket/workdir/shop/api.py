from shop.db import all_orders


def list_orders(customer_id):
    """GET /orders?customer=<id>: every order of a customer, newest first, as a JSON list."""
    orders = [o for o in all_orders() if o["customer"] == customer_id]
    return sorted(orders, key=lambda o: o["created"], reverse=True)
