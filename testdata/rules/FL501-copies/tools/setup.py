from setuptools import setup

setup(name="tools", packages=["tools"])
