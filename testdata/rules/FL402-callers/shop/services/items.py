from flask import abort, jsonify
import flask_smorest

from shop.db import session


def add_item(data):
    try:
        session.add(data)
        session.commit()
    except Exception as ex:
        session.rollback()
        # Its only caller is a route that requires a login: low.
        flask_smorest.abort(400, message=f"Can not add item! Error: {ex}")  # expect: FL402(low)
    return {"message": "added"}


def remove_item(item_id):
    try:
        session.commit()
    except Exception as ex:
        # Reached through `purge`, a helper whose only caller requires a login: low.
        abort(500, description=f"Can not remove: {ex}")  # expect: FL402(low)
    return {"message": "removed"}


def purge(item_ids):
    for item_id in item_ids:
        remove_item(item_id)
    return {"message": "purged"}


def list_items():
    try:
        return session.commit()
    except Exception as ex:
        # One caller is a public route: low, as a route's own `except` is.
        return jsonify(error=str(ex)), 500  # expect: FL402(low)


def link_tag(item_id, tag):
    try:
        session.commit()
    except Exception as ex:
        # Called from an authenticated route, and from `tag_on_create`, whose
        # `except Exception` takes the HTTP error this raises (its text is then werkzeug's
        # generic one): only the authenticated caller reads this text. Low.
        abort(500, description=f"linking failed: {ex}")  # expect: FL402(low)
    return tag


def tag_on_create(item_id):
    try:
        link_tag(item_id, "new")
    except Exception:
        abort(400, description="could not tag the new item")
    return {"message": "tagged"}


def link_owner(item_id, owner):
    try:
        session.commit()
    except Exception as ex:
        # `owner_on_create` catches the error and raises it again: the public route that
        # runs it reads this text. Medium.
        abort(500, description=f"owner failed: {ex}")  # expect: FL402(low)
    return owner


def owner_on_create(item_id):
    try:
        link_owner(item_id, "me")
    except Exception:
        session.rollback()
        raise
    return {"message": "owned"}


def export_items():
    # Returned, not raised: a caller's `except` does not take a returned response.
    try:
        return session.commit()
    except Exception as ex:
        return jsonify(error=str(ex)), 500  # expect: FL402(low)


def export_for_guest():
    try:
        return export_items()
    except Exception:
        return jsonify(error="export failed"), 500


class ReportService:
    @staticmethod
    def build_report(item_id):
        try:
            return {"report": session.commit()}
        except Exception as ex:
            # Called through its class by a route that requires a login: its caller's
            # audience, named in the message.
            return {"error": str(ex)}, 500  # expect: FL402(low)
