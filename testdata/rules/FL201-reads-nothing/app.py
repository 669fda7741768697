"""Routes whose URL id reaches no record (hsk_bazaar_diary, sampledb): mock data echoing the id,
a call of a method the project's own class does not define (every request fails with
AttributeError before a row is read), a redirect to the page that checks, a stub that loads the
row and only says "not implemented" (farmers-market-hub's `edit_crop`: the row goes nowhere, the
answer tells only whether the id exists). Silent. Beside them, the
same service class's real method is a finding."""
from flask import Flask, flash, jsonify, redirect, request, url_for
from flask_login import LoginManager, current_user, login_required

from bank import BankSystem
from models import Account

app = Flask(__name__)
app.config.from_prefixed_env()
login_manager = LoginManager(app)
bank_system = BankSystem()


@app.get("/api/bank-accounts/<int:account_id>")
@login_required
def mock_account(account_id):
    # Mock data for now.
    account = {"id": account_id, "bank_name": "HDFC Bank", "balance": 50000}
    return jsonify({"success": True, "account": account})


@app.put("/api/bank-account/<int:account_id>")
@login_required
def update_account(account_id):
    success, message = bank_system.update_account(account_id, request.get_json())
    return jsonify({"success": success, "message": message})


@app.get("/users/<int:user_id>/activity")
@login_required
def user_activity(user_id):
    return redirect(url_for("user_profile", user_id=user_id))


@app.get("/users/<int:user_id>")
@login_required
def user_profile(user_id):
    if user_id != current_user.id:
        return "", 403
    return jsonify(id=current_user.id)


@app.get("/api/bank-account/<int:account_id>")
@login_required
def get_account(account_id):  # expect: FL201
    account = bank_system.get_bank_account(account_id)
    return jsonify(balance=account.balance)


@app.post("/api/bank-accounts/<int:account_id>/close")
@login_required
def close_account(account_id): account = Account.query.get_or_404(account_id); flash("Closing accounts is not implemented."); return redirect(url_for("user_activity", user_id=current_user.id))  # noqa: E702


@app.post("/api/bank-accounts/<int:account_id>/freeze")
@login_required
def freeze_account(account_id):  # expect: FL201
    account = Account.query.get_or_404(account_id)
    flash(f"Account {account.id} frozen.")
    account.balance = 0
    return redirect(url_for("user_activity", user_id=current_user.id))
