"""avwx-account's payment callbacks: `@login_required` above the route decorator never runs, but
the handler only flashes a fixed message and redirects to a page with its own check: every
caller gets the same, so low. A handler that renders a page, reads the request or the store
stays high: an anonymous caller gets what the check was meant to keep."""
from flask import Flask, flash, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
login_manager = LoginManager(app)


@app.route("/manage")
@login_required
def manage():
    return render_template("manage.html", user=current_user)


@login_required  # expect: FL205(low)
@app.route("/stripe/success")
def stripe_success():
    flash("Your sign-up was successful. Thank you!", "success")
    return redirect(url_for("manage"))


@login_required  # expect: FL205(low)
@app.route("/stripe/cancel")
def stripe_cancel():
    """The caller cancelled the checkout."""
    flash("No changes have been made", "info")
    return redirect(url_for("manage"))


@login_required  # expect: FL205(high)
@app.route("/stripe/plan")
def stripe_plan():
    flash(f"Plan {request.args['plan']} selected")
    return redirect(url_for("manage"))


@login_required  # expect: FL205(high)
@app.route("/billing")
def billing():
    return render_template("billing.html")
