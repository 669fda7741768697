"""Helpers no route runs directly are judged by the functions of their module that call them."""
import json

from flask import jsonify
from flask.views import MethodView
from flask_login import login_required

from app import app
from store import load


class ServerView(MethodView):
    @login_required
    def delete(self, sid):
        return self.delete_shared_server(sid)

    @login_required
    def put(self, sid):
        return self.delete_shared_server(sid)

    def delete_shared_server(self, sid):
        try:
            return load()
        except Exception as e:
            # Its only callers require a login: low.
            return jsonify(success=0, errormsg=str(e)), 500  # expect: FL402(low)

    def orphan(self, sid):
        try:
            return load()
        except Exception as e:
            # No caller in sight: who reads it is unknown, low.
            return jsonify(errormsg=str(e)), 500  # expect: FL402(low)


def rename_server(sid):
    try:
        return load()
    except Exception as e:
        # One of its callers is a route without authentication.
        return jsonify(errormsg=str(e)), 500  # expect: FL402(low)


@app.get("/servers/<int:sid>/rename")
def rename(sid):
    return rename_server(sid)


@app.post("/servers/<int:sid>/rename")
@login_required
def rename_logged_in(sid):
    return rename_server(sid)


@app.post("/servers/import")
@login_required
def import_servers():
    # The project's own exception, imported where it is caught: its text is the project's.
    from store import StoreError

    try:
        return load()
    except StoreError as e:
        return jsonify(errormsg=str(e)), 400
    except (ValueError, json.JSONDecodeError) as e:
        # A parse error of the client's own JSON.
        return jsonify(errormsg=str(e)), 400
