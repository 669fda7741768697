from flask import jsonify

from app import app


@app.route("/api/exports/payroll/clear", methods=["POST"])
def clear_payroll_export():  # expect: FL202(high)
    app.db.session.commit()
    return jsonify(cleared=True)
