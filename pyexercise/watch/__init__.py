"""`pyex watch`: re-check the current exercise on every save.

- ``events``: what the loop reacts to, and the effects it carries out
- ``keys``: the terminal's keys, and what each means on the screen shown
- ``machine``: the pure state machine (state + event -> state + effects)
- ``render``: a frame at any terminal size
- ``screen``: the terminal's modes, restored on every way out
- ``files``: saves, as watchdog reports them
- ``course``: what the loop works through (the curriculum, or a practice run)
- ``loop``: the one queue and loop that ties them together
- ``app``: watch mode as the commands start it
"""
