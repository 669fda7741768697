from flask import Blueprint, jsonify, redirect
from flask_login import login_required

from models import Student, db

school_bp = Blueprint("school_bp", __name__, url_prefix="/school")


@school_bp.route("/students")
@login_required
def list_students():
    return jsonify([student.name for student in Student.query.all()])


@school_bp.route("/classes/<int:class_id>/delete", methods=["POST"])
def delete_class(class_id):  # expect: FL202(high)
    db.session.delete(Student.query.get_or_404(class_id))
    db.session.commit()
    return redirect("/school/classes")
