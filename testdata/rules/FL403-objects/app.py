"""What a name holds decides whether logging it logs a token: a database row (Indico's
`PersonalToken`, read as `token.id`, `self.token.name`) logs its `repr` (low: check that it leaves
the secret out); a counter named `token` (Faraday's debounce generation, `int(redis.incr(...))`)
is no credential (silent); a token at debug level is low (off unless turned on); the string
itself at info level stays medium."""
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


class PersonalToken:
    def __init__(self, user):
        self.id = 1
        self.user = user

    def generate_token(self):
        return "secret"


class RevokeToken:
    def __init__(self, token):
        self.token = token

    def process(self):
        self.token.revoke()
        logger.info("Revoked token %r", self.token)  # expect: FL403(low)
        return {"id": self.token.id}


@app.post("/tokens")
def create_token():
    token = PersonalToken(user=request.json["user"])
    access_token = token.generate_token()
    logger.info("Created token %r", token)  # expect: FL403(low)
    logger.info("Handed out %s", access_token)  # expect: FL403(medium)
    return {"id": token.id, "token": access_token}


def schedule(redis, key):
    token = int(redis.incr(key))
    logger.info("debounce generation %s", token)
    return token


@app.get("/callback")
def callback():
    id_token = request.args["id_token"]
    logger.debug("id_token %s", id_token)  # expect: FL403(low)
    return {"ok": True}


def send_telegram(config, text):
    # A long-lived secret from the configuration stays medium at debug level (FlexGet's bot
    # token, in the debug log its issue template asks users to paste).
    bot_token = config["bot_token"]
    logger.debug("sending with bot token %s", bot_token)  # expect: FL403(medium)
    return text


class TelegramNotifier:
    def load_config(self, config):
        self._token = config["bot_token"]
        logger.debug("token={}", self._token)  # expect: FL403(medium)


class RevocationEndpoint:
    def revoke_token(self, token, db):
        # What an ORM session deletes is a row: its `repr` is logged (Indico).
        db.session.delete(token)
        logger.info("Token %s was revoked", token)  # expect: FL403(low)


def check_csrf(expected_csrf_token, found_csrf_token):
    # Trap: CSRF tokens log no one in.
    logger.warning("CSRF failure: expected %s, found %s", expected_csrf_token, found_csrf_token)


def decode_pool(pool):
    # Trap: a cryptocurrency token (rotki's decoders) is an asset.
    underlying_token = pool.underlying
    logger.error("unknown underlying token %s", underlying_token)


def cache_eligibility(tokens, address):
    for token in tokens:
        if not isinstance(token["claimIndex"], int):
            # A mapping read by key: what is logged is a record, low.
            logger.error("invalid eligibility token for %s: %s", address, token)  # expect: FL403(low)


class Mirror:
    def __init__(self, api_token):
        self._api_token = api_token

    def describe(self):
        # Trap: only whether a token is set is logged.
        logger.info("mirror is %s", "authenticated" if self._api_token else "public only")


def validate_access_token(token):
    return None


def validate_app_token(access_token):
    validated = validate_access_token(access_token)
    if not validated:
        # Trap: logged in the branch where the check refused it (quay): not replayable.
        logger.warning("OAuth access token could not be validated: %s", access_token)
        return None
    logger.info("validated %s", access_token)  # expect: FL403(medium)
    return validated


def notify(config, text):
    TelegramNotifier().load_config(config)
    return send_telegram(config, text)


@app.cli.command("notify")
def notify_command():
    # The command runs `notify`, so the notifiers above run too.
    notify(app.config, "deployed")
