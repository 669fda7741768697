from flask import jsonify, render_template

from dorm.models import Notice


def index_page():
    return render_template("index.html")


def purge_notices():  # expect: FL202
    for notice in Notice.objects():
        notice.delete()
    return jsonify(purged=True)
