"""Running one check: a child process under limits, its whole process tree, its results channel.

- ``protocol``: what pyex, the warm worker and a check child say to each other
- ``check_run``: one run, from a private directory to a verdict
- ``launch``: starting the child (fresh interpreter) and the handle pyex keeps on it
- ``warm``/``worker``: the warm worker that forks children with pytest already imported
- ``child``: the child itself, the only place learner code ever runs
- ``sandbox``: what the child does to itself before the learner's code runs
- ``tree``: the run's process tree, sampled and killed whole; the reaper of orphans
- ``streams``: bounded readers of what a child prints and reports
- ``result``: the outcome and the result
"""
