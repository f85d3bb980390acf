"""The editors' files: the contract as data, reading and checking each file, and loading a city.

Every problem is a `Problem`: a file, a line and a Dutch message.
"""
