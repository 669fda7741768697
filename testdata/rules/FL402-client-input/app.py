import voluptuous
from flask import Flask, jsonify, request
from webauthn import verify_registration_response
from webauthn.helpers.exceptions import InvalidRegistrationResponse

from storage import save_credential

app = Flask(__name__)
SUMMARY_SCHEMA = voluptuous.Schema({"limit": voluptuous.Coerce(int)})


@app.post("/passkeys/register")
def register_passkey():
    try:
        verification = verify_registration_response(
            credential=request.get_json(),
            expected_challenge=b"challenge",
            expected_origin="https://example.com",
            expected_rp_id="example.com",
        )
    except InvalidRegistrationResponse as e:
        # py_webauthn says what is wrong with the credential the caller submitted.
        return jsonify({"success": False, "error": str(e)}), 400
    try:
        save_credential(verification)
    except Exception as e:
        return jsonify({"success": False, "error": str(e)}), 500  # expect: FL402
    return jsonify({"success": True})


@app.get("/v2/summary")
def summary():
    try:
        query = SUMMARY_SCHEMA(dict(request.args))
    except voluptuous.Invalid as e:
        # The schema's message about the caller's query ("expected int for dictionary value").
        return jsonify(error=e.msg), 400
    return jsonify(query)
