"""A Fernet "token" is the ciphertext of a stored field: the code decrypts it with its own key,
and no server accepts it as a credential. A reset token handed to a mailer is one."""
import logging

from cryptography.fernet import Fernet
from flask import current_app

logger = logging.getLogger(__name__)


def decrypt_data(token: str):
    fernet = Fernet(current_app.config["FERNET_KEY"])
    try:
        return fernet.decrypt(token.encode()).decode()
    except Exception as error:
        print(f"could not decrypt the token {token}: {error}")
        return token


def send_reset(mailer, address, token):
    mailer.send(address, f"/reset?token={token}")
    logger.info("reset token %s sent to %s", token, address)  # expect: FL403(low)
