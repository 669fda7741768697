class Order:
    query = None
