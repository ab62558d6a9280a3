"""A base for the project's commands: errors are one Vietnamese line on stderr and exit status 2."""

import datetime as dt
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.utils import OperationalError, ProgrammingError

from tuyengiao.core.dates import DateParseError, parse_date


class Command(BaseCommand):
    def run_from_argv(self, argv):
        self._called_from_command_line = True
        parser = self.create_parser(argv[0], argv[1])
        options = parser.parse_args(argv[2:])
        cmd_options = vars(options)
        args = cmd_options.pop("args", ())
        try:
            self.execute(*args, **cmd_options)
        except CommandError as error:
            if options.traceback:
                raise
            self._fail(str(error))

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=2) from None
        except DateParseError as error:
            raise CommandError(str(error), returncode=2) from None
        except (OperationalError, ProgrammingError) as error:
            if "no such table" in str(error) or "does not exist" in str(error):
                raise CommandError(
                    "Cơ sở dữ liệu chưa được khởi tạo: hãy chạy “tuyengiao migrate” (hoặc “make run”).",
                    returncode=2,
                ) from None
            raise

    def _fail(self, message: str):
        sys.stderr.write(f"tuyengiao: {message}\n")
        sys.exit(2)


def date_arg(text: str) -> dt.date:
    try:
        return parse_date(text)
    except DateParseError as error:
        raise CommandError(str(error), returncode=2) from None


def fail(message: str):
    raise CommandError(message, returncode=2)
