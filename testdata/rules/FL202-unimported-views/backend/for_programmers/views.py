from flask import jsonify

from app import app


@app.route("/api/programmers/wipe", methods=["POST"])
def wipe_everything():  # expect: FL202(low)
    app.db.session.commit()
    return jsonify(wiped=True)
