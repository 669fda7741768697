from cryptography.fernet import Fernet
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy_utils import EncryptedType
from sqlalchemy_utils.types.encrypted.encrypted_type import AesEngine

from settings import Settings as S

db = SQLAlchemy()

EncryptedString = EncryptedType(db.Unicode, S.AES_SECRET_KEY, AesEngine, "pkcs5")
NOTE_CIPHER = Fernet(S.ENCRYPTION_SECRET_KEY)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.LargeBinary)

    def set_body(self, text):
        self.body = NOTE_CIPHER.encrypt(text.encode())
