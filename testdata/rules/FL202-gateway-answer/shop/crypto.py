from hashlib import md5

from Crypto.Cipher import AES


def decrypt(cipher_text, working_key):
    key = md5(working_key.encode()).digest()
    return AES.new(key, AES.MODE_CBC, bytes(16)).decrypt(bytes.fromhex(cipher_text)).decode()
