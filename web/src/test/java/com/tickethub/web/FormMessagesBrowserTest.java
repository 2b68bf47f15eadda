package com.tickethub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tickethub.local.stack.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Bad input in the forms gets a clear message next to the field (the form's own, or the server's problem). */
class FormMessagesBrowserTest {
  private final Browser browser = Browser.get();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void signInAsksForAUsableName() {
    browser.open("/");
    browser.script("sessionStorage.clear()");
    browser.open("/signin");
    browser.button("Sign in").click();
    assertEquals("Enter a name to sign in with.", browser.alertContaining("Enter a name"));

    browser.fill("Name", "two words");
    browser.button("Sign in").click();
    browser.alertContaining("no spaces");
    assertEquals("true", browser.field("Name").getAttribute("aria-invalid"));
    browser.record("sign-in-bad-name");
  }

  @Test
  void createEventNamesEveryMissingFieldThenShowsTheServersRule() {
    browser.signIn("org-forms-" + run, "organizer");
    browser.open("/organizer/new");
    browser.fill("Name", "");
    browser.fill("Capacity", "lots");
    browser.button("Create the event").click();

    browser.alertContaining("Please correct 5 fields below.");
    assertTrue(browser.pageContains("Enter the event name."));
    assertTrue(browser.pageContains("Enter the venue."));
    assertTrue(browser.pageContains("Enter the date and time the event starts."));
    assertTrue(browser.pageContains("Enter a name for this ticket type."));
    assertTrue(browser.pageContains("Enter how many tickets (a whole number)."));
    assertEquals("true", browser.field("Capacity").getAttribute("aria-invalid"));
    assertEquals(browser.field("Event name"), browser.driver.switchTo().activeElement(), "focus goes to the first field to fix");
    browser.record("organizer-create-event-errors");

    // What only the server knows: a start in the past, a capacity out of range.
    browser.fill("Event name", "Past Gala " + run);
    browser.fill("Venue", "Main Hall");
    browser.fill("Starts at (your local time)", "2001-01-01T20:00");
    browser.fill("Name", "General");
    browser.fill("Capacity", "0");
    browser.button("Create the event").click();
    String problem = browser.alertContaining("ticketTypes[0].capacity");
    assertTrue(problem.contains("from 1 to 1000000"), problem);
    assertEquals("true", browser.field("Capacity").getAttribute("aria-invalid"));

    browser.fill("Capacity", "5");
    browser.button("Create the event").click();
    assertTrue(browser.alertContaining("startsAt").contains("must be in the future"));
    assertEquals("true", browser.field("Starts at (your local time)").getAttribute("aria-invalid"));
  }

  @Test
  void seatMapProblemFromTheServerIsShownAtTheSeatMap() throws IOException {
    browser.signIn("org-seatmap-" + run, "organizer");
    browser.open("/organizer/new");
    browser.fill("Event name", "Flat Hall " + run);
    browser.fill("Venue", "Flat Hall");
    browser.fill("Starts at (your local time)", "2031-06-01T20:00");
    browser.fill("Name", "Stalls");
    browser.fill("Price (EUR)", "30");
    browser.field("Seated (a category of the seat map)").click();
    browser.field("This event has a seat map").click();
    // A row whose seats would all stand on one spot: only the server's rules say so.
    String hall = Files.readString(ProjectRoot.find().resolve("web/src/test/resources/seated-hall.json"));
    browser.fill("Seat map (JSON)", hall.replaceFirst("\"dx\": 20", "\"dx\": 0").replace("Balcony", "Stalls"));
    browser.button("Create the event").click();

    String problem = browser.alertContaining("seating.sections[0].rows[0].dx");
    assertTrue(problem.contains("must not both be 0"), problem);
    assertEquals("true", browser.field("Seat map (JSON)").getAttribute("aria-invalid"));
    assertTrue(browser.driver.findElement(By.id("seating-error")).getText().contains("seating.sections[0].rows[0].dx"));
  }

  @Test
  void buyingAsksForAWholeNumberAndShowsTheLimit() {
    browser.signIn("org-limits-" + run, "organizer");
    browser.open("/organizer/new");
    browser.fill("Event name", "Small Gig " + run);
    browser.fill("Venue", "Cellar");
    browser.fill("Starts at (your local time)", "2031-05-01T21:00");
    browser.fill("Name", "Standing");
    browser.fill("Price (EUR)", "12.50");
    browser.fill("Capacity", "50");
    browser.fill("Max per order", "4");
    browser.button("Create the event").click();
    browser.heading("Live sales and check-ins");
    String eventId = browser.driver.getCurrentUrl().replaceAll(".*/organizer/events/", "");

    browser.signIn("buyer-limits-" + run, "buyer");
    browser.open("/events/" + eventId);
    browser.button("Buy tickets").click();
    browser.alertContaining("Choose how many tickets you want.");
    browser.fill("Quantity of Standing", "two");
    browser.button("Buy tickets").click();
    browser.alertContaining("enter a whole number");
    browser.fill("Quantity of Standing", "5");
    browser.button("Buy tickets").click();
    String limit = browser.alertContaining("4");
    assertTrue(browser.driver.findElements(By.xpath("//h1[normalize-space()='Checkout']")).isEmpty(), limit);
    browser.record("event-limit-exceeded");
  }

  @Test
  void gateAsksForTheEventBeforeScanning() {
    browser.signIn("gate-forms-" + run, "staff");
    browser.open("/gate");
    browser.field("Scan a ticket image").sendKeys(java.nio.file.Path.of("src/test/resources/not-a-ticket.png").toAbsolutePath().toString());
    browser.alertContaining("Choose the event you are scanning for.");
    browser.record("gate-no-event");
  }
}
