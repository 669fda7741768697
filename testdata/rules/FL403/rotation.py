"""AWS Secrets Manager's rotation template (meal-expense-tracker's `secret_rotation.py`): the
`token` it logs is the `ClientRequestToken`, the id of the secret version being rotated, which
AWS logs itself; it opens nothing. A token of the app's own, logged beside it, still counts."""
import logging

from flask import session

logger = logging.getLogger(__name__)


def lambda_handler(event, context):
    arn = event["SecretId"]
    token = event["ClientRequestToken"]
    step = event["Step"]
    logger.info("Rotating %s at step %s for version %s", arn, step, token)
    if step == "finishSecret":
        finish_secret(arn, token)


def finish_secret(arn, token):
    logger.info("Successfully set version %s as AWSCURRENT for %s", token, arn)


def report_session():
    session_token = session.get("token")
    logger.info("session %s", session_token)  # expect: FL403
