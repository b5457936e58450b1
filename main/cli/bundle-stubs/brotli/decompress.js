// Stand-in for fontkit's WOFF2 (brotli) decoder in the bundled CLI. Fonts here are TTF/OTF/TTC
// files; the real decoder adds 470 KB to parse and decodes a dictionary at every start-up.
export default function decompress() {
  throw new Error('WOFF2 字体不受支持，请使用 TTF 或 OTF 字体文件');
}
