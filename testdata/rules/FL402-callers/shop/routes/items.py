from flask import request
from flask_login import login_required

from shop import app
from shop.services import items as item_service
from shop.services.items import add_item, purge


@app.post("/items")
@login_required
def create():
    return add_item(request.get_json())


@app.delete("/items")
@login_required
def delete_many():
    return purge(request.get_json())


@app.get("/items")
def index():
    # Public.
    return item_service.list_items()


@app.get("/items/mine")
@login_required
def mine():
    return item_service.list_items()


@app.post("/items/<int:item_id>/tags")
@login_required
def tag(item_id):
    return item_service.link_tag(item_id, request.args["tag"])


@app.post("/guest/items/tags")
def guest_tag():  # expect: FL202
    return item_service.tag_on_create(request.args["item"])


@app.post("/guest/items/owner")
def guest_owner():  # expect: FL202
    return item_service.owner_on_create(request.args["item"])


@app.get("/guest/export")
def guest_export():
    return item_service.export_for_guest()


@app.get("/items/<int:item_id>/report")
@login_required
def report(item_id):
    return item_service.ReportService.build_report(item_id)
