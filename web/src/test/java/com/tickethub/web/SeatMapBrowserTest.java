package com.tickethub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The 2D seat map in headless Chromium: a 20,000-seat arena draws in under a second, in the organizer's preview
 * of a layout and on a buyer's page of a seated event (GET /events/{id}/seats), and the map is used with the
 * keyboard alone.
 */
class SeatMapBrowserTest {
  private final Browser browser = Browser.get();

  private void openArenaPreview() {
    browser.signIn("org-seats-" + UUID.randomUUID().toString().substring(0, 8), "organizer");
    browser.open("/organizer/new");
    browser.field("This event has a seat map").click();
    browser.button("Start from the arena template (20,000 seats)").click();
    browser.heading("Preview");
  }

  @Test
  void twentyThousandSeatArenaDrawsInUnderASecond() {
    openArenaPreview();
    WebElement meta = browser.waitFor(d -> d.findElements(By.cssSelector("[data-render-ms]")).stream().findFirst().orElse(null));

    long millis = Long.parseLong(meta.getAttribute("data-render-ms"));
    long seats = Long.parseLong(browser.driver.findElement(By.cssSelector(".seatmap-canvas canvas")).getAttribute("data-seats"));

    assertEquals(20_000, seats);
    assertTrue(millis < 1000, "20,000 seats drawn in " + millis + " ms");
    System.out.println("seat map: 20,000 seats drawn in " + millis + " ms (to the next paint)");
    browser.script("document.querySelector('.seatmap-canvas').scrollIntoView()");
    browser.record("seat-map-arena-preview");
  }

  @Test
  void twentyThousandSeatArenaEventDrawsForABuyerInUnderASecond() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    browser.signIn("org-arena-" + run, "organizer");
    browser.open("/organizer/new");
    browser.fill("Event name", "Arena Night " + run);
    browser.fill("Venue", "City Arena");
    browser.fill("Starts at (your local time)", "2031-05-01T20:00");
    browser.field("This event has a seat map").click();
    browser.button("Start from the arena template (20,000 seats)").click();
    browser.heading("Preview");
    browser.button("Create the event").click();
    browser.heading("Live sales and check-ins");
    String eventId = browser.driver.getCurrentUrl().replaceAll(".*/organizer/events/", "");

    browser.signIn("buyer-arena-" + run, "buyer");
    long opened = System.nanoTime();
    browser.open("/events/" + eventId);
    WebElement meta = browser.waitFor(d -> d.findElements(By.cssSelector("[data-render-ms]")).stream().findFirst().orElse(null));
    long toMap = (System.nanoTime() - opened) / 1_000_000;

    long drawn = Long.parseLong(meta.getAttribute("data-render-ms"));
    long seats = Long.parseLong(browser.driver.findElement(By.cssSelector(".seatmap-canvas canvas")).getAttribute("data-seats"));
    // From the last byte of GET /events/{id}/seats to the painted map: reading the rows, laying out, drawing.
    long fromAnswer = ((Number) browser.script(
        "const r = performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.endsWith('/seats')).pop();"
            + "const m = performance.getEntriesByName('seatmap-render').pop(); return Math.round(m.startTime + m.duration - r.responseEnd);"))
        .longValue();
    System.out.println("seat map: a buyer's 20,000-seat arena drawn in " + drawn + " ms (to the next paint), " + fromAnswer
        + " ms from the seat map's answer, " + toMap + " ms from opening the page");
    assertEquals(20_000, seats);
    assertTrue(drawn < 1000, "20,000 seats drawn in " + drawn + " ms");
    browser.script("document.querySelector('.seatmap-canvas').scrollIntoView()");
    browser.record("seat-map-arena");
  }

  @Test
  void threeDimensionalViewFromTheChosenSeatLoadsThreeJsOnlyWhenOpened() {
    openArenaPreview();
    String loadedScripts = "return performance.getEntriesByType('resource').map(e => e.name).join(' ')";
    assertTrue(!((String) browser.script(loadedScripts)).contains("SeatView3D"), "three.js is not part of the page before");
    WebElement map = browser.driver.findElement(By.cssSelector("[aria-roledescription='seat map']"));
    map.click();
    map.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_RIGHT);
    browser.waitFor(d -> browser.driver.findElement(By.cssSelector(".seatmap-current")).getText().contains("row 3"));

    browser.button("View from S1-3-2 in 3D").click();
    browser.heading("View from seat S1-3-2");
    // WebGL is software-rendered here (SwiftShader): the first picture takes seconds.
    browser.waitFor(Duration.ofSeconds(90), d -> !browser.pageContains("Drawing the view"));
    WebElement canvas = browser.driver.findElement(By.cssSelector("canvas[data-testid=seat-view-3d]"));
    // The WebGL picture is drawn: besides the background there are the floor, the seats and the stage.
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> picture = (java.util.Map<String, Object>) browser.script(
        "const c = arguments[0]; const copy = document.createElement('canvas'); copy.width = c.width; copy.height = c.height;"
            + "const g = copy.getContext('2d'); g.drawImage(c, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data;"
            + "const seen = new Set(); let drawn = 0, all = 0; const bg = d[0] + ',' + d[1] + ',' + d[2];"
            + "for (let i = 0; i < d.length; i += 4 * 7) { const k = d[i] + ',' + d[i+1] + ',' + d[i+2]; seen.add(k); all++; if (k !== bg) drawn++; }"
            + "return {colours: seen.size, drawn: drawn / all};", canvas);
    assertTrue(((Number) picture.get("colours")).intValue() >= 3, "colours in the 3D view: " + picture);
    assertTrue(((Number) picture.get("drawn")).doubleValue() > 0.05, "share of the 3D view drawn: " + picture);
    assertTrue(((String) browser.script(loadedScripts)).contains("SeatView3D"));
    browser.script("arguments[0].scrollIntoView()", canvas);
    browser.record("seat-view-3d");
  }

  @Test
  void keyboardMovesAlongRowsAndAcrossRowsAndZooms() {
    openArenaPreview();
    WebElement map = browser.driver.findElement(By.cssSelector("[aria-roledescription='seat map']"));
    map.click();
    WebElement current = browser.driver.findElement(By.cssSelector(".seatmap-current"));
    browser.waitFor(d -> current.getText().startsWith("Seat "));
    String first = current.getText();

    map.sendKeys(Keys.ARROW_RIGHT);
    browser.waitFor(d -> !current.getText().equals(first));
    assertTrue(current.getText().contains("seat 2,") || current.getText().contains("seat 2 "), current.getText());

    String before = current.getText();
    map.sendKeys(Keys.ARROW_DOWN);
    browser.waitFor(d -> current.getText().contains("row 2"));
    assertNotEquals(before, current.getText());

    String view = browser.driver.findElement(By.cssSelector(".seatmap-canvas canvas")).getAttribute("data-view");
    browser.button("Reset view").click();
    String home = browser.driver.findElement(By.cssSelector(".seatmap-canvas canvas")).getAttribute("data-view");
    map.sendKeys("+");
    browser.waitFor(d -> !d.findElement(By.cssSelector(".seatmap-canvas canvas")).getAttribute("data-view").equals(home));
    browser.button("Reset view").click();
    browser.waitFor(d -> d.findElement(By.cssSelector(".seatmap-canvas canvas")).getAttribute("data-view").equals(home));
    assertTrue(view != null);
  }
}
