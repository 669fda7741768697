"""FL301 fixture: strong-looking secrets written in the source, and the ways around them."""
import os

from flask import Flask, session

from .config import ProductionConfig


def create_app():
    app = Flask(__name__)
    app.config.from_object(ProductionConfig)
    app.config["JWT_SECRET_KEY"] = "q7Vx2NpR9sLk4WzT1bHc8MdJ6yGf3EaU"  # expect: FL301
    app.config.update(WTF_CSRF_SECRET_KEY="f3a9c1e7b2d84f6a0c5e9b1d7f2a4c8e")  # expect: FL301
    app.config.update({"JWT_PRIVATE_KEY": "Kp4Qz7Wm1Xv9Rt3Ny6Bh2Lc8Jf5Gd0Sa"})  # expect: FL301
    app.secret_key = b"\x8f\x1a\x93\xc4\x27\xee\x5b\x01\xd6\x7c\x3a\x98\x44\xf2\x0b\x6e\x19\xa5\x72\xcd\x30\x8b\xe1\x4f\x96\x2d\x57\xba\x08\xf3\x6c\x1e"  # expect: FL301

    # --- traps ---------------------------------------------------------------------------------
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["JWT_PUBLIC_KEY"] = "-----BEGIN PUBLIC KEY-----MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA-----END PUBLIC KEY-----"
    app.config["UPLOAD_FOLDER"] = "/var/lib/app/uploads-0f9e8d7c6b5a4f3e2d1c0b9a"
    with open("/run/secrets/session_key") as handle:
        app.config["SESSION_SIGNING_KEY"] = handle.read()
    app.config.from_mapping(SECRET_KEY=os.environ.get("SECRET_KEY", ""))
    return app


def signed_in_user():
    # The session carries the login: whoever knows the key can sign in as anyone.
    return session.get("user_id")
