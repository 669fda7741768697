"""picoCTF's shape: the handler loads the caller with a helper whose `else` (reached when nobody
is logged in) raises a 401, then refuses other users with a 403. The route is authenticated in
the handler: FL202 stays silent. A helper whose `else` refuses nothing is no authentication."""
from flask import Flask, abort, session

app = Flask(__name__)
GROUPS = {}


class PicoException(Exception):
    def __init__(self, message, status_code=500):
        super().__init__(message)
        self.status_code = status_code


def is_logged_in():
    return "uid" in session


def get_user(uid=None):
    if uid is not None:
        return {"uid": uid}
    elif is_logged_in():
        return {"uid": session["uid"], "admin": session.get("admin", False)}
    else:
        raise PicoException("Could not retrieve user - not logged in", 401)


def get_user_or_guest():
    if is_logged_in():
        return {"uid": session["uid"], "admin": False}
    else:
        return {"uid": None, "admin": False}


@app.get("/groups")
def list_groups():
    get_user()
    return {"groups": list(GROUPS)}


@app.patch("/groups/<group_id>")
def patch_group(group_id):
    user = get_user()
    if user["uid"] != GROUPS[group_id]["owner"] and not user["admin"]:
        raise PicoException("You do not have permission to modify this classroom.", 403)
    GROUPS[group_id]["settings"] = {}
    return {"success": True}


@app.delete("/groups/<group_id>")
def delete_group(group_id):  # expect: FL202
    # Trap: a guest is let through by this helper's `else`, so nothing refuses anonymous callers.
    get_user_or_guest()
    GROUPS.pop(group_id, None)
    return {"success": True}
