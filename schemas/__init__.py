"""ContextMap's vocabulary: pydantic models and enums every layer speaks (no I/O, no logic)."""
