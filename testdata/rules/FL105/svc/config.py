import os

SECRET_KEY = os.environ.get("SECRET_KEY", "dev")  # expect: FL302
JWT_ALGORITHMS = ["RS256"]
JWT_AUDIENCE = "payments-api"
JWT_ISSUER = "https://idp.example.com/"

# Set per deployment; unknown until run time.
DEPLOY_AUDIENCE = os.environ.get("JWT_AUDIENCE")

# Left empty in this service's config: no audience at all.
PARTNER_AUDIENCE = None

NO_AUDIENCE_CHECK = {"verify_aud": False}
REQUIRED_CLAIMS = {"require": ["exp", "aud", "iss"]}

AUTHLIB_CLAIMS = {
    "iss": {"essential": True, "value": JWT_ISSUER},
    "aud": {"essential": True, "value": JWT_AUDIENCE},
}
AUTHLIB_ISSUER_ONLY = {
    "iss": {"essential": True, "value": JWT_ISSUER},
}
