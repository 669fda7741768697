from flask import Blueprint, request

admin_doctors_route = Blueprint("admin_doctors_route", __name__)
DOCTORS = {}


@admin_doctors_route.post("/doctors")
def add_doctor():  # expect: FL204(low)
    DOCTORS[len(DOCTORS)] = request.get_json()
    return {"id": len(DOCTORS) - 1}, 201


@admin_doctors_route.delete("/doctors/<int:doctor_id>")
def delete_doctor(doctor_id):  # expect: FL204(low)
    DOCTORS.pop(doctor_id, None)
    return "", 204
