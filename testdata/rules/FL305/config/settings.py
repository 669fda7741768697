"""Settings of the shop, by environment."""
import os


class Config:
    SQLALCHEMY_DATABASE_URI = "postgresql://shop:Tr4ck-Mule-88@db.internal:5432/shop"  # expect: FL305(medium)
    # ReklaMap's shape: the database is at a public address, open to whoever has the password.
    ANALYTICS_DATABASE_URI = "mysql+pymysql://root:Kettle-Quartz-77@72.60.108.94:3306/shop"  # expect: FL305(high)
    REPORTS_DATABASE_URI = "postgresql://reports:Vole-Lantern-35@reports.c1x2.eu-west-1.rds.amazonaws.com/reports"  # expect: FL305(high)
    # Trap: a private address is reached from inside the network only.
    REPLICA_DATABASE_URI = "postgresql://shop:Tr4ck-Mule-89@10.0.3.7/shop"  # expect: FL305(medium)
    SQLALCHEMY_BINDS = {
        "audit": "mysql+pymysql://audit:Qz7-kettle-Pine@audit-db/audit",  # expect: FL305(medium)
        "cache": os.environ["CACHE_DATABASE_URL"],
    }
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "k9#Lw2vQ-orchid")  # expect: FL305(medium)
    STRIPE_API_KEY = "sk_live_51HqLyjWDarjtT1zdp7dc"  # expect: FL305(medium)
    # Another service's "secret key" is its API credential, not a key the app signs with.
    MINIO_SECRET_KEY = "q8Zr2LmV7xKp4TnB9wYc3HdF6sJg1AeU5oRi0NkM"  # expect: FL305(medium)
    STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "sk_test_51OxXXXXXXXXXXXXXXXXXXXXXXXX")
    RECAPTCHA_SECRET_KEY = "sk_test_your_secret_key_here"
    AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    SECURITY_PASSWORD_SALT = "146585145368132386173505678016728509634"  # expect: FL305(low)
    # Traps: the name must end in the credential word; placeholders and run-time values are fine.
    SECURITY_PASSWORD_HASH = "argon2"
    JWT_TOKEN_LOCATION = ["headers"]
    JWT_ACCESS_TOKEN_EXPIRES = 3600
    GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]
    SENDGRID_API_KEY = "<your sendgrid key>"
    ADMIN_PASSWORD = ""
    REDIS_URL = f"redis://:{os.environ['REDIS_PASSWORD']}@cache:6379/0"
    BROKER_URL = "amqp://guest@rabbit//"
    TEMPLATE_URL = "postgresql://%s:%s@%s/%s"


class DevelopmentConfig(Config):
    SQLALCHEMY_DATABASE_URI = "postgresql://dev:Corvid-Dev-91x@db.internal/shop_dev"  # expect: FL305(low)


class LocalConfig(Config):
    SQLALCHEMY_DATABASE_URI = "postgresql://postgres:postgres@localhost/shop"  # expect: FL305(low)


# Named for the environment alone: config classes by their bases (notification-api's shape).
class Development(Config):
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "Heron-Dev-Sluice-4")  # expect: FL305(low)


class Test(Development):
    QUEUE_PASSWORD = "Moth-Test-Lantern-7"  # expect: FL305(low)


class Production(Config):
    BACKUP_PASSWORD = os.environ.get("BACKUP_PASSWORD", "Prod-Fjord-Mallet-3")  # expect: FL305(medium)


class ProductionFF(Test):
    """Test configuration with feature flags turned off for production parity testing"""

    FEATURE_FLAGS = False


class ProductionMirror(Config):
    """Production settings, mirrored for local testing."""

    MIRROR_PASSWORD = "Prod-Mirror-Ledger-5"  # expect: FL305(medium)


class SetupConfig:
    # The app creates its first admin account with this when the variable is unset.
    ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "password")  # expect: FL305(medium)


class HashingConfig:
    PI_PEPPER = "Zr8-Quail-Fathom-21"  # expect: FL305(medium)


class OpenIdConfig:
    # An OAuth client's secret named as a key: a credential sent to the identity provider,
    # not a key the app signs with (FL301/FL302 would call it one).
    OPEN_ID_CLIENT_SECRET_KEY = "JXeQExm0JhQPLumgHtIIqf52bDalHz0q"  # expect: FL305(medium)


