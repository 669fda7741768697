from flask import jsonify

from app import app


@app.route("/api/lesson_plans/<int:plan_id>/delete", methods=["POST"])
def delete_lesson_plan(plan_id):  # expect: FL202(low)
    app.db.session.commit()
    return jsonify(deleted=plan_id)
