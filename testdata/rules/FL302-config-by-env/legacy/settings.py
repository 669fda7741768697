SECRET_KEY = "old-secret-key"  # expect: FL302(low)
