class ProductionConfig:
    SECRET_KEY = "YOUR_SECRET_KEY_HERE"  # expect: FL302(low)
