"""mkdocs-macros module: pages get their tables, comparisons and infographics from the rule data."""


def define_env(env):
    """Register the variables and macros the pages use."""
