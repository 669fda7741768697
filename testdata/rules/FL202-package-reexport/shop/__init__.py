from shop.orders import orders
