import Papa from 'papaparse';

/**
 * A spreadsheet the user picked (a commune's own list, for import), as rows of cell text from its
 * first sheet: XLSX (read-excel-file, loaded only when one is opened), or CSV/TSV in whatever
 * Vietnamese Excel and other tools write: UTF-8 with or without its BOM, UTF-16 (Excel's "Unicode
 * text"), or the Windows code page for Vietnamese (1258, whose tone marks come as combining marks:
 * put together again, NFC). Dates become dd/MM/yyyy, numbers their digits.
 */
export async function readSheetFile(file: Blob): Promise<string[][]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes)) {
    const { readSheet } = await import('read-excel-file/universal');
    const rows = await readSheet(file);
    return rows.map((row) => row.map(cellText));
  }
  const text = decodeText(bytes);
  // The separator (comma, semicolon, tab…) guessed over the lines with something in them; the
  // empty ones are kept after all, so each row keeps the number the leader sees in the file.
  const { delimiter } = Papa.parse(text, { preview: 50, skipEmptyLines: 'greedy' }).meta;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  return parsed.data.map((row) => row.map((cell) => cell.normalize('NFC')));
}

/** An XLSX file is a ZIP archive: it starts with "PK\x03\x04". */
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The text of a CSV file, by its byte order mark, else UTF-8 if it is valid UTF-8, else 1258. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/** A cell as the sheet shows it; a date (read-excel-file gives UTC midnight) as dd/MM/yyyy. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  return String(value).normalize('NFC');
}
