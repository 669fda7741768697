AUDIENCE = "shop-api"
ISSUER = "https://auth.shop.example"
