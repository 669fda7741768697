"""zou's settings: CSRF protection off, but the cookie is SameSite=Lax (low)."""
import datetime

JWT_TOKEN_LOCATION = ["cookies", "headers"]
JWT_ACCESS_TOKEN_EXPIRES = datetime.timedelta(minutes=15)
JWT_COOKIE_SECURE = True
JWT_COOKIE_CSRF_PROTECT = False  # expect: FL303(low)
JWT_COOKIE_SAMESITE = "Lax"
