"""A role named in the code that says nothing of privilege (pwn.college's dojo gives a linked
Discord account the "White Belt" role, fitlife360 sets `user.role = "trainer"`) is a badge or
a kind of account, not a grant; an administrative one is. Routes
behind CTFd's `@authed_only`, as its plugins import it, are authenticated."""
from CTFd.utils.decorators import authed_only
from CTFd.utils.user import get_current_user
from flask import Blueprint, request

discord = Blueprint("discord", __name__)


def add_role(discord_id, role_name):
    return (discord_id, role_name)


@discord.route("/discord/redirect")
@authed_only
def discord_redirect():
    user = get_current_user()
    add_role(user.discord_id, "White Belt")
    return {"success": True}


@discord.route("/discord/promote", methods=["POST"])
@authed_only
def discord_promote():  # expect: FL204(low)
    add_role(request.json["discord_id"], "Admin")
    return {"success": True}


class Token:
    @staticmethod
    def create_personal(name, user_id, scopes=None):
        return (name, user_id, scopes)


@discord.route("/user/tokens", methods=["POST"])
@authed_only
def create_token():
    # A personal API token's scopes narrow what the token may do for its owner (b2share).
    return {"token": Token.create_personal("cli", get_current_user().id, scopes=["deposit:write"])}


@discord.route("/role", methods=["POST"])
@authed_only
def choose_role():
    # fitlife360: a member picks between the ordinary kinds the code names; the request's
    # `role` compared with a list validates the request, it checks no caller's role.
    role = request.get_json().get("role")
    if role not in ["member", "trainer"]:
        return {"error": "invalid role"}, 400
    user = get_current_user()
    if role == "trainer":
        user.role = "trainer"
    else:
        user.role = "member"
    return {"success": True}


@discord.route("/role/escalate", methods=["POST"])
@authed_only
def escalate():  # expect: FL204(low)
    user = get_current_user()
    user.role = "admin"
    return {"success": True}
