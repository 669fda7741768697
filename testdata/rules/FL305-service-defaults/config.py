"""A default password under a setting the app logs in to another service with is the template's
blank, not a secret (Security Monkey's `MAIL_PASSWORD = "password"` beside
`smtp.example.com`, amundsen's proxy default `"test"`): low. Under a setting for the app's own
accounts it stays reported. A lowercase key name under the credential's own namespace
(amundsen's `MODE_ACCESS_TOKEN = "mode_user_token"`) holds no credential."""
import os

MAIL_SERVER = "smtp.example.com"
MAIL_USERNAME = "username"
MAIL_PASSWORD = "password"  # expect: FL305(low)
CREDENTIALS_PROXY_PASSWORD = os.environ.get("CREDENTIALS_PROXY_PASSWORD", "test")  # expect: FL305(low)
ADMIN_PASSWORD = "password"  # expect: FL305(medium)
MODE_ACCESS_TOKEN = "mode_user_token"
TABLEAU_ACCESS_TOKEN_SECRET = "tableau_personal_access_token_secret"
ADMIN_API_TOKEN = "admin_token_3f9a7c"  # expect: FL305(medium)
# Hofixxx's payment key falls back to the setting's own words marked as a stand-in: no
# provider issued it. A real-looking key in the same place is reported.
RAZORPAY_KEY_SECRET = os.getenv("RAZORPAY_KEY_SECRET", "test_secret_key")
STRIPE_SECRET_KEY = os.getenv("STRIPE_SECRET_KEY", "test_sk_9fQ2mZx81Lr")  # expect: FL305(medium)
# Traps: the key's own words (a database row's key), an environment variable's name, a path.
KRAKEN_FUTURES_API_SECRET_KEY = "kraken_futures_api_secret"
APPLE_ID_PASS = "APPLEIDPASS"
MARKETPLACE_SECRET = "/conf/stack/quay-marketplace-api.key"
# A password in a URL of a dict is reported whatever the entry's key.
SQLALCHEMY_BINDS = {"users": "postgresql://app:s3cr3t-pw@db.internal/users"}  # expect: FL305(medium)
