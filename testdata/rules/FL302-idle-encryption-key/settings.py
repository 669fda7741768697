import os


class Settings:
    SECRET_KEY = os.environ["SECRET_KEY"]
    # Read only by a column type no model declares.
    AES_SECRET_KEY = os.getenv("AES_SECRET_KEY", "fake-aes-key")  # expect: FL302(low)
    # Read by the cipher the notes are stored with.
    ENCRYPTION_SECRET_KEY = os.getenv("ENCRYPTION_SECRET_KEY", "encryption-key")  # expect: FL302
