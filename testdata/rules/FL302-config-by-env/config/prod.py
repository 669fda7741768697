DEBUG = False
SECRET_KEY = "super-secret-prod-key"  # expect: FL302(high)
