import os


class Config:
    SHOP_TOKEN_KEY = os.environ["SHOP_TOKEN_KEY"]
    # The blog decodes with a key of this name; in the shop it signs nothing.
    SIGNING_MATERIAL = "d4Xq9Lm2Vr7Tz5Nw1Bc8Hd6Jf3Gs0PyE"
