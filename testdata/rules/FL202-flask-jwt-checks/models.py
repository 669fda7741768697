class Course:
    query = None
