from .config import Setting

__all__ = ["Setting"]
