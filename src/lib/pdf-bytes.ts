/**
 * The bytes a pdfkit document writes, gathered as it streams them: take the promise right after making the
 * document, draw, call `doc.end()`, then await it. Every PDF the shop prints (invoices, estimates, vouchers,
 * challans, memos, job cards, tag labels) is made this way.
 */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on("data", (c: Buffer) => chunks.push(c))
  return new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
  })
}
