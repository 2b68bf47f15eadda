package com.tickethub.web;

import com.tickethub.local.stack.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** axe-core (npm, pinned in web/package-lock.json) put into the page under test. */
final class Axe {
  private static String source;

  private Axe() {}

  static void inject(Browser browser) {
    if (Boolean.TRUE.equals(browser.script("return typeof window.axe !== 'undefined'"))) {
      return;
    }
    browser.script(source());
  }

  private static synchronized String source() {
    if (source == null) {
      Path file = ProjectRoot.find().resolve("web/node_modules/axe-core/axe.min.js");
      try {
        source = Files.readString(file);
      } catch (IOException e) {
        throw new UncheckedIOException("axe-core is not installed in web/node_modules (npm ci)", e);
      }
    }
    return source;
  }
}
