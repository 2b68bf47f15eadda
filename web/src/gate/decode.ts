// QR decoding with jsQR (Linux Chromium has no BarcodeDetector): from an image file or a video frame.
import jsQR from 'jsqr';

function decodeCanvas(canvas: HTMLCanvasElement): string | null {
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

export async function decodeImageFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  // A quiet zone around the code helps when the image is cropped tight.
  const pad = Math.round(Math.max(bitmap.width, bitmap.height) * 0.1);
  canvas.width = bitmap.width + 2 * pad;
  canvas.height = bitmap.height + 2 * pad;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, pad, pad);
  return decodeCanvas(canvas);
}

export function decodeVideoFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): string | null {
  if (video.readyState < 2 || video.videoWidth === 0) {
    return null;
  }
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d', { willReadFrequently: true })!.drawImage(video, 0, 0);
  return decodeCanvas(canvas);
}
