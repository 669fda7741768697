import os

SECRET_KEY = os.environ.get("SECRET_KEY", "dev")  # expect: FL302
JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "dev-jwt")  # expect: FL302

# The algorithm this service signs its own tokens with.
JWT_ALGORITHM = "HS256"
JWT_ALGORITHMS = [JWT_ALGORITHM]
JWT_AUDIENCE = "orders-api"
JWT_ISSUER = "https://auth.example.com/"

# Left unset "until partners agree on one": None means no allow-list at all.
PARTNER_ALGORITHMS = None

PARTNER_KEYS = {
    "partner-a": "-----BEGIN PUBLIC KEY-----\nMIIB...\n-----END PUBLIC KEY-----",
}
PARTNER_ALGORITHMS_BY_KID = {"partner-a": "RS256"}
