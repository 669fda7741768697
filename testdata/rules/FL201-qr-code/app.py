"""An asset register: the sticker on each device prints a QR code that opens the device's page,
for whoever scans it; a device's service log is its holder's."""
from flask import Flask, jsonify
from flask_login import login_required

from models import Asset, Note

app = Flask(__name__)


@app.route("/asset/<asset_tag>")
@login_required
def view_asset(asset_tag):  # expect: FL201(low)
    """Protected view for a scanned QR code: shows the asset and who holds it."""
    asset = Asset.query.filter_by(tag=asset_tag).first_or_404()
    return jsonify(tag=asset.tag, holder=asset.holder_id)


@app.route("/asset/<int:asset_id>/log")
@login_required
def asset_log(asset_id):  # expect: FL201
    """The service log of the asset's holder."""
    asset = Asset.query.get_or_404(asset_id)
    return jsonify(holder=asset.holder_id, notes=[n.text for n in Note.query.all()])
