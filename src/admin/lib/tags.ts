/** Tags scanned or typed into a box one a line: "TAG", or "TAG x 5" / "TAG, 5" for several pieces under one tag. */
export function parsePieces(text: string): { tag_code: string; quantity?: number }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, tag, qty] = /^(\S+?)(?:\s*[x×,]\s*(\d+))?$/i.exec(line) ?? [null, line, undefined]
      return { tag_code: tag as string, ...(qty ? { quantity: Number(qty) } : {}) }
    })
}
