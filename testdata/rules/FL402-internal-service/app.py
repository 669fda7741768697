"""An internal service (GOV.UK Notify's template preview, its antivirus API): every route but the
health check needs the shared token, so the text an app-wide error handler answers with reaches
callers holding it. Anonymous callers get werkzeug's own 401/404/405 text. Low."""
import os

from flask import Flask, jsonify
from flask_httpauth import HTTPTokenAuth

app = Flask(__name__)
auth = HTTPTokenAuth()


@auth.verify_token
def verify_token(token):
    return token == os.environ["TEMPLATE_PREVIEW_INTERNAL_SECRET"]


@app.route("/_status")
def status():
    return jsonify(status="ok")


@app.route("/preview.pdf", methods=["POST"])
@auth.login_required
def preview():
    return jsonify(pages=1)


@app.errorhandler(Exception)
def exception(error):
    return jsonify(result="error", message=str(error)), 500  # expect: FL402(low)
