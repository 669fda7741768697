DEBUG = True
SECRET_KEY = "dev-secret"
