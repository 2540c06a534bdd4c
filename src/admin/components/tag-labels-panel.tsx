import { Button, Checkbox, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { postForDownload } from "../lib/files"
import { LabelledSelect } from "./labelled-select"

type Stock = "barbell_95x12" | "card_50x25" | "card_38x25" | "a4_65"

const STOCKS: [Stock, string][] = [
  ["barbell_95x12", "Barbell tag 95 × 12 mm"],
  ["card_50x25", "Label 50 × 25 mm"],
  ["card_38x25", "Label 38 × 25 mm"],
  ["a4_65", "A4 sheet of 65"],
]

/**
 * Prints tag labels (POST /admin/jewelry/labels): of the given tags, or of
 * every piece of a product, on the chosen label stock, with a Code 128 or QR
 * barcode; the PDF goes to the label printer from the browser's viewer.
 */
export function TagLabelsPanel({ tagCodes, productId }: { tagCodes?: string[]; productId?: string }) {
  const [stock, setStock] = useState<Stock>("barbell_95x12")
  const [barcode, setBarcode] = useState<"code128" | "qr">("code128")
  const [copies, setCopies] = useState("1")
  const [price, setPrice] = useState(false)
  const [busy, setBusy] = useState(false)
  const print = async () => {
    setBusy(true)
    try {
      await postForDownload(
        "/admin/jewelry/labels",
        { ...(productId ? { product_id: productId } : { tag_codes: tagCodes }), stock, barcode, copies: Number(copies) || 1, price },
        "tag-labels.pdf"
      )
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-2 gap-3">
        <LabelledSelect label="Label" value={stock} options={STOCKS} onChange={setStock} className="w-full" />
        <LabelledSelect label="Barcode" value={barcode} options={[["code128", "Code 128"], ["qr", "QR"]]} onChange={setBarcode} className="w-full" />
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="label-copies">Copies</Label>
          <Input id="label-copies" type="number" min={1} max={10} value={copies} onChange={(e) => setCopies(e.target.value)} />
        </div>
        <div className="flex items-center gap-x-2 pt-5">
          <Checkbox id="label-price" checked={price} onCheckedChange={(v) => setPrice(v === true)} />
          <Label size="small" htmlFor="label-price">Print the price</Label>
        </div>
      </div>
      <div className="flex items-center justify-between">
        <Text size="xsmall" className="text-ui-fg-subtle">Tag code, purity, gross and net weight and HUID on each label</Text>
        <Button size="small" variant="secondary" isLoading={busy} onClick={print}>Print labels</Button>
      </div>
    </div>
  )
}