class SettingNames:
    # Names of settings and of environment variables, not their values.
    SECRET_KEY = "SECRET_KEY"
    DB_PASSWORD = "PI_DB_PASSWORD"
    CLIENT_SECRET = "client_secret"
    FAILED_TO_DECRYPT_PASSWORD = "FAILED TO DECRYPT PASSWORD!"
    KEY_MAIL_PASSWORD = "MAIL_PASSWORD"
    # Upper-snake, but not the name the key ends with: a value.
    RELAY_PASSWORD = "HUNTER_TWO_PASSWORD"  # expect: FL305(medium)


class SecurityConfig:
    # A salt mixed into hashes and confirmation tokens the SECRET_KEY signs.
    SECURITY_PASSWORD_SALT = "Wq4-fennel-Drum-salt"  # expect: FL305(low)
    # Bandit's nosec: the project keeps this documented first-run password on purpose.
    DEFAULT_PASSWORD = "Kp3-admin-Tern"  # nosec  # expect: FL305(low)


# The name of a credential setting, kept to look it up: not a credential.
OPT_API_KEY = "LANGUAGETOOL_API_KEY"

# The name of the Kubernetes Secret the credentials are read from (Anubis): not a credential.
GOOGLE_GMAIL_CREDS_SECRET = "google-gmail-creds"
# Trap: hyphenated, but not the setting's own words.
GOOGLE_SMTP_SECRET = "fennel-drum-Wq4"  # expect: FL305(medium)

# A marker searched for in binaries (clusterfuzz): tokens and keys are never phrases.
MULTISTEP_MERGE_SUPPORT_TOKEN = b"fuzz target overwrites its const input"
# A passphrase is a password all the same.
BACKUP_PASSWORD = "correct horse battery staple"  # expect: FL305(medium)


# Patterns that find credentials in camera URLs, named for what they match: not credentials.
REGEX_RTSP_CAMERA_USER_PASS = r":\/\/[a-zA-Z0-9_-]+:[\S]+@"
REGEX_HTTP_CAMERA_USER_PASS = r"user=[a-zA-Z0-9_-]+&password=[\S]+"
# A name that says pattern, a value with no pattern syntax: still a credential.
PATTERN_SERVICE_PASSWORD = "Cam-Fallback-8841"  # expect: FL305(medium)


class StorageConfig:
    # A secret of the AWS shape: whoever reads it (and the id beside it, which is no secret)
    # signs requests as the account.
    AWS_ACCESS_KEY_ID = "AKIAZ7QW3RTX5LMN2KPV"
    AWS_SECRET_ACCESS_KEY = "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"  # expect: FL305(medium)


class FallbackConfig:
    # Fallbacks no AWS key looks like, and words that stand for any value (arXiv's).
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "nope")
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "local-minio-secret")
    KUBE_TOKEN = os.environ.get("KUBE_TOKEN", "fookubetoken")


# A sample token printed in the API documentation, expired in 2018: it opens nothing.
SAMPLE_ACCESS_TOKEN = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiYSIsICJleHAiOiAxNTQwNTU3NDQ2fQ.wmytxSuQlH-KjhxO2EzrIioWHWgEnyiqWpRBwWuM15M"
# A service token valid until 2100: whoever reads it calls the service.
SERVICE_ACCESS_TOKEN = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAic3ZjIiwgImV4cCI6IDQxMDI0NDQ4MDB9.Zq8vR2pLk9Hx8Vq2Lm9Tr4Kw7Zp1Ns5Jd3Fb6Yc0Ga2U"  # expect: FL305(medium)

# The `token_type` claim values a project mints (flask-jwt-auth-template): labels spelled from
# the name's own words name a kind of token, not a token.
ACCESS_TOKEN = "access"
RESET_PASSWORD_TOKEN = "reset_pass"
EMAIL_CONF_TOKEN = "email_conf"
# The same spelling under a password name is a real password (a default one, hence low); a
# token whose value is a word the name does not hold is a value.
POSTGRES_PASSWORD = "postgres"  # expect: FL305(low)
DEPLOY_TOKEN = "hunter"  # expect: FL305(medium)
