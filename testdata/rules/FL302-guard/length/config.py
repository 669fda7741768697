"""Superset's shape: the async-query secret's default is refused at start-up by a length check
in another module (`if len(app.config["K"]) < 32: raise`), so the 21-character placeholder never
signs: not reported. A default long enough to pass the check still is."""
ASYNC_QUERIES_JWT_SECRET = "test-secret-change-me"
GUEST_TOKEN_JWT_SECRET = "test-guest-secret-change-me-please-now"  # expect: FL302
