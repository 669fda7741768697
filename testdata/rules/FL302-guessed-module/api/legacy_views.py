from flask import session


def remember(user_id):
    session["user_id"] = user_id


def current():
    return session.get("user_id")
