"""Pure-Python core: questionnaire model, answers, conditions, scoring. Standard library only."""
