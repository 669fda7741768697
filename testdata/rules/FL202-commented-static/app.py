"""nexai's demo-mode pages: `@login_required` commented out above handlers that read and write
nothing stored (a page template whose data the guarded API serves, an "email simulation" that
only logs), and iforge's joke endpoints that answer literals through the project's response
helper. The comment is no evidence of a hole there. Where the handler reads records, or hands
the helper something it read, it is."""
import logging
import uuid

from flask import Flask, jsonify, render_template, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
login_manager = LoginManager(app)
logger = logging.getLogger(__name__)


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    client_email = db.Column(db.String)


@app.route("/ai/contract-analysis")
# @login_required  # Temporarily disabled for mobile testing
def ai_contract_analysis():
    """AI-powered contract analysis interface"""
    try:
        return render_template("ai_contract_analysis.html", cache_buster=str(uuid.uuid4())[:8])
    except Exception as e:
        logger.error(f"AI contract analysis page error: {e}")
        return "AI contract analysis error", 500


@app.route("/api/billing/email-payment-link", methods=["POST"])
# @login_required  # Temporarily disabled for demo mode
def email_payment_link():
    data = request.get_json()
    logger.info(f"Email simulation: sending a payment link to {data.get('client_email')}")
    return jsonify({"success": True, "demo_mode": True})


def custom_response(status_code, extra_info=None, data=None):
    return jsonify(info=extra_info, data=data), status_code


@app.route("/misc/toast")
# @login_required
def toast():
    """Test Endpoint 1"""
    return custom_response(status_code=418, extra_info="sweet cheeks")


@app.route("/misc/latest-invoice")
# @login_required
def latest_invoice():  # expect: FL202
    return custom_response(status_code=200, data=Invoice.query.first().client_email)


@app.route("/invoices")
# @login_required  # Temporarily disabled for demo mode
def invoices_page():  # expect: FL202
    return render_template("invoices.html", invoices=Invoice.query.all())


@app.route("/api/ai/contract-analysis", methods=["POST"])
@login_required
def contract_analysis_api():
    return jsonify({"analysis": "..."})
