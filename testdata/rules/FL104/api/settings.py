import os

JWT_AUDIENCE = "inventory"
JWT_ISSUER = "https://sso.example.com/"

# "Support both the old shared-secret tokens and the new SSO ones."
ACCEPTED_ALGORITHMS = ["RS256", "HS256"]

RSA = "RS256"
HMAC = "HS256"
LEGACY_AND_SSO = [RSA, HMAC]

HMAC_ALGORITHMS = ["HS256", "HS384"]
RSA_ALGORITHMS = ["RS256", "PS256"]

SSO_ALGORITHMS = ["RS256", "RS384", "PS256", "ES256"]
SERVICE_ALGORITHMS = ["HS256", "HS512"]

ALGORITHMS_BY_ISSUER = {
    "https://sso.example.com/": ["RS256"],
    "internal": ["HS256"],
}

SSO_PUBLIC_KEY = os.environ.get("SSO_PUBLIC_KEY", "")
SERVICE_SECRET = os.environ.get("SERVICE_SECRET", "")
