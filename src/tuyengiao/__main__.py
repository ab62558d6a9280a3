"""The `tuyengiao` command: Django's management commands and the project's own.

`tuyengiao load-provinces` and `tuyengiao load_provinces` are the same command: hyphens in the
command name are accepted because that is how people type it.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
    if len(argv) > 1 and "-" in argv[1] and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
