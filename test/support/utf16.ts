/**
 * Text as UTF-16 bytes, the way a .NET or Java client serialises a string as "Unicode": little- or
 * big-endian, with or without a byte order mark.
 *
 * @see https://www.rfc-editor.org/rfc/rfc2781 (UTF-16, its byte orders and the BOM)
 */
export function toUtf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array<ArrayBuffer> {
  const units = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (order === 'be') units.swap16();
  return new Uint8Array(units);
}
