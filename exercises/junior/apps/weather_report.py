"""Fetch the current weather from a web API and print it in a readable format.

    $ export WEATHER_API_KEY=...
    $ python weather_report.py --base-url https://api.weather.example Oslo
    Oslo, NO: Light snow
    Temperature: -3.5 °C (feels like -8.1 °C)
    Humidity: 80%
    Wind: 5.2 m/s

The weather service (use `requests` to talk to it):

    GET {base_url}/v1/current?city=Oslo&units=metric        units: "metric" or "imperial"
    header  X-API-Key: <your key>

    200  {"city": "Oslo", "country": "NO", "units": "metric",
          "current": {"temperature": -3.46, "feels_like": -8.14, "humidity": 80,
                      "wind_speed": 5.23, "description": "light snow"}}
    401  {"error": "invalid API key"}
    404  {"error": "city not found"}

fetch_current(base_url, city, api_key, *, units="metric", timeout=5.0) returns that JSON
as a dict. Let requests build the query string: names like "São Paulo" or
"St. Pierre & Miquelon" need encoding. Raise ValueError for units other than "metric"/"imperial" (before asking the
service); CityNotFoundError for a 404; WeatherAPIError for everything else that goes
wrong: a bad API key (say so in the message), any other non-200 status, a body that is not
JSON, no answer within `timeout` seconds, no connection.

format_report(data) turns that dict into four lines (no newline at the end), as above:
- the city and country as the service names them, then the description with its first
  letter upper-cased and the rest unchanged;
- temperatures and wind with one decimal, never "-0.0" (show "0.0"); humidity as given;
- units: "°C" and "m/s" for metric, "°F" and "mph" for imperial.

main(argv) takes `CITY... [--units metric|imperial] [--base-url URL] [--timeout SECONDS]`
(the words of CITY are joined with spaces, so `New York` works unquoted) and reads the API
key from the environment variable WEATHER_API_KEY: keys don't belong in code or on the
command line. It prints the report and returns 0; it prints "error: ..." to stderr and
returns 1 if the service fails ("error: city not found: Atlantis" for an unknown city),
and returns 2 if WEATHER_API_KEY is not set.
"""

from __future__ import annotations

DEFAULT_BASE_URL = "https://api.weather.example"


class WeatherAPIError(Exception):
    """The weather service could not give us the weather."""


class CityNotFoundError(WeatherAPIError):
    """The weather service does not know that city."""


def fetch_current(base_url: str, city: str, api_key: str, *, units: str = "metric",
                  timeout: float = 5.0) -> dict:
    """The service's JSON answer for the current weather in ``city``."""
    # TODO
    raise NotImplementedError


def format_report(data: dict) -> str:
    """The four-line report for one answer of the service."""
    # TODO
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """Print the weather for the city on the command line; return the exit code."""
    # TODO
    raise NotImplementedError


if __name__ == "__main__":
    raise SystemExit(main())
