"""A GET link that deletes is a state change whatever its method says: gymapi's
`GET /remove/<identifier>`, the target of an admin page's links, deletes any member by SSN with
no login while the app's API routes require a token. A GET that only reads stays a read, and
logging out (which drops the caller's own session row) is public by design. A GET that changes
the row its URL names and commits (naijaeats's `GET /cancel_order/<order_id>`) changes state too,
and reading the caller only to answer afterwards (`url_for(..., user_id=current_user.id)`) does
not make it authenticated: the change is made first, for anyone. A row found by what the query
string carries (a payment provider's signed return URL) is not the URL's row. Nor is a value the
view recomputes from the row alone (any-questions' profile view storing `user.reputation`
computed from the user's own counts): bookkeeping no caller steers."""
import hashlib
import os

from flask import Flask, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from .models import Member, Order, SessionRow, db

app = Flask(__name__)


@app.get("/members")
@login_required
def members():
    return render_template("members.html", members=Member.query.all())


@app.route("/remove/<identifier>")
def remove(identifier):  # expect: FL202
    member = Member.query.filter_by(ssn=identifier).first()
    if member:
        db.session.delete(member)
        db.session.commit()
    return redirect("/members")


@app.route("/purge-inactive")
def purge_inactive():  # expect: FL202
    Member.query.filter_by(active=False).delete()
    db.session.commit()
    return redirect("/members")


@app.route("/directory")
def directory():
    return render_template("directory.html", count=Member.query.count())


@app.route("/logout")
def logout():
    row = SessionRow.query.get(session.get("sid"))
    db.session.delete(row)
    db.session.commit()
    return redirect("/")


@app.route("/cancel_order/<order_id>")
def cancel_order(order_id):  # expect: FL202
    order = Order.query.get(order_id)
    order.cancelled = True
    db.session.commit()
    return redirect(url_for("profile", user_id=current_user.id))


@app.route("/orders/<order_id>/viewed")
def mark_viewed(order_id):  # expect: FL202(low)
    order = Order.query.get(order_id)
    order.views += 1
    db.session.commit()
    return redirect("/")


@app.route("/orders/<order_id>/summary")
def order_summary(order_id):  # expect: FL202(low)
    order = Order.query.get(order_id)
    order.views = order.views + 1 + sum(1 for flag in [order.paid, order.cancelled] if flag)
    db.session.commit()
    return render_template("order.html", order=order)


@app.route("/payment/return")
def payment_return():
    order = Order.query.filter_by(number=request.args.get("ORDER_NUMBER")).first()
    expected = hashlib.md5((request.args["ORDER_NUMBER"] + os.environ["MERCHANT_SECRET"]).encode())
    if request.args.get("AUTHCODE") == expected.hexdigest().upper():
        order.paid = True
        db.session.commit()
    return redirect("/")
