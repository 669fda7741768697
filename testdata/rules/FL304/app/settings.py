# A settings module loaded with from_object / from_pyfile.
DEBUG = True  # expect: FL304(high)
