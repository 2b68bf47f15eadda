package com.tickethub.tickets;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * QR images of ticket codes: ZXing lays out the modules (error correction M), and the PNG is written
 * here as a 1-bit grayscale image, which needs neither AWT nor ImageIO in the Lambda.
 */
public final class QrCodes {
  public static final int PIXELS_PER_MODULE = 8;
  private static final int QUIET_ZONE_MODULES = 4;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private QrCodes() {}

  public static byte[] png(String text) {
    BitMatrix modules;
    try {
      modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
          EncodeHintType.MARGIN, QUIET_ZONE_MODULES));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Text too long for a QR code", e);
    }
    return png(modules, PIXELS_PER_MODULE);
  }

  /** Dark modules black, the rest white, each module {@code scale} x {@code scale} pixels. */
  static byte[] png(BitMatrix modules, int scale) {
    int width = modules.getWidth() * scale;
    int height = modules.getHeight() * scale;
    try {
      ByteArrayOutputStream pixels = new ByteArrayOutputStream();
      try (DeflaterOutputStream deflated = new DeflaterOutputStream(pixels)) {
        byte[] row = new byte[(width + 7) / 8];
        for (int y = 0; y < height; y++) {
          Arrays.fill(row, (byte) 0);
          for (int x = 0; x < width; x++) {
            if (!modules.get(x / scale, y / scale)) {
              row[x >> 3] |= (byte) (0x80 >> (x & 7));
            }
          }
          deflated.write(0); // filter type None
          deflated.write(row);
        }
      }
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream ihdr = new DataOutputStream(header);
      ihdr.writeInt(width);
      ihdr.writeInt(height);
      ihdr.write(new byte[] {1, 0, 0, 0, 0}); // bit depth 1, grayscale, deflate, adaptive filters, no interlace
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      png.write(PNG_SIGNATURE);
      chunk(png, "IHDR", header.toByteArray());
      chunk(png, "IDAT", pixels.toByteArray());
      chunk(png, "IEND", new byte[0]);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
    DataOutputStream out = new DataOutputStream(png);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeInt(data.length);
    out.write(typeBytes);
    out.write(data);
    out.writeInt((int) crc.getValue());
  }
}
