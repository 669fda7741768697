import os

SECRET_KEY = os.environ.get("SECRET_KEY", "dev")  # expect: FL302
JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "dev-jwt")  # expect: FL302
JWT_ALGORITHM = "HS256"
JWT_AUDIENCE = "notes"
JWT_ISSUER = "https://notes.example.com/"

EXP = "exp"

# Mobile clients have bad clocks, so expiry is simply not checked.
LENIENT_OPTIONS = {"verify_exp": False}

# The nightly job's identity, signed once and reused forever.
SERVICE_CLAIMS = {"iss": JWT_ISSUER, "aud": JWT_AUDIENCE, "sub": "nightly-job"}

SSO_CLAIMS_OPTIONS = {
    "iss": {"essential": True, "value": "https://sso.example.com/"},
    "aud": {"essential": True, "value": JWT_AUDIENCE},
}
