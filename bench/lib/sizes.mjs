// Byte sizes in flags and tables. Decimal units (1 MB = 10^6 bytes), as file sizes are usually shown.

const UNITS = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/** Parses "500MB", "1.4GB", "25e6" or "140 mb" to bytes. */
export function parseSize(text) {
  const m = /^\s*([\d.]+(?:e\d+)?)\s*([kmgt]?b)?\s*$/i.exec(String(text));
  if (!m) throw new Error(`not a size: ${JSON.stringify(text)} (try 500MB or 1.4GB)`);
  return Number(m[1]) * UNITS[(m[2] ?? "B").toUpperCase()];
}

/** 143 MB, 1.38 GB. */
export function formatBytes(bytes) {
  if (bytes == null || !Number.isFinite(bytes)) return "–";
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1)} MB`;
  return `${(bytes / 1e3).toFixed(0)} kB`;
}
