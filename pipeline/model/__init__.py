"""Pure functions that turn loaded inputs into the published tables."""
