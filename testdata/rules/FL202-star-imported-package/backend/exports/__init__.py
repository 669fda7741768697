__all__ = ["payroll"]
