FLASK_DEBUG=1
SECRET_KEY=flaskenv-dev-key # expect: FL302(low)
