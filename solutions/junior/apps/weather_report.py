"""Fetch the current weather from a web API and print it in a readable format."""

from __future__ import annotations

import argparse
import os
import sys

import requests

DEFAULT_BASE_URL = "https://api.weather.example"
UNITS = {"metric": ("°C", "m/s"), "imperial": ("°F", "mph")}


class WeatherAPIError(Exception):
    """The weather service could not give us the weather."""


class CityNotFoundError(WeatherAPIError):
    """The weather service does not know that city."""


def fetch_current(base_url: str, city: str, api_key: str, *, units: str = "metric",
                  timeout: float = 5.0) -> dict:
    """The service's JSON answer for the current weather in ``city``."""
    if units not in UNITS:
        raise ValueError(f"units must be 'metric' or 'imperial', not {units!r}")
    url = base_url.rstrip("/") + "/v1/current"
    try:
        # params= encodes "São Paulo" (and any & or = in a name) correctly.
        response = requests.get(url, params={"city": city, "units": units},
                                headers={"X-API-Key": api_key}, timeout=timeout)
    except requests.Timeout as exc:
        raise WeatherAPIError(f"the weather service did not answer within {timeout} s") from exc
    except requests.RequestException as exc:
        raise WeatherAPIError(f"could not reach the weather service: {exc}") from exc

    if response.status_code == 404:
        raise CityNotFoundError(f"city not found: {city}")
    if response.status_code == 401:
        raise WeatherAPIError("the weather service refused the API key (invalid API key)")
    if response.status_code != 200:
        raise WeatherAPIError(f"the weather service answered HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError as exc:  # requests' JSONDecodeError is a ValueError
        raise WeatherAPIError("the weather service sent something that is not JSON") from exc


def _one_decimal(x: float) -> str:
    text = f"{x:.1f}"
    return "0.0" if text == "-0.0" else text  # -0.04 rounds to "-0.0"; nobody wants that


def format_report(data: dict) -> str:
    """The four-line report for one answer of the service."""
    degrees, speed = UNITS[data["units"]]
    now = data["current"]
    description = now["description"]
    description = description[:1].upper() + description[1:]  # not .capitalize(): keep "PM2.5"
    return "\n".join([
        f"{data['city']}, {data['country']}: {description}",
        f"Temperature: {_one_decimal(now['temperature'])} {degrees} "
        f"(feels like {_one_decimal(now['feels_like'])} {degrees})",
        f"Humidity: {now['humidity']}%",
        f"Wind: {_one_decimal(now['wind_speed'])} {speed}",
    ])


def main(argv: list[str] | None = None) -> int:
    """Print the weather for the city on the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="weather", description="Show the current weather.")
    parser.add_argument("city", nargs="+", help="city name, e.g. New York")
    parser.add_argument("--units", choices=sorted(UNITS), default="metric")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL)
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args(argv)

    api_key = os.environ.get("WEATHER_API_KEY")
    if not api_key:
        print("error: set the WEATHER_API_KEY environment variable to your API key", file=sys.stderr)
        return 2
    city = " ".join(args.city)
    try:
        data = fetch_current(args.base_url, city, api_key, units=args.units, timeout=args.timeout)
    except WeatherAPIError as exc:  # CityNotFoundError's message is "city not found: ..."
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(format_report(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
