"""Take the screenshot of a report shown in the docs (``docs/report.png``).

    python docs/report_screenshot.py out/demo/report.html docs/report.png

Uses Debian's headless ``chromium`` and ``/usr/bin/chromedriver`` through selenium (nothing is
downloaded). It accepts the first suggestion and rejects the second one so the review controls
show in use (on the first segments whose suggestions are not folded); nothing is saved.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path


def screenshot(report: Path, out: Path, *, width: int = 1280, height: int = 2300) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        for flag in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            f"--user-data-dir={profile}",
        ):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(report.resolve().as_uri())
            buttons = driver.find_elements(
                By.CSS_SELECTOR, ".review > .suggestions .sugg button[data-action]"
            )  # not folded
            if len(buttons) >= 6:
                buttons[2].click()  # accept the second suggestion shown
                buttons[5].click()  # reject the third
            driver.execute_script("window.scrollTo(0, 0)")
            out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2300)
    args = parser.parse_args()
    screenshot(args.report, args.out, width=args.width, height=args.height)


if __name__ == "__main__":
    main()
