"""A credential whose service the settings beside it put on this machine (notifications-api's
`TEMPLATE_PREVIEW_API_KEY` defaulting to `my-secret-key` beside a host defaulting to
`http://localhost:6013`, walle's production template for a MySQL on 127.0.0.1) is a development
default only a local user reaches: low. The same credential beside a remote host stays medium."""
import os


class Config:
    TEMPLATE_PREVIEW_API_HOST = os.environ.get("TEMPLATE_PREVIEW_API_HOST", "http://localhost:6013")
    TEMPLATE_PREVIEW_API_KEY = os.environ.get("TEMPLATE_PREVIEW_API_KEY", "my-secret-key")  # expect: FL305(low)

    BILLING_API_HOST = os.environ.get("BILLING_API_HOST", "https://billing.example.net")
    BILLING_API_KEY = os.environ.get("BILLING_API_KEY", "bk-live-7f3a9c")  # expect: FL305(medium)

    # The host of another service is no evidence about this one.
    PAYMENTS_API_KEY = "pay-4d8e2b1c"  # expect: FL305(medium)


SETTINGS = {
    "MYSQL_USER": "walle",
    "MYSQL_PASSWORD": "w4lle-db",  # expect: FL305(low)
    "MYSQL_ROOT_PASSWORD": "w4lle-root",  # expect: FL305(low)
    "MYSQL_HOST": "127.0.0.1",
}

HOST = os.environ.get("MYSQL_HOST") or "127.0.0.1"
PASSWORD = os.environ.get("MYSQL_PASSWORD") or "s3cret-local"  # expect: FL305(low)

# A service on the machine that runs the container (rq-dashboard's sample compose file and
# Docker's name for the host): local, like localhost.
DOCKER_HOST_REDIS_HOST = os.environ.get("DOCKER_HOST_REDIS_HOST", "host.docker.internal")
DOCKER_HOST_REDIS_PASSWORD = os.environ.get("DOCKER_HOST_REDIS_PASSWORD", "Kx7-harbor-Lime")  # expect: FL305(low)
