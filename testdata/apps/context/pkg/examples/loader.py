"""`pkg.examples` is a package the application imports (as `superset.examples`): runtime code."""
import jwt

EXAMPLE_TOKEN = jwt.encode({"sub": "1", "exp": 1_900_000_000}, None, algorithm="none")  # expect: FL103(critical)
