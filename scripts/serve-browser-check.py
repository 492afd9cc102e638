#!/usr/bin/env python3
"""Drives the page of `zonegrise serve` in a real browser (Debian's chromium and
chromium-driver, with Selenium): loads URL, waits for the map, clicks the commune CODE
(adds a site of the chosen layer there), waits for the evaluation and prints, as one
JSON line, the population gain the panel shows (its data-valeur and its text), the
layer chosen and the number of commune paths drawn.

usage: serve-browser-check.py URL CODE [--screenshot FILE]
Exit 0 with the JSON line; 1 with a message when the page does not behave.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    url, code = sys.argv[1], sys.argv[2]
    screenshot = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url)
        wait = WebDriverWait(driver, 60)
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "body[data-pret='1']")))
        paths = driver.find_elements(By.CSS_SELECTOR, "#communes path[data-code]")
        target = driver.find_element(By.CSS_SELECTOR, "#communes path[data-code='%s']" % code)
        # A real click at the commune's centre, as a planner's.
        ActionChains(driver).move_to_element(target).click().perform()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-evaluations") not in (None, ""))
        error = driver.find_element(By.ID, "erreur").text
        if error:
            print("the page shows an error: " + error, file=sys.stderr)
            return 1
        gain = driver.find_element(By.ID, "gain-population")
        changes = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#changements li")]
        transitions = len(driver.find_elements(By.CSS_SELECTOR, "#transitions tbody tr"))
        if screenshot:
            driver.save_screenshot(screenshot)
        print(json.dumps({
            "gain": int(gain.get_attribute("data-valeur")),
            "texte": gain.text,
            "couche": driver.find_element(By.ID, "couche").get_attribute("value"),
            "chemins": len(paths),
            "changements": changes,
            "transitions": transitions,
        }, ensure_ascii=False))
        return 0
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
