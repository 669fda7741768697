SECRET_KEY = "test"
JWT_SECRET_KEY = "secret"
