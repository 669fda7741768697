from flask import Blueprint, g, redirect, request, url_for

from .auth import confirmed_only, login_required, remembers_user, session_required

bp = Blueprint("blog", __name__)
POSTS = {}


@bp.route("/create", methods=("POST",))
@login_required
def create():
    POSTS[request.form["title"]] = {"author": g.user}
    return redirect(url_for("index"))


@bp.route("/<title>/rename", methods=("POST",))
@session_required
def rename(title):
    POSTS[request.form["new"]] = POSTS.pop(title)
    return redirect(url_for("index"))


@bp.route("/<title>/delete", methods=("POST",))
@remembers_user
def delete(title):  # expect: FL202
    POSTS.pop(title, None)
    return redirect(url_for("index"))


@bp.route("/purge", methods=("POST",))
def purge():  # expect: FL202
    POSTS.clear()
    return redirect(url_for("index"))


@bp.route("/<title>/archive", methods=("POST",))
@confirmed_only
def archive(title):  # expect: FL202
    POSTS[title]["archived"] = True
    return redirect(url_for("index"))
