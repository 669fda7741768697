"""Exception text that takes a detour before it reaches the response."""
import traceback

from flask import Flask, abort, flash, jsonify, redirect, render_template
from flask_login import login_required


app = Flask(__name__)


@app.post("/items")
def create_item():  # expect: FL202
    try:
        save()
    except Exception as e:
        err = str(e)
        msg = "could not save: " + err
        return jsonify(error=msg), 500  # expect: FL402(low)


@app.get("/report")
def report():
    error = None
    try:
        build()
    except Exception:
        error = traceback.format_exc()
    if error:
        return jsonify(trace=error), 500  # expect: FL402(low)
    return jsonify(ok=True)


@app.route("/login", methods=["GET", "POST"])
def login():
    try:
        authenticate()
    except Exception as e:
        # Jinja renders the exception object with str().
        return render_template("login.html", error=e)  # expect: FL402(low)
    return redirect("/")


@app.post("/upload")
def upload():  # expect: FL202
    try:
        store()
    except OSError as e:
        flash(str(e))  # expect: FL402(low)
        return redirect("/")
    return redirect("/")


@app.post("/users")
def create_user():
    response = {"resultCode": 500}
    try:
        insert_user()
    except Exception as ex:
        response["resultMsg"] = ex.args[0]
        return response, 500  # expect: FL402(low)
    return response


@app.post("/quiet")
def quiet():  # expect: FL202
    try:
        save()
    except Exception as e:
        err = str(e)
        app.logger.error(err)
        return jsonify(error="internal error"), 500


@app.post("/reassigned")
def reassigned():  # expect: FL202
    try:
        save()
    except Exception as e:
        app.logger.exception(e)
        return redirect("/")
    err = "nothing went wrong"
    return jsonify(status=err)


class ItemAdmin:
    # A helper method whose caller flasklint cannot see: a flashed error is shown only to the
    # session whose action failed (low), as is a route's own `except` without authentication.
    def create_model(self, form):
        try:
            save()
        except Exception as ex:
            flash(f"Failed to create record. {ex}", "error")  # expect: FL402(low)
            return False
        return True


@app.get("/files/<name>")
def read_file(name):
    try:
        return open_upload(name)
    except KeyError:
        # A status with no exception text in it.
        abort(404)
    except OSError as e:
        return jsonify(error=str(e.strerror), path=e.filename), 500  # expect: FL402(low)


@app.post("/sync")
def sync():  # expect: FL202
    try:
        push()
    except Exception as e:
        return {"error": str(e.message)}, 502  # expect: FL402(low)


def format_error(error):
    # A GraphQL error formatter: its result is the error every failing query gets.
    formatted = {"message": str(error)}
    formatted["trace"] = traceback.format_exception(error.original_error)
    return formatted  # expect: FL402(medium)


# The app authenticates this route, so the open routes above stand out: their own `except`
# answers are low, the error handler's answer to every failure medium.
@app.get("/account")
@login_required
def account():
    return jsonify(ok=True)
