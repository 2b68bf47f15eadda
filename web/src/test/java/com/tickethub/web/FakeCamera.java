package com.tickethub.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The camera Chromium is given in the browser tests (--use-file-for-fake-video-capture): a Y4M video whose frames
 * show a picture, e.g. a ticket's QR code held in front of the lens.
 */
final class FakeCamera {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  private static final int FRAMES = 10;

  private FakeCamera() {}

  static Path file() {
    return Path.of("target", "fake-camera.y4m").toAbsolutePath();
  }

  /** A blank picture, so that the browser has a camera from its start. */
  static void showNothing() {
    write(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB));
  }

  /** The PNG {@code png} on a white background, as large as fits. */
  static void show(byte[] png) {
    try {
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
      BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = frame.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      int side = HEIGHT - 40;
      g.drawImage(picture, (WIDTH - side) / 2, 20, side, side, null);
      g.dispose();
      write(frame);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Y4M, 4:2:0: a luma plane from the picture, neutral chroma (the QR code is black and white). */
  private static void write(BufferedImage frame) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
    byte[] luma = new byte[WIDTH * HEIGHT];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int rgb = frame.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int gr = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        luma[y * WIDTH + x] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
      }
    }
    byte[] chroma = new byte[WIDTH * HEIGHT / 4];
    java.util.Arrays.fill(chroma, (byte) 128);
    for (int i = 0; i < FRAMES; i++) {
      out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(luma);
      out.writeBytes(chroma);
      out.writeBytes(chroma);
    }
    try {
      Files.createDirectories(file().getParent());
      Files.write(file(), out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
