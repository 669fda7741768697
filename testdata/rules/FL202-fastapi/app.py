"""A Flask UI beside a FastAPI service in one tree (bunkerweb): `@router.delete(...)` on a FastAPI
router is FastAPI's route, authenticated by `Depends(...)`, which Flask's rules cannot judge."""
from fastapi import APIRouter, Depends, FastAPI
from flask import Flask
from flask_login import login_required

from .guard import guard

ui = Flask(__name__)
router = APIRouter(prefix="/services")
api = FastAPI()


@ui.get("/dashboard")
@login_required
def dashboard():
    return "ok"


@ui.delete("/services/<name>")
def remove_service(name):  # expect: FL202
    return "", 204


@router.delete("/{service}", dependencies=[Depends(guard)])
def delete_service(service: str):
    return {"deleted": service}


@api.post("/ban")
def ban(ip: str, user=Depends(guard)):
    return {"banned": ip}
