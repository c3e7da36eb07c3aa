import { toString as qrToSvg } from "qrcode";
import { useEffect, useState } from "react";

/** Draws the raw QR string WhatsApp gave as an SVG, redrawn whenever it rotates. */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void qrToSvg(value, { type: "svg", margin: 1, errorCorrectionLevel: "L" }).then((markup) => {
      if (current) setSvg(markup);
    });
    return () => {
      current = false;
    };
  }, [value]);
  return (
    <div
      role="img"
      aria-label={label}
      data-testid="qr-code"
      data-value={value}
      className="aspect-square w-64 max-w-full rounded-xl bg-white p-2"
      // The markup is qrcode's own SVG output for our value, not user HTML.
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
