package com.tickethub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The general-admission journey in the browser, on the local server: an organizer creates an event with a gate
 * scanner; a buyer buys two tickets, pays with the test button and sees the QR codes; the gate scans one from its
 * PNG: VALID, then ALREADY USED; the buyer's tickets page shows it checked in; the organizer's dashboard counts
 * the sale and the check-in, cannot refund that order, and refunds a second one, whose ticket turns void.
 */
class GeneralAdmissionJourneyBrowserTest {
  private final Browser browser = Browser.get();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void organizerCreatesBuyerPaysAndTheGateAdmitsTheTicketOnce() throws IOException {
    String organizer = "org-" + run;
    String buyer = "buyer-" + run;
    String scanner = "gate-" + run;
    String eventName = "Spring Gala " + run;

    browser.open("/");
    browser.record("events-empty-or-listed");
    browser.open("/signin");
    browser.record("sign-in");

    // The organizer creates the event with its gate scanner.
    browser.signIn(organizer, "organizer");
    browser.link("Organizer").click();
    browser.heading("Organizer dashboard");
    browser.link("Create an event").click();
    browser.heading("Create an event");
    browser.fill("Event name", eventName);
    browser.fill("Venue", "Main Hall");
    browser.fill("Starts at (your local time)", "2031-03-01T19:30");
    browser.fill("Gate staff (user ids, separated by commas or spaces)", scanner);
    browser.fill("Name", "General");
    browser.fill("Price (EUR)", "25");
    browser.fill("Capacity", "10");
    browser.record("organizer-create-event");
    browser.button("Create the event").click();
    browser.heading("Live sales and check-ins");
    browser.waitFor(d -> browser.pageContains("sold 0 · held 0 · free 10 of 10"));
    String eventId = browser.driver.getCurrentUrl().replaceAll(".*/organizer/events/", "");
    browser.waitFor(d -> ((String) browser.field("User ids allowed to scan at this event's gates, one per line")
        .getAttribute("value")).contains(scanner));
    browser.record("organizer-event-dashboard");

    // A buyer finds it among the upcoming events and buys two tickets.
    browser.signIn(buyer, "buyer");
    browser.open("/");
    browser.waitFor(d -> {
      browser.driver.navigate().refresh();
      return browser.driver.findElements(By.linkText(eventName)).size() > 0;
    });
    browser.record("events");
    browser.link(eventName).click();
    browser.heading(eventName);
    browser.fill("Quantity of General", "2");
    browser.record("event-general-admission");
    browser.button("Buy tickets").click();
    browser.heading("Order summary · " + eventName);
    String firstOrder = browser.driver.getCurrentUrl().replaceAll(".*/checkout/", "");
    WebElement timer = browser.waitFor(d -> d.findElement(By.cssSelector("[role=timer]")));
    assertTrue(timer.getText().matches("\\d+:\\d\\d"), timer.getText());
    browser.record("checkout");

    browser.button("Pay (test)").click();
    browser.heading("Your tickets");
    List<WebElement> codes = browser.waitFor(d -> {
      List<WebElement> images = d.findElements(By.cssSelector("img.qr"));
      return images.size() == 2 ? images : null;
    });
    assertTrue(codes.get(0).getAttribute("alt").startsWith("QR code of the ticket"));
    browser.waitFor(d -> (Boolean) browser.script("return arguments[0].complete && arguments[0].naturalWidth > 0", codes.get(0)));
    browser.record("tickets");

    // The ticket's QR code as the buyer would save it: the PNG the API renders.
    String ticketId = browser.driver.findElement(By.cssSelector("[data-ticket-id]")).getAttribute("data-ticket-id");
    Path png = Path.of("target", "ticket-" + run + ".png").toAbsolutePath();
    Files.write(png, browser.getBytes("/tickets/" + ticketId + "/qr", browser.token()));

    // At the gate: the first scan admits, the second is refused.
    browser.signIn(scanner, "staff");
    browser.link("Gate").click();
    browser.heading("Gate scanner");
    browser.waitFor(d -> d.findElements(By.xpath("//option[@value='" + eventId + "']")).size() > 0);
    browser.fill("Event", eventId);
    browser.fill("Gate", "North");
    browser.field("Scan a ticket image").sendKeys(png.toString());
    WebElement valid = browser.waitFor(d -> d.findElement(By.cssSelector("[data-result]")));
    assertEquals("VALID", valid.getAttribute("data-result"));
    assertTrue(valid.getText().contains("VALID"));
    browser.record("gate-valid");

    browser.button("Scan the next ticket").click();
    browser.field("Scan a ticket image").sendKeys(png.toString());
    WebElement used = browser.waitFor(d -> d.findElements(By.cssSelector("[data-result=ALREADY_USED]")).stream().findFirst().orElse(null));
    assertTrue(used.getText().contains("ALREADY USED"), used.getText());
    assertTrue(used.getText().contains("at gate North"), used.getText());
    browser.record("gate-already-used");

    // The same ticket held in front of the camera: decoded from the video, refused again.
    FakeCamera.show(Files.readAllBytes(png));
    browser.button("Scan the next ticket").click();
    browser.button("Scan with the camera").click();
    WebElement camera = browser.waitFor(d -> d.findElements(By.cssSelector("[data-result=ALREADY_USED]")).stream().findFirst().orElse(null));
    assertTrue(camera.getText().contains("ALREADY USED"), camera.getText());

    // The buyer's tickets: one checked in, one still valid; then a second order of one ticket.
    browser.signIn(buyer, "buyer");
    browser.link("My tickets").click();
    browser.heading("My tickets");
    browser.waitFor(d -> browser.pageContains("Checked in") && browser.pageContains("Valid"));
    browser.record("my-tickets");
    browser.open("/events/" + eventId);
    browser.fill("Quantity of General", "1");
    browser.button("Buy tickets").click();
    browser.heading("Order summary · " + eventName);
    String secondOrder = browser.driver.getCurrentUrl().replaceAll(".*/checkout/", "");
    browser.button("Pay (test)").click();
    browser.heading("Your tickets");

    // The organizer sees the sales and the check-in, and refunds what may be refunded.
    browser.signIn(organizer, "organizer");
    browser.open("/organizer/events/" + eventId);
    browser.waitFor(d -> browser.pageContains("sold 3 · held 0 · free 7 of 10") && browser.pageContains("checked in 1"));
    browser.record("organizer-sales-chart");
    browser.button("Refund order " + firstOrder.substring(0, 8)).click();
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    assertTrue(browser.alertContaining("checked in").contains("cannot be refunded"));
    browser.button("Refund order " + secondOrder.substring(0, 8)).click();
    browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
    browser.waitFor(d -> browser.pageContains("Order " + secondOrder + " refunded."));
    browser.waitFor(d -> browser.pageContains("sold 2 · held 0 · free 8 of 10"));
    browser.record("organizer-orders-refund");

    // The refunded ticket is void on the buyer's page.
    browser.signIn(buyer, "buyer");
    browser.open("/tickets");
    browser.waitFor(d -> browser.pageContains("Refunded") && browser.pageContains("Void"));
  }
}
