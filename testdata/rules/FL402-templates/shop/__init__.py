"""Error pages handed the exception's text under a name: reported only when a template of the
page's chain (what it extends and includes) shows that name. A macro imported without context
has its own `message` parameter, which is not the page's."""
from flask import Flask, render_template

from canonicalwebteam.store_api.exceptions import StoreApiError, StoreApiTimeoutError

app = Flask(__name__)


@app.errorhandler(StoreApiTimeoutError)
def handle_timeout(error):
    # 50X.html never shows `error_message`.
    return render_template("50X.html", error_message=str(error), status_code=504), 504


@app.errorhandler(StoreApiError)
def handle_store_error(error):
    # error.html includes a partial that prints `details`.
    return render_template("error.html", details=str(error)), 502  # expect: FL402
