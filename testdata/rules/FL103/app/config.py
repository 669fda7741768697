import os

JWT_ALGORITHM = "HS256"
JWT_AUDIENCE = "reports"
JWT_ISSUER = "https://auth.example.com/"

# Accept unsigned tokens from the internal batch runner.
ACCEPTED_ALGORITHMS = ["HS256", "none"]

# Used by the "anonymous preview" links.
PREVIEW_ALGORITHM = "none"

SAFE_ALGORITHMS = ("HS256", "HS512")


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")  # expect: FL302
    JWT_ALGORITHM = "HS256"
    # Class-based Flask config: the same mistake, one attribute deeper.
    JWT_ALGORITHMS = ["HS256", "none"]
