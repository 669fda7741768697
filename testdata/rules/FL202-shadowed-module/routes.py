from flask import Blueprint, redirect

from models import Student, db

school_bp = Blueprint("school_bp", __name__, url_prefix="/school")


@school_bp.route("/students/<int:student_id>/remove", methods=["POST"])
def remove_student(student_id):  # expect: FL202(low)
    db.session.delete(Student.query.get_or_404(student_id))
    db.session.commit()
    return redirect("/school/students")
