from flask import jsonify

from app import app


@app.route("/api/admin_tasks/purge", methods=["POST"])
def purge_tasks():  # expect: FL202(low)
    app.db.session.commit()
    return jsonify(purged=True)
