"""Reading questionnaire and answers files into domain objects, with errors an author can act on."""
