from backend.tasks.teacher.plans.lessons import *
