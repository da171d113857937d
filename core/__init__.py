"""The pure core: the domain vocabulary and rules. It imports nothing outside itself and the standard library."""
