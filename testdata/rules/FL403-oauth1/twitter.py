"""charityape's Twitter connection and wikicontest's MediaWiki login: OAuth 1.0a tokens, which
sign a request only with their token secret and the app's consumer secret (and a request
token is good for one exchange), logged: low. The app's own bearer token stays medium."""
import logging

import tweepy
from flask import Blueprint, current_app, redirect, request, session
from flask_jwt_extended import create_access_token, jwt_required

log = logging.getLogger(__name__)
bp = Blueprint("twitter", __name__)
auth = tweepy.OAuthHandler("consumer-key", "consumer-secret")


@bp.route("/connect")
def connect():
    url = auth.get_authorization_url()
    session["request_token"] = auth.request_token["oauth_token"]
    return redirect(url)


@bp.route("/callback")
def callback():
    verifier = request.args.get("oauth_verifier")
    token = session["request_token"]
    auth.request_token = {"oauth_token": token, "oauth_token_secret": verifier}
    print(verifier, token)  # expect: FL403(low)
    auth.get_access_token(verifier)
    oauth_token = auth.access_token
    current_app.logger.info(f"linked account, oauth_token: {oauth_token}")  # expect: FL403(low)
    access_token = create_access_token(identity=session["user_id"])
    log.info("session token %s", access_token)  # expect: FL403(medium)
    return redirect("/")


@bp.route("/me")
@jwt_required()
def me():
    return "me"
