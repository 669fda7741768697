from setuptools import setup

setup(name="accounts", packages=["accounts"])
