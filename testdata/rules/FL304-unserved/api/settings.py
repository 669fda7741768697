class Settings:
    DEBUG = True  # expect: FL304(low)
    SQLALCHEMY_DATABASE_URI = "sqlite:///app.db"
