from app import app as core_app

core_app.run(debug=True, port=3000, host="0.0.0.0")  # expect: FL304(medium)
