from setuptools import setup

setup(name="search", packages=["search"])
