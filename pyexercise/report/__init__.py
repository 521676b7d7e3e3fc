"""What a verify reports, in the formats CI systems read.

- ``document``: the results as one versioned document (the JSON format, and the source of the rest)
- ``junit``: JUnit XML, a testsuite per exercise and a testcase per check
- ``exercism``: Exercism test-runner results (version 3), per exercise
- ``github``: GitHub Actions annotations and a step summary
"""
