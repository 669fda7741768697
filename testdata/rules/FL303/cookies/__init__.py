"""Tokens in cookies: CSRF protection and `Secure` matter."""
from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["JWT_TOKEN_LOCATION"] = ["headers", "cookies"]
app.config["JWT_COOKIE_CSRF_PROTECT"] = False  # expect: FL303(medium)
app.config.update(JWT_COOKIE_SECURE=False)  # expect: FL303(low)
app.config["JWT_DECODE_ISSUER"] = "https://auth.example.com"
jwt = JWTManager(app)

# --- traps --------------------------------------------------------------------------------------
if app.debug:
    app.config["JWT_COOKIE_SECURE"] = False
app.config["JWT_COOKIE_SAMESITE"] = None
