"""nexai's demo-mode pages: `@login_required` commented out above handlers that read and write
nothing stored (a page template whose data the guarded API serves, an "email simulation" that
only logs). The comment is no evidence of a hole there. Where the handler reads records, it is."""
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


@app.route("/invoices")
# @login_required  # Temporarily disabled for demo mode
def invoices_page():  # expect: FL202
    return render_template("invoices.html", invoices=Invoice.query.all())


@app.route("/api/ai/contract-analysis", methods=["POST"])
@login_required
def contract_analysis_api():
    return jsonify({"analysis": "..."})
