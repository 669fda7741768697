import os


class Config:
    SIGNING_MATERIAL = os.environ["BLOG_SIGNING_MATERIAL"]
