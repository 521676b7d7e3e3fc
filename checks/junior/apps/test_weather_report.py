import asyncio
import time

import pytest
from aiohttp import web
from hypothesis import given, strategies as st

from pyexercise.checklib import free_port, run_main, serve_app
from weather_report import CityNotFoundError, WeatherAPIError, fetch_current, format_report, main

KEY = "test-key-5f2c"

# The fake service's cities; each is given in both unit systems.
CITIES = {
    "oslo": ("Oslo", "NO", {"metric": (-3.46, -8.14, 80, 5.23, "light snow"),
                            "imperial": (25.77, 17.35, 80, 11.7, "light snow")}),
    "são paulo": ("São Paulo", "BR", {"metric": (24.95, 26.0, 61, 3.05, "scattered clouds"),
                                      "imperial": (76.91, 78.8, 61, 6.82, "scattered clouds")}),
    "new york": ("New York", "US", {"metric": (-0.04, -4.96, 55, 7.0, "haze (PM2.5 high)"),
                                    "imperial": (31.93, 23.07, 55, 15.66, "haze (PM2.5 high)")}),
    "st. pierre & miquelon": ("St. Pierre & Miquelon", "PM", {"metric": (2.0, -1.5, 90, 12.5, "fog"),
                                                              "imperial": (35.6, 29.3, 90, 27.96, "fog")}),
}


