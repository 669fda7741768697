"""A photo site: reporting someone else's photo or liking it counts one on that photo, which is
what the route is for (low); taking credits from a photo's owner by id is not."""
from flask import Flask, redirect, url_for
from flask_login import current_user, login_required

from models import Photo, db

app = Flask(__name__)


@app.route("/report/photo/<int:photo_id>", methods=["POST"])
@login_required
def report_photo(photo_id):  # expect: FL201(low)
    photo = Photo.query.get_or_404(photo_id)
    photo.flag += 1
    db.session.commit()
    return redirect(url_for("show_photo", photo_id=photo.id))


@app.route("/like/<int:photo_id>", methods=["POST"])
@login_required
def like_photo(photo_id):  # expect: FL201(low)
    photo = Photo.query.get_or_404(photo_id)
    photo.likes += 1
    db.session.commit()
    return redirect(url_for("show_photo", photo_id=photo.id))


@app.route("/charge/<int:photo_id>", methods=["POST"])
@login_required
def charge(photo_id):  # expect: FL201
    photo = Photo.query.get_or_404(photo_id)
    photo.credits -= 100
    db.session.commit()
    return redirect(url_for("show_photo", photo_id=photo.id))


@app.route("/rename/<int:photo_id>", methods=["POST"])
@login_required
def rename(photo_id):  # expect: FL201
    photo = Photo.query.get_or_404(photo_id)
    photo.views += 1
    photo.title = "renamed"
    db.session.commit()
    return redirect(url_for("show_photo", photo_id=photo.id))


@app.route("/photo/<int:photo_id>")
def show_photo(photo_id):
    return f"photo {photo_id} for {current_user}"
