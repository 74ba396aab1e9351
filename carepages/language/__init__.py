"""Dutch as patients and pages write it: folding, stemming, compounds, stop words.

A bottom layer with no Django models: the search, the lay vocabulary and anything else
that compares Dutch words use it, so they compare them the same way.
"""