async def wait_or_hang_up(request, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        await asyncio.sleep(0.02)
        if request.transport is None or request.transport.is_closing():
            break


def answer(key, units):
    city, country, table = CITIES[key]
    t, feels, humidity, wind, description = table[units]
    return {"city": city, "country": country, "units": units,
            "current": {"temperature": t, "feels_like": feels, "humidity": humidity,
                        "wind_speed": wind, "description": description}}


@pytest.fixture(scope="module")
def service():
    log = []

    async def current(request):
        city = request.query.get("city", "")
        units = request.query.get("units", "")
        log.append((city, units, request.headers.get("X-API-Key")))
        if request.headers.get("X-API-Key") != KEY:
            return web.json_response({"error": "invalid API key"}, status=401)
        if units not in ("metric", "imperial"):
            return web.json_response({"error": "units must be metric or imperial"}, status=400)
        if city == "Slowtown":
            await wait_or_hang_up(request, 3.0)
        if city == "Sleepyville":
            await asyncio.sleep(0.3)
            return web.json_response(answer("oslo", units))
        if city == "Errorville":
            return web.json_response({"error": "internal error"}, status=500)
        if city == "Busytown":
            return web.json_response({"error": "rate limit exceeded"}, status=429)
        if city == "Brokentown":
            return web.Response(status=502, text="Bad Gateway")
        if city == "Garbled":
            return web.Response(text="<html><body>Service temporarily unavailable</body></html>",
                                content_type="text/html")
        if city.lower() not in CITIES:
            return web.json_response({"error": "city not found"}, status=404)
        return web.json_response(answer(city.lower(), units))

    app = web.Application()
    app.router.add_get("/v1/current", current)
    with serve_app(app) as base:
        yield base, log


def test_fetch_current(service):
    """fetch_current sends city, units and the key, and returns the JSON as a dict"""
    base, log = service
    got = fetch_current(base, "Oslo", KEY)
    assert type(got) is dict and got == answer("oslo", "metric"), f"expected the service's JSON, got {got!r}"
    assert log[-1] == ("Oslo", "metric", KEY), (
        f"the service saw city={log[-1][0]!r}, units={log[-1][1]!r}, X-API-Key={log[-1][2]!r}")
    got = fetch_current(base + "/", "oslo", KEY, units="imperial")
    assert got == answer("oslo", "imperial"), "units='imperial' should ask for imperial units"
    assert log[-1][:2] == ("oslo", "imperial")


def test_city_names_are_encoded(service):
    """city names with spaces and accents reach the service intact"""
    base, log = service
    for city, key in [("São Paulo", "são paulo"), ("New York", "new york"),
                      ("St. Pierre & Miquelon", "st. pierre & miquelon")]:
        got = fetch_current(base, city, KEY)
        assert log[-1][0] == city, f"the service received city={log[-1][0]!r} instead of {city!r}: use params="
        assert got == answer(key, "metric")


def test_city_not_found(service):
    """a 404 is CityNotFoundError (which is a WeatherAPIError)"""
    base, _ = service
    with pytest.raises(CityNotFoundError):
        fetch_current(base, "Atlantis", KEY)
    assert issubclass(CityNotFoundError, WeatherAPIError)


def test_bad_key(service):
    """a rejected API key is a WeatherAPIError that says so"""
    base, _ = service
    with pytest.raises(WeatherAPIError) as info:
        fetch_current(base, "Oslo", "wrong-key")
    assert not isinstance(info.value, CityNotFoundError), "a bad key is not a missing city"
    assert "key" in str(info.value).lower(), f"the message should mention the API key, got {str(info.value)!r}"


@pytest.mark.parametrize("city", ["Errorville", "Busytown", "Brokentown", "Garbled"])
def test_server_trouble(service, city):
    """a 500, 429 or 502 (even with a JSON body), or a body that is not JSON, is a WeatherAPIError"""
    base, _ = service
    with pytest.raises(WeatherAPIError) as info:
        fetch_current(base, city, KEY)
    assert not isinstance(info.value, CityNotFoundError)


def test_no_connection():
    """no service listening is a WeatherAPIError, not a requests exception"""
    with pytest.raises(WeatherAPIError):
        fetch_current(f"http://127.0.0.1:{free_port()}", "Oslo", KEY, timeout=2)


def test_timeout(service):
    """a service that does not answer in time is a WeatherAPIError, raised on time"""
    base, _ = service
    start = time.monotonic()
    with pytest.raises(WeatherAPIError):
        fetch_current(base, "Slowtown", KEY, timeout=0.3)
    took = time.monotonic() - start
    assert took < 1.5, f"with timeout=0.3 it took {took:.1f} s: pass timeout= to requests.get"
    assert fetch_current(base, "Sleepyville", KEY, timeout=3) == answer("oslo", "metric"), (
        "a service answering within the timeout is fine: use the timeout you are given")


def test_bad_units(service):
    """units other than metric/imperial are a ValueError, before any request"""
    base, log = service
    before = len(log)
    for units in ("kelvin", "Metric", ""):
        with pytest.raises(ValueError):
            fetch_current(base, "Oslo", KEY, units=units)
    assert len(log) == before, "check the units before calling the service"


def test_format_metric():
    """the report for metric units"""
    got = format_report(answer("oslo", "metric"))
    want = ("Oslo, NO: Light snow\nTemperature: -3.5 °C (feels like -8.1 °C)\nHumidity: 80%\nWind: 5.2 m/s")
    assert type(got) is str and got == want, f"format_report should give\n{want}\n\ngot\n{got}"


def test_format_imperial():
    """the report for imperial units uses °F and mph"""
    got = format_report(answer("são paulo", "imperial"))
    want = ("São Paulo, BR: Scattered clouds\nTemperature: 76.9 °F (feels like 78.8 °F)\nHumidity: 61%\n"
            "Wind: 6.8 mph")
    assert got == want, f"format_report should give\n{want}\n\ngot\n{got}"


def test_format_details():
    """no '-0.0', and only the first letter of the description changes"""
    got = format_report(answer("new york", "metric")).splitlines()
    assert got[0] == "New York, US: Haze (PM2.5 high)", (
        f"upper-case only the first letter (str.capitalize() would lower 'PM'), got {got[0]!r}")
    assert got[1] == "Temperature: 0.0 °C (feels like -5.0 °C)", f"-0.04 shows as 0.0, not -0.0; got {got[1]!r}"
    assert got[3] == "Wind: 7.0 m/s", f"one decimal always, got {got[3]!r}"


@given(st.floats(-60, 60), st.floats(-80, 60), st.integers(0, 100), st.floats(0, 150),
       st.sampled_from(["metric", "imperial"]),
       st.text(st.characters(codec="utf-8", exclude_categories=["C", "Z"]), min_size=1, max_size=10))
def test_format_any_weather(t, feels, humidity, wind, units, city):
    """any weather is reported with the right rounding and units"""
    data = {"city": city, "country": "XX", "units": units,
            "current": {"temperature": t, "feels_like": feels, "humidity": humidity, "wind_speed": wind,
                        "description": "clear sky"}}
    deg, speed = ("°C", "m/s") if units == "metric" else ("°F", "mph")

    def one(x):
        s = f"{x:.1f}"
        return "0.0" if s == "-0.0" else s

    want = (f"{city}, XX: Clear sky\nTemperature: {one(t)} {deg} (feels like {one(feels)} {deg})\n"
            f"Humidity: {humidity}%\nWind: {one(wind)} {speed}")
    got = format_report(data)
    assert got == want, f"expected\n{want}\n\ngot\n{got}"


def test_main(service, capsys, monkeypatch):
    """main prints the report for a city given as several words, using WEATHER_API_KEY"""
    base, log = service
    monkeypatch.setenv("WEATHER_API_KEY", KEY)
    code, out, err = run_main(main, ["--base-url", base, "New", "York"], capsys=capsys)
    assert log[-1] == ("New York", "metric", KEY), f"the service saw {log[-1]!r}: join the city's words with spaces"
    assert (code, out) == (0, format_report(answer("new york", "metric")) + "\n"), f"got code {code}, output {out!r}"
    code, out, err = run_main(main, ["Oslo", "--units", "imperial", "--base-url", base, "--timeout", "2"],
                              capsys=capsys)
    assert (code, out) == (0, format_report(answer("oslo", "imperial")) + "\n"), f"got code {code}, output {out!r}"


def test_main_errors(service, capsys, monkeypatch):
    """main: service errors are 'error: ...' on stderr with exit code 1; no key is exit code 2"""
    base, log = service
    monkeypatch.setenv("WEATHER_API_KEY", KEY)
    code, out, err = run_main(main, ["--base-url", base, "Atlantis"], capsys=capsys)
    assert (code, out) == (1, ""), f"an unknown city: exit code 1 and nothing on stdout, got {code}, {out!r}"
    assert err.startswith("error: city not found: Atlantis"), f"stderr should be 'error: city not found: Atlantis', got {err!r}"
    code, out, err = run_main(main, ["--base-url", base, "--timeout", "0.3", "Slowtown"], capsys=capsys)
    assert code == 1 and out == "" and err.startswith("error:"), f"a timeout: 'error: ...' and code 1, got {code}, {err!r}"
    code, out, err = run_main(main, ["--base-url", base, "Errorville"], capsys=capsys)
    assert code == 1 and err.startswith("error:"), f"a server error: 'error: ...' and code 1, got {code}, {err!r}"
    monkeypatch.delenv("WEATHER_API_KEY")
    before = len(log)
    code, out, err = run_main(main, ["--base-url", base, "Oslo"], capsys=capsys)
    assert code == 2 and "WEATHER_API_KEY" in err, f"no API key: exit code 2 and a message naming WEATHER_API_KEY, got {code}, {err!r}"
    assert len(log) == before, "without a key, don't call the service at all"
