"""One module per verb. Each command is a plain function of (env, args...) returning an ExitCode."""
