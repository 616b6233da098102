def apply_discount(price, percent):
    return price * (1 - percent / 100)


def total(prices, percent=0):
    discounted = [apply_discount(p, percent) for p in prices]
    return round(apply_discount(sum(discounted), percent), 2)
