"""A decoder that answers a dict saying what went wrong (dmutils' `decode_invitation_token`:
`{"error": "token_invalid"}`, `{"error": "token_expired"}`): a token logged in those branches
was just refused; one logged on the way through was not."""
from dmutils.email import decode_invitation_token
from flask import Flask, current_app, render_template

app = Flask(__name__)


@app.get("/create/<encoded_token>")
def create_user(encoded_token):
    token = decode_invitation_token(encoded_token)
    if token.get("error") == "token_invalid":
        current_app.logger.warning("token_invalid: %s", encoded_token)
        return render_template("error.html"), 400
    if "error" in token:
        current_app.logger.warning("token_expired: %s", encoded_token)
        return render_template("expired.html"), 400
    current_app.logger.info("accepted invitation %s", encoded_token)  # expect: FL403(low)
    return render_template("create-user.html", role=token["role"])
