"""The dashboard source in superset/dashboard/ made ready for Superset.

`bundle.py import --username ADMIN` imports it into the Superset of SUPERSET_CONFIG_PATH, overwriting the
database, datasets, charts and dashboard it already has (matched by uuid): Superset's assets import, the command
behind `POST /api/v1/assets/import/`. `superset import-dashboards` and `POST /api/v1/dashboard/import/` never
overwrite an existing chart, dataset or database, so an edited one would not change.
`bundle.py zip OUT.zip` zips the same bundle for `POST /api/v1/assets/import/` of a Superset elsewhere.

Two things happen on the way:
- ${NAME} placeholders (the database's host, port, user and password) are filled from the environment, so
  the committed YAML carries no credentials;
- each chart's query_context, written as YAML, becomes the JSON string Superset stores, with the chart's
  dataset and params added (the chart data API runs a chart's saved query_context).

`bundle.py database-uri` prints the database's URI with the placeholders filled; `bundle.py check-database`
reads from it as the dashboard does and names the database and the server in what went wrong.
"""
import argparse
import json
import os
import re
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import yaml

SOURCE = Path(__file__).resolve().parent / "dashboard"
BUNDLE_ROOT = "trading_dashboard"
PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)}")


def fill_placeholders(text: str, source: Path) -> str:
    """Every ${NAME} in a URI replaced by the environment variable NAME, percent-encoded."""

    def value(match: re.Match) -> str:
        name = match.group(1)
        if not os.environ.get(name):
            sys.exit(f"bundle: {name} is not set; {source.parent.name}/{source.name} needs it")
        return quote(os.environ[name], safe="")

    return PLACEHOLDER.sub(value, text)


def database_yaml(path: Path) -> str:
    config, uri = database_config(path)
    config["sqlalchemy_uri"] = uri
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def chart_yaml(path: Path) -> str:
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    query_context = config.get("query_context")
    if isinstance(query_context, dict):
        query_context = {
            "datasource": {"id": config["dataset_uuid"], "type": "table"},
            "force": False,
            **query_context,
            "form_data": config["params"],
            "result_format": "json",
            "result_type": "full",
        }
        config["query_context"] = json.dumps(query_context, ensure_ascii=False)
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def contents(source: Path) -> dict[str, str]:
    """The bundle's files by their path in it (metadata.yaml, databases/…), as Superset's importers take them."""
    files = {}
    for path in sorted(source.rglob("*.yaml")):
        relative = path.relative_to(source)
        if relative.parts[0] == "databases":
            text = database_yaml(path)
        elif relative.parts[0] == "charts":
            text = chart_yaml(path)
        else:
            text = path.read_text(encoding="utf-8")
        files[relative.as_posix()] = text
    return files


def build(source: Path, output: Path) -> None:
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, text in contents(source).items():
            bundle.writestr(f"{BUNDLE_ROOT}/{name}", text)


def import_assets(source: Path, username: str) -> int:
    """Imports the bundle as `username`, replacing what Superset has of it; nothing is duplicated."""
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from superset import security_manager
        from superset.commands.exceptions import CommandInvalidError, ImportFailedError
        from superset.commands.importers.v1.assets import ImportAssetsCommand
        from superset.utils.core import override_user

        user = security_manager.find_user(username=username)
        if user is None:
            print(f"bundle: no Superset user {username!r} to import the dashboard as", file=sys.stderr)
            return 1
        try:
            with override_user(user):
                ImportAssetsCommand(contents(source)).run()
        except ImportFailedError as error:
            # The command's transaction wraps what went wrong, e.g. the files its schemas refused.
            cause = error.__cause__
            reason = cause.normalized_messages() if isinstance(cause, CommandInvalidError) else cause or error.message
            print(f"bundle: importing {source} failed: {reason}", file=sys.stderr)
            return 1
    return 0


def database_config(path: Path = SOURCE / "databases" / "trading.yaml") -> tuple[dict, str]:
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    return config, fill_placeholders(config["sqlalchemy_uri"], path)


def check_database() -> int:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    config, uri = database_config()
    shown = make_url(uri).__repr__()  # the password masked
    try:
        with create_engine(uri).connect() as connection:
            connection.execute(text("SELECT COUNT(*) FROM volume_today")).scalar()
    except Exception as error:  # any driver error: report it in one line, the dashboard will show it too
        reason = getattr(error, "orig", None) or error
        print(f"superset: the dashboard's database {config['database_name']!r} ({shown}) is not readable: {reason}",
              file=sys.stderr)
        return 1
    print(f"superset: the dashboard's database {config['database_name']!r} ({shown}) is readable", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="bundle.py", description="The dashboard source made ready for Superset.")
    commands = parser.add_subparsers(dest="command", required=True)
    import_command = commands.add_parser("import", help="import the bundle, overwriting what Superset has of it")
    import_command.add_argument("--username", required=True, help="the Superset user the import runs as")
    zip_command = commands.add_parser("zip", help="zip the bundle for POST /api/v1/assets/import/")
    zip_command.add_argument("output", type=Path)
    commands.add_parser("database-uri", help="print the database URI with the placeholders filled")
    commands.add_parser("check-database", help="read from the database as the dashboard does")
    arguments = parser.parse_args()
    if arguments.command == "import":
        return import_assets(SOURCE, arguments.username)
    if arguments.command == "zip":
        build(SOURCE, arguments.output)
    elif arguments.command == "database-uri":
        print(database_config()[1])
    else:
        return check_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
