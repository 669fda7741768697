"""Credential-named constants are reported wherever they are written; an API key in code weighs less."""
SMTP_PASSWORD = "Plover-77-Gale"  # expect: FL305(medium)
smtp_user = "mailer"
PASSWORD_MIN_LENGTH = 12
# Triaged for Ruff's flake8-bandit already: the same comment silences FL305.
RELAY_PASSWORD = "Kite-Marsh-404"  # noqa: S105
# Event codes and field kinds named by the credential word, not credentials (pritunl's journal,
# moin's form widgets).
ADMIN_AUTH_REASON_INVALID_PASSWORD = "invalid_password"
WIDGET_PASSWORD = "password"
# A placeholder fenced in underscores: nobody logs in with it.
BACKUP_PASSWORD = "__MUST_BE_CHANGED__"
# The names of the headers credentials travel in (udata's `HEADER_API_KEY`).
HEADER_API_KEY = "X-API-KEY"
API_TOKEN_HEADER = "Auth-Token"
# A key that happens to start like a header name is still a key; an API key written as a
# constant of the code is most often the code's own key for a public API (beets' AcoustID and
# Discogs consumer keys), shipped with every copy: low.
PARTNER_API_KEY = "X-9f2c-Tern-41"  # expect: FL305(low)
CONSUMER_SECRET = "plxtUTqoCzwxZpqdPy"  # expect: FL305(low)
# ...unless it is shaped like a provider's live server key, a secret wherever it is written.
STRIPE_API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"  # expect: FL305(medium)
# A login at a domain reserved for tests and examples is a documented default (misp-dashboard's
# diagnostic script); one at a real domain is somebody's account.
DEMO_USER = "admin@admin.test"
DEMO_PASSWD = "Password1234"  # expect: FL305(low)
OPS_EMAIL = "ops@shop-mail.net"
OPS_PASSWORD = "Vk2-spruce-Hare"  # expect: FL305(medium)
