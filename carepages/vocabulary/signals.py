"""`terms_changed`: the lay vocabulary changed (an editor's save or delete, or a file load).

The search and the publish cache listen to it; the vocabulary itself knows neither.
"""

from django.dispatch import Signal

terms_changed = Signal()
