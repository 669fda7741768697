"""A salon's public booking page: it formats opening hours in a nested helper that fills
lists of its own, and the form's POST is not built yet (it only prints). Neither changes
anything, so the page needs no login; the review form beside it writes and does."""
from flask import Flask, jsonify, render_template, request
from flask_login import current_user, login_required

from models import Review, Salon, db

app = Flask(__name__)


@app.route("/book/<int:salon_id>", methods=["GET", "POST"])
def book_a_visit(salon_id):
    salon = Salon.query.get_or_404(salon_id)
    if request.method == "POST":
        data = request.form.to_dict()
        print("BOOKING RECEIVED:", data, flush=True)
        return jsonify({"ok": True, "message": "Booking received"}), 200

    day_names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    def compress_weekdays(day_list):
        ranges = []
        start = prev = day_list[0]
        for day in day_list[1:]:
            if day == prev + 1:
                prev = day
            else:
                ranges.append((start, prev))
                start = prev = day
        ranges.append((start, prev))
        return [day_names[a] if a == b else f"{day_names[a]}-{day_names[b]}" for a, b in ranges]

    groups = {}
    for hours in salon.hours:
        groups.setdefault((hours.start, hours.end), []).append(hours.weekday)
    lines = [compress_weekdays(sorted(days)) for days in groups.values()]
    return render_template("book.html", salon=salon, lines=lines)


@app.route("/salon/<int:salon_id>/review", methods=["POST"])
def add_review(salon_id):  # expect: FL202
    def clean(text):
        words = []
        for word in text.split():
            words.append(word.strip())
        return " ".join(words)

    review = Review(salon_id=salon_id, text=clean(request.form["text"]))
    db.session.add(review)
    db.session.commit()
    return jsonify(ok=True)


@app.route("/account")
@login_required
def account():
    return render_template("account.html", user=current_user)


@app.route("/account/salons", methods=["POST"])
@login_required
def create_salon():
    salon = Salon(owner_id=current_user.id, name=request.form["name"])
    db.session.add(salon)
    db.session.commit()
    return jsonify(id=salon.id)
