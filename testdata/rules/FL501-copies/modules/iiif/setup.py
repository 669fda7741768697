from setuptools import setup

setup(name="iiif", packages=["iiif"])
