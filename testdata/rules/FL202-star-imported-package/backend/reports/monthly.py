from flask import jsonify

from app import app


@app.route("/api/reports/monthly/close", methods=["POST"])
def close_monthly_report():  # expect: FL202(high)
    app.db.session.commit()
    return jsonify(closed=True)
