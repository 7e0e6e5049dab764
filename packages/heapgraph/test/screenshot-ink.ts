// How much of a page's screenshot is drawn: the share of pixels that are not near-white, measured
// in the page itself (no image library here). Shared by the browser tests of explore and watch.
import type { Page } from "playwright-core";

/** The share (0 to 1) of `png`'s pixels whose red, green or blue is below 200. */
export async function screenshotInk(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d")!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
    return ink / (bitmap.width * bitmap.height);
  }, png.toString("base64"));
}
