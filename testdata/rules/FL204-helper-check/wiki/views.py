from flask import Flask, request
from flask_login import login_required

from wiki import preferences

app = Flask(__name__)


@app.route("/-/admin/user_management", methods=["POST", "GET"])
@login_required
def admin_user_management():
    # The role check is in the function each branch hands the request to.
    if request.method == "GET":
        return preferences.user_management_form()
    return preferences.handle_user_management(request.form)


@app.route("/-/admin", methods=["POST", "GET"])
@login_required
def admin():
    # Two calls deep: handle_preferences -> handle_app_preferences.
    return preferences.handle_preferences(request.form)


@app.route("/-/admin/sidebar", methods=["POST", "GET"])
@login_required
def admin_sidebar():  # expect: FL204
    # The helper it calls checks nothing: every logged-in user edits the sidebar.
    return preferences.sidebar_form()
