from sqlalchemy import Column, ForeignKey, Integer, String, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()
SessionLocal = sessionmaker(bind=create_engine("sqlite:///cases.db"))


class Worker(Base):
    __tablename__ = "workers"
    id = Column(Integer, primary_key=True)
    email = Column(String)
    password = Column(String)
    role = Column(String)


class Case(Base):
    __tablename__ = "cases"
    id = Column(Integer, primary_key=True)
    worker_id = Column(Integer, ForeignKey("workers.id"))
    case_title = Column(String)
